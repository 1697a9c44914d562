import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { idbStore, memoryStore } from '../../components/packs/db';
import { REGISTRY_KEY, createPackManager, sanitizeRegistry } from '../../components/packs/registry';
import { PACKS_REVISION_KEY } from '../../components/packs/runtime';
import { slicePack } from '../../lessons/engine/engine';
import { checkAllSubscriptions, fetchPackJson, normalizePin, refreshSubscription, sha256Hex } from '../../components/packs/subscribe';
import { localArea } from '../../components/state/area';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import type { Pack } from '../../lessons/pack/types';
import { validatePackJson, formatError } from '../../lessons/pack/validate';
import { validatePackFile, checkMessage } from '../../entrypoints/options/PacksSection';
import { fakeFetch, tinyPack } from './packs-helpers';

const URL_A = 'https://packs.example.com/acme.json';

function setup() {
  const bodies = memoryStore<Pack>();
  let clock = 1_000;
  const manager = createPackManager({ area: localArea(), bodies, bundled: DEFAULT_PACK, now: () => clock });
  return { manager, bodies, tick: (ms = 1000) => (clock += ms) };
}

describe('pack registry', () => {
  beforeEach(() => fakeBrowser.reset());

  it('lists the bundled pack first, and it cannot be removed, only disabled', async () => {
    const { manager } = setup();
    const [first] = await manager.list();
    expect(first).toMatchObject({ id: DEFAULT_PACK.id, source: 'bundled', enabled: true, removable: false, lessonCount: DEFAULT_PACK.lessons.length });
    expect(await manager.remove(DEFAULT_PACK.id)).toBe(false);
    await manager.setEnabled(DEFAULT_PACK.id, false);
    expect((await manager.list())[0]!.enabled).toBe(false);
    expect(await manager.packsInUse()).toEqual([]);
  });

  it('imports packs side by side, enables, disables and removes them; bodies stay out of storage.local', async () => {
    const { manager, bodies } = setup();
    expect((await manager.install(tinyPack('acme.a'), 'file')).ok).toBe(true);
    expect((await manager.install(tinyPack('acme.b', '2.0.0', ['x', 'y']), 'file')).ok).toBe(true);
    const list = await manager.list();
    expect(list.map((p) => [p.id, p.version, p.source, p.lessonCount])).toEqual([
      [DEFAULT_PACK.id, DEFAULT_PACK.version, 'bundled', DEFAULT_PACK.lessons.length],
      ['acme.a', '1.0.0', 'file', 1],
      ['acme.b', '2.0.0', 'file', 2],
    ]);
    expect((await manager.packsInUse()).map((p) => p.id)).toEqual([DEFAULT_PACK.id, 'acme.a', 'acme.b']);
    await manager.setEnabled('acme.a', false);
    expect((await manager.packsInUse()).map((p) => p.id)).toEqual([DEFAULT_PACK.id, 'acme.b']);
    expect(await manager.remove('acme.b')).toBe(true);
    expect(bodies.map.has('acme.b')).toBe(false);
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored.length).toBeLessThan(2_000); // the registry only: no lesson texts
    expect(stored).not.toContain('step 0');
  });

  it('bumps the packs revision on every change so open tabs ask again', async () => {
    const { manager, tick } = setup();
    await manager.install(tinyPack(), 'file');
    const first = (await fakeBrowser.storage.local.get(PACKS_REVISION_KEY))[PACKS_REVISION_KEY];
    tick();
    await manager.setEnabled('acme.tiny', false);
    expect((await fakeBrowser.storage.local.get(PACKS_REVISION_KEY))[PACKS_REVISION_KEY]).not.toBe(first);
  });

  it('a new version replaces the old one under the same id (progress is keyed by ids); removal keeps progress', async () => {
    const { manager } = setup();
    await fakeBrowser.storage.local.set({ 'progress:acme.tiny/headline/s0': { at: 5 } });
    await manager.install(tinyPack('acme.tiny', '1.0.0'), 'file');
    const outcome = await manager.install(tinyPack('acme.tiny', '1.1.0'), 'file');
    expect(outcome).toMatchObject({ ok: true, replaced: true });
    expect((await manager.list()).filter((p) => p.id === 'acme.tiny').map((p) => p.version)).toEqual(['1.1.0']);
    await manager.remove('acme.tiny');
    expect(await fakeBrowser.storage.local.get('progress:acme.tiny/headline/s0')).toEqual({ 'progress:acme.tiny/headline/s0': { at: 5 } });
  });

  it('refuses an invalid pack with the validator errors, and the bundled pack id', async () => {
    const { manager } = setup();
    const broken = { ...tinyPack(), version: 12 };
    const outcome = await manager.install(broken, 'file');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok && outcome.reason === 'invalid') expect(outcome.errors[0]!.path).toContain('version');
    expect(await manager.install({ ...tinyPack(), id: DEFAULT_PACK.id }, 'file')).toEqual({ ok: false, reason: 'bundled-id' });
  });

  it('a policy pack cannot be replaced, disabled or removed by the learner', async () => {
    const { manager } = setup();
    await manager.install(tinyPack('corp.pack'), 'policy');
    expect(await manager.install(tinyPack('corp.pack', '9.0.0'), 'file')).toEqual({ ok: false, reason: 'managed-id' });
    await manager.setEnabled('corp.pack', false);
    expect(await manager.remove('corp.pack')).toBe(false);
    expect((await manager.list()).find((p) => p.id === 'corp.pack')).toMatchObject({ enabled: true, managed: true, removable: false });
  });

  it('a damaged registry is read as what is usable', () => {
    expect(sanitizeRegistry('nonsense')).toEqual({ entries: [], bundledEnabled: true });
    expect(sanitizeRegistry({ entries: [{ id: 1 }, null], bundledEnabled: false })).toEqual({ entries: [], bundledEnabled: false });
  });

  it('a registry entry whose body is missing is skipped, not fatal', async () => {
    const { manager, bodies } = setup();
    await manager.install(tinyPack(), 'file');
    bodies.map.clear();
    expect((await manager.packsInUse()).map((p) => p.id)).toEqual([DEFAULT_PACK.id]);
    expect((await fakeBrowser.storage.local.get(REGISTRY_KEY))[REGISTRY_KEY]).toBeTruthy();
  });

  it('several packs side by side, each sliced to a network for the guide service', async () => {
    const { manager } = setup();
    await manager.install(tinyPack('acme.a'), 'file');
    const forNetwork = async (network: 'linkedin' | 'x') =>
      (await manager.packsInUse()).map((p) => slicePack(p, network)).filter((p) => p.lessons.length > 0).map((p) => p.id);
    expect(await forNetwork('linkedin')).toEqual([DEFAULT_PACK.id, 'acme.a']);
    expect(await forNetwork('x')).toEqual([DEFAULT_PACK.id]);
  });
});

