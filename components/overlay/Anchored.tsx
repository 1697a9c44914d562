import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { anchorCard } from './kit';

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

/** A card beside a real control with our highlight ring over it (anchor-card.ts, shared with the first view). */
export function Anchored({ anchor, anchorName, labelledBy, testId, onEscape, bringIntoView, children }: AnchoredProps) {
  const cardRef = useRef<HTMLDivElement>(null);
  const ringRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const card = cardRef.current;
    const ring = ringRef.current;
    return card && ring ? anchorCard(anchor, card, ring) : undefined;
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
