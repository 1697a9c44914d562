import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { resolveLocale, type Locale } from '../../components/i18n-core';
import { INITIAL_UI, type OverlayActions, type OverlayState } from '../../components/overlay/Overlay';
import { PACKS_REQUEST, PACKS_REVISION_KEY, type NetworkPacks } from '../../components/packs/runtime';
import type { GuideSettings } from '../../components/state/settings';
import { createLearnerStore, type LearnerStore } from '../../components/state/store';
import { computeGuide, stepOrder, type Guide } from '../../lessons/engine/engine';
import { answerRetrieval, completeStep, dismissHint, reopenStep, showHintAgain, startTask } from '../../lessons/engine/progress';
import type { Pack, PackSettings } from '../../lessons/pack/types';
import { mergeAnchors } from '../../lessons/sites/merge';
import type { AnchorRegistry, SiteAdapter } from '../../lessons/sites/types';
import { watchAnchors, type AnchorStates, type AnchorWatch } from './anchor-watcher';
import { ruleAnchor, watchCompletion, type CompletionWatch } from './completion';
import { watchNavigation } from './navigation';

/** The site's own theme when it has one (X's dark theme), else the system's. */
function detectTheme(): 'light' | 'dark' {
  const background = getComputedStyle(document.body ?? document.documentElement).backgroundColor;
  const rgb = background.match(/\d+(\.\d+)?/g)?.map(Number);
  if (rgb && rgb.length >= 3 && (rgb[3] ?? 1) > 0) {
    const [r = 255, g = 255, b = 255] = rgb;
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
  }
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function pageKindHere(site: SiteAdapter, url: URL): string | null {
  const kind = site.pageKind(url);
  return site.refinePageKind ? site.refinePageKind(kind, (css) => document.querySelector(css) !== null) : kind;
}

/**
 * Everything the guide does on one tab once it is switched on: reads the learner's state and this network's
 * lessons, asks the engine what applies to the page, keeps the anchors it needs resolved, and turns the learner's
 * actions and the steps' completion signals into stored progress. `stop()` removes every trace of it.
 */
export function createGuideController(ctx: ContentScriptContext, site: SiteAdapter, onPage: (pageKind: string | null) => void) {
  let learner: LearnerStore | null = null;
  let packs: NetworkPacks | null = null;
  let registry: AnchorRegistry = site.anchors;
  let pageKind: string | null = null;
  let anchorWatch: AnchorWatch | null = null;
  let anchorNames = '';
  let completion: CompletionWatch | null = null;
  let completionKey = '';
  let settings: GuideSettings | null = null;
  let navigationWatched = false;
  let unsubscribeLearner: (() => void) | null = null;

  const now = () => Date.now();
  const locale = (): Locale => resolveLocale(settings?.locale, browser.i18n.getUILanguage());
  const allPacks = (): Pack[] => packs?.packs ?? [];

  /** A write that fails (the extension was reloaded, storage is full) must never surface in the page's console. */
  const safely = (work: () => Promise<unknown> | undefined) => {
    if (ctx.isInvalid) return;
    try {
      void work()?.catch(() => overlay.setState({ error: true }));
    } catch {
      overlay.setState({ error: true });
    }
  };

  const actions: OverlayActions = {
    start: (packId, lessonId) =>
      safely(async () => {
        await learner?.getState().setActiveTask({ packId, lessonId, network: site.network });
        await learner?.getState().updateProgress((p) => startTask(p, { packId, lessonId }, now()));
      }),
    done: () => finishStep(),
    skip: () => finishStep(),
    back: () =>
      safely(async () => {
        const task = overlay.getState().guide?.task;
        const lesson = task && allPacks().find((p) => p.id === task.packId)?.lessons.find((l) => l.id === task.lessonId);
        if (!task || !lesson || task.index === 0) return;
        const previous = stepOrder(lesson, task.path)[task.index - 1]!;
        await learner?.getState().updateProgress((p) => reopenStep(p, { packId: task.packId, lessonId: task.lessonId, stepId: previous }));
      }),
    stop: () => safely(() => learner?.getState().setActiveTask(null)),
    dismissHint: (hint) => safely(() => learner?.getState().updateProgress((p) => dismissHint(p, hint, now()))),
    showAgain: (packId, skill) =>
      safely(async () => {
        const lessons = allPacks().find((p) => p.id === packId)?.lessons.filter((l) => (l.skill ?? l.id) === skill) ?? [];
        for (const lesson of lessons) await learner?.getState().updateProgress((p) => showHintAgain(p, allPacks(), { packId, lessonId: lesson.id }, now()));
      }),
    answer: (card, recalled) =>
      safely(() => learner?.getState().updateProgress((p) => answerRetrieval(p, card, { q: card.q, recalled }, now()))),
  };

  let celebration: ReturnType<typeof setTimeout> | undefined;
  /** A short "well done" when a task is completed; it goes by itself. */
  function celebrate(title: string) {
    clearTimeout(celebration);
    overlay.setState((s) => ({ ui: { ...s.ui, completed: title } }));
    celebration = setTimeout(() => overlay.setState((s) => ({ ui: { ...s.ui, completed: null } })), 6000);
  }

  function finishStep() {
    safely(async () => {
      const task = overlay.getState().guide?.task;
      if (!task || !learner) return;
      const ref = { packId: task.packId, lessonId: task.lessonId, stepId: task.stepId };
      await learner.getState().updateProgress((p) => completeStep(p, allPacks(), ref, now()));
      const lesson = learner.getState().progress.packs[task.packId]?.lessons[task.lessonId];
      if (lesson?.completedAt !== undefined) {
        await learner.getState().setActiveTask(null);
        celebrate(task.lessonTitle);
      }
    });
  }

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

  /** Asks the engine what applies here, then keeps the anchors and the completion signal it needs. */
  function recompute() {
    if (!learner || !packs || ctx.isInvalid) return;
    const state = learner.getState();
    const presets: PackSettings = { ...packs.packSettings, ...(state.presets ?? {}) };
    const guide: Guide = computeGuide({
      packs: packs.packs,
      learner: { path: state.learner.path, secondaryPath: state.learner.secondaryPath, locale: locale(), progress: state.progress },
      presets,
      page: { network: site.network, pageKind },
      now: now(),
    });
    const resumeLesson = guide.resume && allPacks().find((p) => p.id === guide.resume!.packId)?.lessons.find((l) => l.id === guide.resume!.lessonId);
    overlay.setState({ guide, locale: locale(), resumeTitle: resumeLesson ? (resumeLesson.title[locale()] ?? resumeLesson.title.en ?? null) : null });

    const task = guide.task;
    const wanted = new Set<string>();
    if (task?.anchor) wanted.add(task.anchor);
    const signal = task ? ruleAnchor(task.done, task.anchor) : null;
    if (signal) wanted.add(signal);
    for (const hint of guide.hints) if (hint.anchor) wanted.add(hint.anchor);
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

    const stepKey = task ? `${task.packId}/${task.lessonId}/${task.stepId}` : '';
    if (stepKey !== completionKey) {
      completionKey = stepKey;
      completion?.stop();
      completion = task ? watchCompletion(task.done, task.anchor, finishStep) : null;
      if (completion) for (const [name, state] of Object.entries(overlay.getState().anchors)) completion.onAnchor(name, state.element);
    }
  }

  function showPage(url: URL) {
    pageKind = pageKindHere(site, url);
    onPage(pageKind);
    overlay.setState((s) => ({ theme: detectTheme(), ui: { ...s.ui, cardHidden: false, expandedHint: null } }));
    completion?.onNavigate(url);
    recompute();
  }

  async function loadPacks() {
    try {
      packs = (await browser.runtime.sendMessage({ type: PACKS_REQUEST, network: site.network })) as NetworkPacks;
      registry = packs.packs.reduce<AnchorRegistry>((merged, pack) => mergeAnchors(merged, pack.anchors), site.anchors);
      recompute();
    } catch {
      if (!ctx.isInvalid) overlay.setState({ error: true });
    }
  }

  return {
    overlay,
    start(next: GuideSettings) {
      settings = next;
      if (!learner) {
        learner = createLearnerStore({ packs: allPacks });
        const unsubscribeStore = learner.subscribe(recompute);
        const onStorage = (changes: Record<string, unknown>, area: string) => {
          if (area === 'local' && PACKS_REVISION_KEY in changes) void loadPacks();
        };
        browser.storage.onChanged.addListener(onStorage);
        unsubscribeLearner = () => {
          unsubscribeStore();
          browser.storage.onChanged.removeListener(onStorage);
        };
        void learner.ready.then(recompute, () => overlay.setState({ error: true }));
        void loadPacks();
      }
      if (!navigationWatched) {
        navigationWatched = true;
        watchNavigation(ctx, site, (url) => learner && showPage(url));
      }
      showPage(new URL(location.href));
    },
    stop() {
      anchorWatch?.stop();
      anchorWatch = null;
      anchorNames = '';
      completion?.stop();
      completion = null;
      completionKey = '';
      unsubscribeLearner?.();
      learner?.dispose();
      learner = null;
      packs = null;
    },
  };
}