describe('IndexedDB store (fake-indexeddb)', () => {
  it('keeps pack bodies across store instances', async () => {
    await idbStore<Pack>('packs').set('acme.tiny', tinyPack());
    expect((await idbStore<Pack>('packs').get('acme.tiny'))?.id).toBe('acme.tiny');
    expect((await idbStore<Pack>('packs').entries()).map(([k]) => k)).toContain('acme.tiny');
    await idbStore<Pack>('packs').delete('acme.tiny');
    expect(await idbStore<Pack>('packs').get('acme.tiny')).toBeUndefined();
  });
});

describe('file import validation (options page)', () => {
  it('YAML errors carry the CLI messages with line and column, in both languages', () => {
    const text = 'schema: 1\nid: acme.x\nversion: 1.2\ntitle: { en: T, fr: T }\nlessons: []\n';
    const result = validatePackFile('my-pack.yaml', text);
    expect(result.ok).toBe(false);
    const en = result.errors.map((e) => formatError(e, 'en')).join('\n');
    const fr = result.errors.map((e) => formatError(e, 'fr')).join('\n');
    expect(en).toMatch(/^my-pack\.yaml:3:10: version/m);
    expect(fr).not.toBe(en);
  });
  it('JSON is validated as JSON', () => {
    const result = validatePackFile('p.json', JSON.stringify(tinyPack()));
    expect(result.ok).toBe(true);
    expect(validatePackFile('p.json', '{ nope').errors[0]!.code).toBe('json-syntax');
    expect(validatePackJson(JSON.stringify(tinyPack())).ok).toBe(true);
  });
});

