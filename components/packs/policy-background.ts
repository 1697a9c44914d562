// Background side of the enterprise policy: applied when the worker starts and whenever managed storage changes.
import { browser } from 'wxt/browser';
import { localArea } from '../state/area';
import { applyPolicy, parsePolicy, type Policy } from './policy';
import { packManager } from './provider';

/** The managed storage, or {} where there is none (Firefox without policies.json throws). */
export async function readManagedStorage(): Promise<Record<string, unknown>> {
  try {
    return ((await browser.storage.managed.get(null)) ?? {}) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** The well-formed policy now (for the LRS outbox: credentials are read here, never copied to storage.local). */
export async function currentPolicy(): Promise<Policy> {
  return parsePolicy(await readManagedStorage()).policy;
}

let applying: Promise<unknown> = Promise.resolve();

function applyNow(): Promise<unknown> {
  // One application at a time: a policy change during a download waits for it.
  applying = applying
    .then(async () => applyPolicy(await readManagedStorage(), { area: localArea(), manager: packManager(), fetch: (url, init) => fetch(url, init) }))
    .catch((error: unknown) => console.error('Training Wheels: applying the policy failed', error));
  return applying;
}

/** Registers the listener at once (a worker woken by the change needs it), applies after `ready` (migrations). */
export function followEnterprisePolicy(ready: Promise<unknown> = Promise.resolve()): void {
  applying = ready.catch(() => undefined);
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void applyNow();
  });
  void applyNow();
}
