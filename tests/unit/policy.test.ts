import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { memoryStore } from '../../components/packs/db';
import { POLICY_STATUS_KEY, applyPolicy, parsePolicy, presetsFromPolicy, type PolicyStatus } from '../../components/packs/policy';
import { readManagedStorage } from '../../components/packs/policy-background';
import { createPackManager } from '../../components/packs/registry';
import { localArea } from '../../components/state/area';
import { KEY } from '../../components/state/schema';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import type { Pack } from '../../lessons/pack/types';
import { fakeFetch, tinyPack } from './packs-helpers';
import schema from '../../public/managed_schema.json';

const PACK_URL = 'https://packs.corp.example/sales.json';

function deps(table: Record<string, string | number | Error> = {}) {
  const manager = createPackManager({ area: localArea(), bodies: memoryStore<Pack>(), bundled: DEFAULT_PACK });
  const net = fakeFetch(table);
  return { manager, net, deps: { area: localArea(), manager, fetch: net.fetch, now: () => 42 } };
}
const stored = async <T>(key: string) => (await fakeBrowser.storage.local.get(key))[key] as T;

/** A complete, well-formed policy, as an administrator would push it. */
const FULL_POLICY = {
  packUrls: [{ url: PACK_URL }],
  inlinePack: JSON.stringify(tinyPack('corp.inline')),
  entryPath: 'analyst',
  perNetwork: { x: 'maker' },
  skipQuestionnaire: true,
  lockPath: true,
  guideOnByDefault: false,
  xapiEndpoint: 'https://lrs.corp.example/xAPI/',
  xapiUsername: 'key',
  xapiPassword: 'secret',
  xapiHomePage: 'https://lms.corp.example',
};

describe('policy parsing', () => {
  it('takes every key of a well-formed policy', () => {
    const { policy, problems } = parsePolicy(FULL_POLICY);
    expect(problems).toEqual([]);
    expect(policy).toMatchObject({ entryPath: 'analyst', perNetwork: { x: 'maker' }, lockPath: true, xapiEndpoint: 'https://lrs.corp.example/xAPI' });
    expect((policy.inlinePack as Pack).id).toBe('corp.inline');
    expect(presetsFromPolicy(policy)).toEqual({ entryPath: 'analyst', perNetwork: { x: 'maker' }, skipQuestionnaire: true, learnerCanSwitch: false, source: 'policy' });
  });

  it('declares exactly the keys it reads in managed_schema.json', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(FULL_POLICY).sort());
  });

  it.each([
    ['packUrls', 'https://not-a-list'],
    ['packUrls', [{ url: 'http://insecure.example/p.json' }]],
    ['packUrls', [{ url: PACK_URL, sha256: 'short' }]],
    ['inlinePack', '{ not json'],
    ['inlinePack', 12],
    ['entryPath', 'wizard'],
    ['perNetwork', { myspace: 'maker' }],
    ['skipQuestionnaire', 'yes'],
    ['lockPath', 1],
    ['guideOnByDefault', null],
    ['xapiEndpoint', 'ftp://lrs.example'],
    ['xapiEndpoint', 'http://lrs.corp.example/xAPI'],
    ['xapiUsername', 7],
    ['xapiHomePage', 'not a url'],
    ['unknownKey', true],
  ])('a wrong %s (%j) is ignored and reported; the other keys still apply', (key, value) => {
    const { policy, problems } = parsePolicy({ ...FULL_POLICY, [key]: value });
    expect(problems.map((p) => p.key)).toEqual([key]);
    expect(problems[0]!.expected.length).toBeGreaterThan(0);
    expect(policy.entryPath ?? (key === 'entryPath' ? 'analyst' : undefined)).toBe('analyst');
  });

  it('accepts an LRS on loopback over http (a local LRS), and an inline pack as an object', () => {
    expect(parsePolicy({ xapiEndpoint: 'http://127.0.0.1:8080/xAPI' }).policy.xapiEndpoint).toBe('http://127.0.0.1:8080/xAPI');
    expect((parsePolicy({ inlinePack: tinyPack('obj.pack') }).policy.inlinePack as Pack).id).toBe('obj.pack');
  });
});

