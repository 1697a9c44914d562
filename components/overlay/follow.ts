/**
 * The control's writing direction from the nearest explicit dir attribute, which is how the sites switch to Arabic or
 * Hebrew (`<html dir="rtl">`). It computes no style (getComputedStyle(...).direction would force a style pass on a
 * page the site is still changing), and it is a walk up the tree rather than `:dir(rtl)`, whose first match had the
 * browser work out the direction of the page (the top function of a CPU profile of the overlay's load on X, ~2 ms
 * sampled). `dir="auto"` (X puts it on every post's text) says nothing about the control and is passed over.
 */
export const isRightToLeft = (element: Element) => element.closest('[dir=rtl], [dir=ltr]')?.getAttribute('dir')?.toLowerCase() === 'rtl';

/**
 * Calls `moved` when `element` leaves the box it has now, for whatever reason (content inserted above it, a banner
 * pushing the page down, a transform), without polling. The observer's root is the viewport shrunk by rootMargin
 * to the element's own box, so the element is wholly inside it (ratio 1, or the ratio its clipping ancestors allow)
 * until it moves; the browser reports the drop after its layout, and the watch is set again on the new box.
 * Nothing is read until `ensure()`, which starts the watch when there is none (first placement, or an element that
 * was not rendered last time and is now).
 */
function observeMoves(element: Element, moved: () => void): { ensure(): void; stop(): void } {
  let observer: IntersectionObserver | null = null;
  /** `threshold`: the ratio the element shows where it stands; `settling`: that ratio is not yet known. */
  const watch = (threshold: number, settling: boolean) => {
    observer?.disconnect();
    observer = null;
    const box = element.getBoundingClientRect();
    if (!box.width || !box.height) return; // not rendered: the ResizeObserver reports its coming back
    // The viewport without scrollbars (a larger figure would shrink the root into the element). In quirks mode
    // <html>'s client size is the document's, hence the window's as a bound.
    const width = Math.min(document.documentElement.clientWidth, innerWidth);
    const height = Math.min(document.documentElement.clientHeight, innerHeight);
    const insets = [box.top, width - box.right, height - box.bottom, box.left];
    const rootMargin = insets.map((inset) => `${-Math.floor(inset)}px`).join(' ');
    let first = true;
    observer = new IntersectionObserver(
      ([entry]) => {
        if (!entry) return;
        const now = entry.boundingClientRect;
        const far = (a: number, b: number) => Math.abs(a - b) > 0.5;
        // Moved, even before the first report (between setting the watch and the next frame).
        if (far(now.x, box.x) || far(now.y, box.y) || far(now.width, box.width) || far(now.height, box.height)) {
          watch(1, true); // reads the new box before moved() writes anything
          moved();
          return;
        }
        const ratio = entry.intersectionRatio;
        if (first) {
          first = false;
          // Clipped by an ancestor, or short of 1 by rounding: watch for a change from the ratio it shows here
          // (the browser reports crossings of a threshold, not changes below it). Once only, so it cannot loop.
          if (settling && ratio > 0 && ratio !== threshold) watch(ratio, false);
          return;
        }
        watch(1, true); // the same box, clipped differently by an ancestor: watch from there
      },
      { root: document, rootMargin, threshold },
    );
    observer.observe(element);
  };
  return {
    ensure: () => observer ?? watch(1, true),
    stop: () => observer?.disconnect(),
  };
}

/**
 * Calls `update` whenever `floating` (a card, a beacon) may need to move beside `anchor`: a scroll in any scrolling
 * ancestor, a window resize, the control or the card changing size, or the page shifting the control around (content
 * inserted above it). Returns the function that stops following. Nothing polls: an idle page costs nothing, and no frame is asked for while nothing moves. Every read of a box
 * happens just after the browser has laid the page out, so reading it costs nothing and never forces the page to lay
 * itself out early (on LinkedIn's 20 000-element pages, one forced layout is tens of milliseconds). Our small
 * replacement for floating-ui's autoUpdate: ~0.6 KB against ~2 KB gzip on the tabs that show a hint.
 */
export function followAnchor(anchor: Element, floating: Element, update: () => void): () => void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastBox = '';
  const boxKey = () => {
    const box = anchor.getBoundingClientRect();
    return `${box.x},${box.y},${box.width},${box.height}`;
  };
  const moves = observeMoves(anchor, () => boxKey() !== lastBox && run());
  const run = () => {
    lastBox = boxKey();
    // Armed at a placement, when the layout is clean, and before update() writes: reading the box then forces nothing.
    moves.ensure();
    update();
  };
  /** After the next paint: rAF runs before the frame's layout, a task queued from it runs after. */
  const afterPaint = (work: () => void) => {
    if (frame || timer !== undefined) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      timer = setTimeout(() => {
        timer = undefined;
        work();
      });
    });
  };
  const schedule = () => afterPaint(run);
  const options = { capture: true, passive: true } as const;
  addEventListener('scroll', schedule, options);
  addEventListener('resize', schedule, options);
  // ResizeObserver calls back right after layout: reading boxes there is free.
  const resizes = new ResizeObserver(run);
  resizes.observe(anchor);
  resizes.observe(floating);
  // A tab opened in the background paints nothing (no frame, no ResizeObserver call): place the card anyway, so it
  // is already beside its control when the learner comes to the tab. (A visible tab's next frame places it.)
  const noFrame = document.hidden ? setTimeout(() => lastBox || run(), 200) : undefined;
  return () => {
    removeEventListener('scroll', schedule, options);
    removeEventListener('resize', schedule, options);
    resizes.disconnect();
    moves.stop();
    clearTimeout(noFrame);
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
