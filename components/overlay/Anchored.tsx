import { followAnchor, isRightToLeft } from './follow';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { placeBeside } from './placement';

interface AnchoredProps {
  anchor: Element;
  /** The anchor's name, for tests and for reading the overlay in devtools. */
  anchorName: string;
  labelledBy: string;
  testId: string;
  onEscape: () => void;
  /** A task step brings its control into view when it starts; a passive hint waits for the learner to get there. */
  bringIntoView?: boolean;
  children: ReactNode;
}

/**
 * A card beside a real control, in fixed coordinates from our own shadow root: placeBeside() picks the side and
 * keeps it inside the viewport (mirrored in right-to-left pages), followAnchor() re-runs it on scrolling,
 * resizing and layout shifts. The highlight ring is our own element drawn over the control's box: the page's elements,
 * styles and stacking are never touched.
 */
export function Anchored({ anchor, anchorName, labelledBy, testId, onEscape, bringIntoView, children }: AnchoredProps) {
  const cardRef = useRef<HTMLDivElement>(null);
  const ringRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const card = cardRef.current;
    const ring = ringRef.current;
    if (!card || !ring) return;
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
  }, [anchor]);

  useLayoutEffect(() => {
    if (!bringIntoView) return;
    // Measured after the next paint, when reading the box forces no layout.
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
  }, [anchor, bringIntoView]);

  return (
    <>
      {/* Hidden until placed beside the control (the first placement comes after the next paint). */}
      <div ref={ringRef} className="tw-ring" aria-hidden="true" style={{ visibility: 'hidden' }} />
      <div
        ref={cardRef}
        style={{ visibility: 'hidden' }}
        className="tw-card"
        role="dialog"
        aria-modal="false"
        aria-labelledby={labelledBy}
        data-testid={testId}
        data-anchor={anchorName}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onEscape();
        }}
      >
        {children}
      </div>
    </>
  );
}