describe('URL subscriptions', () => {
  beforeEach(() => fakeBrowser.reset());

  it('accepts https only, checks the SHA-256 pin and the size', async () => {
    const body = JSON.stringify(tinyPack('acme.url'));
    const digest = await sha256Hex(new TextEncoder().encode(body).buffer as ArrayBuffer);
    const { fetch } = fakeFetch({ [URL_A]: body, 'http://packs.example.com/p.json': body });
    expect(await fetchPackJson('http://packs.example.com/p.json', undefined, fetch)).toMatchObject({ ok: false, failure: 'not-https' });
    expect(await fetchPackJson(URL_A, digest, fetch)).toMatchObject({ ok: true, sha256: digest });
    expect(await fetchPackJson(URL_A, 'a'.repeat(64), fetch)).toMatchObject({ ok: false, failure: 'pin-mismatch' });
    const huge = fakeFetch({ [URL_A]: ' '.repeat(1_000_001) });
    expect(await fetchPackJson(URL_A, undefined, huge.fetch)).toMatchObject({ ok: false, failure: 'too-large' });
    expect(normalizePin(`sha256:${digest.toUpperCase()}`)).toBe(digest);
    expect(normalizePin('abc')).toBeNull();
    expect(normalizePin('')).toBeUndefined();
  });

  it('subscribes, then an update keeps progress through stable ids', async () => {
    const { manager } = setup();
    const net = fakeFetch({ [URL_A]: JSON.stringify(tinyPack('acme.url', '1.0.0')) });
    const first = await refreshSubscription(manager, { url: URL_A }, net.fetch);
    expect(first).toMatchObject({ ok: true, entry: { id: 'acme.url', version: '1.0.0', source: 'url', url: URL_A } });
    await fakeBrowser.storage.local.set({ 'progress:acme.url/headline/s0': { at: 1 } });
    net.table[URL_A] = JSON.stringify(tinyPack('acme.url', '1.1.0', ['headline', 'about']));
    await checkAllSubscriptions(manager, net.fetch);
    const entry = (await manager.list()).find((p) => p.id === 'acme.url')!;
    expect(entry).toMatchObject({ version: '1.1.0', lessonCount: 2, check: { ok: true } });
    expect(await fakeBrowser.storage.local.get('progress:acme.url/headline/s0')).not.toEqual({});
  });

  it.each([
    ['the server is down', new TypeError('Failed to fetch'), 'network'],
    ['the server answers 500', 500, 'http'],
    ['the new file is not JSON', '<html>', 'not-json'],
    ['the new file is an invalid pack', JSON.stringify({ ...tinyPack('acme.url', '2.0.0'), lessons: 'none' }), 'invalid'],
    ['the file now holds another pack', JSON.stringify(tinyPack('other.pack', '2.0.0')), 'id-mismatch'],
  ] as const)('a failed update (%s) keeps the last good pack and says why', async (_name, answer, failure) => {
    const { manager } = setup();
    const net = fakeFetch({ [URL_A]: JSON.stringify(tinyPack('acme.url', '1.0.0')) });
    await refreshSubscription(manager, { url: URL_A }, net.fetch);
    net.table[URL_A] = answer as string | number | Error;
    await checkAllSubscriptions(manager, net.fetch);
    const entry = (await manager.list()).find((p) => p.id === 'acme.url')!;
    expect(entry.version).toBe('1.0.0');
    expect(entry.check).toMatchObject({ ok: false, failure });
    expect((await manager.packsInUse()).find((p) => p.id === 'acme.url')?.version).toBe('1.0.0');
    expect(checkMessage('en', entry.check, entry.version)).toMatch(/^Update failed on .*Keeping version 1\.0\.0\./);
    expect(checkMessage('fr', entry.check, entry.version)).toMatch(/La version 1\.0\.0 est gardée/);
  });

  it('a pinned subscription refuses a changed file', async () => {
    const { manager } = setup();
    const body = JSON.stringify(tinyPack('acme.url', '1.0.0'));
    const pin = await sha256Hex(new TextEncoder().encode(body).buffer as ArrayBuffer);
    const net = fakeFetch({ [URL_A]: body });
    await refreshSubscription(manager, { url: URL_A, sha256: pin }, net.fetch);
    net.table[URL_A] = JSON.stringify(tinyPack('acme.url', '6.6.6'));
    await checkAllSubscriptions(manager, net.fetch);
    expect((await manager.list()).find((p) => p.id === 'acme.url')).toMatchObject({ version: '1.0.0', sha256: pin, check: { ok: false, failure: 'pin-mismatch' } });
  });
});
