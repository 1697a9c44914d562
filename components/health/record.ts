// The local content-health record (storage.local `anchorHealth`): read, add a sighting, clear. Shared by the
// background (which records) and the options page (which shows and clears); one lock orders their writes.
import { browser } from 'wxt/browser';
import { ANCHOR_HEALTH_KEY, ANCHOR_MISSING, parseAnchorMissing, recordAnchorMissing, reportMatchesPacks, sanitizeHealth, type AnchorHealth, type AnchorMissing } from '../../lessons/health/anchor-health';
import type { Pack } from '../../lessons/pack/types';
import type { Network } from '../../lessons/sites/types';
import { packsInUse } from '../packs/provider';
import { localArea, withLock, type Area } from '../state/area';

export const HEALTH_LOCK = 'anchor-health';

export async function readHealth(area: Area): Promise<AnchorHealth> {
  return sanitizeHealth((await area.get(ANCHOR_HEALTH_KEY))[ANCHOR_HEALTH_KEY]);
}

export type ReportOutcome = { recorded: true } | { recorded: false; reason: 'shape' | 'sender' | 'unknown-lesson' };

/**
 * Records one sighting if the message is well-formed, comes from a tab of the network it names (`senderNetwork`, as
 * the guide service tells it from the sender's origin), and names a lesson in use that needs that anchor on that
 * page kind.
 */
export async function recordReport(
  area: Area,
  message: unknown,
  { senderNetwork, packs, extensionVersion, now = Date.now() }: { senderNetwork: Network | null; packs: readonly Pack[]; extensionVersion: string; now?: number },
): Promise<ReportOutcome> {
  const report: AnchorMissing | null = parseAnchorMissing(message);
  if (!report) return { recorded: false, reason: 'shape' };
  if (senderNetwork !== report.network) return { recorded: false, reason: 'sender' };
  if (!reportMatchesPacks(report, packs)) return { recorded: false, reason: 'unknown-lesson' };
  await withLock(HEALTH_LOCK, async () => {
    const health = await readHealth(area);
    await area.set({ [ANCHOR_HEALTH_KEY]: recordAnchorMissing(health, report, extensionVersion, now) });
  });
  return { recorded: true };
}

/** Empties the record (Diagnostics' button). */
export function clearHealth(area: Area): Promise<void> {
  return withLock(HEALTH_LOCK, () => area.remove(ANCHOR_HEALTH_KEY));
}

export const isAnchorMissingMessage = (message: unknown): boolean =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === ANCHOR_MISSING;

/** The background's handling of a tab's report (the guide service routes it here with the sender's network). */
export async function recordMissingAnchor(message: unknown, senderNetwork: Network): Promise<ReportOutcome> {
  return recordReport(localArea(), message, { senderNetwork, packs: await packsInUse(), extensionVersion: browser.runtime.getManifest().version });
}
