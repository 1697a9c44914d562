// The packs in use and where they come from. A small registry in storage.local (`packRegistry`: ids, versions,
// sources, status — a few hundred bytes a pack) says which packs exist and which are enabled; the pack bodies live
// in IndexedDB (./db.ts). The bundled pack (the default one, or the one a branded build baked in) is always there:
// it can be disabled, never removed. Removing or disabling a pack never touches the learner's progress, which is
// keyed by pack id + lesson id + step id: enabling or re-importing the pack brings it back.
import type { Pack } from '../../lessons/pack/types';
import { formatError, validatePack, type PackError } from '../../lessons/pack/validate';
import { withLock, type Area } from '../state/area';
import type { KeyValueStore } from './db';
import { PACKS_REVISION_KEY } from './runtime';

export const REGISTRY_KEY = 'packRegistry';

export type PackSource = 'bundled' | 'file' | 'url' | 'policy';

/** Why the last check of a subscribed pack did not give a new pack. */
export type CheckFailure = 'network' | 'http' | 'not-https' | 'pin-mismatch' | 'not-json' | 'invalid' | 'too-large' | 'id-mismatch' | 'permission' | 'timeout' | 'storage';

export interface PackCheck {
  at: number;
  ok: boolean;
  /** Present when !ok. */
  failure?: CheckFailure;
  /** HTTP status, or the validator's first messages (en/fr) for 'invalid'. */
  detail?: string;
  detailFr?: string;
}

export interface PackEntry {
  id: string;
  version: string;
  title: Record<string, string>;
  source: PackSource;
  enabled: boolean;
  lessonCount: number;
  addedAt: number;
  updatedAt: number;
  /** Subscriptions (source 'url', or a policy URL). */
  url?: string;
  /** Lower-case hex SHA-256 of the bytes served at `url`, when the trainer pinned it. */
  sha256?: string;
  /** Last update check of a subscription (or of an inline policy pack). */
  check?: PackCheck;
}

export interface PackRegistry {
  entries: PackEntry[];
  /** The bundled pack is on unless the learner turned it off. */
  bundledEnabled: boolean;
}

export const EMPTY_REGISTRY: PackRegistry = { entries: [], bundledEnabled: true };

const isRecord = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);
const SOURCES: readonly PackSource[] = ['file', 'url', 'policy'];

/** Whatever is stored, a usable registry: malformed entries are dropped (their bodies stay in IndexedDB). */
export function sanitizeRegistry(raw: unknown): PackRegistry {
  if (!isRecord(raw)) return { ...EMPTY_REGISTRY, entries: [] };
  const entries = Array.isArray(raw.entries)
    ? raw.entries.filter(
        (e): e is PackEntry =>
          isRecord(e) &&
          typeof e.id === 'string' &&
          typeof e.version === 'string' &&
          SOURCES.includes(e.source as PackSource) &&
          typeof e.enabled === 'boolean' &&
          typeof e.lessonCount === 'number' &&
          isRecord(e.title),
      )
    : [];
  return { entries, bundledEnabled: raw.bundledEnabled !== false };
}

/** What the options page lists: the bundled pack first, then the others. */
export interface PackListItem extends Omit<PackEntry, 'addedAt' | 'updatedAt'> {
  removable: boolean;
  /** Policy packs are the administrator's: the learner cannot remove or disable them. */
  managed: boolean;
}

export type InstallOutcome =
  | { ok: true; entry: PackEntry; replaced: boolean }
  | { ok: false; reason: 'bundled-id' | 'managed-id'; errors?: undefined }
  | { ok: false; reason: 'invalid'; errors: PackError[] };

export interface PackManagerDeps {
  area: Area;
  bodies: KeyValueStore<Pack>;
  bundled: Pack;
  now?: () => number;
}

