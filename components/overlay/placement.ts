// Where a card goes beside its control. A few lines of geometry instead of floating-ui (~6 KB gzip of a 25 KB
// content-script budget for computePosition, its middleware and autoUpdate); follow.ts says when to recompute.
// Pure, so it is unit-tested without a browser.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Side = 'bottom' | 'top' | 'right' | 'left';

export interface Placement {
  x: number;
  y: number;
  side: Side;
  /** The height the card may take on that side (it scrolls inside beyond that). */
  maxHeight: number;
}

const GAP = 12;
const MARGIN = 8;
/** The least height a card is readable in (it scrolls inside). */
const MIN_HEIGHT = 120;

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

/**
 * Below the control if it fits, else above, else beside it (at the inline end first, so right in left-to-right
 * pages and left in right-to-left ones), else wherever there is most room. Always inside the viewport and never
 * over the control's box when any side has room. `keep`: the side the card is on now, kept while it has room.
 */
export function placeBeside(anchor: Box, card: { width: number; height: number }, viewport: { width: number; height: number }, rtl = false, keep?: Side): Placement {
  const room: Record<Side, number> = {
    bottom: viewport.height - (anchor.y + anchor.height) - GAP - MARGIN,
    top: anchor.y - GAP - MARGIN,
    right: viewport.width - (anchor.x + anchor.width) - GAP - MARGIN,
    left: anchor.x - GAP - MARGIN,
  };
  const order: Side[] = ['bottom', 'top', rtl ? 'left' : 'right', rtl ? 'right' : 'left'];
  const fits = (side: Side) => (side === 'bottom' || side === 'top' ? room[side] >= card.height : room[side] >= card.width);
  // A card that grows (its "Why it matters" opened) stays on the side it was shown on while that side has room for
  // a readable card (it scrolls inside): a card that jumps under the learner's eyes loses them.
  const stillRoom = (s: Side) => (s === 'bottom' || s === 'top' ? room[s] >= Math.min(card.height, MIN_HEIGHT) : room[s] >= card.width);
  const side = (keep && stillRoom(keep) ? keep : undefined) ?? order.find(fits) ?? (room.bottom >= room.top ? 'bottom' : 'top');

  const centeredX = clamp(anchor.x + anchor.width / 2 - card.width / 2, MARGIN, viewport.width - MARGIN - card.width);
  const alignedY = clamp(anchor.y, MARGIN, viewport.height - MARGIN - card.height);
  switch (side) {
    case 'bottom':
      return { side, x: centeredX, y: anchor.y + anchor.height + GAP, maxHeight: Math.max(MIN_HEIGHT, room.bottom) };
    case 'top': {
      const height = Math.min(card.height, Math.max(MIN_HEIGHT, room.top));
      return { side, x: centeredX, y: Math.max(MARGIN, anchor.y - GAP - height), maxHeight: Math.max(MIN_HEIGHT, room.top) };
    }
    case 'right':
      return { side, x: anchor.x + anchor.width + GAP, y: alignedY, maxHeight: viewport.height - 2 * MARGIN };
    case 'left':
      return { side, x: anchor.x - GAP - card.width, y: alignedY, maxHeight: viewport.height - 2 * MARGIN };
  }
}
