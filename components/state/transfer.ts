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

export type ImportResult = { ok: true; keys: number; repairedKeys: string[] } | { ok: false; reason: 'not-json' | 'not-export' | 'newer-version' };

/**
 * Reads an export back. Nothing is lost on either side: progress facts are unions (a step done in either copy
 * stays done), a note keeps its newer text, and the learner record (switches, path) takes the imported one.
 * Wrongly-shaped entries in the file are repaired or skipped, and reported.
 */
export async function importLearnerData(area: Area, text: string): Promise<ImportResult> {
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
  const entries: Record<string, unknown> = { ...file.data };
  if (version < 2 && KEY.legacySettings in entries) {
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
      } else if (key in current.facts) {
        const mine = current.facts[key]!;
        if ((mine.at as number) <= ((value as { at: number }).at ?? Infinity)) continue; // keep the earliest completion
      }
      writes[key] = value;
    }
    writes[KEY.schemaVersion] = SCHEMA_VERSION;
    await area.set(writes);
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
