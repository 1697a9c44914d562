// Skip is not done, and a walk is a step's micro-steps: the background's records of both (issue 16).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyGuideAction, guideFor } from '../../components/state/guide-service';
import type { GuideRequest, GuideShown } from '../../components/state/guide-protocol';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import { computeGuide, fadeLevel, nextRetrievalDue, stepOrder } from '../../lessons/engine/engine';
import { advanceWalk, completeStep, emptyProgress, reopenStep, skipStep, startTask } from '../../lessons/engine/progress';
import type { Lesson, Pack } from '../../lessons/pack/types';

const T0 = Date.UTC(2026, 0, 5);
const text = (s: string) => ({ en: s, fr: s });
const lesson: Lesson = {
  id: 'post',
  network: 'linkedin',
  pages: ['feed'],
  title: text('Post'),
  why: text('why'),
  practiseSafely: text('safe'),
  example: text('example'),
  hints: { experimenter: text('e'), analyst: text('a'), thinker: text('t'), maker: text('m') },
  retrieval: [{ q: text('q'), a: text('a') }],
  steps: [
    {
      id: 'write',
      mode: 'CE',
      anchor: 'linkedin.feed.startPost',
      text: text('Write and post'),
      walk: [
        { anchor: 'linkedin.feed.startPost', text: text('Open the editor'), done: { click: 'anchor' } },
        { text: text('Write two lines'), done: { input: 'linkedin.feed.startPost' } },
        { anchor: 'linkedin.feed.startPost', text: text('Post'), done: { click: 'anchor' } },
      ],
    },
    { id: 'look', mode: 'RO', text: text('Look'), done: 'manual' },
    { id: 'rule', mode: 'AC', text: text('Rule'), done: 'manual' },
    { id: 'again', mode: 'AE', text: text('Again'), done: 'manual' },
  ],
};
const pack: Pack = { schema: 1, id: 'p', version: '1.0.0', title: text('p'), lessons: [lesson] };
const ref = { packId: 'p', lessonId: 'post' };
const guide = (progress: ReturnType<typeof emptyProgress>, now = T0) =>
  computeGuide({ packs: [pack], learner: { path: 'experimenter', locale: 'en', progress }, page: { network: 'linkedin', pageKind: 'feed' }, now });

describe('skip is not done (engine)', () => {
  it('moves on, records the skip apart, and ends the lesson as skipped: no completion, no credit, no review', () => {
    let p = startTask(emptyProgress(), ref, T0);
    p = skipStep(p, [pack], { ...ref, stepId: 'write' }, T0 + 1);
    expect(guide(p).task?.stepId).toBe('look');
    for (const stepId of ['look', 'rule', 'again']) p = completeStep(p, [pack], { ...ref, stepId }, T0 + 2);
    const lp = p.packs.p!.lessons.post!;
    expect(lp.steps.write).toBeUndefined();
    expect(lp.skipped?.write).toBe(T0 + 1);
    expect(lp.completedAt).toBeUndefined();
    expect(lp.skippedAt).toBe(T0 + 2);
    expect(p.active).toBeNull();
    expect(fadeLevel(pack, 'post', p.packs.p)).toBe('full');
    expect(nextRetrievalDue(lp)).toBeNull();
    const card = guide(p).hints[0]!;
    expect(card).toMatchObject({ completed: false, skipped: true });
  });

  it('lets the learner go back to the skipped steps, and completes once they are done', () => {
    let p = startTask(emptyProgress(), ref, T0);
    p = skipStep(p, [pack], { ...ref, stepId: 'write' }, T0);
    for (const stepId of ['look', 'rule', 'again']) p = completeStep(p, [pack], { ...ref, stepId }, T0);
    p = startTask(p, ref, T0 + 10);
    expect(guide(p).task?.stepId).toBe('write');
    p = completeStep(p, [pack], { ...ref, stepId: 'write' }, T0 + 11);
    expect(p.packs.p!.lessons.post!.completedAt).toBe(T0 + 11);
    expect(guide(p).hints[0]).toMatchObject({ completed: true, skipped: false });
  });

  it('Back reopens a skipped step too', () => {
    let p = startTask(emptyProgress(), ref, T0);
    p = skipStep(p, [pack], { ...ref, stepId: 'write' }, T0);
    p = reopenStep(p, { ...ref, stepId: 'write' });
    expect(guide(p).task?.stepId).toBe('write');
  });
});

