// Background side of the in-page guide: answers each content script with what to show on its page (the engine
// run over the packs in use and the learner's state), applies the learner's actions as progress facts, and tells
// the networks' tabs when what they show may have changed. The background is the single writer of progress coming
// from pages; popup and options write their own facts.
import { browser } from 'wxt/browser';
import { flowAnchorsFor } from '../../lessons/sites/index';
import { MATCHES_BY_NETWORK, SITE_MATCHES } from '../../lessons/sites/matches';
import { NETWORKS, type Network } from '../../lessons/sites/types';
import { resolveLocale } from '../i18n-core';
import { PACKS_REVISION_KEY } from '../packs/runtime';
import { computeGuide, effectivePath, localize, slicePack, stepOrder, type Guide } from '../../lessons/engine/engine';
import { effectivePresets } from '../../lessons/engine/presets';
import { answerRetrieval, completeStep, dismissHint, reopenStep, showHintAgain, skipStep, startTask, stepPassed } from '../../lessons/engine/progress';
import type { DoneRule, Pack } from '../../lessons/pack/types';
import { packsInUse } from '../packs/provider';
import {
  GUIDE_CHANGED,
  guideActionOf,
  isGuideRequest,
  type GuideActionBody,
  type GuideActionReply,
  type GuideReply,
  type GuideRequest,
} from './guide-protocol';
import { KEY, parseFactKey } from './schema';
import { isAnchorMissingMessage, recordMissingAnchor } from '../health/record';
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
    learner: { path: learner.path, pathSource: learner.pathSource, secondaryPath: learner.secondaryPath, locale, progress },
    presets: effectivePresets(presets, packs),
    page: { network: request.network, pageKind: request.pageKind, owner: request.owner },
    now,
  });
  const resume = guide.resume && slice.find((p) => p.id === guide.resume!.packId)?.lessons.find((l) => l.id === guide.resume!.lessonId);
  return {
    on: true,
    locale,
    guide,
    resumeTitle: resume ? localize(resume.title, locale) : null,
    // The flow anchors this guide names (dialogs, menus and forms of the walks, settings pages: the content script
    // does not carry them), then each pack's repairs over them.
    anchorOverrides: [flowAnchorsFor(request.network, anchorsNamedBy(guide)), ...slice.flatMap((p) => (p.anchors ? [p.anchors] : []))],
    packVersions: Object.fromEntries(slice.map((p) => [p.id, p.version])),
  };
}

/** Every anchor a guide may draw at or listen to: hints', the task step's, its walk's and their signals' targets. */
export function anchorsNamedBy(guide: Guide): Set<string> {
  const names = new Set<string>();
  const add = (name: string | null | undefined) => {
    if (name && name !== 'anchor') names.add(name);
  };
  const targetOf = (rule: DoneRule) => (typeof rule === 'object' && !('url' in rule) ? (Object.values(rule)[0] as string) : null);
  for (const hint of guide.hints) add(hint.anchor);
  const { task } = guide;
  if (task) {
    add(task.anchor);
    add(targetOf(task.done));
    for (const item of task.walk) {
      add(item.anchor);
      add(targetOf(item.done));
    }
  }
  return names;
}

const lessonOf = (packId: string, lessonId: string) => packs.find((p) => p.id === packId)?.lessons.find((l) => l.id === lessonId);

/**
 * Applies a learner's action from a page. `from` is the network of the tab it came from: an action on a lesson that
 * is not in the packs in use, or that belongs to another network, changes nothing.
 */