describe('applying the policy', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads managed storage (faked) and writes presets, the guide default, the policy packs and a status without secrets', async () => {
    await fakeBrowser.storage.managed.set(FULL_POLICY);
    const { manager, deps: d } = deps({ [PACK_URL]: JSON.stringify(tinyPack('corp.sales')) });
    const status = await applyPolicy(await readManagedStorage(), d);
    expect(status.problems).toEqual([]);
    expect(await stored(KEY.presets)).toEqual({ entryPath: 'analyst', perNetwork: { x: 'maker' }, skipQuestionnaire: true, learnerCanSwitch: false, source: 'policy' });
    expect(await stored<{ guideEnabled: boolean }>(KEY.learner)).toMatchObject({ guideEnabled: false });
    expect((await manager.list()).filter((p) => p.source === 'policy').map((p) => p.id).sort()).toEqual(['corp.inline', 'corp.sales']);
    const saved = await stored<PolicyStatus>(POLICY_STATUS_KEY);
    expect(saved.xapiEndpoint).toBe('https://lrs.corp.example/xAPI');
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('secret');
  });

  it('never overrides the learner’s own guide switch', async () => {
    await fakeBrowser.storage.local.set({ [KEY.learner]: { guideEnabled: true, disabledNetworks: [], locale: 'fr', path: null, secondaryPath: null, balanced: false, pathSource: null, answers: null, pathSetAt: null } });
    const { deps: d } = deps();
    await applyPolicy({ guideOnByDefault: false }, d);
    expect(await stored<{ guideEnabled: boolean; locale: string }>(KEY.learner)).toMatchObject({ guideEnabled: true, locale: 'fr' });
  });

  it('a policy of the wrong shape breaks nothing: learner data and other presets stay, problems are listed', async () => {
    await fakeBrowser.storage.local.set({ 'progress:p/l/s': { at: 1 }, [KEY.presets]: { entryPath: 'maker', source: 'acme.pack' } });
    const { manager, deps: d } = deps();
    const status = await applyPolicy({ entryPath: 42, packUrls: 'nope', inlinePack: JSON.stringify({ id: 'bad' }) }, d);
    expect(status.problems.map((p) => p.key).sort()).toEqual(['entryPath', 'inlinePack', 'packUrls']);
    expect(status.problems.find((p) => p.key === 'inlinePack')!.detail!.en).toMatch(/schema|required/);
    expect(await stored(KEY.presets)).toEqual({ entryPath: 'maker', source: 'acme.pack' });
    expect(await stored('progress:p/l/s')).toEqual({ at: 1 });
    expect((await manager.list()).map((p) => p.id)).toEqual([DEFAULT_PACK.id]);
  });

  it('a broken inline update keeps the last good inline pack', async () => {
    const { manager, deps: d } = deps();
    await applyPolicy({ inlinePack: JSON.stringify(tinyPack('corp.inline', '1.0.0')) }, d);
    const status = await applyPolicy({ inlinePack: JSON.stringify({ ...tinyPack('corp.inline', '2.0.0'), lessons: [] , version: 3 }) }, d);
    expect(status.problems.map((p) => p.key)).toEqual(['inlinePack']);
    expect((await manager.list()).find((p) => p.id === 'corp.inline')?.version).toBe('1.0.0');
  });

  it('a policy change is applied again: packs and presets it drops go (progress stays)', async () => {
    await fakeBrowser.storage.local.set({ 'progress:corp.inline/headline/s0': { at: 1 } });
    const { manager, deps: d } = deps();
    await applyPolicy({ inlinePack: tinyPack('corp.inline'), entryPath: 'thinker' }, d);
    await applyPolicy({}, d);
    expect(await stored(KEY.presets)).toBeUndefined();
    expect((await manager.list()).map((p) => p.id)).toEqual([DEFAULT_PACK.id]);
    expect(await stored('progress:corp.inline/headline/s0')).toEqual({ at: 1 });
  });

  it('an unreachable policy URL is reported and retried once its backoff is over; a reachable one is not downloaded at every start', async () => {
    const { manager, net, deps: d } = deps();
    let clock = 42;
    d.now = () => clock;
    const first = await applyPolicy({ packUrls: [PACK_URL] }, d);
    expect(first.problems).toEqual([expect.objectContaining({ key: 'packUrls', expected: PACK_URL })]);
    net.table[PACK_URL] = JSON.stringify(tinyPack('corp.sales'));
    clock += 10 * 60_000;
    await applyPolicy({ packUrls: [PACK_URL] }, d);
    await applyPolicy({ packUrls: [PACK_URL] }, d);
    expect(net.calls.length).toBe(2);
    expect((await manager.list()).find((p) => p.id === 'corp.sales')).toMatchObject({ source: 'policy', managed: true });
  });

  it('a managed storage change triggers a new application (storage.onChanged area "managed")', async () => {
    const { followEnterprisePolicy } = await import('../../components/packs/policy-background');
    followEnterprisePolicy();
    await new Promise((r) => setTimeout(r, 20));
    await fakeBrowser.storage.managed.set({ entryPath: 'maker' });
    await new Promise((r) => setTimeout(r, 50));
    expect(await stored(KEY.presets)).toEqual({ entryPath: 'maker', source: 'policy' });
    expect((await stored<PolicyStatus>(POLICY_STATUS_KEY)).applied).toEqual(['entryPath']);
  });
});
