// The one place that touches browser.storage.local for the learner's state. Everything else goes through `Area`,
// which tests can replace (fakeBrowser) and which keeps the surface small for the content script.
import { browser } from 'wxt/browser';

export interface Area {
  /** null = every key. */
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Calls back with the changed keys (new value undefined = removed); returns the unsubscribe function. */
  watch(callback: (changes: Record<string, { newValue?: unknown }>) => void): () => void;
}

export function localArea(): Area {
  const local = browser.storage.local;
  return {
    get: (keys) => local.get(keys) as Promise<Record<string, unknown>>,
    set: (items) => local.set(items),
    remove: (keys) => local.remove(keys),
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
        if (areaName === 'local') callback(changes);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

const localQueues = new Map<string, Promise<unknown>>();

/**
 * Runs a read-modify-write with no other writer of the same name in between. Extension pages and the service
 * worker share one origin, so the Web Locks API serialises them across contexts; where it is missing (tests,
 * content scripts, which live in the page's origin) a queue serialises writers within this context.
 */
export function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  if (locks && typeof locks.request === 'function' && !isContentScript()) return locks.request(`training-wheels:${name}`, task);
  const previous = localQueues.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  localQueues.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}

function isContentScript(): boolean {
  const protocol = (globalThis as { location?: { protocol?: string } }).location?.protocol;
  return protocol === 'http:' || protocol === 'https:';
}
