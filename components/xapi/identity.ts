// Who the statements are about, and their ids. The actor is pseudonymous: a random id generated once per browser
// profile (storage.local `xapiActor`), with the account home page the trainer's policy names. A statement's id is
// derived from the fact itself (a name-based UUID v5 of the actor and the fact key) and kept in IndexedDB, so an
// export made twice, a statement queued again after a crash between two writes, or the outbox and an export racing
// each other, all carry the same id and an LRS keeps one copy. Ids kept from before (random v4s) stay as they are.
import { accountActor, type Actor } from '../../lessons/xapi/statements';
import { withLock, type Area } from '../state/area';
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

/** The lock every reader and writer of the statement-id store takes (the outbox and the export). */
export const FACTS_LOCK = 'xapi-facts';

/** Namespace of Training Wheels' statement ids (RFC 4122 name-based UUIDs). */
const STATEMENT_NAMESPACE = '6f1d7d1e-5b1a-4c8e-9a57-2f3b6c1d0e94';

/** UUID v5 (SHA-1, RFC 4122 §4.3) of `name` in `namespace`. */
export async function uuidV5(namespace: string, name: string): Promise<string> {
  const ns = namespace.replace(/-/g, '').match(/../g)!.map((h) => parseInt(h, 16));
  const input = new Uint8Array([...ns, ...new TextEncoder().encode(name)]);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', input)).slice(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id a fact's statement gets: the same for the same learner and fact, whoever asks first. */
export const derivedStatementId = (actorName: string, factKey: string) => uuidV5(STATEMENT_NAMESPACE, `${actorName}\n${factKey}`);

/** The statement ids of `keys`, creating the missing ones (once: ids are never regenerated). */
export async function statementIds(store: KeyValueStore<FactRecord>, keys: readonly string[], actorName: string): Promise<Map<string, string>> {
  return withLock(FACTS_LOCK, async () => {
    const known = new Map((await store.entries()).map(([key, record]) => [key, record.id]));
    for (const key of keys) {
      if (known.has(key)) continue;
      const id = await derivedStatementId(actorName, key);
      await store.set(key, { id });
      known.set(key, id);
    }
    return new Map(keys.map((key) => [key, known.get(key)!]));
  });
}
