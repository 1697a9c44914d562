// The trainer's read credentials for the class report. Kept for the browser session (storage.session: gone when
// the browser closes, and in Chrome out of content scripts' reach) unless the trainer ticks "remember", which keeps
// them in storage.local until they press "Forget". Never sent anywhere but the LRS they name.
import { browser } from 'wxt/browser';
import type { LrsCredentials } from './lrs-reader';

export const REPORT_LRS_KEY = 'reportLrs';

export interface SavedReportLrs extends LrsCredentials {
  packId: string;
  remember: boolean;
}

type StorageLike = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; remove(key: string): Promise<void> };

/** storage.session where the browser has it; else a memory slot that lasts as long as the page. */
function sessionArea(): StorageLike {
  const session = (browser.storage as unknown as { session?: StorageLike }).session;
  if (session) return session;
  const memory: Record<string, unknown> = {};
  return {
    get: async (key) => (key in memory ? { [key]: memory[key] } : {}),
    set: async (items) => void Object.assign(memory, items),
    remove: async (key) => void delete memory[key],
  };
}

function sanitize(raw: unknown): SavedReportLrs | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.endpoint !== 'string' || typeof r.username !== 'string' || typeof r.password !== 'string') return null;
  return { endpoint: r.endpoint, username: r.username, password: r.password, packId: typeof r.packId === 'string' ? r.packId : '', remember: r.remember === true };
}

export async function loadReportLrs(): Promise<SavedReportLrs | null> {
  const session = sanitize((await sessionArea().get(REPORT_LRS_KEY))[REPORT_LRS_KEY]);
  if (session) return session;
  return sanitize((await browser.storage.local.get(REPORT_LRS_KEY))[REPORT_LRS_KEY]);
}

export async function saveReportLrs(saved: SavedReportLrs): Promise<void> {
  await sessionArea().set({ [REPORT_LRS_KEY]: saved });
  if (saved.remember) await browser.storage.local.set({ [REPORT_LRS_KEY]: saved });
  else await browser.storage.local.remove(REPORT_LRS_KEY);
}

export async function forgetReportLrs(): Promise<void> {
  await sessionArea().remove(REPORT_LRS_KEY);
  await browser.storage.local.remove(REPORT_LRS_KEY);
}
