import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeBeside } from '../../components/overlay/placement';

const viewport = { width: 1366, height: 900 };
const card = { width: 340, height: 200 };

describe('placeBeside', () => {
  it('puts the card under a control near the top, centred on it', () => {
    const p = placeBeside({ x: 500, y: 10, width: 200, height: 30 }, card, viewport);
    expect(p.side).toBe('bottom');
    expect(p.y).toBe(52);
    expect(p.x).toBe(430);
  });

  it('goes above a control near the bottom', () => {
    expect(placeBeside({ x: 500, y: 820, width: 100, height: 40 }, card, viewport).side).toBe('top');
  });

  it('goes beside a control as tall as the viewport, at the inline end (mirrored right to left)', () => {
    const tall = { x: 0, y: 0, width: 260, height: 900 };
    expect(placeBeside(tall, card, viewport).side).toBe('right');
    expect(placeBeside({ ...tall, x: 1106 }, card, viewport, true).side).toBe('left');
  });

  it('never leaves the viewport and never covers the control when there is room on some side', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1300 }),
        fc.integer({ min: 0, max: 860 }),
        fc.integer({ min: 10, max: 300 }),
        fc.integer({ min: 10, max: 120 }),
        fc.boolean(),
        (x, y, width, height, rtl) => {
          const anchor = { x, y, width: Math.min(width, 1366 - x), height: Math.min(height, 900 - y) };
          const p = placeBeside(anchor, card, viewport, rtl);
          expect(p.x).toBeGreaterThanOrEqual(0);
          expect(p.x + card.width).toBeLessThanOrEqual(viewport.width);
          expect(p.y).toBeGreaterThanOrEqual(0);
          const shown = Math.min(card.height, p.maxHeight);
          const overlapX = p.x < anchor.x + anchor.width && anchor.x < p.x + card.width;
          const overlapY = p.y < anchor.y + anchor.height && anchor.y < p.y + shown;
          expect(overlapX && overlapY).toBe(false);
        },
      ),
    );
  });

  it('a card that grows stays on its side while that side has room to read it (issue 17: "Why it matters" moved it)', () => {
    const viewport = { width: 1280, height: 800 };
    const control = { x: 300, y: 380, width: 200, height: 40 };
    const first = placeBeside(control, { width: 320, height: 300 }, viewport);
    expect(first.side).toBe('bottom');
    // Opened: 460 px tall no longer fits below (368 px of room); kept there, scrolling inside, not moved to the right.
    expect(placeBeside(control, { width: 320, height: 460 }, viewport).side).not.toBe('bottom');
    const kept = placeBeside(control, { width: 320, height: 460 }, viewport, false, first.side);
    expect(kept.side).toBe('bottom');
    expect(kept.maxHeight).toBeGreaterThanOrEqual(120);
    // With no readable room left on that side, it moves.
    expect(placeBeside({ ...control, y: 700 }, { width: 320, height: 460 }, viewport, false, 'bottom').side).not.toBe('bottom');
  });
});
