// Engine examples on the guide's example pack: what a learner sees, step by step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { computeGuide, dueRetrievals, localize, slicePack, stepOrder, DAY_MS } from '../../lessons/engine/engine';
import { completeStep, dismissHint, emptyProgress, sanitizeProgress, showHintAgain, startTask, type Progress } from '../../lessons/engine/progress';
import type { Pack } from '../../lessons/pack/types';
import type { PageInput } from '../../lessons/engine/engine';

const pack = parse(readFileSync(join(__dirname, '../../lessons/examples/example-pack.yaml'), 'utf8')) as Pack;
const T0 = Date.UTC(2026, 2, 1);
const ref = { packId: 'acme.linkedin-basics', lessonId: 'headline' };
const profile: PageInput = { network: 'linkedin', pageKind: 'profile' };
const guide = (progress: Progress, extra: Partial<Parameters<typeof computeGuide>[0]['learner']> = {}, page: PageInput = profile, now = T0) =>
  computeGuide({ packs: [pack], learner: { path: 'analyst', locale: 'fr', progress, ...extra }, page, now });

describe('engine on the example pack', () => {
  it('shows the path hint in the learner locale, pointing at the lesson anchor', () => {
    const g = guide(emptyProgress());
    expect(g.path).toBe('analyst');
    expect(g.task).toBeNull();
    expect(g.hints).toHaveLength(1);
    const h = g.hints[0]!;
    expect(h).toMatchObject({ key: 'acme.linkedin-basics/headline', level: 'full', anchor: 'linkedin.profile.headline', fromSecondary: false, title: 'Votre titre' });
    expect(h.text).toBe(pack.lessons[0]!.hints.analyst.fr);
  });

  it('shows nothing on another page kind or network', () => {
    expect(guide(emptyProgress(), {}, { network: 'linkedin', pageKind: 'feed' }).hints).toEqual([]);
    expect(guide(emptyProgress(), {}, { network: 'x', pageKind: 'profile' }).hints).toEqual([]);
    expect(guide(emptyProgress(), {}, { network: 'linkedin', pageKind: null }).hints).toEqual([]);
  });

  it('walks a started task in the path order, with the path step hint, then completes it', () => {
    let pr = startTask(emptyProgress(), ref, T0);
    let g = guide(pr);
    expect(g.hints).toEqual([]); // the task replaces the hint card
    expect(g.task).toMatchObject({ stepId: 'notice', mode: 'RO', index: 0, total: 4, hint: 'Notez les mots qui reviennent.' });
    for (const step of ['notice', 'rule', 'rewrite', 'try']) {
      expect(guide(pr).task?.stepId).toBe(step);
      pr = completeStep(pr, [pack], { ...ref, stepId: step }, T0 + 1000);
    }
    g = guide(pr);
    expect(g.task).toBeNull();
    expect(pr.packs[ref.packId]!.lessons.headline!.completedAt).toBe(T0 + 1000);
    expect(g.hints[0]).toMatchObject({ level: 'beacon', completed: true });
  });

  it('says where to resume a task started on another page kind', () => {
    const g = guide(startTask(emptyProgress(), ref, T0), {}, { network: 'linkedin', pageKind: 'feed' });
    expect(g.task).toBeNull();
    expect(g.resume).toEqual({ ...ref, pages: ['profile'] });
  });

  it('dismissed hints stay hidden until "show again"', () => {
    let pr = dismissHint(emptyProgress(), ref, T0);
    expect(guide(pr).hints).toEqual([]);
    pr = showHintAgain(pr, [pack], ref, T0 + 1);
    expect(guide(pr).hints.map((h) => h.level)).toEqual(['full']);
  });

  it('lists due retrieval cards everywhere for the popup', () => {
    let pr = emptyProgress();
    for (const s of pack.lessons[0]!.steps) pr = completeStep(pr, [pack], { ...ref, stepId: s.id }, T0);
    expect(dueRetrievals([pack], pr, T0 + DAY_MS, 'en')).toEqual([]);
    const cards = dueRetrievals([pack], pr, T0 + 2 * DAY_MS, 'en');
    expect(cards).toEqual([expect.objectContaining({ review: 0, q: 0, question: 'What two things should a headline say?' })]);
  });

  it('falls back to English for a locale the pack lacks', () => {
    expect(localize({ en: 'Hi', fr: 'Salut' }, 'fr-CA')).toBe('Salut');
    expect(localize({ en: 'Hi', fr: 'Salut' }, 'de')).toBe('Hi');
    expect(guide(emptyProgress(), { locale: 'de' }).hints[0]!.title).toBe('Your headline');
  });

  it('slices a pack per network for the content script', () => {
    expect(slicePack(pack, 'x').lessons).toEqual([]);
    expect(slicePack(pack, 'linkedin').lessons).toHaveLength(1);
  });
});

describe('progress storage', () => {
  it('round-trips through JSON', () => {
    let pr = startTask(emptyProgress(), ref, T0);
    pr = completeStep(pr, [pack], { ...ref, stepId: 'notice' }, T0 + 5);
    expect(sanitizeProgress(JSON.parse(JSON.stringify(pr)))).toEqual(pr);
  });
  it('keeps the valid parts of a corrupt value', () => {
    const raw = {
      packs: { p: { lessons: { a: { steps: { s1: 10, s2: 'x' }, completedAt: -1, retrieval: [{ at: 5, recalled: true }, 'junk'] }, b: 7 }, skills: { a: { level: 'nope', at: 1 } } } },
      active: { packId: 3 },
    };
    expect(sanitizeProgress(raw)).toEqual({
      version: 1,
      active: null,
      packs: { p: { lessons: { a: { steps: { s1: 10 }, retrieval: [{ at: 5, q: 0, recalled: true }] } }, skills: {} } },
    });
    expect(sanitizeProgress('garbage')).toEqual(emptyProgress());
  });
  it('ignores a step that the pack does not have', () => {
    const pr = emptyProgress();
    expect(completeStep(pr, [pack], { ...ref, stepId: 'nope' }, T0)).toBe(pr);
  });
});

describe('steps that read another step’s result (after)', () => {
  const defaultPack = JSON.parse(readFileSync(join(__dirname, '../../lessons/default-pack/default-pack.json'), 'utf8')) as Pack;
  const PATHS = ['experimenter', 'analyst', 'thinker', 'maker'] as const;

  it('keeps "What comes up?" after the search on every path, with an order or without', () => {
    const lesson = defaultPack.lessons.find((l) => l.id === 'yt-faq-playlist-plan')!;
    for (const path of PATHS) {
      const order = stepOrder(lesson, path);
      expect(order.indexOf('what-exists'), path).toBeGreaterThan(order.indexOf('search-as-customer'));
      // A path with no order of its own takes the Kolb order, put right by `after` (the analyst's RO first).
      const unordered = stepOrder({ ...lesson, order: undefined }, path);
      expect(unordered.indexOf('what-exists'), `${path}, Kolb order`).toBe(unordered.indexOf('search-as-customer') + 1);
    }
  });

  it('holds in every lesson of the default pack, on every path', () => {
    for (const lesson of defaultPack.lessons)
      for (const path of PATHS) {
        const order = stepOrder(lesson, path);
        for (const step of lesson.steps) if (step.after) expect(order.indexOf(step.id), `${lesson.id} ${path}`).toBeGreaterThan(order.indexOf(step.after));
      }
  });
});
