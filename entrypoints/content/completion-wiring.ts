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
 * the page's navigations. A walk watches every micro-step from the step's start, but counts them in order only: the
 * signal of the micro-step the learner is on moves the walk on (at once, here, before the background hears of it, so
 * a quick learner is followed), and the step completes on the last micro-step's action only. A signal out of turn
 * (the dialog closed before anything was typed in it, a second Reply pressed by the first one's click) counts for
 * nothing, and its watch starts again. A watch lives as long as its turn has not come, so a dialog seen open under
 * one micro-step counts as gone under the next.
 */
export function createCompletionWiring(events: CompletionEvents) {
  let stepKey = '';
  let signals: Array<{ rule: DoneRule; anchor: string | null }> = [];
  let watches: Array<CompletionWatch | null> = [];
  let position = 0;
  /** A micro-step this side moved to that the background has not confirmed yet: older answers do not move it back. */
  let announced: number | null = null;
  let last: AnchorStates = {};

  const stopAll = () => {
    for (const watch of watches) watch?.stop();
    watches = [];
  };
  const feed = (watch: CompletionWatch, anchors: AnchorStates) => {
    for (const [name, state] of Object.entries(anchors)) watch.onAnchor(name, state.element);
  };

  function watchAt(index: number) {
    const { rule, anchor } = signals[index]!;
    const watch = watchCompletion(rule, anchor, () => {
      watches[index] = null;
      if (index !== position) {
        if (index > position) watchAt(index); // out of turn: it counts for nothing and waits for its turn again
        return;
      }
      if (index === signals.length - 1) events.onDone();
      else {
        position = index + 1;
        announced = position;
        events.onWalk(position);
      }
    });
    watches[index] = watch;
    feed(watch, last);
  }

  return {
    follow(task: TaskStep | null, anchors: AnchorStates) {
      last = anchors;
      const key = task ? `${task.packId}/${task.lessonId}/${task.stepId}` : '';
      if (key !== stepKey) {
        stepKey = key;
        stopAll();
        announced = null;
        signals = task && task.done !== 'manual' ? signalsOf(task) : [];
      }
      if (!signals.length) return;
      const stored = task!.walk.length ? Math.min(task!.walkIndex, task!.walk.length - 1) : 0;
      if (announced !== null && stored < announced) return; // an answer from before our last move
      announced = null;
      position = stored;
      // Back in a walk: the micro-steps from here on wait again.
      for (let index = position; index < signals.length; index++) if (!watches[index]) watchAt(index);
    },
    /** The learner pressed Back: the background's next answer says where the walk is, lower or not. */
    onBack() {
      announced = null;
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
      signals = [];
      stepKey = '';
    },
  };
}
