/**
 * Calls `update` (once per frame at most) whenever an anchored card may need to move: a scroll in any scrolling
 * ancestor, a window resize, the control or the card changing size, or the page shifting the control around
 * (content inserted above it) — the last one checked a few times a second inside an animation frame, where the
 * browser lays the page out anyway. Our own small replacement for floating-ui's autoUpdate: it costs ~0.5 KB in a
 * content script whose budget is 25 KB, against ~2 KB gzip.
 */
export function followAnchor(anchor: Element, floating: Element, update: () => void): () => void {
  let frame = 0;
  let lastBox = '';
  const run = () => {
    frame = 0;
    const box = anchor.getBoundingClientRect();
    lastBox = `${box.x},${box.y},${box.width},${box.height}`;
    update();
  };
  const schedule = () => {
    frame ||= requestAnimationFrame(run);
  };
  const checkShift = () => {
    frame ||= requestAnimationFrame(() => {
      const box = anchor.getBoundingClientRect();
      if (`${box.x},${box.y},${box.width},${box.height}` !== lastBox) run();
      else frame = 0;
    });
  };
  const options = { capture: true, passive: true } as const;
  addEventListener('scroll', schedule, options);
  addEventListener('resize', schedule, options);
  const resizes = new ResizeObserver(schedule);
  resizes.observe(anchor);
  resizes.observe(floating);
  const shifts = setInterval(checkShift, 300);
  run();
  return () => {
    removeEventListener('scroll', schedule, options);
    removeEventListener('resize', schedule, options);
    resizes.disconnect();
    clearInterval(shifts);
    cancelAnimationFrame(frame);
  };
}
