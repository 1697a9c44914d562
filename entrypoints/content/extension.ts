import type { Browser } from 'wxt/browser';

/**
 * The browser's extension API as the content runtime uses it, without webextension-polyfill (~3.5 KB gzip on every
 * tab; the background and the pages keep it): only runtime messaging, which Chrome MV3 and Firefox both give with
 * promises. `tests/tools/check-size.ts` fails if the polyfill comes back into a guide script.
 */
const scope = globalThis as unknown as { browser?: typeof Browser; chrome?: typeof Browser };
export const extension = (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as typeof Browser;

/** Whether this copy of the script still belongs to a running extension (not one updated, reloaded or removed since). */
export const extensionAlive = (): boolean => {
  try {
    return Boolean(extension?.runtime?.id);
  } catch {
    return false;
  }
};
