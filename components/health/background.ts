// Background side of content health: each `tw:anchor-missing` message from a content script reaches the guide
// service's one tab-message handler, which checks its sender and hands it to ./record.ts (the local record
// Diagnostics shows). Here: when the trainer's policy names an LRS, a daily summary queued in the xAPI outbox (at
// most one statement per anchor per day, under a key never queued twice).
import { browser } from 'wxt/browser';
import { ANCHOR_HEALTH_KEY, anchorSummaryStatement, dueSummaries, markSummarized, summaryKey } from '../../lessons/health/anchor-health';
import { packsInUse } from '../packs/provider';
import { localArea, withLock } from '../state/area';
import { lrsConfig, queueStatements } from '../xapi/background';
import { currentPath, learnerActor } from '../xapi/identity';
import { HEALTH_LOCK, readHealth } from './record';

export const HEALTH_ALARM = 'tw:content-health';
/** How often the background looks for summaries due; each anchor still gets at most one statement a day. */
const SUMMARY_PERIOD_MINUTES = 60;

/** Queues the summaries due (with an LRS configured); returns how many statements were queued. */
export async function sendHealthSummaries(now = Date.now()): Promise<number> {
  const lrs = await lrsConfig();
  if (!lrs) return 0;
  const area = localArea();
  return withLock(HEALTH_LOCK, async () => {
    const health = await readHealth(area);
    const due = dueSummaries(health, now);
    if (!due.length) return 0;
    const packs = await packsInUse();
    const stored = await area.get(null);
    const actor = await learnerActor(area, lrs.homePage);
    const path = currentPath(stored, packs);
    const byKey = new Map(due.map((group) => [summaryKey(group), group]));
    const added = await queueStatements([...byKey.keys()], actor, (key, id) => anchorSummaryStatement(byKey.get(key)!, { id, actor, packs, path }));
    await area.set({ [ANCHOR_HEALTH_KEY]: markSummarized(health, due, now) });
    return added;
  });
}

/** The daily summary's alarm (call synchronously at the background's start). Reports come through the guide service. */
export function runContentHealth(): void {
  const summarize = () => void sendHealthSummaries().catch((error: unknown) => console.error('Training Wheels: content health summary', error));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === HEALTH_ALARM) summarize();
  });
  void browser.alarms.get(HEALTH_ALARM).then((existing) => {
    if (!existing) void browser.alarms.create(HEALTH_ALARM, { delayInMinutes: 1, periodInMinutes: SUMMARY_PERIOD_MINUTES });
  });
}
