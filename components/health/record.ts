// The local content-health record (storage.local `anchorHealth`): read, add a sighting, clear. Shared by the
// background (which records) and the options page (which shows and clears); one lock orders their writes.
import { ANCHOR_HEALTH_KEY, parseAnchorMissing, recordAnchorMissing, reportMatchesPacks, sanitizeHealth, type AnchorHealth, type AnchorMissing } from '../../lessons/health/anchor-health';
import type { Pack } from '../../lessons/pack/types';
import { detectPage } from '../../lessons/sites';
import { withLock, type Area } from '../state/area';

export const HEALTH_LOCK = 'anchor-health';

export async function readHealth(area: Area): Promise<AnchorHealth> {
  return sanitizeHealth((await area.get(ANCHOR_HEALTH_KEY))[ANCHOR_HEALTH_KEY]);
}

export type ReportOutcome = { recorded: true } | { recorded: false; reason: 'shape' | 'sender' | 'unknown-lesson' };

/**
 * Records one sighting if the message is well-formed, comes from a tab of the network it names, and names a lesson
 * in use that needs that anchor on that page kind. `senderUrl` is only compared, never kept.
 */
export async function recordReport(
  area: Area,
  message: unknown,
  { senderUrl, packs, extensionVersion, now = Date.now() }: { senderUrl: string | undefined; packs: readonly Pack[]; extensionVersion: string; now?: number },
): Promise<ReportOutcome> {
  const report: AnchorMissing | null = parseAnchorMissing(message);
  if (!report) return { recorded: false, reason: 'shape' };
  if (!senderUrl || detectPage(senderUrl)?.network !== report.network) return { recorded: false, reason: 'sender' };
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
