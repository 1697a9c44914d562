import type { TaskStep } from '../../lessons/engine/engine';
import type { Card, OverlayContext } from './cards';
import { el } from './dom';
import { richText } from './rich-text';

/** A walk's micro-steps: those done ticked, the current one marked (its control is the one the card stands by). */
function walkList(task: TaskStep, t: OverlayContext['t']): HTMLElement {
  return el(
    'ol',
    { class: 'tw-walk', 'aria-label': t('overlayWalkLabel'), 'data-testid': 'tw-walk', 'data-walk-index': String(task.walkIndex) },
    ...task.walk.map((item, index) => {
      const state = index < task.walkIndex ? 'done' : index === task.walkIndex ? 'now' : 'next';
      return el(
        'li',
        { class: `tw-walk-${state}`, 'data-state': state, 'aria-current': state === 'now' ? 'step' : null },
        el('span', { class: 'tw-walk-mark', 'aria-hidden': 'true' }, state === 'done' ? '✓' : String(index + 1)),
        el('span', {}, ...richText(item.text)),
        state !== 'next' && el('span', { class: 'tw-sr-only' }, ` (${t(state === 'done' ? 'overlayWalkDone' : 'overlayWalkNow')})`),
      );
    }),
  );
}

/** The current step of a guided task: what to do, the path's hint, an example on request, and the way on. */
export function taskCard(task: TaskStep, context: OverlayContext): Card {
  const { t, state, setUi } = context;
  const { actions, ui } = state;
  const titleId = 'tw-task-title';
  const exampleOpen = ui.exampleOpen;
  const now = task.walk[task.walkIndex]?.done ?? task.done;
  return {
    key: JSON.stringify(['task', state.locale, task, exampleOpen]),
    lessonKey: `${task.packId}/${task.lessonId}`,
    // A walk's card stands beside the control of its current micro-step.
    anchor: task.walk[task.walkIndex]?.anchor ?? task.anchor,
    titleId,
    putAway: ui.cardHidden,
    bringIntoView: true,
    draw({ control, note }) {
      return el(
        'div',
        {
          class: 'tw-task',
          'data-testid': 'tw-task',
          'data-lesson': task.lessonId,
          'data-step': task.stepId,
          'data-mode': task.mode,
          // What ends the step, and what the learner does now (a walk's current micro-step, else the step's own rule).
          'data-done': typeof task.done === 'string' ? task.done : Object.keys(task.done)[0],
          'data-now': typeof now === 'string' ? now : Object.keys(now)[0],
          'data-url': typeof now === 'object' && 'url' in now ? now.url : null,
          'data-walk-index': task.walk.length ? String(task.walkIndex) : null,
        },
        el(
          'div',
          { class: 'tw-card-head' },
          el(
            'div',
            { class: 'tw-grow' },
            el(
              'p',
              { class: 'tw-eyebrow' },
              `${t('overlayStepOf', String(task.index + 1), String(task.total))} · `,
              el('span', { class: 'tw-mode' }, t(`overlayMode${task.mode}`)),
            ),
            el('h2', { id: titleId, class: 'tw-card-title' }, task.lessonTitle),
          ),
          // In the panel, the panel's own "–" puts the step away: one button, not two stacked.
          control &&
            el(
              'button',
              { type: 'button', class: 'tw-icon-button', 'aria-label': t('overlayMinimise'), onclick: () => context.minimise(control) },
              el('span', { 'aria-hidden': 'true' }, '–'),
            ),
        ),
        el('progress', { class: 'tw-progress', max: task.total, value: task.index, 'aria-hidden': 'true' }),
        el('p', { class: 'tw-card-body' }, ...richText(task.text)),
        task.walk.length > 0 && walkList(task, t),
        task.hint && el('p', { class: 'tw-hint-line' }, ...richText(task.hint)),
        note && el('p', { class: 'tw-note' }, note),
        task.example &&
          el(
            'button',
            {
              type: 'button',
              class: 'tw-link-button',
              'aria-expanded': String(exampleOpen),
              'data-testid': 'tw-example-toggle',
              onclick: () => setUi({ exampleOpen: !exampleOpen }),
            },
            exampleOpen ? t('overlayExampleHide') : t('overlayExampleShow'),
          ),
        task.example && exampleOpen && el('p', { class: 'tw-example', 'data-testid': 'tw-example' }, ...richText(task.example)),
        el(
          'div',
          { class: 'tw-actions' },
          el('button', { type: 'button', class: 'tw-button', disabled: task.index === 0 && task.walkIndex === 0, 'data-testid': 'tw-back', onclick: actions.back }, t('overlayBack')),
          el('button', { type: 'button', class: 'tw-button', 'data-testid': 'tw-skip', onclick: actions.skip }, t('overlaySkip')),
          el('button', { type: 'button', class: 'tw-button tw-primary', 'data-testid': 'tw-done', onclick: actions.done }, t('overlayDone')),
        ),
        el('button', { type: 'button', class: 'tw-link-button tw-stop', onclick: actions.stop }, t('overlayStop')),
      );
    },
  };
}
