import type { Card } from './cards';
import { el } from './dom';
import { followAnchor, isRightToLeft } from './follow';
import { placeBeside, type Box, type Side } from './placement';
import { createSlot, type Drawn, type Slot } from './slot';

/** How far from its control a menu may open and still be taken for the one it opened. */
const MENU_REACH = 240;

/**
 * The menu or list a control opened (aria-expanded, then aria-controls, else the nearest menu or listbox shown): what
 * the learner is about to use, so the card goes beside the control and its menu together, never over the menu.
 */
function openedBy(anchor: Element, box: DOMRect): Box | null {
  if (anchor.getAttribute('aria-expanded') !== 'true') return null;
  const ids = (anchor.getAttribute('aria-controls') ?? '').split(/\s+/).filter(Boolean);
  const named = ids.map((id) => document.getElementById(id)).filter((e): e is HTMLElement => e !== null);
  const candidates = named.length ? named : [...document.querySelectorAll('[role="menu"], [role="listbox"]')];
  let nearest: { box: DOMRect; distance: number } | null = null;
  for (const popup of candidates) {
    const rect = popup.getBoundingClientRect();
    if (!rect.width || !rect.height) continue;
    const distance = Math.max(0, rect.left - box.right, box.left - rect.right) + Math.max(0, rect.top - box.bottom, box.top - rect.bottom);
    if (distance <= MENU_REACH && (!nearest || distance < nearest.distance)) nearest = { box: rect, distance };
  }
  return nearest && { x: nearest.box.left, y: nearest.box.top, width: nearest.box.width, height: nearest.box.height };
}

/** The smallest box holding both. */
function around(a: Box, b: Box | null): Box {
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/**
 * Keeps `card` beside a real control and `ring` (our highlight) over its box, in fixed coordinates from our own
 * shadow root: placeBeside() picks the side and keeps the card inside the viewport (mirrored in right-to-left
 * pages), beside the control and the menu it opened together; followAnchor() places it again on scrolling,
 * resizing and layout shifts, and the control's aria-expanded says when a menu opened or closed. The page's
 * elements, styles and stacking are never touched. `sides` remembers the side across cards: the next step's card
 * starts on the side the last one was on. Returns the function that stops following.
 */
function keepBeside(anchor: Element, card: HTMLElement, ring: HTMLElement, sides: SideMemory): () => void {
  let side: Side | undefined = sides.last;
  const update = () => {
    // Every read before any write: a write between two reads would make the browser lay the page out again.
    const box = anchor.getBoundingClientRect();
    const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
    const rtl = isRightToLeft(anchor);
    const size = { width: card.offsetWidth, height: card.scrollHeight };
    const menu = openedBy(anchor, box);
    // A control scrolled out of view takes its card and ring with it, until it comes back.
    const inView = box.bottom > 0 && box.top < viewport.height && box.right > 0 && box.left < viewport.width;
    card.style.visibility = ring.style.visibility = inView ? 'visible' : 'hidden';
    ring.style.transform = `translate(${box.left - 4}px, ${box.top - 4}px)`;
    ring.style.width = `${box.width + 8}px`;
    ring.style.height = `${box.height + 8}px`;
    const place = placeBeside(around({ x: box.left, y: box.top, width: box.width, height: box.height }, menu), size, viewport, rtl, side);
    side = sides.last = place.side;
    card.style.maxHeight = `${Math.round(place.maxHeight)}px`;
    card.style.transform = `translate(${Math.round(place.x)}px, ${Math.round(place.y)}px)`;
    card.dataset.placement = place.side;
  };
  const stopFollowing = followAnchor(anchor, card, update);
  // The control opened (or closed) its menu: placed again once the menu is drawn, and again a little later for a
  // menu the site draws after a delay.
  let timers: Array<ReturnType<typeof setTimeout>> = [];
  const expanded = new MutationObserver(() => {
    timers.forEach(clearTimeout);
    timers = [0, 200].map((ms) => setTimeout(update, ms));
  });
  expanded.observe(anchor, { attributes: true, attributeFilter: ['aria-expanded'] });
  return () => {
    stopFollowing();
    expanded.disconnect();
    timers.forEach(clearTimeout);
  };
}

/** The side the last card was placed on, shared by the cards one overlay draws in turn. */
export interface SideMemory {
  last?: Side;
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
export function drawBeside(anchor: Element, card: Card, sides: SideMemory, onEscape: () => void): Drawn & { body: Slot } {
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
  const stopFollowing = keepBeside(anchor, frame, ring, sides);
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