describe('walks (engine)', () => {
  it('gives the current step its micro-steps and where the learner is in them', () => {
    let p = startTask(emptyProgress(), ref, T0);
    let task = guide(p).task!;
    expect(task.walk.map((w) => w.text)).toEqual(['Open the editor', 'Write two lines', 'Post']);
    expect(task.walkIndex).toBe(0);
    expect(task.done).toEqual({ click: 'anchor' }); // the walk's last micro-step ends the step
    p = advanceWalk(p, { ...ref, stepId: 'write' }, 2);
    task = guide(p).task!;
    expect(task.walkIndex).toBe(2);
    // Done: the next step starts at its own beginning, the walk position is gone.
    p = completeStep(p, [pack], { ...ref, stepId: 'write' }, T0 + 1);
    expect(p.active).toEqual(ref);
    expect(guide(p).task).toMatchObject({ stepId: 'look', walk: [], walkIndex: 0 });
  });

  it('never points past the walk, even with a stored position from an older pack', () => {
    const p = advanceWalk(startTask(emptyProgress(), ref, T0), { ...ref, stepId: 'write' }, 9);
    expect(guide(p).task!.walkIndex).toBe(2);
  });
});

// The background: what it stores and answers for the same actions, as a tab sends them.
const feed: GuideRequest = { type: 'tw:guide', network: 'linkedin', pageKind: 'feed', owner: null };
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
async function shown(): Promise<GuideShown> {
  const reply = await guideFor(feed, Date.now(), () => 'en-US');
  if (!reply.on) throw new Error('the guide is off');
  return reply;
}

describe('skip and walk (background)', () => {
  it('stores a skip as its own fact, never as progress, and answers that the lesson ended skipped', async () => {
    const lessonId = 'li-event-posting';
    const l = DEFAULT_PACK.lessons.find((x) => x.id === lessonId)!;
    const order = stepOrder(l, 'experimenter');
    await applyGuideAction({ kind: 'start', packId: DEFAULT_PACK.id, lessonId, network: 'linkedin' });
    await settle();
    const replies = [];
    replies.push(await applyGuideAction({ kind: 'skip', packId: DEFAULT_PACK.id, lessonId, stepId: order[0]! }));
    for (const stepId of order.slice(1)) replies.push(await applyGuideAction({ kind: 'done', packId: DEFAULT_PACK.id, lessonId, stepId }));
    expect(replies.at(-1)).toEqual({ skipped: true });
    expect(replies.some((r) => 'completed' in r)).toBe(false);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored[`skipped:${DEFAULT_PACK.id}/${lessonId}/${order[0]}`]).toBeTruthy();
    expect(stored[`progress:${DEFAULT_PACK.id}/${lessonId}/${order[0]}`]).toBeUndefined();
    expect(stored[`skipped:${DEFAULT_PACK.id}/${lessonId}`]).toBeTruthy();
    expect(stored[`completed:${DEFAULT_PACK.id}/${lessonId}`]).toBeUndefined();
    expect(stored.activeTask).toBeUndefined();
    expect((await shown()).guide.hints.find((h) => h.lessonId === lessonId)).toMatchObject({ completed: false, skipped: true });
  });

  it('keeps a walk’s position in the task record every tab reads, and Back steps back inside the walk', async () => {
    const lessonId = 'li-event-posting';
    const l = DEFAULT_PACK.lessons.find((x) => x.id === lessonId)!;
    const stepId = stepOrder(l, 'experimenter')[0]!;
    await applyGuideAction({ kind: 'start', packId: DEFAULT_PACK.id, lessonId, network: 'linkedin' });
    await applyGuideAction({ kind: 'walk', packId: DEFAULT_PACK.id, lessonId, stepId, index: 1 });
    await settle();
    expect((await fakeBrowser.storage.local.get('activeTask')).activeTask).toMatchObject({ lessonId, walk: { stepId, index: 1 } });
    await applyGuideAction({ kind: 'back', packId: DEFAULT_PACK.id, lessonId, network: 'linkedin' });
    await settle();
    expect((await fakeBrowser.storage.local.get('activeTask')).activeTask).toMatchObject({ lessonId, walk: { stepId, index: 0 } });
    // A walk message for another lesson than the active one changes nothing.
    await applyGuideAction({ kind: 'walk', packId: DEFAULT_PACK.id, lessonId: 'li-monitoring', stepId, index: 3 });
    await settle();
    expect((await fakeBrowser.storage.local.get('activeTask')).activeTask).toMatchObject({ lessonId, walk: { stepId, index: 0 } });
  });
});
