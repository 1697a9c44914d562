// Who the statements are about, and their ids. The actor is pseudonymous: a random id generated once per browser
// profile (storage.local `xapiActor`), with the account home page the trainer's policy names. Statement ids are
// UUID v4s generated once per progress fact and kept in IndexedDB, so an export made twice, or a statement sent
// twice after a crash, carries the same id and an LRS keeps one copy.
import { effectivePresets } from '../../lessons/engine/presets';
import type { LearningPath, Pack } from '../../lessons/pack/types';
import { accountActor, type Actor } from '../../lessons/xapi/statements';
import { withLock, type Area } from '../state/area';
import { KEY, sanitizeLearner, sanitizePresets } from '../state/schema';
import type { KeyValueStore } from '../packs/db';

export const ACTOR_KEY = 'xapiActor';

/** Per fact key: its statement id, and whether it went into the LRS outbox. */
export interface FactRecord {
  id: string;
  queuedAt?: number;
}

export function uuidV4(): string {
  return crypto.randomUUID();
}

export async function actorName(area: Area): Promise<string> {
  return withLock(ACTOR_KEY, async () => {
    const stored = (await area.get(ACTOR_KEY))[ACTOR_KEY] as { name?: unknown } | undefined;
    if (typeof stored?.name === 'string' && /^[0-9a-f-]{36}$/.test(stored.name)) return stored.name;
    const name = uuidV4();
    await area.set({ [ACTOR_KEY]: { name } });
    return name;
  });
}

export async function learnerActor(area: Area, homePage?: string): Promise<Actor> {
  return accountActor(await actorName(area), homePage);
}

/** The statement ids of `keys`, creating the missing ones (once: ids are never regenerated). */
export async function statementIds(store: KeyValueStore<FactRecord>, keys: readonly string[]): Promise<Map<string, string>> {
  return withLock('xapi-facts', async () => {
    const known = new Map((await store.entries()).map(([key, record]) => [key, record.id]));
    for (const key of keys) {
      if (known.has(key)) continue;
      const id = uuidV4();
      await store.set(key, { id });
      known.set(key, id);
    }
    return new Map(keys.map((key) => [key, known.get(key)!]));
  });
}

/**
 * The learner's current path, as a storage snapshot holds it: the trainer's locked preset, else the learner's own
 * (quiz or choice), else the preset entry path; null before any. Per-network presets are left out: a statement's
 * path says which path the learner is on, not which order a network's lesson took.
 */
export function currentPath(stored: Record<string, unknown>, packs: readonly Pack[]): LearningPath | null {
  const learner = sanitizeLearner(stored[KEY.learner]).value;
  const presets = effectivePresets(sanitizePresets(stored[KEY.presets]).value, packs);
  if (presets.learnerCanSwitch === false && presets.entryPath) return presets.entryPath;
  return learner.path ?? presets.entryPath ?? null;
}
