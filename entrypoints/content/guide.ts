import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { INITIAL_UI, type OverlayActions, type OverlayState } from '../../components/overlay/state';
import {
  GUIDE_ACTION,
  GUIDE_REQUEST,
  OVERLAY_UI_REQUEST,
  type GuideActionBody,
  type GuideActionReply,
  type GuideReply,
  type GuideRequest,
} from '../../components/state/guide-protocol';
import { ANCHOR_MISSING, type AnchorMissingMessage } from '../../lessons/health/anchor-missing';
import { mergeAnchors } from '../../lessons/sites/merge';
import type { AnchorRegistry, SiteAdapter } from '../../lessons/sites/types';
import { watchAnchors, type AnchorStates, type AnchorWatch } from './anchor-watcher';
import { ruleAnchor, watchCompletion, type CompletionWatch } from './completion';
import { watchNavigation } from './navigation';

type Theme = 'light' | 'dark';
const systemTheme = (): Theme => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

/** The site's theme from its own marker on <html> (site knowledge), read without computing any style. */
function markedTheme(site: SiteAdapter): Theme | null {
  const root = document.documentElement;
  if (root.matches(site.theme.dark)) return 'dark';
  return site.theme.light && root.matches(site.theme.light) ? 'light' : null;
}

/** No marker: the page's background colour, else the system's. Reads a computed style, so call it after a paint. */
function computedTheme(): Theme {
  const background = getComputedStyle(document.body ?? document.documentElement).backgroundColor;
  const rgb = background.match(/\d+(\.\d+)?/g)?.map(Number);
  if (rgb && rgb.length >= 3 && (rgb[3] ?? 1) > 0) {
    const [r = 255, g = 255, b = 255] = rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return systemTheme();
}

function pageKindHere(site: SiteAdapter, url: URL): string | null {
  const kind = site.pageKind(url);
  return site.refinePageKind ? site.refinePageKind(kind, (css) => document.querySelector(css) !== null) : kind;
}

/**
 * Everything the guide does on one tab. The background runs the engine and keeps the learner's state, switches
 * included; this side says which page it is on, shows what comes back beside the real controls (or nothing, when
 * the guide is off here), keeps the anchors it needs resolved, and sends back the learner's actions and the steps'
 * completion signals. `stop()` removes every trace of it.
 */
export function createGuideController(
  ctx: ContentScriptContext,
  site: SiteAdapter,
  view: {
    /** The page kind changed, or whether the overlay should be there (`visible`; null: as it was). */
    onPage(pageKind: string | null, visible: boolean | null): void;
  },
) {
  const { onPage } = view;
  let running = false;
  /** The background's last word: the guide is on here (true), off (false), not known yet (null). */
  let on: boolean | null = null;
  let themedUrl = '';
  let registry: AnchorRegistry = site.anchors;
  let overridesJson = '';
  let pageKind: string | null = null;
  let anchorWatch: AnchorWatch | null = null;
  let anchorNames = '';
  let completion: CompletionWatch | null = null;
  let completionKey = '';
  let navigationWatched = false;
  let requestSeq = 0;
  let celebration: ReturnType<typeof setTimeout> | undefined;
  /** Content health: which lesson (and step) needs each watched anchor here, and what was already reported. */
  let needs: Array<{ anchor: string; packId: string; lessonId: string; stepId: string | null }> = [];
  let packVersions: Record<string, string> = {};
  let reported = new Set<string>();

  /**
   * The background's answer, or null when the message failed: a failure (the extension was reloaded, the worker is
   * gone) must never reach the page's console.
   */
  async function ask<T>(message: object): Promise<T | null> {
    if (ctx.isInvalid) return null;
    try {
      return (await browser.runtime.sendMessage(message)) as T;
    } catch {
      return null;
    }
  }

  async function send<T>(message: object): Promise<T | null> {
    const reply = await ask<T>(message);
    // The overlay shows that it could not load, rather than nothing; unless the learner had switched it off here.
    if (reply === null && !ctx.isInvalid && on !== false) {
      overlay.setState({ error: true });
      onPage(pageKind, true);
    }
    return reply;
  }

  const act = (action: GuideActionBody) => send<GuideActionReply>({ type: GUIDE_ACTION, action });

  function celebrate(title: string) {
    clearTimeout(celebration);
    overlay.setState((s) => ({ ui: { ...s.ui, completed: title } }));
    celebration = setTimeout(() => overlay.setState((s) => ({ ui: { ...s.ui, completed: null } })), 6000);
  }

  async function finishStep() {
    const task = overlay.getState().guide?.task;
    if (!task) return;
    const reply = await act({ kind: 'done', packId: task.packId, lessonId: task.lessonId, stepId: task.stepId });
    if (reply?.completed) celebrate(task.lessonTitle);
  }

  const currentTask = () => overlay.getState().guide?.task ?? null;
  const actions: OverlayActions = {
    start: (packId, lessonId) => void act({ kind: 'start', packId, lessonId, network: site.network }),
    done: () => void finishStep(),
    skip: () => void finishStep(),
    back: () => {
      const task = currentTask();
      if (task) void act({ kind: 'back', packId: task.packId, lessonId: task.lessonId, network: site.network });
    },
    stop: () => void act({ kind: 'stop' }),
    dismissHint: (hint) => void act({ kind: 'dismiss', packId: hint.packId, lessonId: hint.lessonId }),
    showAgain: (packId, skill) => void act({ kind: 'showAgain', packId, skill }),
    answer: (card, recalled) => void act({ kind: 'answer', packId: card.packId, lessonId: card.lessonId, q: card.q, recalled }),
  };

  const overlay: StoreApi<OverlayState> = createStore<OverlayState>()(() => ({
    locale: 'en',
    theme: 'light',
    guide: null,
    resumeTitle: null,
    anchors: {},
    ui: INITIAL_UI,
    error: false,
    actions,
  }));

  /** Stops finding controls and watching for completion (the guide went off, or the extension went away). */
  function release() {
    anchorWatch?.stop();
    anchorWatch = null;
    anchorNames = '';
    completion?.stop();
    completion = null;
    completionKey = '';
  }

  /** Asks the background what applies here, then keeps the anchors and the completion signal it needs. */
  async function refresh() {
    const seq = ++requestSeq;
    const request: GuideRequest = { type: GUIDE_REQUEST, network: site.network, pageKind };
    const reply = await send<GuideReply>(request);
    // A slower answer to an older question (the page changed meanwhile) is dropped.
    if (!reply || seq !== requestSeq || !running) return;
    on = reply.on;
    if (!reply.on) {
      release();
      clearTimeout(celebration);
      overlay.setState({ guide: null, anchors: {}, error: false });
      onPage(pageKind, false);
      return;
    }
    if (themedUrl !== location.href) {
      themedUrl = location.href;
      followTheme();
    }
    const overrides = JSON.stringify(reply.anchorOverrides);
    if (overrides !== overridesJson) {
      overridesJson = overrides;
      registry = reply.anchorOverrides.reduce<AnchorRegistry>((merged, o) => mergeAnchors(merged, o), site.anchors);
      anchorNames = ''; // re-resolve with the repaired strategies
    }
    const { guide } = reply;
    const task = guide.task;
    const wanted = new Set<string>();
    if (task?.anchor) wanted.add(task.anchor);
    const signal = task ? ruleAnchor(task.done, task.anchor) : null;
    if (signal) wanted.add(signal);
    // Only the anchors something will be drawn at: the task's, or the first full hint's and the beacons'.
    // The other lessons are listed in the panel and need no control found.
    const primary = task ? null : guide.hints.find((h) => h.level === 'full' && !h.completed);
    if (primary?.anchor) wanted.add(primary.anchor);
    if (!task) for (const hint of guide.hints) if (hint.level === 'beacon' && hint.anchor) wanted.add(hint.anchor);
    const names = [...wanted].sort();
    packVersions = reply.packVersions ?? {};
    needs = [
      ...(task ? [task.anchor, signal].filter((a): a is string => Boolean(a)).map((anchor) => ({ anchor, packId: task.packId, lessonId: task.lessonId, stepId: task.stepId })) : []),
      ...guide.hints.filter((h) => h.anchor && (h === primary || (!task && h.level === 'beacon'))).map((h) => ({ anchor: h.anchor!, packId: h.packId, lessonId: h.lessonId, stepId: null })),
    ];
    const key = `${pageKind}|${names.join(',')}`;
    if (key !== anchorNames) {
      anchorNames = key;
      anchorWatch?.stop();
      overlay.setState({ anchors: {} });
      anchorWatch = watchAnchors(names, registry, pageKind, (states: AnchorStates) => {
        overlay.setState({ anchors: states });
        for (const [name, state] of Object.entries(states)) if (state.status === 'missing') reportMissing(name);
        for (const [name, state] of Object.entries(states)) completion?.onAnchor(name, state.element);
      });
    }
    // The anchors are resolved first, so the overlay renders once with the guide and its controls together.
    overlay.setState({ guide, resumeTitle: reply.resumeTitle, locale: reply.locale, error: false });
    onPage(pageKind, true);

    const stepKey = task ? `${task.packId}/${task.lessonId}/${task.stepId}` : '';
    if (stepKey !== completionKey) {
      completionKey = stepKey;
      completion?.stop();
      completion = task ? watchCompletion(task.done, task.anchor, () => void finishStep()) : null;
      if (completion) for (const [name, state] of Object.entries(overlay.getState().anchors)) completion.onAnchor(name, state.element);
    }
  }

  /**
   * Light or dark like the site. Its marker costs nothing to read; without one, computing the page's style while
   * the site is still building it would force a style pass early, so that waits until after the next paint.
   */
  function followTheme() {
    const marked = markedTheme(site);
    overlay.setState({ theme: marked ?? systemTheme() });
    if (marked) return;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (running) overlay.setState({ theme: computedTheme() });
      }),
    );
  }

  /**
   * A control the lesson needs on this page was not found within its wait: told to the background once per page
   * view (its name, the page kind and the lesson's ids: no URL, nothing of the page), for Diagnostics and the
   * trainer's report of what a site change broke.
   */
  function reportMissing(anchor: string) {
    if (pageKind === null) return;
    for (const need of needs) {
      const packVersion = packVersions[need.packId];
      const key = `${pageKind}|${anchor}|${need.packId}/${need.lessonId}/${need.stepId ?? ''}`;
      if (need.anchor !== anchor || !packVersion || reported.has(key)) continue;
      reported.add(key);
      const message: AnchorMissingMessage = { type: ANCHOR_MISSING, anchor, network: site.network, pageKind, packId: need.packId, packVersion, lessonId: need.lessonId, stepId: need.stepId };
      void ask(message);
    }
  }

  function showPage(url: URL) {
    reported = new Set();
    pageKind = pageKindHere(site, url);
    onPage(pageKind, null);
    overlay.setState((s) => ({ ui: { ...s.ui, cardHidden: false, expandedHint: null } }));
    completion?.onNavigate(url);
    // Switched off here: nothing to ask on each of the site's navigations; the background says when that changes.
    if (on !== false) void refresh();
  }

  return {
    overlay,
    /** Asks the background to inject the overlay's full UI into this frame; whether it says it did. */
    loadUi: async () => (await ask<boolean>({ type: OVERLAY_UI_REQUEST })) === true,
    start() {
      running = true;
      if (!navigationWatched) {
        navigationWatched = true;
        watchNavigation(ctx, site, (url) => running && showPage(url));
      }
      showPage(new URL(location.href));
    },
    /** The background says the switches, the language, the packs or the progress changed. */
    changed() {
      if (running) void refresh();
    },
    stop() {
      running = false;
      clearTimeout(celebration);
      release();
    },
  };
}
