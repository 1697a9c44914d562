// Background side of the LRS outbox: when the trainer's policy names an LRS (and only then), every new progress fact
// becomes a statement in the persisted outbox, sent at once and retried by alarm with backoff.
import { browser } from 'wxt/browser';
import { localArea } from '../state/area';
import { idbStore } from '../packs/db';
import { currentPolicy } from '../packs/policy-background';
import { packsInUse } from '../packs/provider';
import { XAPI_DATA_COLLECTION } from './data-collection';
import { learnerActor, type FactRecord } from './identity';
import { XAPI_STATUS_KEY, createOutbox, type LrsConfig, type OutboxItem, type OutboxStatus } from './outbox';

export const OUTBOX_ALARM = 'tw:xapi-outbox';

const FACT_KEY = /^(progress|started|completed|recall):/;

let outbox: ReturnType<typeof createOutbox> | null = null;
const getOutbox = () =>
  (outbox ??= createOutbox({ outbox: idbStore<OutboxItem>('outbox'), facts: idbStore<FactRecord>('xapi-facts'), fetch: (url, init) => fetch(url, init) }));

async function lrsConfig(): Promise<{ config: LrsConfig; homePage?: string } | null> {
  const policy = await currentPolicy();
  if (!policy.xapiEndpoint) return null;
  const config: LrsConfig = { endpoint: policy.xapiEndpoint };
  if (policy.xapiUsername !== undefined) config.username = policy.xapiUsername;
  if (policy.xapiPassword !== undefined) config.password = policy.xapiPassword;
  return { config, ...(policy.xapiHomePage ? { homePage: policy.xapiHomePage } : {}) };
}

/**
 * Has the learner agreed to the data collection sending statements means? Only Firefox asks (its built-in data
 * consent: `permissions.getAll()` then carries `data_collection`); elsewhere the administrator's policy decides.
 */
export async function sendingAllowed(): Promise<boolean> {
  try {
    const granted = ((await browser.permissions.getAll()) as { data_collection?: string[] }).data_collection;
    return granted === undefined || XAPI_DATA_COLLECTION.every((kind) => granted.includes(kind));
  } catch {
    return true;
  }
}

/** Queues new facts and sends what is due; schedules the next attempt. A no-op without an LRS in the policy. */
export async function syncOutbox(): Promise<OutboxStatus | null> {
  const lrs = await lrsConfig();
  if (!lrs) return null;
  const area = localArea();
  const box = getOutbox();
  await box.enqueueFacts(await area.get(null), await packsInUse(), await learnerActor(area, lrs.homePage));
  if (!(await sendingAllowed())) {
    // Kept, not sent: they go once the learner agrees (Diagnostics asks), nothing is lost meanwhile.
    const waiting = (await box.pending()).filter((item) => !item.rejected).length;
    const status: OutboxStatus = { at: Date.now(), pending: waiting, rejected: 0, sent: 0, waitingForConsent: true };
    await area.set({ [XAPI_STATUS_KEY]: status });
    return status;
  }
  const status = await box.flush(lrs.config);
  await area.set({ [XAPI_STATUS_KEY]: status });
  if (status.nextAttemptAt !== undefined) await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(status.nextAttemptAt, Date.now() + 30_000) });
  return status;
}

let timer: ReturnType<typeof setTimeout> | undefined;
const soon = () => {
  clearTimeout(timer);
  timer = setTimeout(() => void syncOutbox().catch((e: unknown) => console.error('Training Wheels: xAPI outbox', e)), 2_000);
};

export function runXapiOutbox(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) soon();
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && Object.keys(changes).some((key) => FACT_KEY.test(key)))) soon();
  });
  // Firefox: the learner agreed to the data collection (Diagnostics) — send what waited.
  browser.permissions?.onAdded?.addListener(() => soon());
  soon();
}
