// Background side of the in-page guide: answers each content script with what to show on its page (the engine
// run over the packs in use and the learner's state), and applies the learner's actions as progress facts.
// The background is the single writer of progress coming from pages; popup and options write their own facts.
import { browser } from 'wxt/browser';
import { computeGuide, effectivePath, localize, slicePack, stepOrder } from '../../lessons/engine/engine';
import { effectivePresets } from '../../lessons/engine/presets';
import { answerRetrieval, completeStep, dismissHint, reopenStep, showHintAgain, startTask } from '../../lessons/engine/progress';
import type { Pack } from '../../lessons/pack/types';
import { packsInUse } from '../packs/provider';
import { isGuideAction, isGuideRequest, type GuideActionBody, type GuideActionReply, type GuideReply, type GuideRequest } from './guide-protocol';
import { getLearnerStore, type LearnerStore } from './store';

let packs: Pack[] = [];
let store: LearnerStore | null = null;

async function ready(): Promise<LearnerStore> {
  packs = await packsInUse();
  store ??= getLearnerStore({ packs: () => packs });
  await store.ready;
  return store;
}

export async function guideFor(request: GuideRequest, now = Date.now()): Promise<GuideReply> {
  const { learner, progress, presets } = (await ready()).getState();
  const slice = packs.map((pack) => slicePack(pack, request.network)).filter((pack) => pack.lessons.length > 0);
  const guide = computeGuide({
    packs: slice,
    learner: { path: learner.path, secondaryPath: learner.secondaryPath, locale: request.locale, progress },
    presets: effectivePresets(presets, packs),
    page: { network: request.network, pageKind: request.pageKind },
    now,
  });
  const resume = guide.resume && slice.find((p) => p.id === guide.resume!.packId)?.lessons.find((l) => l.id === guide.resume!.lessonId);
  return {
    guide,
    resumeTitle: resume ? localize(resume.title, request.locale) : null,
    anchorOverrides: slice.flatMap((p) => (p.anchors ? [p.anchors] : [])),
  };
}

const lessonOf = (packId: string, lessonId: string) => packs.find((p) => p.id === packId)?.lessons.find((l) => l.id === lessonId);

export async function applyGuideAction(action: GuideActionBody, now = Date.now()): Promise<GuideActionReply> {
  const learnerStore = await ready();
  const state = () => learnerStore.getState();
  switch (action.kind) {
    case 'start':
      await state().setActiveTask({ packId: action.packId, lessonId: action.lessonId, network: action.network });
      await state().updateProgress((p) => startTask(p, action, now));
      return {};
    case 'done': {
      await state().updateProgress((p) => completeStep(p, packs, action, now));
      const lesson = state().progress.packs[action.packId]?.lessons[action.lessonId];
      if (lesson?.completedAt === undefined) return {};
      await state().setActiveTask(null);
      return { completed: true };
    }
    case 'back': {
      const lesson = lessonOf(action.packId, action.lessonId);
      if (!lesson) return {};
      const { learner, presets, progress } = state();
      const done = progress.packs[action.packId]?.lessons[action.lessonId]?.steps ?? {};
      const order = stepOrder(lesson, effectivePath(learner, effectivePresets(presets, packs), action.network));
      const current = order.findIndex((id) => done[id] === undefined);
      const previous = order[(current < 0 ? order.length : current) - 1];
      if (previous) await state().updateProgress((p) => reopenStep(p, { ...action, stepId: previous }));
      return {};
    }
    case 'stop':
      await state().setActiveTask(null);
      return {};
    case 'dismiss':
      await state().updateProgress((p) => dismissHint(p, action, now));
      return {};
    case 'showAgain':
      for (const lesson of packs.find((p) => p.id === action.packId)?.lessons ?? []) {
        if ((lesson.skill ?? lesson.id) === action.skill) await state().updateProgress((p) => showHintAgain(p, packs, { packId: action.packId, lessonId: lesson.id }, now));
      }
      return {};
    case 'answer':
      await state().updateProgress((p) => answerRetrieval(p, action, { q: action.q, recalled: action.recalled }, now));
      return {};
  }
}

/** Registers the message handlers (call synchronously at the background's start). */
export function serveGuideToContentScripts(): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isGuideRequest(message)) return guideFor(message);
    if (isGuideAction(message)) return applyGuideAction(message.action);
    return undefined;
  });
}
