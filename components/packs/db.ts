// A tiny IndexedDB wrapper for the extension origin (background and options page only). Pack bodies, statement ids
// and the xAPI outbox live here rather than in storage.local: every content script reads the whole of storage.local
// when it starts (`storage.local.get(null)`), so large values there would cost every tab.
const DB_NAME = 'training-wheels';
const DB_VERSION = 1;
export const STORES = ['packs', 'xapi-facts', 'outbox'] as const;
export type StoreName = (typeof STORES)[number];

export interface KeyValueStore<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  entries(): Promise<Array<[string, T]>>;
}

let opening: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      for (const name of STORES) if (!request.result.objectStoreNames.contains(name)) request.result.createObjectStore(name);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another context upgrading the database closes ours; the next call opens it again.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => {
      opening = null;
      reject(request.error);
    };
  });
  return opening;
}

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Runs `work` in one transaction over `names`; resolves once the transaction committed. */
export async function transaction<T>(names: StoreName[], mode: IDBTransactionMode, work: (stores: Record<StoreName, IDBObjectStore>) => Promise<T> | T): Promise<T> {
  const db = await openDb();
  const tx = db.transaction(names, mode);
  const stores = Object.fromEntries(names.map((n) => [n, tx.objectStore(n)])) as Record<StoreName, IDBObjectStore>;
  const committed = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
  const result = await work(stores);
  await committed;
  return result;
}

export const requestResult = done;

export function idbStore<T>(name: StoreName): KeyValueStore<T> {
  return {
    get: (key) => transaction([name], 'readonly', (s) => done(s[name].get(key)) as Promise<T | undefined>),
    set: (key, value) => transaction([name], 'readwrite', (s) => void s[name].put(value, key)),
    delete: (key) => transaction([name], 'readwrite', (s) => void s[name].delete(key)),
    entries: () =>
      transaction([name], 'readonly', async (s) => {
        const [keys, values] = await Promise.all([done(s[name].getAllKeys()), done(s[name].getAll())]);
        return keys.map((k, i) => [String(k), values[i] as T] as [string, T]);
      }),
  };
}

/** In memory, for tests and as a fallback where IndexedDB is unavailable. */
export function memoryStore<T>(): KeyValueStore<T> & { map: Map<string, T> } {
  const map = new Map<string, T>();
  return {
    map,
    get: async (key) => structuredClone(map.get(key)),
    set: async (key, value) => void map.set(key, structuredClone(value)),
    delete: async (key) => void map.delete(key),
    entries: async () => [...map.entries()].map(([k, v]) => [k, structuredClone(v)]),
  };
}
