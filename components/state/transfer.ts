// Export of all the learner's data as one JSON file, import of it back, and deletion of everything.
import { withLock, type Area } from './area';
import { learnerFromV1Settings } from './migrate';
import { KEY, PREFIX, SCHEMA_VERSION, dataFromSnapshot, isLearnerDataKey, snapshotFromData } from './schema';

export const EXPORT_FORMAT = 'training-wheels/learner-data';

export interface LearnerExport {
  format: typeof EXPORT_FORMAT;
  schemaVersion: number;
  exportedAt: string;
  /** storage.local entries of the learner's own data, as stored. */
  data: Record<string, unknown>;
}

export async function exportLearnerData(area: Area, now: () => number = Date.now): Promise<LearnerExport> {
  const snapshot = await area.get(null);
  const data = Object.fromEntries(Object.entries(snapshot).filter(([key]) => isLearnerDataKey(key)));
  return { format: EXPORT_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: new Date(now()).toISOString(), data };
}

/**
 * Largest export file read back. storage.local holds 10 MB in Chromium; a learner's real data is a few hundred KB
 * (one small key per step done), so 5 MB is generous and a bigger file is not an export of ours.
 */
export const MAX_IMPORT_BYTES = 5_000_000;
/** Most entries an export may hold (~100 lessons of 10 steps with notes and answers is a few thousand). */
export const MAX_IMPORT_KEYS = 20_000;

export type ImportFailure = 'not-json' | 'not-export' | 'newer-version' | 'too-large' | 'too-many-keys' | 'storage-full' | 'write-failed';
export type ImportResult = { ok: true; keys: number; repairedKeys: string[] } | { ok: false; reason: ImportFailure; detail?: string };

/** A storage write refused for lack of room (Chromium: "QUOTA_BYTES quota exceeded"; Firefox: QuotaExceededError). */
export function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(text);
}

/**
 * Reads an export back. Nothing is lost on either side: progress facts are unions (a step done in either copy
 * stays done), a note keeps its newer text, and the learner record (switches, path) takes the imported one.
 * Wrongly-shaped entries in the file are repaired or skipped, and reported.
 */
export async function importLearnerData(area: Area, text: string): Promise<ImportResult> {
  // Measured before parsing: JSON.parse of a huge file would hold the page for seconds.
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, reason: 'too-large' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { ok: false, reason: 'not-export' };
  const file = parsed as Partial<LearnerExport>;
  if (file.format !== EXPORT_FORMAT || typeof file.data !== 'object' || file.data === null || Array.isArray(file.data)) return { ok: false, reason: 'not-export' };
  const version = typeof file.schemaVersion === 'number' ? file.schemaVersion : 1;
  if (version > SCHEMA_VERSION) return { ok: false, reason: 'newer-version' };
  if (Object.keys(file.data).length > MAX_IMPORT_KEYS) return { ok: false, reason: 'too-many-keys' };
  // No prototype: a key such as "__proto__" in the file is only a (rejected) key, never a way to reach Object.prototype.
  const entries: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, file.data);
  if (version < 2 && Object.hasOwn(entries, KEY.legacySettings)) {
    entries[KEY.learner] = learnerFromV1Settings(entries[KEY.legacySettings]).learner;
    delete entries[KEY.legacySettings];
  }
  const { data: imported, repairedKeys } = dataFromSnapshot(entries);

  return withLock('import', async () => {
    const current = dataFromSnapshot(await area.get(null)).data;
    const writes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(snapshotFromData(imported))) {
      if (key === KEY.notices) continue; // notices describe this browser's storage, not the learner's work
      if (key.startsWith(PREFIX.note)) {
        const mine = current.notes[key.slice(PREFIX.note.length)];
        if (mine && mine.updatedAt > (value as { updatedAt: number }).updatedAt) continue;
      } else if (Object.hasOwn(current.facts, key)) {
        const mine = current.facts[key]!;
        if ((mine.at as number) <= ((value as { at: number }).at ?? Infinity)) continue; // keep the earliest completion
      }
      writes[key] = value;
    }
    writes[KEY.schemaVersion] = SCHEMA_VERSION;
    try {
      // One write: where it is refused (the storage is full), nothing of it lands and what the learner had stays.
      await area.set(writes);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false as const, reason: isQuotaError(error) ? ('storage-full' as const) : ('write-failed' as const), detail };
    }
    return { ok: true as const, keys: Object.keys(writes).length - 1, repairedKeys };
  });
}

/** Removes the learner's own data (progress, notes, path, switches, active task, repair copies). */
export async function deleteLearnerData(area: Area): Promise<number> {
  const keys = Object.keys(await area.get(null)).filter((key) => isLearnerDataKey(key) || key.startsWith(PREFIX.backup));
  if (keys.length) await area.remove(keys);
  return keys.length;
}

export function exportFileName(now: Date = new Date()): string {
  return `training-wheels-${now.toISOString().slice(0, 10)}.json`;
}
