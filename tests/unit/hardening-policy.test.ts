// Issue 15, item 5: the worker applies the enterprise policy at every start (several times an hour). The same policy
// must change nothing: no inline pack reinstalled, no registry or presets rewritten (each such write makes every
// network tab ask for its guide again), and a failing policy URL is not downloaded again before its backoff is over.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { memoryStore } from '../../components/packs/db';
import { applyPolicy, policyRetryDelay, type ApplyPolicyDeps } from '../../components/packs/policy';
import { createPackManager } from '../../components/packs/registry';
import { localArea, type Area } from '../../components/state/area';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import type { Pack } from '../../lessons/pack/types';
import { fakeFetch, tinyPack } from './packs-helpers';

const FAILING = 'https://packs.corp.example/down.json';
const WORKING = 'https://packs.corp.example/sales.json';
const POLICY = { inlinePack: JSON.stringify(tinyPack('corp.inline')), entryPath: 'analyst', lockPath: true, packUrls: [WORKING, FAILING] };

function setup() {
  const writes: string[][] = [];
  const real = localArea();
  const area: Area = { ...real, set: (items) => (writes.push(Object.keys(items)), real.set(items)), remove: (keys) => (writes.push([`-${keys}`]), real.remove(keys)) };
  const manager = createPackManager({ area, bodies: memoryStore<Pack>(), bundled: DEFAULT_PACK });
  const installs: string[] = [];
  const install = manager.install;
  manager.install = (data, source, extra) => (installs.push((data as Pack).id), install(data, source, extra));
  const net = fakeFetch({ [WORKING]: JSON.stringify(tinyPack('corp.sales')), [FAILING]: 503 });
  let clock = 1_000_000;
  const deps: ApplyPolicyDeps = { area, manager, fetch: net.fetch, now: () => clock };
  return { writes, installs, net, deps, advance: (ms: number) => (clock += ms) };
}

describe('item 5: applying the same policy again changes nothing', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a worker start with an unchanged policy writes nothing, installs nothing, downloads nothing', async () => {
    const { writes, installs, net, deps } = setup();
    const first = await applyPolicy(POLICY, deps);
    expect(installs.sort()).toEqual(['corp.inline', 'corp.sales']);
    expect(net.calls.sort()).toEqual([FAILING, WORKING]);
    expect(first.problems.map((p) => p.expected)).toEqual([FAILING]);
    writes.length = installs.length = net.calls.length = 0;

    const again = await applyPolicy(POLICY, { ...deps });
    expect(writes).toEqual([]);
    expect(installs).toEqual([]);
    expect(net.calls).toEqual([]); // the failing URL waits for its backoff
    expect(again.problems.map((p) => p.expected)).toEqual([FAILING]);
  });

  it('the failing URL is tried again once its backoff is over, and at once when the policy changes', async () => {
    const { net, deps, advance } = setup();
    await applyPolicy(POLICY, deps);
    net.calls.length = 0;
    advance(policyRetryDelay(1) + 1);
    await applyPolicy(POLICY, deps);
    expect(net.calls).toEqual([FAILING]);
    net.calls.length = 0;
    await applyPolicy(POLICY, deps); // backoff doubled: not yet
    expect(net.calls).toEqual([]);
    await applyPolicy({ ...POLICY, entryPath: 'maker' }, deps);
    expect(net.calls).toEqual([FAILING]);
  });

  it('a changed inline pack is installed; the same one is not', async () => {
    const { installs, deps } = setup();
    await applyPolicy(POLICY, deps);
    installs.length = 0;
    await applyPolicy({ ...POLICY, inlinePack: JSON.stringify(tinyPack('corp.inline', '1.1.0')) }, deps);
    expect(installs).toEqual(['corp.inline']);
  });
});
