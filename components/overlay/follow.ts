/**
 * Calls `update` whenever an anchored card may need to move: a scroll in any scrolling ancestor, a window resize,
 * the control or the card changing size, or the page shifting the control around (content inserted above it,
 * checked a few times a second). Every read of a box happens just after the browser has painted, when the page's
 * layout is clean, so reading it costs nothing and never forces the page to lay itself out early (on LinkedIn's
 * 20 000-element pages, one forced layout is tens of milliseconds). Our small replacement for floating-ui's
 * autoUpdate: ~0.5 KB in a content script whose budget is 25 KB, against ~2 KB gzip.
 */
/**
 * The control's writing direction from the document's dir attributes (`:dir()`), which is how the sites switch to
 * Arabic or Hebrew. Unlike getComputedStyle(...).direction it computes no style, so it never forces a style pass
 * on a page the site is still changing.
 */
export const isRightToLeft = (element: Element) => element.matches(':dir(rtl)');

export function followAnchor(anchor: Element, floating: Element, update: () => void): () => void {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastBox = '';
  const boxKey = () => {
    const box = anchor.getBoundingClientRect();
    return `${box.x},${box.y},${box.width},${box.height}`;
  };
  const run = () => {
    lastBox = boxKey();
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
  const checkShift = () => afterPaint(() => boxKey() !== lastBox && run());
  const options = { capture: true, passive: true } as const;
  addEventListener('scroll', schedule, options);
  addEventListener('resize', schedule, options);
  // ResizeObserver calls back right after layout: reading boxes there is free.
  const resizes = new ResizeObserver(run);
  resizes.observe(anchor);
  resizes.observe(floating);
  const shifts = setInterval(checkShift, 300);
  // A tab in the background paints nothing (no frame, no ResizeObserver call): if no frame came, place the card
  // anyway, so it is already beside its control when the learner comes back to the tab.
  const noFrame = setTimeout(() => lastBox || run(), 200);
  return () => {
    removeEventListener('scroll', schedule, options);
    removeEventListener('resize', schedule, options);
    resizes.disconnect();
    clearInterval(shifts);
    clearTimeout(noFrame);
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
