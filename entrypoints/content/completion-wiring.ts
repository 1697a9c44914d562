import type { TaskStep } from '../../lessons/engine/engine';
import type { DoneRule } from '../../lessons/pack/types';
import type { AnchorStates } from './anchor-watcher';
import { watchCompletion, type CompletionWatch } from './completion';

export interface CompletionEvents {
  /** The learner really did the step (its rule, or its walk's last micro-step). */
  onDone(): void;
  /** Inside a walk, the learner did micro-step `index - 1` (or a later one): go on at `index`. */
  onWalk(index: number): void;
}

/** The signals one step listens to: its own rule, or one per micro-step of its walk with that micro-step's anchor. */
function signalsOf(task: TaskStep): Array<{ rule: DoneRule; anchor: string | null }> {
  if (!task.walk.length) return [{ rule: task.done, anchor: task.anchor }];
  return task.walk.map((item) => ({ rule: item.done, anchor: item.anchor ?? task.anchor }));
}

/**
 * Wires the current task step to its completion signals (completion.ts), told of the anchors as they resolve and of
 * the page's navigations. A walk listens to every micro-step from the current one on, at once: a learner who is
 * quicker than the guide (the dialog already open, Post pressed before the card moved) is followed, and the step
 * completes on the last micro-step's action only. A micro-step's watch lives as long as the step, so a dialog seen
 * open under one micro-step counts as gone under the next.
 */
export function createCompletionWiring(events: CompletionEvents) {
  let stepKey = '';
  let watches: Array<CompletionWatch | null> = [];
  let position = 0;
  let last: AnchorStates = {};

  const stopAll = () => {
    for (const watch of watches) watch?.stop();
    watches = [];
  };
  const feed = (watch: CompletionWatch, anchors: AnchorStates) => {
    for (const [name, state] of Object.entries(anchors)) watch.onAnchor(name, state.element);
  };

  function arm(task: TaskStep) {
    const signals = signalsOf(task);
    signals.forEach(({ rule, anchor }, index) => {
      if (index < position || watches[index]) return;
      const watch = watchCompletion(rule, anchor, () => {
        watches[index] = null;
        if (index < position) return; // a micro-step the learner went back before: it counts again once re-armed
        if (index === signals.length - 1) events.onDone();
        else {
          position = index + 1;
          events.onWalk(index + 1);
        }
      });
      watches[index] = watch;
      feed(watch, last);
    });
  }

  return {
    follow(task: TaskStep | null, anchors: AnchorStates) {
      last = anchors;
      const key = task ? `${task.packId}/${task.lessonId}/${task.stepId}` : '';
      if (key !== stepKey) {
        stepKey = key;
        stopAll();
      }
      if (!task || task.done === 'manual') return;
      position = task.walk.length ? Math.min(task.walkIndex, task.walk.length - 1) : 0;
      arm(task);
    },
    onAnchors(anchors: AnchorStates) {
      last = anchors;
      for (const watch of watches) if (watch) feed(watch, anchors);
    },
    onNavigate(url: URL) {
      for (const watch of watches) watch?.onNavigate(url);
    },
    stop() {
      stopAll();
      stepKey = '';
    },
  };
}
