import { createStore, type StoreApi } from 'zustand/vanilla';
import { INITIAL_UI, type OverlayActions, type OverlayState } from '../../components/overlay/state';
import type { ProfileOwner, SiteAdapter } from '../../lessons/sites/types';
import { createAnchorChoice } from './anchor-choice';
import { createCompletionWiring } from './completion-wiring';
import { createHealthReporter } from './content-health';
import { createErrorDisplay } from './error-display';
import type { Lifetime } from './lifetime';
import { watchNavigation } from './navigation';
import { createSession } from './session';
import { createThemeFollower } from './theme';

/** How long the "well done" of a completed task stays. */
const CELEBRATION_MS = 6000;

function pageKindHere(site: SiteAdapter, url: URL): string | null {
  const kind = site.pageKind(url);
  return site.refinePageKind ? site.refinePageKind(kind, (css) => document.querySelector(css) !== null) : kind;
}

const stepKeyOf = (state: OverlayState) => {
  const task = state.guide?.task;
  return task ? `${task.packId}/${task.lessonId}/${task.stepId}` : '';
};

export interface GuidePage {
  /** The page kind changed, or whether the overlay should be there (`shown`; null: as it was; false: the guide is off here). */
  onPage(pageKind: string | null, shown: boolean | null): void;
}

/**
 * Everything the guide does on one tab, from its parts: the session with the background (which says what to show,
 * or that the guide is off here), the theme, the anchors chosen and kept resolved, the completion signal of the
 * current step, and the error shown when the background does not answer. It owns the overlay's store, which the
 * renderer draws (components/overlay), and turns the learner's actions into messages to the background. Everything
 * it starts ends with `life`.
 */
export function createGuideController(life: Lifetime, site: SiteAdapter, page: GuidePage) {
  let pageKind: string | null = null;
  let celebration: ReturnType<typeof setTimeout> | undefined;
  /** Whose profile this is, as last told to the background. */
  let owner: ProfileOwner = null;
  const ownerHere = (): ProfileOwner => site.profileOwner?.(pageKind, (css) => document.querySelector(css) !== null, new URL(location.href)) ?? null;

  const actions: OverlayActions = {
    start: (packId, lessonId) => void session.act({ kind: 'start', packId, lessonId, network: site.network }),
    done: () => void finishStep('done'),
    skip: () => void finishStep('skip'),
    back: () => {
      const task = overlay.getState().guide?.task;
      completion.onBack();
      if (task) void session.act({ kind: 'back', packId: task.packId, lessonId: task.lessonId, network: site.network });
    },
    stop: () => void session.act({ kind: 'stop' }),
    dismissHint: (hint) => void session.act({ kind: 'dismiss', packId: hint.packId, lessonId: hint.lessonId }),
    showAgain: (packId, skill) => void session.act({ kind: 'showAgain', packId, skill }),
    answer: (card, recalled) => void session.act({ kind: 'answer', packId: card.packId, lessonId: card.lessonId, q: card.q, recalled }),
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

  const errors = createErrorDisplay(overlay, () => page.onPage(pageKind, true));
  const session = createSession(life, site.network, { onChanged: () => void refresh(), onFailure: errors.failed });
  // Only a change is drawn: the second look (the page's computed background, after a paint) usually agrees.
  const theme = createThemeFollower(site, life, (value) => value !== overlay.getState().theme && overlay.setState({ theme: value }));
  const completion = createCompletionWiring({
    onDone: () => void finishStep('done'),
    onWalk: (index) => {
      const task = overlay.getState().guide?.task;
      if (task) void session.act({ kind: 'walk', packId: task.packId, lessonId: task.lessonId, stepId: task.stepId, index });
    },
  });
  const health = createHealthReporter(site, (message) => void session.tell(message));
  const anchors = createAnchorChoice(site, (states) => {
    overlay.setState({ anchors: states });
    completion.onAnchors(states);
    health.onStates(states);
    // A profile's edit controls arrive after its address: once the page says whose profile it is, ask again.
    if (pageKind === 'profile' && ownerHere() !== owner) void refresh();
  });

  /** Done (the learner did it, or its signal says so) or Skip (never counted as done): the background records which. */
  async function finishStep(kind: 'done' | 'skip') {
    const task = overlay.getState().guide?.task;
    if (!task) return;
    const reply = await session.act({ kind, packId: task.packId, lessonId: task.lessonId, stepId: task.stepId });
    if (!reply?.completed && !reply?.skipped) return;
    clearTimeout(celebration);
    overlay.setState((s) => ({ ui: { ...s.ui, ended: { title: task.lessonTitle, skipped: !reply.completed } } }));
    celebration = setTimeout(() => overlay.setState((s) => ({ ui: { ...s.ui, ended: null } })), CELEBRATION_MS);
  }

  /** Asks the background what applies here, then keeps the anchors and the completion signal it needs. */
  async function refresh() {
    owner = ownerHere();
    const reply = await session.guide(pageKind, owner);
    if (!reply) return;
    if (!reply.on) return page.onPage(pageKind, false);
    theme.follow();
    health.follow(reply.guide, reply.packVersions);
    // The anchors are resolved first, so the overlay draws once with the guide and its controls together.
    anchors.follow(pageKind, reply);
    overlay.setState((s) => {
      const next = { ...s, guide: reply.guide, resumeTitle: reply.resumeTitle, locale: reply.locale, error: false };
      // A new step (or none) shows its card again, with its example closed.
      return stepKeyOf(next) === stepKeyOf(s) ? next : { ...next, ui: { ...s.ui, cardHidden: false, exampleOpen: false } };
    });
    page.onPage(pageKind, true);
    completion.follow(reply.guide.task, overlay.getState().anchors);
  }

  function showPage(url: URL) {
    pageKind = pageKindHere(site, url);
    health.onPage(pageKind);
    page.onPage(pageKind, null);
    overlay.setState((s) => ({ ui: { ...s.ui, cardHidden: false, expandedHint: null } }));
    completion.onNavigate(url);
    void refresh();
  }

  life.onStop(() => {
    clearTimeout(celebration);
    anchors.stop();
    completion.stop();
  });

  return {
    overlay,
    start() {
      watchNavigation(life, site, (url) => life.alive && showPage(url));
      showPage(new URL(location.href));
    },
  };
}
