import type { StoreApi } from 'zustand/vanilla';
import type { parseRichText } from '../../lessons/pack/richtext';
import type { anchorCard } from './anchor-card';
import type { followAnchor, isRightToLeft } from './follow';
import type { fillHintBody } from './hint-card';
import type { OverlayState } from './state';
import type { ot } from './strings';

/**
 * The overlay's full UI (Preact and the components: the task card, the panel, beacons) is not in the content
 * script, which every tab of the four networks loads and which draws the first hint card itself (first-view.ts):
 * the background injects it (entrypoints/overlay-ui.ts) into a frame when the page there needs more. Both scripts
 * run in the extension's isolated world of that frame, so they hand over through that world's global: the UI
 * leaves its entry point there, and the content script leaves what the UI would otherwise carry a second time
 * (the overlay's strings, the hint card's markup, the placement beside a control).
 */
const UI_SLOT = '__trainingWheelsOverlayUi';
const KIT_SLOT = '__trainingWheelsOverlayKit';

export interface MountedView {
  /** Unmounts the view and removes every element it added. */
  remove(): void;
}

export interface OverlayRenderer {
  /** Renders the overlay of `store` into `container` (the shadow root's, emptied of the first view). */
  mount(container: HTMLElement, store: StoreApi<OverlayState>): MountedView;
}

/** What the content script lends the UI. */
export interface OverlayKit {
  ot: typeof ot;
  fillHintBody: typeof fillHintBody;
  anchorCard: typeof anchorCard;
  followAnchor: typeof followAnchor;
  isRightToLeft: typeof isRightToLeft;
  parseRichText: typeof parseRichText;
}

type Slots = { [UI_SLOT]?: OverlayRenderer; [KIT_SLOT]?: OverlayKit };
const slots = globalThis as Slots;

export function offerOverlayUi(renderer: OverlayRenderer): void {
  slots[UI_SLOT] = renderer;
}

/** The UI the background injected into this frame, taken once (null when it was not injected). */
export function takeOverlayUi(): OverlayRenderer | null {
  const renderer = slots[UI_SLOT] ?? null;
  delete slots[UI_SLOT];
  return renderer;
}

export function lendOverlayKit(kit: OverlayKit): void {
  slots[KIT_SLOT] = kit;
}

/** For the UI script: the content script is always there first (it asks for the UI). */
export function borrowOverlayKit(): OverlayKit {
  const kit = slots[KIT_SLOT];
  if (!kit) throw new Error('Training Wheels: the overlay UI was loaded without its content script');
  return kit;
}
