import { extensionAlive } from './extension';

/**
 * How long the guide runs in a tab, and what stops with it: every listener, observer and timer it leaves registers
 * here, and `stop()` ends them all at once, when the learner switches the guide off there, when the extension goes
 * away (updated, reloaded, removed), or when another copy of the script takes over. Our own small version of WXT's
 * ContentScriptContext, which also dispatches an event on the page's document at start, one the page could hear and
 * forge (an older copy of the script is told to stop through its own shadow root instead: components/overlay/shell.ts).
 */
export interface Lifetime {
  readonly signal: AbortSignal;
  /** Running, and its extension still there (checking it stops the lifetime when the extension went away). */
  readonly alive: boolean;
  /** `handler` on `target` until the end. */
  listen(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  onStop(cleanup: () => void): void;
  stop(): void;
}

export function createLifetime(): Lifetime {
  const controller = new AbortController();
  const { signal } = controller;
  return {
    signal,
    get alive() {
      if (!signal.aborted && !extensionAlive()) controller.abort();
      return !signal.aborted;
    },
    listen: (target, type, handler, options) => target.addEventListener(type, handler, { ...options, signal }),
    onStop: (cleanup) => (signal.aborted ? cleanup() : signal.addEventListener('abort', cleanup, { once: true })),
    stop: () => controller.abort(),
  };
}
