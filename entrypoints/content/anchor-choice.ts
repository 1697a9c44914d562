import type { Guide, TaskStep } from '../../lessons/engine/engine';
import { mergeAnchors } from '../../lessons/sites/merge';
import type { AnchorRegistry, SiteAdapter } from '../../lessons/sites/types';
import type { GuideShown } from '../../components/state/guide-protocol';
import { watchAnchors, type AnchorStates, type AnchorWatch } from './anchor-watcher';
import { ruleAnchor } from './completion';

/**
 * The anchors something will be drawn at or listened to: the task step's control and its completion signal's (a
 * walk's, all its micro-steps'), or,
 * with no task, the first full hint's and the beacons'. The other lessons are listed in the panel and need no control.
 */
export function wantedAnchors(guide: Guide): string[] {
  const wanted = new Set<string>();
  const { task } = guide;
  if (task) {
    if (task.anchor) wanted.add(task.anchor);
    if (!task.walk.length) {
      const signal = ruleAnchor(task.done, task.anchor);
      if (signal) wanted.add(signal);
    }
    // A walk: the controls of every micro-step and what their signals name (the dialog that must close, the field
    // typed into), kept resolved for the whole step: a quick learner is followed, and moving on in the walk does
    // not start the search again.
    for (const item of task.walk) {
      const anchor = item.anchor ?? task.anchor;
      if (anchor) wanted.add(anchor);
      const signal = ruleAnchor(item.done, anchor);
      if (signal) wanted.add(signal);
    }
  } else {
    const primary = guide.hints.find((h) => h.level === 'full' && !h.completed);
    if (primary?.anchor) wanted.add(primary.anchor);
    for (const hint of guide.hints) if (hint.level === 'beacon' && hint.anchor) wanted.add(hint.anchor);
  }
  return [...wanted].sort();
}

/** The control a task's card points at now: the current micro-step's of a walk, else the step's. */
export function currentAnchor(task: TaskStep): string | null {
  return task.walk[task.walkIndex]?.anchor ?? task.anchor;
}

/**
 * Keeps the anchors the guide needs resolved on the page (anchor-watcher.ts), with the packs' repairs merged over the
 * site's own registry. It starts again, from nothing found, only when the page, the anchors wanted or the repairs
 * change; `onStates` hears `{}` then, and every change after.
 */
export function createAnchorChoice(site: SiteAdapter, onStates: (states: AnchorStates) => void) {
  let registry: AnchorRegistry = site.anchors;
  let overridesJson = '';
  let watchedKey = '';
  let watch: AnchorWatch | null = null;
  return {
    follow(pageKind: string | null, answer: GuideShown) {
      const overrides = JSON.stringify(answer.anchorOverrides);
      if (overrides !== overridesJson) {
        overridesJson = overrides;
        registry = answer.anchorOverrides.reduce<AnchorRegistry>((merged, o) => mergeAnchors(merged, o), site.anchors);
        watchedKey = ''; // resolve again with the repaired strategies
      }
      const names = wantedAnchors(answer.guide);
      const key = `${pageKind}|${names.join(',')}`;
      if (key === watchedKey) return;
      watchedKey = key;
      watch?.stop();
      onStates({});
      watch = watchAnchors(names, registry, pageKind, onStates);
    },
    stop() {
      watch?.stop();
      watch = null;
      watchedKey = '';
    },
  };
}