export async function applyGuideAction(action: GuideActionBody, now = Date.now(), from?: Network): Promise<GuideActionReply> {
  const learnerStore = await ready();
  const state = () => learnerStore.getState();
  if ('lessonId' in action) {
    const lesson = lessonOf(action.packId, action.lessonId);
    if (!lesson || (from !== undefined && lesson.network !== from) || ('network' in action && action.network !== lesson.network)) return {};
  } else if ('skill' in action && !packs.some((p) => p.id === action.packId)) return {};
  switch (action.kind) {
    case 'start':
      await state().setActiveTask({ packId: action.packId, lessonId: action.lessonId, network: action.network });
      await state().updateProgress((p) => startTask(p, action, now));
      return {};
    case 'done':
    case 'skip': {
      const before = state().progress.packs[action.packId]?.lessons[action.lessonId];
      const wasOver = before?.completedAt !== undefined || before?.skippedAt !== undefined;
      await state().updateProgress((p) => (action.kind === 'done' ? completeStep : skipStep)(p, packs, action, now));
      const lesson = state().progress.packs[action.packId]?.lessons[action.lessonId];
      const completed = lesson?.completedAt !== undefined && before?.completedAt === undefined;
      const skipped = !wasOver && lesson?.completedAt === undefined && lesson?.skippedAt !== undefined;
      if (!completed && !skipped) {
        // The next step starts at the beginning of its walk.
        if (state().activeTask?.walk) await setWalk(action, null);
        return {};
      }
      await state().setActiveTask(null);
      return completed ? { completed: true } : { skipped: true };
    }
    case 'walk': {
      const active = state().activeTask;
      if (active?.packId !== action.packId || active.lessonId !== action.lessonId) return {};
      await setWalk(action, { stepId: action.stepId, index: action.index });
      return {};
    }
    case 'back': {
      const lesson = lessonOf(action.packId, action.lessonId);
      if (!lesson) return {};
      const { learner, presets, progress, activeTask } = state();
      const lp = progress.packs[action.packId]?.lessons[action.lessonId];
      const order = stepOrder(lesson, effectivePath(learner, effectivePresets(presets, packs), action.network));
      const current = order.findIndex((id) => !stepPassed(lp, id));
      // Inside a walk, Back goes to the micro-step before; at its start, to the step before.
      const walk = activeTask?.packId === action.packId && activeTask.lessonId === action.lessonId ? activeTask.walk : undefined;
      if (walk && walk.stepId === order[current] && walk.index > 0) {
        await setWalk(action, { stepId: walk.stepId, index: walk.index - 1 });
        return {};
      }
      const previous = order[(current < 0 ? order.length : current) - 1];
      if (previous) await state().updateProgress((p) => reopenStep(p, { ...action, stepId: previous }));
      if (walk) await setWalk(action, null);
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

/** Where the active task is in a step's walk (null: at the start). The task record is the one all tabs read. */
async function setWalk(ref: { packId: string; lessonId: string }, walk: { stepId: string; index: number } | null): Promise<void> {
  const state = (await ready()).getState();
  const active = state.activeTask;
  if (!active || active.packId !== ref.packId || active.lessonId !== ref.lessonId) return;
  const { startedAt: _startedAt, walk: _walk, ...task } = active;
  await state.setActiveTask(walk ? { ...task, walk } : task);
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
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * The network of the frame that sent a message: our own content script (this extension's id), in a tab, in a frame
 * whose URL is on one of the four networks. Anything else (another extension, one of our pages, a frame of another
 * site) gets null, and no answer.
 */
export function senderNetwork(sender: MessageSender, ownId: string = browser.runtime.id): Network | null {
  if (sender.id !== ownId || sender.tab?.id === undefined || typeof sender.url !== 'string') return null;
  let origin: string;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return null;
  }
  for (const network of NETWORKS) if (MATCHES_BY_NETWORK[network].some((pattern) => pattern.replace(/\/\*$/, '') === origin)) return network;
  return null;
}

/**
 * The one message handler of the background for the networks' tabs. Each message is checked whole (its shape, its
 * ids) and so is its sender: a frame of one of the four networks, asking for the network it is on. Anything else is
 * not answered and changes nothing.
 */
export function handleTabMessage(message: unknown, sender: MessageSender): Promise<unknown> | undefined {
  const network = senderNetwork(sender);
  if (!network) return undefined;
  if (isGuideRequest(message)) {
    if (message.network !== network) return undefined; // a frame asks for the guide of the network it is on, only
    return guideFor(message);
  }
  // Content health: a control a lesson needed and the page did not offer (checked whole in components/health/record.ts).
  if (isAnchorMissingMessage(message)) return recordMissingAnchor(message, network);
  const action = guideActionOf(message);
  if (action) {
    if ('network' in action && action.network !== network) return undefined;
    return applyGuideAction(action, Date.now(), network);
  }
  return undefined;
}

export function serveGuideToContentScripts(migration: Promise<unknown>): void {
  migrated = migration;
  browser.runtime.onMessage.addListener((message: unknown, sender) => handleTabMessage(message, sender));

  let timer: ReturnType<typeof setTimeout> | undefined;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (!Object.keys(changes).some(affectsGuide)) return;
    clearTimeout(timer);
    // A tab whose content script is not there (still loading, or not ours to reach) just does not answer.
    timer = setTimeout(() => void eachNetworkTab((id) => void browser.tabs.sendMessage(id, { type: GUIDE_CHANGED }).catch(() => undefined)), NOTIFY_DELAY_MS);
  });
}
