import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { useEffect, useLayoutEffect, useRef } from 'react';

interface HintCardProps {
  anchor: Element;
  title: string;
  body: string;
  closeLabel: string;
  onClose: () => void;
}

/**
 * A hint beside a real control. Positioned with floating-ui in fixed coordinates from our own shadow root:
 * the page's elements, styles and stacking are never touched. The highlight ring is our own element drawn
 * over the control's box, not a style on the control.
 */
export function HintCard({ anchor, title, body, closeLabel, onClose }: HintCardProps) {
  const cardRef = useRef<HTMLDivElement>(null);
  const ringRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const card = cardRef.current;
    const ring = ringRef.current;
    if (!card || !ring) return;
    const update = () => {
      const box = anchor.getBoundingClientRect();
      Object.assign(ring.style, {
        left: `${box.left - 4}px`,
        top: `${box.top - 4}px`,
        width: `${box.width + 8}px`,
        height: `${box.height + 8}px`,
      });
      void computePosition(anchor, card, {
        strategy: 'fixed',
        placement: 'bottom',
        middleware: [
          offset(12),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          // Never taller than the viewport allows: the card scrolls inside rather than overflowing.
          size({ padding: 8, apply: ({ availableHeight }) => {
            card.style.maxHeight = `${Math.max(120, availableHeight)}px`;
          },
        }),
        ],
      }).then(({ x, y, placement }) => {
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
        card.dataset.placement = placement;
      });
    };
    return autoUpdate(anchor, card, update, { layoutShift: true });
  }, [anchor]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    const card = cardRef.current;
    card?.addEventListener('keydown', onKey);
    return () => card?.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <>
      <div ref={ringRef} className="tw-ring" aria-hidden="true" />
      <div ref={cardRef} className="tw-card" role="dialog" aria-modal="false" aria-labelledby="tw-card-title" data-testid="tw-hint">
        <div className="tw-card-head">
          <h2 id="tw-card-title" className="tw-card-title">{title}</h2>
          <button type="button" className="tw-icon-button" aria-label={closeLabel} onClick={onClose}>
            ×
          </button>
        </div>
        <p className="tw-card-body">{body}</p>
      </div>
    </>
  );
}
