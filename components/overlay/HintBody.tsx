import { useLayoutEffect, useRef } from 'react';
import type { HintCard } from '../../lessons/engine/engine';
import type { Locale } from '../i18n-core';
import { fillHintBody } from './kit';

interface HintBodyProps {
  hint: HintCard;
  locale: Locale;
  titleId: string;
  note?: string;
  onStart: () => void;
  onGotIt: () => void;
}

/**
 * A lesson's hint for the learner's path, in the full UI: the markup is hint-card.ts's, the same the content script
 * draws at load, filled in again only when the hint or its wording changes (so focus stays on its buttons).
 */
export function HintBody({ hint, locale, titleId, note, onStart, onGotIt }: HintBodyProps) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef({ onStart, onGotIt });
  latest.current = { onStart, onGotIt };
  const content = JSON.stringify([hint, locale, titleId, note]);
  useLayoutEffect(() => {
    if (!ref.current) return;
    fillHintBody(ref.current, hint, locale, titleId, note, {
      onStart: () => latest.current.onStart(),
      onGotIt: () => latest.current.onGotIt(),
    });
    // `content` stands for hint, locale, titleId and note: a new but equal hint object must not rebuild the card.
  }, [content]);
  return <div ref={ref} />;
}
