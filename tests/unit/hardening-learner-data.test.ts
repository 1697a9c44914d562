// Issue 15, items 1 and 9: "import learner data" is other people's input. An id no pack can have never reaches the
// fold (no prototype pollution), an oversized file or one with too many keys is refused before it is parsed or
// written, and a storage quota error is reported with nothing the learner had lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localArea, type Area } from '../../components/state/area';
import { migrateAndRepair } from '../../components/state/migrate';
import { dataFromSnapshot, isLearnerDataKey, parseFactKey, progressFromFacts } from '../../components/state/schema';
import { MAX_IMPORT_BYTES, MAX_IMPORT_KEYS, importLearnerData } from '../../components/state/transfer';
import { completeStep, emptyProgress, startTask } from '../../lessons/engine/progress';
import { tinyPack } from './packs-helpers';

const exportFile = (data: Record<string, unknown>) => JSON.stringify({ format: 'training-wheels/learner-data', schemaVersion: 2, exportedAt: '2026-01-01T00:00:00Z', data });
const polluted = () => Object.keys(Object.prototype).concat(Object.getOwnPropertyNames(Object)).filter((k) => /completedAt|startedAt|steps|hintDismissedAt/.test(k));

afterEach(() => {
  // If a test failed by polluting, clean up so that the others are judged on their own.
  for (const key of ['completedAt', 'startedAt', 'hintDismissedAt', 'steps']) {
    delete (Object.prototype as Record<string, unknown>)[key];
    delete (Object as unknown as Record<string, unknown>)[key];
  }
});

describe('item 1: ids from storage and imports must be ids', () => {
  beforeEach(() => fakeBrowser.reset());

  it('importing {"completed:any.pack/__proto__": …} neither pollutes Object.prototype nor completes every lesson', async () => {
    const area = localArea();
    const result = await importLearnerData(area, exportFile({ 'completed:any.pack/__proto__': { at: 1 }, 'progress:any.pack/__proto__/x': { at: 1 } }));
    expect(result.ok).toBe(true);
    const stored = await area.get(null);
    // What the background does at every load: fold the whole storage.
    const { data } = dataFromSnapshot(stored);
    expect(({} as Record<string, unknown>).completedAt).toBeUndefined();
    expect(polluted()).toEqual([]);
    expect(data.progress.packs['any.pack']).toBeUndefined();
    expect(Object.keys(stored).filter((k) => k.includes('__proto__'))).toEqual([]);
  });

  it('a stored key with a hostile id is ignored by the fold and removed (backed up) by the repair', async () => {
    const area = localArea();
    await area.set({ 'completed:any.pack/__proto__': { at: 1 }, 'completed:any.pack/constructor': { at: 2 }, 'progress:acme.tiny/headline/s0': { at: 3 } });
    const { data } = dataFromSnapshot(await area.get(null));
    expect(polluted()).toEqual([]);
    // `constructor` is a valid id: it is folded as an id, in a map without prototype, and writes nothing to Object.
    const constructorId: string = 'constructor';
    expect(data.progress.packs['any.pack']!.lessons[constructorId]).toEqual({ steps: {}, retrieval: [], completedAt: 2 });
    expect(data.progress.packs['acme.tiny']!.lessons.headline!.steps.s0).toBe(3);
    const report = await migrateAndRepair(area, () => 42);
    expect(report.repairedKeys).toContain('completed:any.pack/__proto__');
    const after = await area.get(null);
    expect(after['completed:any.pack/__proto__']).toBeUndefined();
    expect((after['corrupt-backup-42'] as { originals: Record<string, unknown> }).originals['completed:any.pack/__proto__']).toEqual({ at: 1 });
  });

  it('fact keys are parsed only when every id matches the pack format', () => {
    for (const bad of [
      'completed:any.pack/__proto__',
      'completed:__proto__/lesson',
      'progress:Pack/lesson/step',
      'progress:pack/lesson/st ep',
      'progress:pack/lesson/step/extra',
      `progress:pack/lesson/${'s'.repeat(65)}`,
      'fade:pack/prototype\u0000',
      'note:pack/__proto__',
    ]) {
      expect(parseFactKey(bad), bad).toBeNull();
      expect(isLearnerDataKey(bad), bad).toBe(false);
    }
    expect(parseFactKey('recall:acme.tiny/headline/1767650000000-0')).toEqual({ prefix: 'recall:', ids: ['acme.tiny', 'headline', '1767650000000-0'] });
  });

  it('the engine’s reducers keep maps without prototype, so a lesson called `constructor` or `toString` is just a lesson', () => {
    const pack = tinyPack('acme.tiny', '1.0.0', ['toString']);
    let progress = startTask(emptyProgress(), { packId: 'acme.tiny', lessonId: 'toString' }, 1);
    for (const step of pack.lessons[0]!.steps) progress = completeStep(progress, [pack], { packId: 'acme.tiny', lessonId: 'toString', stepId: step.id }, 2);
    const lessonId: string = 'toString';
    expect(progress.packs['acme.tiny']!.lessons[lessonId]!.completedAt).toBe(2);
    expect(Object.getPrototypeOf(progress.packs['acme.tiny']!.lessons)).toBeNull();
    // A fresh fold of nothing has no `toString` lesson.
    expect(progressFromFacts({}, null).packs['acme.tiny']?.lessons[lessonId]).toBeUndefined();
    expect(polluted()).toEqual([]);
  });
});

describe('item 9: import limits and a full storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('refuses a file over the size limit before parsing it, and one with too many entries', async () => {
    const area = localArea();
    const big = exportFile({ learner: { guideEnabled: true }, junk: 'x'.repeat(MAX_IMPORT_BYTES) });
    expect(await importLearnerData(area, big)).toMatchObject({ ok: false, reason: 'too-large' });
    const many: Record<string, unknown> = {};
    for (let i = 0; i <= MAX_IMPORT_KEYS; i++) many[`progress:acme.tiny/l${i}/s`] = { at: 1 };
    expect(await importLearnerData(area, exportFile(many))).toMatchObject({ ok: false, reason: 'too-many-keys' });
    expect(await area.get(null)).toEqual({});
  });

  it('a quota error is reported (not thrown, not lost) and what the learner had stays as it was', async () => {
    const real = localArea();
    await real.set({ 'progress:acme.tiny/headline/s0': { at: 5 }, learner: { guideEnabled: false } });
    const before = await real.get(null);
    const full: Area = {
      ...real,
      set: async () => {
        throw new Error('QUOTA_BYTES quota exceeded');
      },
    };
    const result = await importLearnerData(full, exportFile({ 'progress:acme.tiny/headline/s1': { at: 6 }, learner: { guideEnabled: true } }));
    expect(result).toMatchObject({ ok: false, reason: 'storage-full' });
    expect(await real.get(null)).toEqual(before);
  });
});
