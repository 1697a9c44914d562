import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyGuideAction, guideFor } from '../../components/state/guide-service';
import { flowAnchorsFor } from '../../lessons/sites';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import { stepOrder } from '../../lessons/engine/engine';
import type { GuideRequest, GuideShown } from '../../components/state/guide-protocol';

// One background for the whole file, as in the browser: the service keeps one learner store that follows storage.
const feed: GuideRequest = { type: 'tw:guide', network: 'linkedin', pageKind: 'feed', owner: null };
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
/** The answer for a page where the guide is on, in a French browser. */
async function shown(request: GuideRequest = feed): Promise<GuideShown> {
  const reply = await guideFor(request, Date.now(), () => 'fr-FR');
  if (!reply.on) throw new Error('the guide is off');
  return reply;
}
const setLearner = async (change: Record<string, unknown>) => {
  const { learner } = await fakeBrowser.storage.local.get('learner');
  await fakeBrowser.storage.local.set({ learner: { ...(learner as object), ...change } });
  await settle();
};

describe('the guide service (background side of the in-page guide)', () => {
  it('answers a page with its hints in the learner’s language and nothing from other networks', async () => {
    const { guide, anchorOverrides, locale } = await shown();
    expect(locale).toBe('fr');
    expect(guide.hints.length).toBeGreaterThan(0);
    const feedLessons = DEFAULT_PACK.lessons.filter((l) => l.network === 'linkedin' && l.pages.includes('feed')).map((l) => l.id);
    for (const hint of guide.hints) expect(feedLessons).toContain(hint.lessonId);
    const first = DEFAULT_PACK.lessons.find((l) => l.id === guide.hints[0]!.lessonId)!;
    expect(guide.hints[0]!.title).toBe(first.title.fr);
    // Only the flow anchors this guide names (the content script does not carry them; a page with hints only gets
    // few or none, not the whole registry at every load), without their documentation; the default pack repairs
    // nothing.
    expect(anchorOverrides).toHaveLength(1);
    expect(Object.keys(anchorOverrides[0]!).length).toBeLessThan(Object.keys(flowAnchorsFor('linkedin')).length / 4);
    expect(JSON.stringify(anchorOverrides)).not.toContain('tests/e2e/pages');
  });

  it('sends the flow anchors a walk needs, with the dialogs they are scoped within', async () => {
    await applyGuideAction({ kind: 'start', packId: DEFAULT_PACK.id, lessonId: 'li-event-posting', network: 'linkedin' });
    await settle();
    const { guide, anchorOverrides } = await shown();
    expect(guide.task?.walk.length).toBeGreaterThan(0);
    const sent = Object.keys(anchorOverrides[0]!);
    for (const item of guide.task!.walk) if (item.anchor && item.anchor in flowAnchorsFor('linkedin')) expect(sent).toContain(item.anchor);
    for (const name of sent) {
      const def = anchorOverrides[0]![name]!;
      const within = Array.isArray(def) ? undefined : def.within;
      if (within && within in flowAnchorsFor('linkedin')) expect(sent, `${name} within ${within}`).toContain(within);
    }
    expect(sent.every((name) => name.startsWith('linkedin.'))).toBe(true);
    await applyGuideAction({ kind: 'stop' });
    await settle();
  });

  it('walks a task: start, steps done in the path’s order, back, and completion that clears the active task', async () => {
    const lesson = DEFAULT_PACK.lessons.find((l) => l.id === 'li-event-posting')!;
    await applyGuideAction({ kind: 'start', packId: DEFAULT_PACK.id, lessonId: lesson.id, network: 'linkedin' });
    await settle();
    const order = stepOrder(lesson, 'experimenter');
    let { guide } = await shown();
    expect(guide.task).toMatchObject({ lessonId: lesson.id, stepId: order[0], index: 0 });
    expect((await fakeBrowser.storage.local.get('activeTask')).activeTask).toMatchObject({ lessonId: lesson.id, network: 'linkedin' });

    await applyGuideAction({ kind: 'done', packId: DEFAULT_PACK.id, lessonId: lesson.id, stepId: order[0]! });
    ({ guide } = await shown());
    expect(guide.task?.stepId).toBe(order[1]);
    await applyGuideAction({ kind: 'back', packId: DEFAULT_PACK.id, lessonId: lesson.id, network: 'linkedin' });
    ({ guide } = await shown());
    expect(guide.task?.stepId).toBe(order[0]);

    let last = {};
    for (const stepId of order) last = await applyGuideAction({ kind: 'done', packId: DEFAULT_PACK.id, lessonId: lesson.id, stepId });
    expect(last).toEqual({ completed: true });
    ({ guide } = await shown());
    expect(guide.task).toBeNull();
    expect((await fakeBrowser.storage.local.get('activeTask')).activeTask).toBeUndefined();
    // Progress is stored as facts, one key per step, so two tabs never overwrite each other.
    const stored = await fakeBrowser.storage.local.get(null);
    for (const stepId of order) expect(stored[`progress:${DEFAULT_PACK.id}/${lesson.id}/${stepId}`]).toBeTruthy();
    expect(stored[`completed:${DEFAULT_PACK.id}/${lesson.id}`]).toBeTruthy();
  });

  it('says the guide is off where the learner switched it off, and speaks the language they chose over the browser’s', async () => {
    await setLearner({ disabledNetworks: ['linkedin'] });
    expect(await guideFor(feed, Date.now(), () => 'fr-FR')).toEqual({ on: false });
    expect((await shown({ ...feed, network: 'youtube', pageKind: 'home' })).guide.hints.length).toBeGreaterThan(0);
    await setLearner({ disabledNetworks: [], guideEnabled: false });
    expect(await guideFor({ ...feed, network: 'youtube', pageKind: 'home' }, Date.now(), () => 'fr-FR')).toEqual({ on: false });
    await setLearner({ guideEnabled: true, locale: 'en' });
    const { locale, guide } = await shown();
    expect(locale).toBe('en');
    const first = DEFAULT_PACK.lessons.find((l) => l.id === guide.hints[0]!.lessonId)!;
    expect(guide.hints[0]!.title).toBe(first.title.en);
  });
});
