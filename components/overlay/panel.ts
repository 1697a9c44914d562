import type { RetrievalCard } from '../../lessons/engine/engine';
import type { Card, CardPlace, OverlayContext } from './cards';
import { el } from './dom';
import { richText } from './rich-text';
import { createSlot, type Slot } from './slot';

/** What the panel is drawn from: the overlay's context, the card it shows (if any) and how to close it. */
export interface PanelView extends OverlayContext {
  /** The card that could not sit beside its control (or has none), shown first, saying why. */
  docked: { card: Card; place: CardPlace } | null;
  close(): void;
}

/** A row of the panel, drawn again when its key changes. */
interface PanelRow {
  key: string;
  draw(): Node;
}

const errorRow = ({ state, t }: PanelView): PanelRow | null =>
  state.error ? { key: `error|${state.locale}`, draw: () => el('p', { class: 'tw-note', role: 'alert' }, t('overlayStateError')) } : null;

// The note ("looking for its control…", then "not on this page") changes in place (see update): drawing the card again
// under the learner's pointer would lose a click pressed as it changed.
const dockedRow = ({ docked }: PanelView): PanelRow | null =>
  docked && { key: `${docked.card.key}|${docked.place.note ? 'note' : ''}`, draw: () => el('div', { class: 'tw-panel-primary' }, docked.card.draw(docked.place)) };

/** The task's step the learner put away: never lost, one click brings it back. */
const hiddenTaskRow = ({ state, t, setUi }: PanelView): PanelRow | null => {
  const task = state.guide?.task;
  if (!task || !state.ui.cardHidden) return null;
  const label = t('overlayResumeStep', String(task.index + 1), task.lessonTitle);
  return {
    key: `hidden|${state.locale}|${label}`,
    draw: () =>
      el('button', { type: 'button', class: 'tw-button tw-primary', 'data-testid': 'tw-resume-step', onclick: () => setUi({ cardHidden: false, panelOpen: false }) }, label),
  };
};

const resumeRow = ({ state, t }: PanelView): PanelRow | null => {
  const title = state.guide?.resume ? state.resumeTitle : null;
  const message = state.guide?.resume?.ownProfile ? 'overlayResumeOwnProfile' : 'overlayResume';
  return title ? { key: `resume|${state.locale}|${message}|${title}`, draw: () => el('p', { class: 'tw-note', 'data-testid': 'tw-resume' }, t(message, title)) } : null;
};

/** The page's other lessons, each with Start while no task runs. */
const lessonsRow = ({ state, t, docked }: PanelView): PanelRow | null => {
  const others = (state.guide?.hints ?? []).filter((hint) => hint.key !== docked?.card.lessonKey);
  if (!others.length) return null;
  const startable = !state.guide?.task;
  return {
    key: JSON.stringify([state.locale, startable, others.map((h) => [h.key, h.title, h.completed])]),
    draw: () =>
      el(
        'ul',
        { class: 'tw-list', 'aria-label': t('overlayPanelTitle') },
        ...others.map((hint) =>
          el(
            'li',
            { class: 'tw-list-item', 'data-lesson': hint.lessonId },
            el('span', { class: 'tw-grow' }, hint.title, hint.completed && el('span', { class: 'tw-check', 'aria-hidden': 'true' }, ' ✓')),
            startable &&
              el(
                'button',
                { type: 'button', class: 'tw-button', 'aria-label': `${t('overlayStart')}: ${hint.title}`, onclick: () => state.actions.start(hint.packId, hint.lessonId) },
                t('overlayStart'),
              ),
          ),
        ),
      ),
  };
};

const noLessonsRow = ({ state, t, docked }: PanelView): PanelRow | null =>
  !docked && !state.guide?.hints.length && !state.guide?.task ? { key: `none|${state.locale}`, draw: () => el('p', { class: 'tw-note' }, t('overlayNoLessons')) } : null;

const recallKey = (card: RetrievalCard) => `${card.packId}/${card.lessonId}/${card.review}`;

/** Retrieval questions due: the question, the answer on request, and whether the learner recalled it. */
const recallRow = ({ state, t, setUi }: PanelView): PanelRow | null => {
  const cards = state.guide?.retrieval ?? [];
  if (!cards.length) return null;
  const shown = state.ui.answersShown;
  const item = (card: RetrievalCard) => {
    const key = recallKey(card);
    const answer = (recalled: boolean) => () => state.actions.answer(card, recalled);
    return el(
      'li',
      { class: 'tw-recall', 'data-testid': 'tw-recall' },
      el('p', { class: 'tw-eyebrow' }, card.lessonTitle),
      el('p', {}, ...richText(card.question)),
      ...(shown.includes(key)
        ? [
            el('p', { class: 'tw-example' }, ...richText(card.answer)),
            el(
              'div',
              { class: 'tw-actions' },
              el('button', { type: 'button', class: 'tw-button', onclick: answer(false) }, t('overlayNotYet')),
              el('button', { type: 'button', class: 'tw-button tw-primary', onclick: answer(true) }, t('overlayRecalled')),
            ),
          ]
        : [el('button', { type: 'button', class: 'tw-link-button', onclick: () => setUi({ answersShown: [...shown, key] }) }, t('overlayRecallShow'))]),
    );
  };
  return {
    key: JSON.stringify([state.locale, cards, shown]),
    draw: () => {
      const rows = document.createDocumentFragment();
      rows.append(el('h3', { class: 'tw-subtitle' }, t('overlayRecallTitle')), el('ul', { class: 'tw-list' }, ...cards.map(item)));
      return rows;
    },
  };
};

