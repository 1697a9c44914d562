import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { resolveLocale, type Locale } from '../../components/i18n-core';
import { INITIAL_UI, type OverlayActions, type OverlayState } from '../../components/overlay/Overlay';
import {
  GUIDE_ACTION,
  GUIDE_REQUEST,
  type GuideActionBody,
  type GuideActionReply,
  type GuideReply,
  type GuideRequest,
} from '../../components/state/guide-protocol';
import { PACKS_REVISION_KEY } from '../../components/packs/runtime';
import { KEY, parseFactKey } from '../../components/state/schema';
import type { GuideSettings } from '../../components/state/settings';
import { mergeAnchors } from '../../lessons/sites/merge';
import type { AnchorRegistry, SiteAdapter } from '../../lessons/sites/types';
import { watchAnchors, type AnchorStates, type AnchorWatch } from './anchor-watcher';
import { ruleAnchor, watchCompletion, type CompletionWatch } from './completion';
import { watchNavigation } from './navigation';

/** Storage changes come in bursts (a step done writes two or three keys): one request for the whole burst. */
const REFRESH_DELAY_MS = 60;

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
 * Everything the guide does on one tab once it is switched on. The background runs the engine and keeps the
 * learner's state; this side says which page it is on, shows what comes back beside the real controls, keeps the
 * anchors it needs resolved, and sends back the learner's actions and the steps' completion signals.
 * `stop()` removes every trace of it.
 */
export function createGuideController(
  ctx: ContentScriptContext,
  site: SiteAdapter,
  /** The page kind changed, or the background answered for the page (`answered`: there is a guide to show). */
  onPage: (pageKind: string | null, answered: boolean) => void,
) {
  let running = false;
  let registry: AnchorRegistry = site.anchors;
  let overridesJson = '';
  let pageKind: string | null = null;
  let anchorWatch: AnchorWatch | null = null;
  let anchorNames = '';
  let completion: CompletionWatch | null = null;
  let completionKey = '';
  let settings: GuideSettings | null = null;
  let navigationWatched = false;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let requestSeq = 0;
  let celebration: ReturnType<typeof setTimeout> | undefined;

  const locale = (): Locale => resolveLocale(settings?.locale, browser.i18n.getUILanguage());

  /** A message that fails (the extension was reloaded, the worker is gone) must never reach the page's console. */
  async function send<T>(message: object): Promise<T | null> {
    if (ctx.isInvalid) return null;
    try {
      return (await browser.runtime.sendMessage(message)) as T;
    } catch {
      if (!ctx.isInvalid) {
        overlay.setState({ error: true });
        onPage(pageKind, true); // the overlay shows that it could not load, rather than nothing
      }
      return null;
    }
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

  /** Asks the background what applies here, then keeps the anchors and the completion signal it needs. */
  async function refresh() {
    const seq = ++requestSeq;
    const request: GuideRequest = { type: GUIDE_REQUEST, network: site.network, pageKind, locale: locale() };
    const reply = await send<GuideReply>(request);
    // A slower answer to an older question (the page changed meanwhile) is dropped.
    if (!reply || seq !== requestSeq || !running) return;
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
    const key = `${pageKind}|${names.join(',')}`;
    if (key !== anchorNames) {
      anchorNames = key;
      anchorWatch?.stop();
      overlay.setState({ anchors: {} });
      anchorWatch = watchAnchors(names, registry, pageKind, (states: AnchorStates) => {
        overlay.setState({ anchors: states });
        for (const [name, state] of Object.entries(states)) completion?.onAnchor(name, state.element);
      });
    }
    // The anchors are resolved first, so the overlay renders once with the guide and its controls together.
    overlay.setState({ guide, resumeTitle: reply.resumeTitle, locale: request.locale, error: false });
    onPage(pageKind, true);

    const stepKey = task ? `${task.packId}/${task.lessonId}/${task.stepId}` : '';
    if (stepKey !== completionKey) {
      completionKey = stepKey;
      completion?.stop();
      completion = task ? watchCompletion(task.done, task.anchor, () => void finishStep()) : null;
      if (completion) for (const [name, state] of Object.entries(overlay.getState().anchors)) completion.onAnchor(name, state.element);
    }
  }

  const scheduleRefresh = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
  };
  /** Only changes that can change what this page shows: not notes, notices, backups or the trainer flag. */
  const affectsGuide = (key: string) =>
    key === KEY.learner || key === KEY.activeTask || key === KEY.presets || key === PACKS_REVISION_KEY || parseFactKey(key) !== null;

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

  function showPage(url: URL) {
    pageKind = pageKindHere(site, url);
    onPage(pageKind, false);
    followTheme();
    overlay.setState((s) => ({ ui: { ...s.ui, cardHidden: false, expandedHint: null } }));
    completion?.onNavigate(url);
    void refresh();
  }

  return {
    overlay,
    /** storage.local keys just changed (the tab's one storage listener, content/run.tsx, passes them on). */
    storageChanged(keys: string[]) {
      if (running && keys.some(affectsGuide)) scheduleRefresh();
    },
    start(next: GuideSettings) {
      settings = next;
      running = true;
      if (!navigationWatched) {
        navigationWatched = true;
        watchNavigation(ctx, site, (url) => running && showPage(url));
      }
      showPage(new URL(location.href));
    },
    stop() {
      running = false;
      clearTimeout(refreshTimer);
      clearTimeout(celebration);
      anchorWatch?.stop();
      anchorWatch = null;
      anchorNames = '';
      completion?.stop();
      completion = null;
      completionKey = '';
    },
  };
}