export function createPackManager({ area, bodies, bundled, now = Date.now }: PackManagerDeps) {
  const read = async () => sanitizeRegistry((await area.get(REGISTRY_KEY))[REGISTRY_KEY]);
  /** Read-modify-write of the registry, serialised across the options page and the worker. */
  const update = <T>(change: (registry: PackRegistry) => Promise<{ registry: PackRegistry; result: T }>) =>
    withLock(REGISTRY_KEY, async () => {
      const { registry, result } = await change(await read());
      // The revision tells open tabs to ask for their packs again (see ./runtime.ts).
      await area.set({ [REGISTRY_KEY]: registry, [PACKS_REVISION_KEY]: now() });
      return result;
    });

  const entryFor = (pack: Pack, source: PackSource, previous: PackEntry | undefined, extra: Partial<PackEntry>): PackEntry => ({
    id: pack.id,
    version: pack.version,
    title: pack.title,
    source,
    enabled: previous?.enabled ?? true,
    lessonCount: pack.lessons.length,
    addedAt: previous?.addedAt ?? now(),
    updatedAt: now(),
    ...extra,
  });

  const manager = {
    read,

    async list(): Promise<PackListItem[]> {
      const registry = await read();
      const bundledItem: PackListItem = {
        id: bundled.id,
        version: bundled.version,
        title: bundled.title,
        source: 'bundled',
        enabled: registry.bundledEnabled,
        lessonCount: bundled.lessons.length,
        removable: false,
        managed: false,
      };
      return [bundledItem, ...registry.entries.map(({ addedAt: _a, updatedAt: _u, ...e }) => ({ ...e, removable: e.source !== 'policy', managed: e.source === 'policy' }))];
    },

    /** The enabled packs, bundled first: what the guide shows. A body missing from IndexedDB is skipped. */
    async packsInUse(): Promise<Pack[]> {
      const registry = await read();
      const packs: Pack[] = registry.bundledEnabled ? [bundled] : [];
      for (const entry of registry.entries) {
        if (!entry.enabled) continue;
        const body = await bodies.get(entry.id);
        if (body) packs.push(body);
      }
      return packs;
    },

    /**
     * Validates `data` and stores it (a new pack, or a new version of one: same id → progress carries over).
     * `source` 'policy' may replace any non-bundled pack; other sources may not replace a policy pack.
     */
    install(data: unknown, source: PackSource, extra: Partial<PackEntry> = {}): Promise<InstallOutcome> {
      const result = validatePack(data);
      if (!result.ok || !result.pack) return Promise.resolve({ ok: false, reason: 'invalid', errors: result.errors });
      const pack = result.pack;
      if (pack.id === bundled.id) return Promise.resolve({ ok: false, reason: 'bundled-id' });
      return update(async (registry) => {
        const previous = registry.entries.find((e) => e.id === pack.id);
        if (previous?.source === 'policy' && source !== 'policy') return { registry, result: { ok: false, reason: 'managed-id' } as InstallOutcome };
        // Policy packs are always on: the administrator decided.
        const entry = entryFor(pack, source, previous, source === 'policy' ? { enabled: true, ...extra } : extra);
        if (previous && source !== previous.source) {
          // A pack changing channel (a file replaced by its URL, say) forgets the old subscription.
          delete entry.url;
          delete entry.sha256;
          Object.assign(entry, extra);
        }
        await bodies.set(pack.id, pack);
        const entries = previous ? registry.entries.map((e) => (e.id === pack.id ? entry : e)) : [...registry.entries, entry];
        return { registry: { ...registry, entries }, result: { ok: true, entry, replaced: Boolean(previous) } };
      });
    },

    setEnabled(id: string, enabled: boolean): Promise<void> {
      return update(async (registry) => {
        if (id === bundled.id) return { registry: { ...registry, bundledEnabled: enabled }, result: undefined };
        const entries = registry.entries.map((e) => (e.id === id && e.source !== 'policy' ? { ...e, enabled } : e));
        return { registry: { ...registry, entries }, result: undefined };
      });
    },

    /** Forgets the pack (not the learner's progress in it). The bundled pack and policy packs stay. */
    remove(id: string, options: { managed?: boolean } = {}): Promise<boolean> {
      return update(async (registry) => {
        const entry = registry.entries.find((e) => e.id === id);
        if (!entry || (entry.source === 'policy' && !options.managed)) return { registry, result: false };
        await bodies.delete(id);
        return { registry: { ...registry, entries: registry.entries.filter((e) => e.id !== id) }, result: true };
      });
    },

    /** Records the outcome of an update check; the pack itself stays as it was (last good). */
    recordCheck(id: string, check: PackCheck): Promise<void> {
      return update(async (registry) => ({ registry: { ...registry, entries: registry.entries.map((e) => (e.id === id ? { ...e, check } : e)) }, result: undefined }));
    },
  };
  return manager;
}

export type PackManager = ReturnType<typeof createPackManager>;

/** The first validator messages, one per line, in both languages (stored with a failed check). */
export function summarizeErrors(errors: readonly PackError[], max = 3): { en: string; fr: string } {
  const pick = errors.slice(0, max);
  const more = errors.length > max ? `\n(+${errors.length - max})` : '';
  return { en: pick.map((e) => formatError(e, 'en')).join('\n') + more, fr: pick.map((e) => formatError(e, 'fr')).join('\n') + more };
}
