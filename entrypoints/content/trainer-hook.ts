import { browser } from 'wxt/browser';
import { TRAINER_MODE_KEY } from '../../components/trainer/flag';

/** Asks the background to inject trainer mode into this tab (entrypoints/trainer-mode.ts). */
export const TRAINER_MODE_REQUEST = 'tw:inject-trainer-mode';

/**
 * Trainer mode costs a learner's tab nothing: the content script only watches the `trainerMode` flag, and when a
 * trainer switches it on, the background injects the trainer-mode script, which then follows the flag itself.
 */
export function requestTrainerModeWhenOn(): () => void {
  const request = (on: unknown) => {
    if (on === true) browser.runtime.sendMessage({ type: TRAINER_MODE_REQUEST }).catch(() => undefined);
  };
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && TRAINER_MODE_KEY in changes) request(changes[TRAINER_MODE_KEY]!.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  void browser.storage.local.get(TRAINER_MODE_KEY).then((r) => request(r[TRAINER_MODE_KEY]), () => undefined);
  return () => browser.storage.onChanged.removeListener(listener);
}
