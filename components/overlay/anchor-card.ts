import { followAnchor, isRightToLeft } from './follow';
import { placeBeside } from './placement';

/**
 * Keeps `card` beside a real control and `ring` (our highlight) over its box, in fixed coordinates from our own
 * shadow root: placeBeside() picks the side and keeps the card inside the viewport (mirrored in right-to-left
 * pages), followAnchor() places it again on scrolling, resizing and layout shifts. The page's elements, styles and
 * stacking are never touched. Returns the function that stops following.
 */
export function anchorCard(anchor: Element, card: HTMLElement, ring: HTMLElement): () => void {
  // A new control: hidden until placed beside it, never shown at the previous one's place.
  card.style.visibility = ring.style.visibility = 'hidden';
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
    const place = placeBeside({ x: box.left, y: box.top, width: box.width, height: box.height }, size, viewport, rtl);
    card.style.maxHeight = `${Math.round(place.maxHeight)}px`;
    card.style.transform = `translate(${Math.round(place.x)}px, ${Math.round(place.y)}px)`;
    card.dataset.placement = place.side;
  };
  return followAnchor(anchor, card, update);
}
