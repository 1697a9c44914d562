import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { completeStep, restartLesson, startTask, answerRetrieval } from '../../lessons/engine/progress';
import type { Pack } from '../../lessons/pack/types';
import { localArea } from '../../components/state/area';
import { migrateAndRepair } from '../../components/state/migrate';
import { KEY, SCHEMA_VERSION } from '../../components/state/schema';
import { readSettings } from '../../components/state/settings';
import { createLearnerStore } from '../../components/state/store';
import { deleteLearnerData, exportLearnerData, importLearnerData } from '../../components/state/transfer';

const all = () => fakeBrowser.storage.local.get(null) as Promise<Record<string, unknown>>;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A tiny pack: one lesson of four steps, one per Kolb mode. */
const pack = {
  schema: 1,
  id: 'test.pack',
  version: '1.0.0',
  title: { en: 'T', fr: 'T' },
  lessons: [
    {
      id: 'headline',
      network: 'linkedin',
      pages: ['profile'],
      title: { en: 'Headline', fr: 'Titre' },
      why: { en: 'w', fr: 'w' },
      practiseSafely: { en: 'p', fr: 'p' },
      example: { en: 'e', fr: 'e' },
      hints: { experimenter: { en: 'h', fr: 'h' }, analyst: { en: 'h', fr: 'h' }, thinker: { en: 'h', fr: 'h' }, maker: { en: 'h', fr: 'h' } },
      steps: (['CE', 'RO', 'AC', 'AE'] as const).map((mode, i) => ({ id: `s${i}`, mode, text: { en: 't', fr: 't' }, done: 'manual' as const })),
      retrieval: [{ q: { en: 'q', fr: 'q' }, a: { en: 'a', fr: 'a' } }],
    },
  ],
} satisfies Pack;

describe('schema migrations', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a fresh install starts at the current schema with defaults', async () => {
    const report = await migrateAndRepair(localArea());
    expect(report).toMatchObject({ from: SCHEMA_VERSION, to: SCHEMA_VERSION, repairedKeys: [] });
    expect(await all()).toEqual({ schemaVersion: SCHEMA_VERSION });
    expect(await readSettings()).toEqual({ guideEnabled: true, disabledNetworks: [], locale: 'auto' });
  });

  it('v1 → v2: folds the switches stored by the v1 WXT item into the learner record', async () => {
    // Exactly what components/state/settings.ts wrote in v1: a WXT item with version 1 (value + `settings$` meta).
    const v1Item = storage.defineItem<{ guideEnabled: boolean; disabledNetworks: string[]; locale: string }>('local:settings', {
      fallback: { guideEnabled: true, disabledNetworks: [], locale: 'auto' },
      version: 1,
    });
    await v1Item.setValue({ guideEnabled: false, disabledNetworks: ['x', 'youtube'], locale: 'fr' });
    await tick();
    const before = await all();
    expect(before.settings).toEqual({ guideEnabled: false, disabledNetworks: ['x', 'youtube'], locale: 'fr' });
    // Readable before migration too (a content script may start first).
    expect(await readSettings()).toEqual({ guideEnabled: false, disabledNetworks: ['x', 'youtube'], locale: 'fr' });

    const report = await migrateAndRepair(localArea());
    expect(report).toMatchObject({ from: 1, to: 2, repairedKeys: [] });
    const after = await all();
    expect(after.settings).toBeUndefined();
    expect(after['settings$']).toBeUndefined();
    expect(after.schemaVersion).toBe(2);
    expect(after.learner).toMatchObject({ guideEnabled: false, disabledNetworks: ['x', 'youtube'], locale: 'fr', path: null });
    expect(await readSettings()).toEqual({ guideEnabled: false, disabledNetworks: ['x', 'youtube'], locale: 'fr' });

    // Idempotent: a second run (another context starting) changes nothing.
    await migrateAndRepair(localArea());
    expect(await all()).toEqual(after);
  });

  it('v1 → v2 with a damaged v1 value keeps a copy of it and says so', async () => {
    await fakeBrowser.storage.local.set({ settings: 42, 'settings$': { v: 1 } });
    const report = await migrateAndRepair(localArea(), () => 1000);
    expect(report.repairedKeys).toEqual(['settings']);
    const after = await all();
    expect(after['corrupt-backup-1000']).toEqual({ at: 1000, originals: { settings: 42 } });
    expect(after.learner).toMatchObject({ guideEnabled: true });
    expect(after.notices).toEqual([{ id: 'repair-1000', at: 1000, kind: 'repaired', keys: ['settings'], backupKey: 'corrupt-backup-1000' }]);
  });

  it('repairs wrongly-shaped values field by field, keeps the originals, and shows a notice (never a silent reset)', async () => {
    await fakeBrowser.storage.local.set({
      schemaVersion: 2,
      learner: { guideEnabled: 'yes', disabledNetworks: ['x', 'myspace'], locale: 'fr', path: 'analyst', secondaryPath: null, balanced: false, pathSource: 'quiz', answers: null, pathSetAt: 5 },
      'progress:test.pack/headline/s0': { at: 10 },
      'progress:test.pack/headline/s1': 'done!',
      'note:test.pack/headline': 'a bare string note',
      activeTask: [1, 2],
      unrelated: { kept: true },
    });
    const report = await migrateAndRepair(localArea(), () => 2000);
    expect(report.repairedKeys.sort()).toEqual(['activeTask', 'learner', 'note:test.pack/headline', 'progress:test.pack/headline/s1']);
    const after = await all();
    // What was right is kept: the path, the valid network, the language, the good step, the note's text.
    expect(after.learner).toMatchObject({ guideEnabled: true, disabledNetworks: ['x'], locale: 'fr', path: 'analyst', pathSource: 'quiz' });
    expect(after['progress:test.pack/headline/s0']).toEqual({ at: 10 });
    expect(after['progress:test.pack/headline/s1']).toBeUndefined();
    expect(after['note:test.pack/headline']).toEqual({ text: 'a bare string note', updatedAt: 0 });
    expect(after.activeTask).toBeUndefined();
    expect(after.unrelated).toEqual({ kept: true });
    // The originals, untouched.
    expect((after['corrupt-backup-2000'] as { originals: Record<string, unknown> }).originals).toMatchObject({
      learner: { guideEnabled: 'yes' },
      'progress:test.pack/headline/s1': 'done!',
      activeTask: [1, 2],
    });
    // The store shows the notice; dismissing it removes it.
    const store = createLearnerStore();
    await store.ready;
    expect(store.getState().notices).toHaveLength(1);
    await store.getState().dismissNotice('repair-2000');
    expect(store.getState().notices).toEqual([]);
    expect((await all()).notices).toBeUndefined();
    store.dispose();
  });

  it('a store reading damaged data before any repair does not crash and uses what is usable', async () => {
    await fakeBrowser.storage.local.set({ learner: 'garbage', activeTask: 7, 'progress:a/b/c': { at: 'x' }, notices: 'no' });
    const store = createLearnerStore();
    await store.ready;
    expect(store.getState().learner.guideEnabled).toBe(true);
    expect(store.getState().activeTask).toBeNull();
    expect(store.getState().progress.packs).toEqual({});
    store.dispose();
  });

  it('leaves data written by a newer version alone', async () => {
    await fakeBrowser.storage.local.set({ schemaVersion: 99, learner: { future: true } });
    const report = await migrateAndRepair(localArea());
    expect(report).toMatchObject({ from: 99, to: 99 });
    expect((await all()).learner).toEqual({ future: true });
  });
});

