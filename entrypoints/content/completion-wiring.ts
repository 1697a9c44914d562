import type { TaskStep } from '../../lessons/engine/engine';
import type { AnchorStates } from './anchor-watcher';
import { watchCompletion, type CompletionWatch } from './completion';

/**
 * Wires the current task step to its completion signal (completion.ts): one watch per step, told of the anchors as
 * they resolve and of the page's navigations, which calls `onDone` when the learner really did the step.
 */
export function createCompletionWiring(onDone: () => void) {
  let stepKey = '';
  let watch: CompletionWatch | null = null;
  return {
    follow(task: TaskStep | null, anchors: AnchorStates) {
      const key = task ? `${task.packId}/${task.lessonId}/${task.stepId}` : '';
      if (key === stepKey) return;
      stepKey = key;
      watch?.stop();
      watch = task ? watchCompletion(task.done, task.anchor, onDone) : null;
      for (const [name, state] of Object.entries(anchors)) watch?.onAnchor(name, state.element);
    },
    onAnchors(anchors: AnchorStates) {
      for (const [name, state] of Object.entries(anchors)) watch?.onAnchor(name, state.element);
    },
    onNavigate(url: URL) {
      watch?.onNavigate(url);
    },
    stop() {
      watch?.stop();
      watch = null;
      stepKey = '';
    },
  };
}
