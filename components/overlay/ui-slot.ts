import type { StoreApi } from 'zustand/vanilla';
import type { OverlayState } from './state';

/**
 * The overlay's UI (Preact, the components and the stylesheet: two thirds of the bytes) is not in the content
 * script, which every tab of the four networks loads: the background injects it (entrypoints/overlay-ui.ts) into a
 * frame with its answer, only when the guide is on there. Both scripts run in the extension's isolated world of that
 * frame, so the UI leaves its entry point on that world's global and the content script takes it from there.
 */
const SLOT = '__trainingWheelsOverlayUi';

export interface MountedOverlay {
  host: HTMLElement;
  /** Unmounts the UI and removes every element it added. */
  remove(): void;
}

export interface OverlayRenderer {
  /** Renders the overlay of `store` in a new shadow host at the end of the page. */
  mount(hostAttributes: Record<string, string>, store: StoreApi<OverlayState>): MountedOverlay;
}

type Slot = { [SLOT]?: OverlayRenderer };

export function offerOverlayUi(renderer: OverlayRenderer): void {
  (globalThis as Slot)[SLOT] = renderer;
}

/** The UI the background injected into this frame, taken once (null when it was not injected). */
export function takeOverlayUi(): OverlayRenderer | null {
  const slot = globalThis as Slot;
  const renderer = slot[SLOT] ?? null;
  delete slot[SLOT];
  return renderer;
}
