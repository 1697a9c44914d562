import { describe, expect, it } from 'vitest';
import { effectivePresets, pathLocked } from '../../components/learner/packs';
import { lessonStats, lessonsForPage, networkStats } from '../../components/learner/stats';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import { emptyProgress } from '../../lessons/engine/progress';
import type { Pack } from '../../lessons/pack/types';

const withSettings = (settings: Pack['settings']): Pack => ({ ...DEFAULT_PACK, id: 'acme.pack', settings });

describe('trainer presets as the learner pages see them', () => {
  it('stored presets (policy) override the pack settings field by field', () => {
    const packs = [withSettings({ entryPath: 'maker', perNetwork: { x: 'analyst' }, learnerCanSwitch: true })];
    expect(effectivePresets(null, packs)).toEqual({ entryPath: 'maker', perNetwork: { x: 'analyst' }, learnerCanSwitch: true });
    expect(effectivePresets({ learnerCanSwitch: false, perNetwork: { youtube: 'thinker' } }, packs)).toEqual({
      entryPath: 'maker',
      perNetwork: { x: 'analyst', youtube: 'thinker' },
      learnerCanSwitch: false,
    });
  });

  it('switching is locked only when the trainer says so and gives a path', () => {
    expect(pathLocked({ learnerCanSwitch: false, entryPath: 'analyst' })).toBe(true);
    expect(pathLocked({ learnerCanSwitch: false, perNetwork: { x: 'maker' } })).toBe(true);
    expect(pathLocked({ learnerCanSwitch: false })).toBe(false);
    expect(pathLocked({ entryPath: 'analyst' })).toBe(false);
  });
});

describe('progress figures', () => {
  const lesson = DEFAULT_PACK.lessons.find((l) => l.id === 'li-monitoring')!;

  it('counts steps, Kolb modes gone through and the last activity of a lesson', () => {
    const [a, b] = lesson.steps;
    const stats = lessonStats(lesson, { steps: { [a!.id]: 10, [b!.id]: 30 }, startedAt: 5, retrieval: [] });
    expect(stats).toMatchObject({ done: 2, total: lesson.steps.length, completed: false, lastActivity: 30 });
    expect(stats.modesDone.sort()).toEqual([...new Set([a!.mode, b!.mode])].sort());
    expect(lessonStats(lesson, undefined)).toMatchObject({ done: 0, modesDone: [], lastActivity: null });
  });

  it('sums a network and lists a page’s lessons', () => {
    const progress = emptyProgress();
    progress.packs[DEFAULT_PACK.id] = { lessons: { [lesson.id]: { steps: {}, retrieval: [], completedAt: 99 } }, skills: {} };
    const linkedin = networkStats([DEFAULT_PACK], progress, 'linkedin');
    expect(linkedin.lessonsDone).toBe(1);
    expect(linkedin.lessons.length).toBe(DEFAULT_PACK.lessons.filter((l) => l.network === 'linkedin').length);
    expect(linkedin.lastActivity).toBe(99);
    expect(lessonsForPage([DEFAULT_PACK], 'linkedin', 'feed').map((l) => l.lesson.id)).toContain('li-monitoring');
    expect(lessonsForPage([DEFAULT_PACK], 'linkedin', null)).toEqual([]);
  });
});
