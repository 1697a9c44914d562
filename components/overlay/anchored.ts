import type { Card } from './cards';
import { el } from './dom';
import { followAnchor, isRightToLeft } from './follow';
import { placeBeside, type Side } from './placement';
import { createSlot, type Drawn, type Slot } from './slot';

/**
 * Keeps `card` beside a real control and `ring` (our highlight) over its box, in fixed coordinates from our own
 * shadow root: placeBeside() picks the side and keeps the card inside the viewport (mirrored in right-to-left
 * pages), followAnchor() places it again on scrolling, resizing and layout shifts. The page's elements, styles and
 * stacking are never touched. Returns the function that stops following.
 */
function keepBeside(anchor: Element, card: HTMLElement, ring: HTMLElement): () => void {
  let side: Side | undefined;
  const update = () => {
    // Every read before any write: a write between two reads would make the browser lay the page out again.
    const box = anchor.getBoundingClientRect();
    const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
    const rtl = isRightToLeft(anchor);
    const size = { width: card.offsetWidth, height: card.scrollHeight };
    // A control scrolled out of view takes its card and ring with it, until it comes back.
    const inView = box.bottom > 0 && box.top < viewport.height && box.right > 0 && box.left < viewport.width;
    card.style.visibility = ring.style.visibility = inView ? 'visible' : 'hidden';
    ring.style.transform = `translate(${box.left - 4}px, ${box.top - 4}px)`;
    ring.style.width = `${box.width + 8}px`;
    ring.style.height = `${box.height + 8}px`;
    const place = placeBeside({ x: box.left, y: box.top, width: box.width, height: box.height }, size, viewport, rtl, side);
    side = place.side;
    card.style.maxHeight = `${Math.round(place.maxHeight)}px`;
    card.style.transform = `translate(${Math.round(place.x)}px, ${Math.round(place.y)}px)`;
    card.dataset.placement = place.side;
  };
  return followAnchor(anchor, card, update);
}

/** A task step's control out of view is scrolled to, after the next paint (when reading its box forces no layout). */
function bringIntoView(anchor: Element): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(() => {
      const box = anchor.getBoundingClientRect();
      if (box.top >= 0 && box.bottom <= document.documentElement.clientHeight) return;
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      anchor.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    });
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * The frame of a card beside its control, the same for every kind of card: our ring over the control, the card (a
 * non-modal dialog named by its title) placed beside it, Escape to put it away. `body` is where the card's content
 * goes; the frame is drawn again only for another control, the content whenever it changes.
 */
export function drawBeside(anchor: Element, card: Card, onEscape: () => void): Drawn & { body: Slot } {
  // Hidden until placed beside the control (the first placement comes after the next paint).
  const ring = el('div', { class: 'tw-ring', 'aria-hidden': 'true', style: 'visibility:hidden' });
  const frame = el('div', {
    class: 'tw-card',
    style: 'visibility:hidden',
    role: 'dialog',
    'aria-modal': 'false',
    'aria-labelledby': card.titleId,
    'data-testid': 'tw-hint',
    'data-anchor': card.anchor,
    onkeydown: (event) => (event as KeyboardEvent).key === 'Escape' && onEscape(),
  });
  const body = createSlot(frame);
  const stopFollowing = keepBeside(anchor, frame, ring);
  const stopScrolling = card.bringIntoView ? bringIntoView(anchor) : null;
  return {
    nodes: [ring, frame],
    body,
    stop() {
      stopFollowing();
      stopScrolling?.();
      body.clear();
    },
  };
}
