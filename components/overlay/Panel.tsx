import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Guide, RetrievalCard } from '../../lessons/engine/engine';
import type { Locale } from '../i18n-core';
import { RichText } from './RichText';
import { ot } from './kit';

export interface PanelActions {
  open: () => void;
  close: () => void;
  start: (packId: string, lessonId: string) => void;
  showAgain: (packId: string, skill: string) => void;
  answer: (card: RetrievalCard, recalled: boolean) => void;
}

interface PanelProps {
  locale: Locale;
  guide: Guide | null;
  open: boolean;
  /** Opened by the learner (launcher): focus moves into the panel. Opened by itself (a fallback): focus stays. */
  focusOnOpen: boolean;
  /** The task step or hint that could not sit beside its control, shown first. */
  primary: ReactNode;
  /** Lesson key shown as `primary`, left out of the list below. */
  primaryKey: string | null;
  /** The active task's title when it continues on another page kind. */
  resumeTitle: string | null;
  error: boolean;
  actions: PanelActions;
}

function Recall({ card, locale, onAnswer }: { card: RetrievalCard; locale: Locale; onAnswer: (recalled: boolean) => void }) {
  const [shown, setShown] = useState(false);
  return (
    <li className="tw-recall" data-testid="tw-recall">
      <p className="tw-eyebrow">{card.lessonTitle}</p>
      <p>
        <RichText text={card.question} />
      </p>
      {shown ? (
        <>
          <p className="tw-example">
            <RichText text={card.answer} />
          </p>
          <div className="tw-actions">
            <button type="button" className="tw-button" onClick={() => onAnswer(false)}>
              {ot(locale, 'overlayNotYet')}
            </button>
            <button type="button" className="tw-button tw-primary" onClick={() => onAnswer(true)}>
              {ot(locale, 'overlayRecalled')}
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="tw-link-button" onClick={() => setShown(true)}>
          {ot(locale, 'overlayRecallShow')}
        </button>
      )}
    </li>
  );
}

/**
 * The docked panel at the inline end of the viewport: the page's lessons, the task step or hint whose control is
 * missing (saying so), retrieval questions due, and faded hints to bring back. Collapsed, it is one small button.
 */
export function Panel({ locale, guide, open, focusOnOpen, primary, primaryKey, resumeTitle, error, actions }: PanelProps) {
  const t = (key: Parameters<typeof ot>[1], ...subs: string[]) => ot(locale, key, ...subs);
  const sectionRef = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    if (open && focusOnOpen) sectionRef.current?.focus();
  }, [open, focusOnOpen]);
  if (!open) {
    return (
      <button type="button" className="tw-launcher" aria-label={t('overlayOpenPanel')} aria-expanded="false" onClick={actions.open} data-testid="tw-launcher">
        {/* Drawn by CSS, not SVG: the first SVG element on a page costs milliseconds to set up. */}
        <span className="tw-launcher-icon" aria-hidden="true" />
      </button>
    );
  }
  const others = (guide?.hints ?? []).filter((hint) => hint.key !== primaryKey);
  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      className="tw-panel"
      aria-labelledby="tw-panel-title"
      data-testid="tw-docked"
      onKeyDown={(event) => {
        if (event.key === 'Escape') actions.close();
      }}
    >
      <div className="tw-card-head">
        <h2 id="tw-panel-title" className="tw-panel-title tw-grow">
          {t('overlayPanelTitle')}
        </h2>
        <button type="button" className="tw-icon-button" aria-label={t('overlayMinimise')} aria-expanded="true" onClick={actions.close}>
          <span aria-hidden="true">–</span>
        </button>
      </div>
      {error ? <p className="tw-note" role="alert">{t('overlayStateError')}</p> : null}
      {primary ? <div className="tw-panel-primary">{primary}</div> : null}
      {guide?.resume && resumeTitle ? <p className="tw-note">{t('overlayResume', resumeTitle)}</p> : null}
      {others.length > 0 ? (
        <ul className="tw-list" aria-label={t('overlayPanelTitle')}>
          {others.map((hint) => (
            <li key={hint.key} className="tw-list-item" data-lesson={hint.lessonId}>
              <span className="tw-grow">
                {hint.title}
                {hint.completed ? <span className="tw-check" aria-hidden="true"> ✓</span> : null}
              </span>
              {guide?.task ? null : (
                <button type="button" className="tw-button" onClick={() => actions.start(hint.packId, hint.lessonId)} aria-label={`${t('overlayStart')}: ${hint.title}`}>
                  {t('overlayStart')}
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {!primary && !others.length && !guide?.task ? <p className="tw-note">{t('overlayNoLessons')}</p> : null}
      {guide?.retrieval.length ? (
        <>
          <h3 className="tw-subtitle">{t('overlayRecallTitle')}</h3>
          <ul className="tw-list">
            {guide.retrieval.map((card) => (
              <Recall key={`${card.packId}/${card.lessonId}/${card.review}`} card={card} locale={locale} onAnswer={(recalled) => actions.answer(card, recalled)} />
            ))}
          </ul>
        </>
      ) : null}
      {guide?.faded.length ? (
        <button type="button" className="tw-link-button" onClick={() => guide.faded.forEach((f) => actions.showAgain(f.packId, f.skill))}>
          {t('overlayShowAgain')}
        </button>
      ) : null}
    </section>
  );
}
