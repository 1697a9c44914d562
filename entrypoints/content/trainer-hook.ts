import { browser } from 'wxt/browser';

/** Asks the background to inject trainer mode into this tab (entrypoints/trainer-mode.ts). */
export const TRAINER_MODE_REQUEST = 'tw:inject-trainer-mode';

/**
 * Trainer mode costs a learner's tab nothing: the content script only follows the `trainerMode` flag (read and
 * watched with its other keys, content/run.tsx), and when a trainer switches it on, the background injects the
 * trainer-mode script, which then follows the flag itself.
 */
export function requestTrainerMode(flag: unknown): void {
  if (flag === true) browser.runtime.sendMessage({ type: TRAINER_MODE_REQUEST }).catch(() => undefined);
}
