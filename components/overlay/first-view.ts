import type { StoreApi } from 'zustand/vanilla';
import { anchorCard } from './anchor-card';
import { el } from './dom';
import { fillHintBody } from './hint-card';
import { primaryHint, type OverlayState, type OverlayUi } from './state';
import { ot } from './strings';

/**
 * Whether the overlay is no more than what a page shows at load, which the content script draws itself: the first
 * hint card beside its control and the launcher. Anything more (a task, the panel, a hint docked because its control
 * is missing, beacons, an error, the "well done") is the full UI's, which the background injects on demand.
 */
export function firstViewCanDraw({ guide, anchors, ui, error }: OverlayState): boolean {
  if (error || ui.panelOpen || ui.completed || ui.expandedHint) return false;
  if (!guide) return true;
  if (guide.task) return false;
  const hint = ui.cardHidden ? undefined : primaryHint(guide, ui);
  if (hint && (!hint.anchor || anchors[hint.anchor]?.status === 'missing')) return false;
  return !guide.hints.some((h) => h.level === 'beacon' && h.anchor && anchors[h.anchor]?.element);
}

/**
 * The overlay as a page first shows it, drawn by DOM calls (no Preact at load: its first render alone was ~4 ms of
 * the page's main thread, BENCHMARKS.md). The same markup, roles and keyboard behaviour as the full UI
 * (Overlay.tsx), which replaces it when the learner asks for more. It draws nothing it cannot draw in full: while
 * the state is beyond it, it leaves the page as it is until the full UI takes over (entrypoints/content/run.ts).
 */
export function drawFirstView(container: HTMLElement, store: StoreApi<OverlayState>): { remove(): void } {
  const setUi = (patch: Partial<OverlayUi>) => store.setState((s) => ({ ui: { ...s.ui, ...patch } }));
  const launcher = el(
    'button',
    { type: 'button', class: 'tw-launcher', 'aria-expanded': 'false', 'data-testid': 'tw-launcher', onclick: () => setUi({ panelOpen: true }) },
    el('span', { class: 'tw-launcher-icon', 'aria-hidden': 'true' }),
  );
  const live = el('div', { class: 'tw-sr-only', 'aria-live': 'polite', 'data-testid': 'tw-live' });
  const root = el('div', { class: 'tw-root', role: 'region' }, launcher, live);

  /** Esc or "Got it": the card goes, focus returns to the control it pointed at (or to the launcher). */
  const minimise = (anchor: Element) => {
    setUi({ cardHidden: true, expandedHint: null });
    requestAnimationFrame(() => (anchor instanceof HTMLElement && anchor.tabIndex >= 0 ? anchor : launcher).focus());
  };

  let drawn: { key: string; anchor: Element; nodes: HTMLElement[]; stop(): void } | null = null;
  const render = (state: OverlayState) => {
    if (!firstViewCanDraw(state)) return;
    const { locale } = state;
    root.dataset.theme = state.theme;
    root.lang = locale;
    root.setAttribute('aria-label', ot(locale, 'overlayRegion'));
    launcher.setAttribute('aria-label', ot(locale, 'overlayOpenPanel'));
    const hint = state.guide && !state.ui.cardHidden ? primaryHint(state.guide, state.ui) : undefined;
    const anchor = (hint?.anchor && state.anchors[hint.anchor]?.element) || null;
    const key = hint && anchor ? JSON.stringify([locale, hint]) : '';
    if (drawn && drawn.key === key && drawn.anchor === anchor) return;
    drawn?.stop();
    drawn?.nodes.forEach((node) => node.remove());
    drawn = null;
    if (!hint || !anchor) return;
    const ring = el('div', { class: 'tw-ring', 'aria-hidden': 'true' });
    const body = el('div');
    fillHintBody(body, hint, locale, 'tw-hint-title', undefined, {
      onStart: () => state.actions.start(hint.packId, hint.lessonId),
      onGotIt: () => {
        state.actions.dismissHint(hint);
        minimise(anchor);
      },
    });
    const card = el(
      'div',
      {
        class: 'tw-card',
        role: 'dialog',
        'aria-modal': 'false',
        'aria-labelledby': 'tw-hint-title',
        'data-testid': 'tw-hint',
        'data-anchor': hint.anchor!,
        onkeydown: (event) => (event as KeyboardEvent).key === 'Escape' && minimise(anchor),
      },
      body,
    );
    root.prepend(ring, card);
    drawn = { key, anchor, nodes: [ring, card], stop: anchorCard(anchor, card, ring) };
  };

  container.append(root);
  render(store.getState());
  const unsubscribe = store.subscribe(render);
  return {
    remove() {
      unsubscribe();
      drawn?.stop();
      root.remove();
    },
  };
}
