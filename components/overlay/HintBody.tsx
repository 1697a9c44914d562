import type { HintCard } from '../../lessons/engine/engine';
import type { Locale } from '../i18n-core';
import { RichText } from './RichText';
import { ot } from './strings';

interface HintBodyProps {
  hint: HintCard;
  locale: Locale;
  titleId: string;
  note?: string;
  onStart: () => void;
  onGotIt: () => void;
}

/** A lesson's hint for the learner's path: what to try and why, with the way into the guided task. */
export function HintBody({ hint, locale, titleId, note, onStart, onGotIt }: HintBodyProps) {
  return (
    <div className="tw-hint" data-testid="tw-hint-body" data-lesson={hint.lessonId} data-path={hint.path}>
      <div className="tw-card-head">
        <h2 id={titleId} className="tw-card-title tw-grow">
          {hint.title}
        </h2>
        <button type="button" className="tw-icon-button" aria-label={ot(locale, 'overlayClose')} onClick={onGotIt}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {hint.fromSecondary ? <p className="tw-eyebrow">{ot(locale, 'overlayOtherWay')}</p> : null}
      <p className="tw-card-body">
        <RichText text={hint.text} />
      </p>
      <details className="tw-details">
        <summary>{ot(locale, 'overlayWhy')}</summary>
        <p>
          <RichText text={hint.why} />
        </p>
        <p>
          <strong>{ot(locale, 'overlaySafe')} — </strong>
          <RichText text={hint.practiseSafely} />
        </p>
      </details>
      {note ? <p className="tw-note">{note}</p> : null}
      <div className="tw-actions">
        <button type="button" className="tw-button" onClick={onGotIt}>
          {ot(locale, 'overlayGotIt')}
        </button>
        <button type="button" className="tw-button tw-primary" onClick={onStart} data-testid="tw-start">
          {ot(locale, 'overlayStart')}
        </button>
      </div>
    </div>
  );
}