describe('learner store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a change made in one context reaches every other through storage.onChanged', async () => {
    const popup = createLearnerStore();
    const options = createLearnerStore();
    await Promise.all([popup.ready, options.ready]);
    await popup.getState().choosePath({ path: 'thinker', source: 'chosen' });
    await popup.getState().setNetworkEnabled('x', false);
    await tick();
    expect(options.getState().learner).toMatchObject({ path: 'thinker', pathSource: 'chosen', disabledNetworks: ['x'] });
    await options.getState().setActiveTask({ packId: 'test.pack', lessonId: 'headline', network: 'linkedin' });
    await tick();
    expect(popup.getState().activeTask).toMatchObject({ packId: 'test.pack', lessonId: 'headline', network: 'linkedin' });
    expect(popup.getState().progress.active).toEqual({ packId: 'test.pack', lessonId: 'headline' });
    popup.dispose();
    options.dispose();
  });

  it('two tabs completing steps at the same moment lose neither', async () => {
    const tabA = createLearnerStore();
    const tabB = createLearnerStore();
    await Promise.all([tabA.ready, tabB.ready]);
    const writes: Array<Promise<void>> = [];
    for (let i = 0; i < 25; i++) {
      // Interleaved, not awaited: both tabs write from the same stale view of progress.
      writes.push(tabA.getState().recordStepDone({ packId: 'p', lessonId: 'a', stepId: `s${i}` }));
      writes.push(tabB.getState().updateProgress((p) => ({ ...p, packs: { ...p.packs, p: { lessons: { ...p.packs.p?.lessons, b: { steps: { ...p.packs.p?.lessons.b?.steps, [`s${i}`]: i + 1 }, retrieval: [] } }, skills: {} } } })));
    }
    await Promise.all(writes);
    await tick();
    const reader = createLearnerStore();
    await reader.ready;
    const lessons = reader.getState().progress.packs.p!.lessons;
    expect(Object.keys(lessons.a!.steps)).toHaveLength(25);
    expect(Object.keys(lessons.b!.steps)).toHaveLength(25);
    // And both writers converge on the same view.
    expect(Object.keys(tabA.getState().progress.packs.p!.lessons.b!.steps)).toHaveLength(25);
    expect(Object.keys(tabB.getState().progress.packs.p!.lessons.a!.steps)).toHaveLength(25);
    for (const s of [tabA, tabB, reader]) s.dispose();
  });

  it('two contexts changing different learner fields at the same moment keep both', async () => {
    const popup = createLearnerStore();
    const options = createLearnerStore();
    await Promise.all([popup.ready, options.ready]);
    await Promise.all([
      popup.getState().setGuideEnabled(false),
      options.getState().choosePath({ path: 'maker', source: 'chosen' }),
      popup.getState().setNetworkEnabled('facebook', false),
      options.getState().setLocale('fr'),
    ]);
    await tick();
    expect((await all()).learner).toMatchObject({ guideEnabled: false, path: 'maker', disabledNetworks: ['facebook'], locale: 'fr' });
    popup.dispose();
    options.dispose();
  });

  it('writes the engine reducers’ results as facts: start, complete, retrieval, restart', async () => {
    let clock = 1_000;
    const store = createLearnerStore({ now: () => clock, packs: () => [pack] });
    await store.ready;
    const ref = { packId: 'test.pack', lessonId: 'headline' };
    await store.getState().updateProgress((p) => startTask(p, ref, clock));
    for (const stepId of ['s0', 's1', 's2', 's3']) {
      clock += 10;
      await store.getState().updateProgress((p) => completeStep(p, [pack], { ...ref, stepId }, clock));
    }
    let stored = await all();
    expect(stored['started:test.pack/headline']).toEqual({ at: 1000 });
    expect(stored['progress:test.pack/headline/s3']).toEqual({ at: 1040 });
    expect(stored['completed:test.pack/headline']).toEqual({ at: 1040 });
    await store.getState().updateProgress((p) => answerRetrieval(p, ref, { q: 0, recalled: true }, 5000));
    stored = await all();
    expect(stored['recall:test.pack/headline/5000-0']).toEqual({ at: 5000, q: 0, recalled: true });
    await store.getState().updateProgress((p) => restartLesson(p, ref, 6000));
    stored = await all();
    expect(stored['progress:test.pack/headline/s0']).toBeUndefined();
    expect(stored['completed:test.pack/headline']).toEqual({ at: 1040 }); // completion history kept
    const fresh = createLearnerStore();
    await fresh.ready;
    expect(fresh.getState().progress.packs['test.pack']!.lessons.headline).toEqual({
      startedAt: 6000,
      steps: {},
      completedAt: 1040,
      retrieval: [{ at: 5000, q: 0, recalled: true }],
    });
    store.dispose();
    fresh.dispose();
  });

  it('keeps skip facts (skipped:PACK/LESSON and skipped:PACK/LESSON/STEP) through an unrelated progress update', async () => {
    await fakeBrowser.storage.local.set({ 'skipped:test.pack/headline': { at: 7 }, 'skipped:test.pack/headline/s1': { at: 6 }, 'skipped:test.pack/a/b/c/d': { at: 1 } });
    const store = createLearnerStore({ now: () => 9, packs: () => [pack] });
    await store.ready;
    expect(Object.keys(store.getState().facts).sort()).toEqual(['skipped:test.pack/headline', 'skipped:test.pack/headline/s1']);
    await store.getState().updateProgress((p) => answerRetrieval(p, { packId: 'test.pack', lessonId: 'headline' }, { q: 0, recalled: true }, 9));
    const stored = await all();
    expect(stored['skipped:test.pack/headline']).toEqual({ at: 7 });
    expect(stored['skipped:test.pack/headline/s1']).toEqual({ at: 6 });
    store.dispose();
  });

  it('counts a lesson whose last two steps were finished in two tabs at once as completed', async () => {
    await fakeBrowser.storage.local.set(Object.fromEntries(['s0', 's1', 's2', 's3'].map((s, i) => [`progress:test.pack/headline/${s}`, { at: 100 + i }])));
    const store = createLearnerStore({ packs: () => [pack] });
    await store.ready;
    expect(store.getState().progress.packs['test.pack']!.lessons.headline!.completedAt).toBe(103);
    store.dispose();
  });

  it('keeps the first completion time of a step', async () => {
    let clock = 10;
    const store = createLearnerStore({ now: () => clock });
    await store.ready;
    await store.getState().recordStepDone({ packId: 'p', lessonId: 'l', stepId: 's' });
    clock = 20;
    await store.getState().recordStepDone({ packId: 'p', lessonId: 'l', stepId: 's' });
    expect((await all())['progress:p/l/s']).toEqual({ at: 10 });
    store.dispose();
  });
});

