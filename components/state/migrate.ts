// Schema versions and their migrations, plus the repair of values of the wrong shape. Run by the background at
// start-up (install, update, browser start) and by every extension page before it reads, so no page ever works on
// an old or damaged layout. Idempotent: running it twice, or in two contexts at once, changes nothing more.
import { withLock, type Area } from './area';
import {
  DEFAULT_LEARNER,
  KEY,
  PREFIX,
  SCHEMA_VERSION,
  applyStoredKey,
  emptyData,
  isMalformedLearnerKey,
  sanitizeLearner,
  sanitizeNotices,
  type CorruptBackup,
  type LearnerState,
  type Notice,
} from './schema';

export interface MigrationReport {
  from: number;
  to: number;
  /** Keys whose stored value was of the wrong shape, repaired; originals are under `backupKey`. */
  repairedKeys: string[];
  backupKey: string | null;
}

/** The v1 layout: `settings` = { guideEnabled, disabledNetworks, locale } (components/state/settings.ts, WXT item v1). */
export function learnerFromV1Settings(raw: unknown): { learner: LearnerState; repaired: boolean } {
  // The v1 switches are a subset of the v2 learner state: the same sanitizer reads them, path fields start empty.
  const { value, repaired } = sanitizeLearner(raw === undefined || raw === null ? raw : typeof raw === 'object' && !Array.isArray(raw) ? { ...DEFAULT_LEARNER, ...raw } : raw);
  return { learner: { ...value, path: null, secondaryPath: null, balanced: false, pathSource: null, answers: null, pathSetAt: null }, repaired };
}

/** Which schema the stored data follows. No marker: v1 if the v1 key exists, else a fresh install. */
export function storedVersion(snapshot: Record<string, unknown>): number {
  const marker = snapshot[KEY.schemaVersion];
  if (typeof marker === 'number' && Number.isInteger(marker) && marker > 0) return marker;
  if (KEY.legacySettings in snapshot || KEY.legacySettingsMeta in snapshot) return 1;
  return SCHEMA_VERSION;
}

/** Brings the stored data to the current schema and repairs what is damaged. Never throws away the learner's data. */
export function migrateAndRepair(area: Area, now: () => number = Date.now): Promise<MigrationReport> {
  return withLock('migrate', async () => {
    const snapshot = await area.get(null);
    const from = storedVersion(snapshot);
    const writes: Record<string, unknown> = {};
    const removals: string[] = [];
    const originals: Record<string, unknown> = {};

    if (from > SCHEMA_VERSION) {
      // Data written by a newer version (the extension was downgraded): leave it as it is rather than guess.
      return { from, to: from, repairedKeys: [], backupKey: null };
    }
    if (from < 2) {
      const legacy = snapshot[KEY.legacySettings];
      const { learner, repaired } = learnerFromV1Settings(legacy);
      if (repaired) originals[KEY.legacySettings] = legacy;
      // If a v2 learner already exists (a half-finished earlier run), keep its path and take the v1 switches.
      const existing = sanitizeLearner(snapshot[KEY.learner]).value;
      writes[KEY.learner] = { ...existing, guideEnabled: learner.guideEnabled, disabledNetworks: learner.disabledNetworks, locale: learner.locale };
      removals.push(KEY.legacySettings, KEY.legacySettingsMeta);
    }

    // Repair every known key of the current schema.
    const data = emptyData();
    for (const [key, raw] of Object.entries(snapshot)) {
      if (key in writes || removals.includes(key)) continue;
      if (isMalformedLearnerKey(key)) {
        // A progress or note key whose ids no pack can have (`completed:x/__proto__`): never folded; kept in the backup.
        originals[key] = raw;
        removals.push(key);
        continue;
      }
      if (!applyStoredKey(data, key, raw)) continue;
      originals[key] = raw;
      const repairedValue = repairedValueOf(data, key);
      if (repairedValue === undefined) removals.push(key);
      else writes[key] = repairedValue;
    }
    if (snapshot[KEY.schemaVersion] !== SCHEMA_VERSION) writes[KEY.schemaVersion] = SCHEMA_VERSION;

    const repairedKeys = Object.keys(originals);
    let backupKey: string | null = null;
    if (repairedKeys.length) {
      const at = now();
      backupKey = `${PREFIX.backup}${at}`;
      const backup: CorruptBackup = { at, originals };
      // The backup is written first and alone: if anything fails after it, the originals are safe.
      await area.set({ [backupKey]: backup });
      const notice: Notice = { id: `repair-${at}`, at, kind: 'repaired', keys: repairedKeys, backupKey };
      const notices = KEY.notices in writes ? (writes[KEY.notices] as Notice[]) : sanitizeNotices(snapshot[KEY.notices]).value;
      writes[KEY.notices] = [...notices, notice];
    }
    if (Object.keys(writes).length) await area.set(writes);
    const toRemove = removals.filter((key) => key in snapshot && !(key in writes));
    if (toRemove.length) await area.remove(toRemove);
    return { from, to: SCHEMA_VERSION, repairedKeys, backupKey };
  });
}

/** The repaired value for a key just applied to `data`; undefined = nothing usable, remove the key. */
function repairedValueOf(data: ReturnType<typeof emptyData>, key: string): unknown {
  switch (key) {
    case KEY.learner:
      return data.learner;
    case KEY.activeTask:
      return data.activeTask ?? undefined;
    case KEY.presets:
      return data.presets ?? undefined;
    case KEY.notices:
      return data.notices.length ? data.notices : undefined;
  }
  if (key.startsWith(PREFIX.note)) return data.notes[key.slice(PREFIX.note.length)];
  return data.facts[key];
}
