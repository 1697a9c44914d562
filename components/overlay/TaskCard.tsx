import type { TaskStep } from '../../lessons/engine/engine';
import type { Locale } from '../i18n-core';
import { RichText } from './RichText';
import { ot } from './kit';

export interface TaskActions {
  done: () => void;
  skip: () => void;
  back: () => void;
  stop: () => void;
  minimise: () => void;
  toggleExample: () => void;
}

interface TaskCardProps {
  task: TaskStep;
  locale: Locale;
  exampleOpen: boolean;
  /** Why the step is in the panel rather than beside its control; empty when it is beside it. */
  note?: string;
  actions: TaskActions;
}

/** The current step of a guided task: what to do, the path's hint, an example on request, and the way on. */
export function TaskCard({ task, locale, exampleOpen, note, actions }: TaskCardProps) {
  const t = (key: Parameters<typeof ot>[1], ...subs: string[]) => ot(locale, key, ...subs);
  const titleId = 'tw-task-title';
  return (
    <div
      className="tw-task"
      data-testid="tw-task"
      data-lesson={task.lessonId}
      data-step={task.stepId}
      data-mode={task.mode}
      data-done={typeof task.done === 'string' ? task.done : Object.keys(task.done)[0]}
      data-url={typeof task.done === 'object' && 'url' in task.done ? task.done.url : undefined}
    >
      <div className="tw-card-head">
        <div className="tw-grow">
          <p className="tw-eyebrow">
            {t('overlayStepOf', String(task.index + 1), String(task.total))} · <span className="tw-mode">{t(`overlayMode${task.mode}`)}</span>
          </p>
          <h2 id={titleId} className="tw-card-title">
            {task.lessonTitle}
          </h2>
        </div>
        <button type="button" className="tw-icon-button" aria-label={t('overlayMinimise')} onClick={actions.minimise}>
          <span aria-hidden="true">–</span>
        </button>
      </div>
      <progress className="tw-progress" max={task.total} value={task.index} aria-hidden="true" />
      <p className="tw-card-body">
        <RichText text={task.text} />
      </p>
      {task.hint ? (
        <p className="tw-hint-line">
          <RichText text={task.hint} />
        </p>
      ) : null}
      {note ? <p className="tw-note">{note}</p> : null}
      {task.example ? (
        <>
          <button type="button" className="tw-link-button" aria-expanded={exampleOpen} onClick={actions.toggleExample} data-testid="tw-example-toggle">
            {exampleOpen ? t('overlayExampleHide') : t('overlayExampleShow')}
          </button>
          {exampleOpen ? (
            <p className="tw-example" data-testid="tw-example">
              <RichText text={task.example} />
            </p>
          ) : null}
        </>
      ) : null}
      <div className="tw-actions">
        <button type="button" className="tw-button" onClick={actions.back} disabled={task.index === 0} data-testid="tw-back">
          {t('overlayBack')}
        </button>
        <button type="button" className="tw-button" onClick={actions.skip} data-testid="tw-skip">
          {t('overlaySkip')}
        </button>
        <button type="button" className="tw-button tw-primary" onClick={actions.done} data-testid="tw-done">
          {t('overlayDone')}
        </button>
      </div>
      <button type="button" className="tw-link-button tw-stop" onClick={actions.stop}>
        {t('overlayStop')}
      </button>
    </div>
  );
}