describe('export, delete, import', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips everything the learner has', async () => {
    await migrateAndRepair(localArea());
    const store = createLearnerStore({ now: () => 42 });
    await store.ready;
    await store.getState().choosePath({ path: 'analyst', source: 'quiz', secondaryPath: 'maker', balanced: false, answers: ['analyst', null, 'maker', 'analyst', 'analyst', 'thinker', 'experimenter'] });
    await store.getState().setNetworkEnabled('youtube', false);
    await store.getState().recordStepDone({ packId: 'test.pack', lessonId: 'headline', stepId: 's0' });
    await store.getState().saveNote('test.pack', 'headline', 'Mon titre : « Acheteur industriel » ✓');
    await store.getState().setActiveTask({ packId: 'test.pack', lessonId: 'headline', network: 'linkedin' });
    await fakeBrowser.storage.local.set({ presets: { entryPath: 'maker' }, 'packs:other-feature': { kept: true } });
    const before = await all();

    const file = JSON.stringify(await exportLearnerData(localArea()));
    expect(await deleteLearnerData(localArea())).toBeGreaterThan(0);
    const emptied = await all();
    expect(emptied.learner).toBeUndefined();
    expect(emptied['note:test.pack/headline']).toBeUndefined();
    expect(emptied['packs:other-feature']).toEqual({ kept: true }); // not the learner's: left alone
    expect(emptied.presets).toEqual({ entryPath: 'maker' }); // the trainer's, not the learner's

    const result = await importLearnerData(localArea(), file);
    expect(result).toMatchObject({ ok: true, repairedKeys: [] });
    expect(await all()).toEqual(before);
    store.dispose();
  });

  it('merges an import with what is there: nothing done is undone, the newer note wins', async () => {
    await fakeBrowser.storage.local.set({
      'progress:p/l/a': { at: 5 },
      'note:p/l': { text: 'newer, here', updatedAt: 100 },
      'note:p/m': { text: 'older, here', updatedAt: 1 },
    });
    const file = JSON.stringify({
      format: 'training-wheels/learner-data',
      schemaVersion: 2,
      exportedAt: '2026-01-01T00:00:00.000Z',
      data: { 'progress:p/l/a': { at: 9 }, 'progress:p/l/b': { at: 7 }, 'note:p/l': { text: 'older, file', updatedAt: 50 }, 'note:p/m': { text: 'newer, file', updatedAt: 60 }, 'progress:p/l/c': 'bad' },
    });
    const result = await importLearnerData(localArea(), file);
    expect(result).toMatchObject({ ok: true, repairedKeys: ['progress:p/l/c'] });
    const after = await all();
    expect(after['progress:p/l/a']).toEqual({ at: 5 });
    expect(after['progress:p/l/b']).toEqual({ at: 7 });
    expect(after['note:p/l']).toEqual({ text: 'newer, here', updatedAt: 100 });
    expect(after['note:p/m']).toEqual({ text: 'newer, file', updatedAt: 60 });
  });

  it('refuses files that are not an export, without touching anything', async () => {
    await fakeBrowser.storage.local.set({ learner: { path: 'maker' } });
    expect(await importLearnerData(localArea(), '{oops')).toEqual({ ok: false, reason: 'not-json' });
    expect(await importLearnerData(localArea(), '{"hello":1}')).toEqual({ ok: false, reason: 'not-export' });
    expect(await importLearnerData(localArea(), JSON.stringify({ format: 'training-wheels/learner-data', schemaVersion: 9, data: {} }))).toEqual({ ok: false, reason: 'newer-version' });
    expect(await all()).toEqual({ learner: { path: 'maker' } });
  });
});

describe('settings.ts stays compatible (trainer mode reads the language through it)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('the store writes the switches and leaves the path alone; a path change leaves the switches as they were', async () => {
    await fakeBrowser.storage.local.set({ [KEY.learner]: { path: 'thinker', pathSource: 'quiz' } });
    const store = createLearnerStore();
    await store.ready;
    await store.getState().setGuideEnabled(false);
    await store.getState().setLocale('en');
    await tick();
    await tick();
    expect((await all()).learner).toMatchObject({ guideEnabled: false, locale: 'en', path: 'thinker', pathSource: 'quiz' });
    expect(await readSettings()).toEqual({ guideEnabled: false, disabledNetworks: [], locale: 'en' });
    const before = await readSettings();
    await store.getState().choosePath({ path: 'maker', source: 'chosen' });
    await tick();
    await tick();
    expect(await readSettings()).toEqual(before);
    store.dispose();
  });
});
