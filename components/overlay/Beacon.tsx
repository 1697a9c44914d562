import { useLayoutEffect, useRef } from 'react';
import { followAnchor, isRightToLeft } from './kit';

interface BeaconProps {
  anchor: Element;
  label: string;
  onOpen: () => void;
}

/** A faded hint: a small dot at the control's corner that opens the full card on demand. */
export function Beacon({ anchor, label, onOpen }: BeaconProps) {
  const ref = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    const beacon = ref.current;
    if (!beacon) return;
    const update = () => {
      const box = anchor.getBoundingClientRect();
      const rtl = isRightToLeft(anchor);
      const x = rtl ? box.left - 6 : box.right - 10;
      beacon.style.transform = `translate(${Math.round(x)}px, ${Math.round(box.top - 6)}px)`;
    };
    return followAnchor(anchor, beacon, update);
  }, [anchor]);
  return <button ref={ref} type="button" className="tw-dot" aria-label={label} onClick={onOpen} data-testid="tw-beacon" />;
}
