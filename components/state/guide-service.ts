// Background side of the in-page guide: answers each content script with what to show on its page (the engine
// run over the packs in use and the learner's state), applies the learner's actions as progress facts, and tells
// the networks' tabs when what they show may have changed. The background is the single writer of progress coming
// from pages; popup and options write their own facts.
import { browser } from 'wxt/browser';
import { SITE_MATCHES } from '../../lessons/sites/matches';
import { resolveLocale } from '../i18n-core';
import { PACKS_REVISION_KEY } from '../packs/runtime';
import { computeGuide, effectivePath, localize, slicePack, stepOrder } from '../../lessons/engine/engine';
import { effectivePresets } from '../../lessons/engine/presets';
import { answerRetrieval, completeStep, dismissHint, reopenStep, showHintAgain, startTask } from '../../lessons/engine/progress';
import type { Pack } from '../../lessons/pack/types';
import { packsInUse } from '../packs/provider';
import {
  GUIDE_CHANGED,
  isGuideAction,
  isGuideRequest,
  type GuideActionBody,
  type GuideActionReply,
  type GuideReply,
  type GuideRequest,
} from './guide-protocol';
import { KEY, parseFactKey } from './schema';
import { isGuideOn } from './settings';
import { getLearnerStore, type LearnerStore } from './store';

let packs: Pack[] = [];
let store: LearnerStore | null = null;
/** Stored data brought to the current schema: before that, a v1 learner's switches are not in the learner record. */
let migrated: Promise<unknown> = Promise.resolve();

async function ready(): Promise<LearnerStore> {
  await migrated;
  packs = await packsInUse();
  store ??= getLearnerStore({ packs: () => packs });
  await store.ready;
  return store;
}

/** The answer for one page: nothing when the learner switched the guide off (everywhere or on this network). */
export async function guideFor(request: GuideRequest, now = Date.now(), uiLanguage = () => browser.i18n.getUILanguage()): Promise<GuideReply> {
  const { learner, progress, presets } = (await ready()).getState();
  if (!isGuideOn(learner, request.network)) return { on: false };
  const locale = resolveLocale(learner.locale, learner.locale === 'auto' ? uiLanguage() : undefined);
  const slice = packs.map((pack) => slicePack(pack, request.network)).filter((pack) => pack.lessons.length > 0);
  const guide = computeGuide({
    packs: slice,
    learner: { path: learner.path, secondaryPath: learner.secondaryPath, locale, progress },
    presets: effectivePresets(presets, packs),
    page: { network: request.network, pageKind: request.pageKind },
    now,
  });
  const resume = guide.resume && slice.find((p) => p.id === guide.resume!.packId)?.lessons.find((l) => l.id === guide.resume!.lessonId);
  return {
    on: true,
    locale,
    guide,
    resumeTitle: resume ? localize(resume.title, locale) : null,
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

/** Only changes that can change what a page shows: not notes, notices or backups. */
const affectsGuide = (key: string) =>
  key === KEY.learner ||
  key === KEY.legacySettings ||
  key === KEY.activeTask ||
  key === KEY.presets ||
  key === PACKS_REVISION_KEY ||
  parseFactKey(key) !== null;

/** Storage changes come in bursts (a step done writes two or three keys): one notice for the whole burst. */
const NOTIFY_DELAY_MS = 60;

/** Each of the networks' open tabs (host permissions let the background see their URLs, and only theirs). */
const eachNetworkTab = (act: (tabId: number) => void) =>
  browser.tabs.query({ url: SITE_MATCHES }).then(
    (tabs) => tabs.forEach((tab) => tab.id !== undefined && !tab.discarded && act(tab.id)),
    () => undefined,
  );

/**
 * Registers the message handlers and the one storage listener that keeps the networks' tabs current (call
 * synchronously at the background's start; answers wait for `migration`, the storage brought to the current schema).
 * Tabs never read storage: each write would otherwise reach every open tab of four busy sites, the learner's whole
 * record copied into each.
 */
export function serveGuideToContentScripts(migration: Promise<unknown>): void {
  migrated = migration;
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isGuideRequest(message)) return guideFor(message);
    if (isGuideAction(message)) return applyGuideAction(message.action);
    return undefined;
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (!Object.keys(changes).some(affectsGuide)) return;
    clearTimeout(timer);
    // A tab whose content script is not there (still loading, or not ours to reach) just does not answer.
    timer = setTimeout(() => void eachNetworkTab((id) => void browser.tabs.sendMessage(id, { type: GUIDE_CHANGED }).catch(() => undefined)), NOTIFY_DELAY_MS);
  });
}