const showAgainRow = ({ state, t }: PanelView): PanelRow | null => {
  const faded = state.guide?.faded ?? [];
  return faded.length
    ? {
        key: JSON.stringify([state.locale, faded]),
        draw: () =>
          el('button', { type: 'button', class: 'tw-link-button', onclick: () => faded.forEach((f) => state.actions.showAgain(f.packId, f.skill)) }, t('overlayShowAgain')),
      }
    : null;
};

/** The panel's rows, top to bottom: a new row is one more function here. */
const ROWS: Array<(view: PanelView) => PanelRow | null> = [errorRow, hiddenTaskRow, dockedRow, resumeRow, lessonsRow, noLessonsRow, recallRow, showAgainRow];

/**
 * The docked panel at the inline end of the viewport: the page's lessons, the card whose control is missing (saying
 * so), retrieval questions due, and faded hints to bring back. Collapsed, it is one small button, the launcher.
 * Opened by the learner, it takes focus; opened by itself (a card with nowhere else to go), focus stays where it is.
 */
export function createPanel(parent: Node) {
  const frame = createSlot(parent);
  let rows: Slot[] = [];
  let section: HTMLElement | null = null;

  // With a task's step put away, the launcher brings it back (and says so); otherwise it opens the panel.
  const hiddenStep = ({ state, t }: PanelView) => (state.guide?.task && state.ui.cardHidden ? t('overlayResumeStep', String(state.guide.task.index + 1), state.guide.task.lessonTitle) : null);
  const drawLauncher = (view: PanelView) =>
    el(
      'button',
      {
        type: 'button',
        class: 'tw-launcher',
        'aria-label': hiddenStep(view) ?? view.t('overlayOpenPanel'),
        'aria-expanded': 'false',
        'data-testid': 'tw-launcher',
        'data-resumes': hiddenStep(view) ? 'step' : null,
        onclick: () => view.setUi(hiddenStep(view) ? { cardHidden: false } : { panelOpen: true }),
      },
      // Drawn by CSS, not SVG: the first SVG element on a page costs milliseconds to set up.
      el('span', { class: 'tw-launcher-icon', 'aria-hidden': 'true' }),
    );

  const drawSection = (view: PanelView) => {
    const { t } = view;
    const opened = el(
      'section',
      {
        tabindex: -1,
        class: 'tw-panel',
        'aria-labelledby': 'tw-panel-title',
        'data-testid': 'tw-docked',
        onkeydown: (event) => (event as KeyboardEvent).key === 'Escape' && view.close(),
      },
      el(
        'div',
        { class: 'tw-card-head' },
        el('h2', { id: 'tw-panel-title', class: 'tw-panel-title tw-grow' }, t('overlayPanelTitle')),
        el(
          'button',
          { type: 'button', class: 'tw-icon-button', 'aria-label': t('overlayMinimise'), 'aria-expanded': 'true', onclick: () => view.close() },
          el('span', { 'aria-hidden': 'true' }, '–'),
        ),
      ),
    );
    rows = ROWS.map(() => createSlot(opened));
    section = opened;
    return { nodes: [opened], stop: () => rows.forEach((row) => row.clear()) };
  };

  return {
    update(view: PanelView, open: boolean, focusOnOpen: boolean) {
      const wasOpen = frame.key?.startsWith('panel') ?? false;
      frame.show(`${open ? 'panel' : `launcher|${hiddenStep(view) ?? ''}`}|${view.state.locale}`, () => (open ? drawSection(view) : drawLauncher(view)));
      if (!open) return;
      ROWS.forEach((row, index) => {
        const drawn = row(view);
        rows[index]!.show(drawn?.key ?? null, () => drawn!.draw());
      });
      const note = view.docked?.place.note;
      const noteNode = note ? section?.querySelector('.tw-panel-primary .tw-note') : null;
      if (noteNode && noteNode.textContent !== note) noteNode.textContent = note!;
      if (focusOnOpen && !wasOpen) section?.focus();
    },
    clear: () => frame.clear(),
  };
}
