import { hintCard } from './hint-card';
import { primaryHint, type AnchorState, type OverlayState, type OverlayUi } from './state';
import type { OverlayMessageKey } from './strings';
import { taskCard } from './task-card';

/** What every part of the overlay is drawn from: the state, and the few things the renderer does for the parts. */
export interface OverlayContext {
  state: OverlayState;
  /** A message of the overlay in the learner's language. */
  t(key: OverlayMessageKey, ...substitutions: string[]): string;
  setUi(patch: Partial<OverlayUi>): void;
  /** Puts the card away (Esc, Got it, –) and gives focus back to `control`, else to the launcher. */
  minimise(control: Element | null): void;
}

/** Where a card's content is drawn: beside its control (`control`), or in the panel (`note` says why, if it has one). */
export interface CardPlace {
  control: Element | null;
  note?: string;
}

/**
 * A card: the overlay shows one, beside its control, or in the panel when the control is not on the page. A new kind
 * of card is a function from the context to one of these (hint-card.ts, task-card.ts), chosen in `currentCard`; the
 * frame around it (ring, placement, Escape, the panel's place) is the renderer's and the same for every kind.
 */
export interface Card {
  /** What the card shows, as a key: its content is drawn again only when this changes. */
  key: string;
  /** The lesson it belongs to (`packId/lessonId`): the panel's list leaves it out while the card is shown. */
  lessonKey: string;
  /** The anchor name of its control; null for a card that has none (it shows in the panel). */
  anchor: string | null;
  /** The id of its title, which names the card (aria-labelledby). */
  titleId: string;
  /** The learner put it away from beside its control (Esc, –): it is not drawn there until the step changes. */
  putAway: boolean;
  /** A task step brings its control into view when it starts; a passive hint waits for the learner to get there. */
  bringIntoView: boolean;
  draw(place: CardPlace): HTMLElement;
}

/** The one card the overlay shows: the active task's step, else the page's hint (none once the learner put it away). */
export function currentCard(context: OverlayContext): Card | null {
  const { guide, ui } = context.state;
  if (!guide) return null;
  if (guide.task) return taskCard(guide.task, context);
  const hint = ui.cardHidden ? undefined : primaryHint(guide, ui);
  return hint ? hintCard(hint, context) : null;
}

/**
 * Where the card goes: beside its control once that is found, in the panel when it has no control or its control
 * was not found in time (saying so); while the control is looked for, a task's step in the panel and a hint nowhere.
 */
export function placeCard(card: Card, anchors: Record<string, AnchorState>, context: OverlayContext): { beside: Element } | { docked: CardPlace } | null {
  // Put away (Esc, –), a card goes nowhere, wherever it was: the launcher brings it back.
  if (card.putAway) return null;
  const found = card.anchor ? anchors[card.anchor] : undefined;
  if (found?.status === 'found' && found.element) return { beside: found.element };
  if (!card.anchor) return { docked: { control: null } };
  if (found?.status === 'missing') return { docked: { control: null, note: context.t(card.bringIntoView ? 'overlayDockedMissingStep' : 'overlayDockedMissing') } };
  // A step the learner asked for (Start, Back, the next step) shows at once, in the panel, while its control is
  // looked for; a passive hint waits to be drawn beside its control.
  return card.bringIntoView ? { docked: { control: null, note: context.t('overlayLooking') } } : null;
}
