import type { HintCard } from '../../lessons/engine/engine';
import { parseRichText } from '../../lessons/pack/richtext';
import type { Locale } from '../i18n-core';
import { el } from './dom';
import { ot } from './strings';

/** Pack text as text nodes, <strong>, <em> and https links: never HTML from the pack. */
export const richText = (text: string): (Node | string)[] =>
  parseRichText(text).map((segment) => {
    switch (segment.kind) {
      case 'strong':
        return el('strong', {}, segment.text);
      case 'em':
        return el('em', {}, segment.text);
      case 'link':
        return el('a', { href: segment.href, target: '_blank', rel: 'noopener noreferrer' }, segment.text);
      default:
        return segment.text;
    }
  });

export interface HintHandlers {
  onStart(): void;
  onGotIt(): void;
}

/**
 * A lesson's hint for the learner's path, into `target`: what to try and why, with the way into the guided task.
 * The one markup of the hint, whether the content script draws it at load (first-view.ts) or the full UI does
 * (HintBody.tsx), so the card a learner sees and uses is the same either way.
 */
export function fillHintBody(target: HTMLElement, hint: HintCard, locale: Locale, titleId: string, note: string | undefined, handlers: HintHandlers): void {
  const t = (key: Parameters<typeof ot>[1]) => ot(locale, key);
  const gotIt = () => handlers.onGotIt();
  target.className = 'tw-hint';
  target.dataset.testid = 'tw-hint-body';
  target.dataset.lesson = hint.lessonId;
  target.dataset.path = hint.path;
  const parts = [
    el(
      'div',
      { class: 'tw-card-head' },
      el('h2', { id: titleId, class: 'tw-card-title tw-grow' }, hint.title),
      el('button', { type: 'button', class: 'tw-icon-button', 'aria-label': t('overlayClose'), onclick: gotIt }, el('span', { 'aria-hidden': 'true' }, '×')),
    ),
    hint.fromSecondary ? el('p', { class: 'tw-eyebrow' }, t('overlayOtherWay')) : null,
    el('p', { class: 'tw-card-body' }, ...richText(hint.text)),
    el(
      'details',
      { class: 'tw-details' },
      el('summary', {}, t('overlayWhy')),
      el('p', {}, ...richText(hint.why)),
      el('p', {}, el('strong', {}, `${t('overlaySafe')} — `), ...richText(hint.practiseSafely)),
    ),
    note ? el('p', { class: 'tw-note' }, note) : null,
    el(
      'div',
      { class: 'tw-actions' },
      el('button', { type: 'button', class: 'tw-button', onclick: gotIt }, t('overlayGotIt')),
      el('button', { type: 'button', class: 'tw-button tw-primary', 'data-testid': 'tw-start', onclick: () => handlers.onStart() }, t('overlayStart')),
    ),
  ];
  target.replaceChildren(...parts.filter((part) => part !== null));
}
