import type { AnchorRegistry } from '../../lessons/sites/types';
import type { AnchorStatus } from '../../components/overlay/Overlay';
import { resolveAnchor } from './anchors';

/** How long a step waits for its control before showing in the docked panel instead. */
export const ANCHOR_WAIT_MS = 3000;
/** At most one resolution per interval however busy the page is (infinite scroll appends constantly). */
const RESOLVE_INTERVAL_MS = 250;

export interface AnchorWatch {
  stop(): void;
}

/**
 * Keeps one anchor resolved while the page changes, with one throttled MutationObserver. The observer's
 * callback only schedules work; resolution runs at most every RESOLVE_INTERVAL_MS and returns at once while
 * the element already found is still in the document.
 */
export function watchAnchor(
  name: string,
  registry: AnchorRegistry,
  onResult: (element: Element | null, status: AnchorStatus) => void,
): AnchorWatch {
  const startedAt = performance.now();
  let current: Element | null = null;
  let status: AnchorStatus | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const resolveNow = () => {
    timer = undefined;
    if (current?.isConnected) return;
    const element = resolveAnchor(name, registry, document).element;
    const next: AnchorStatus = element ? 'found' : performance.now() - startedAt >= ANCHOR_WAIT_MS ? 'missing' : 'searching';
    if (element === current && next === status) return;
    current = element;
    status = next;
    onResult(element, next);
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(resolveNow, RESOLVE_INTERVAL_MS);
  };

  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, { childList: true, subtree: true });
  const deadline = setTimeout(resolveNow, ANCHOR_WAIT_MS);
  resolveNow();

  return {
    stop() {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
    },
  };
}
