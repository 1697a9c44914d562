import { isOverlayHost } from '../../components/overlay/hosts';
import type { AnchorRegistry } from '../../lessons/sites/types';
import { createResolveContext, findOpenShadowRoots, resolveAnchor } from '../../components/anchors/resolver';

/** How long a step waits for its control before showing in the docked panel instead. */
export const ANCHOR_WAIT_MS = 3000;
/** At most one resolution per interval however busy the page is (infinite scroll appends constantly). */
const RESOLVE_INTERVAL_MS = 250;
/** Finding open shadow roots walks the whole page: done at most this often, not on every pass. */
const SHADOW_ROOTS_TTL_MS = 5000;
let shadowRoots: { roots: ShadowRoot[]; at: number } | null = null;
const knownShadowRoots = () => {
  const now = performance.now();
  if (!shadowRoots || now - shadowRoots.at > SHADOW_ROOTS_TTL_MS) shadowRoots = { roots: findOpenShadowRoots(document), at: now };
  return shadowRoots.roots;
};

export type AnchorStatus = 'searching' | 'found' | 'missing';
export interface AnchorState {
  element: Element | null;
  status: AnchorStatus;
}
export type AnchorStates = Record<string, AnchorState>;

export interface AnchorWatch {
  stop(): void;
}

/**
 * Keeps a few anchors resolved while the page changes, with one throttled MutationObserver. The observer's
 * callback only schedules work; resolution runs at most every RESOLVE_INTERVAL_MS, skips anchors whose element
 * is still in the document, and reports only when something changed.
 */
export function watchAnchors(
  names: readonly string[],
  registry: AnchorRegistry,
  pageKind: string | null,
  onChange: (states: AnchorStates) => void,
): AnchorWatch {
  const startedAt = performance.now();
  const states: AnchorStates = {};
  let timer: ReturnType<typeof setTimeout> | undefined;

  const resolveNow = () => {
    timer = undefined;
    const waited = performance.now() - startedAt >= ANCHOR_WAIT_MS;
    const context = createResolveContext(document);
    let changed = false;
    for (const name of names) {
      const previous = states[name];
      if (previous?.element?.isConnected) continue;
      // Shadow roots are looked up only when a light-DOM search found nothing, and then from the cache.
      const element =
        resolveAnchor(name, registry, document, { pageKind, context, shadowRoots: false }).element ??
        resolveAnchor(name, registry, document, { pageKind, context: createResolveContext(document), shadowRoots: knownShadowRoots() }).element;
      const status: AnchorStatus = element ? 'found' : waited ? 'missing' : 'searching';
      if (previous && previous.element === element && previous.status === status) continue;
      states[name] = { element, status };
      changed = true;
    }
    if (changed) onChange({ ...states });
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(resolveNow, RESOLVE_INTERVAL_MS);
  };

  /**
   * Our overlay's host, added to or removed from <html>, moves no control of the page: no pass for it. The target is
   * checked first, so the page's own batches (deep in <body>) are told apart without looking at their nodes.
   */
  const ownHostOnly = (records: MutationRecord[]) =>
    records.every(
      (record) =>
        record.target === document.documentElement &&
        Array.prototype.every.call(record.addedNodes, isOverlayHost) &&
        Array.prototype.every.call(record.removedNodes, isOverlayHost),
    );

  let observer: MutationObserver | null = null;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  if (names.length > 0) {
    observer = new MutationObserver((records) => ownHostOnly(records) || schedule());
    observer.observe(document.documentElement, { childList: true, subtree: true });
    deadline = setTimeout(resolveNow, ANCHOR_WAIT_MS);
    // The first pass after the page's next paint: resolving reads boxes (is the control visible?), which before that
    // paint would make the browser lay the whole page out inside our script, early and then again for its own frame.
    // A tab in the background paints nothing: there, at once.
    if (document.hidden) timer = setTimeout(resolveNow);
    else
      frame = requestAnimationFrame(() => {
        clearTimeout(timer); // a pass the page's changes scheduled meanwhile: this one instead
        timer = setTimeout(resolveNow);
      });
  }

  return {
    stop() {
      observer?.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(deadline);
    },
  };
}
