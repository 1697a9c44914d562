import type { HintCard } from '../../lessons/engine/engine';
import type { Card, OverlayContext } from './cards';
import { el } from './dom';
import { richText } from './rich-text';

/** A lesson's hint for the learner's path: what to try and why, with the way into the guided task. */
export function hintCard(hint: HintCard, context: OverlayContext): Card {
  const { t, state } = context;
  const titleId = 'tw-hint-title';
  return {
    key: JSON.stringify(['hint', state.locale, hint]),
    lessonKey: hint.key,
    anchor: hint.anchor,
    titleId,
    putAway: false,
    bringIntoView: false,
    draw({ control, note }) {
      const gotIt = () => {
        state.actions.dismissHint(hint);
        context.minimise(control);
      };
      return el(
        'div',
        { class: 'tw-hint', 'data-testid': 'tw-hint-body', 'data-lesson': hint.lessonId, 'data-path': hint.path },
        el(
          'div',
          { class: 'tw-card-head' },
          el('h2', { id: titleId, class: 'tw-card-title tw-grow' }, hint.title),
          // × puts the card away for this page view; "Got it" says the learner needs it no more (it fades for good).
          el(
            'button',
            { type: 'button', class: 'tw-icon-button', 'aria-label': t('overlayHideForNow'), title: t('overlayHideForNow'), 'data-testid': 'tw-hide', onclick: () => context.minimise(control) },
            el('span', { 'aria-hidden': 'true' }, '×'),
          ),
        ),
        hint.fromSecondary && el('p', { class: 'tw-eyebrow' }, t('overlayOtherWay')),
        el('p', { class: 'tw-card-body' }, ...richText(hint.text)),
        el(
          'details',
          { class: 'tw-details' },
          el('summary', {}, t('overlayWhy')),
          el('p', {}, ...richText(hint.why)),
          el('p', {}, el('strong', {}, `${t('overlaySafe')} — `), ...richText(hint.practiseSafely)),
        ),
        note && el('p', { class: 'tw-note' }, note),
        el(
          'div',
          { class: 'tw-actions' },
          el('button', { type: 'button', class: 'tw-button', onclick: gotIt }, t('overlayGotIt')),
          el(
            'button',
            { type: 'button', class: 'tw-button tw-primary', 'data-testid': 'tw-start', onclick: () => state.actions.start(hint.packId, hint.lessonId) },
            t('overlayStart'),
          ),
        ),
      );
    },
  };
}
