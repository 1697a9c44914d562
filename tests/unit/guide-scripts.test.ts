import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepGuideScriptsRegistered } from '../../components/state/guide-scripts';
import { MATCHES_BY_NETWORK, SITE_MATCHES } from '../../lessons/sites/matches';

// Which of our scripts run in the networks' tabs: registered at run time from the learner's switches and the trainer's
// flag. The fake browser has no scripting API or tab URLs: a small registry and two open tabs stand in for them.
interface Registration {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: string;
  persistAcrossSessions?: boolean;
}
const registry = new Map<string, Registration>();
const scripting = {
  getRegisteredContentScripts: vi.fn(async () => [...registry.values()]),
  registerContentScripts: vi.fn(async (scripts: Registration[]) => {
    for (const s of scripts) {
      if (registry.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
      registry.set(s.id, s);
    }
  }),
  unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.forEach((id) => registry.delete(id))),
  executeScript: vi.fn(async (_injection: unknown) => []),
};
const openTabs = [
  { id: 1, url: 'https://x.com/home' },
  { id: 2, url: 'https://www.linkedin.com/feed/' },
  { id: 3, url: 'https://x.com/explore', discarded: true },
];
const query = vi.fn(async ({ url }: { url: string[] }) => openTabs.filter((tab) => url.some((pattern) => tab.url.startsWith(pattern.replace('*', '')))));
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const registered = () => [...registry.keys()].sort();
const injected = () =>
  scripting.executeScript.mock.calls.map(([injection]) => injection as { target: { tabId: number } }).sort((a, b) => a.target.tabId - b.target.tabId);

beforeAll(async () => {
  Object.assign(fakeBrowser, { scripting });
  Object.assign(fakeBrowser.tabs, { query });
  Object.assign(fakeBrowser.runtime, { onStartup: { addListener: () => undefined } });
  keepGuideScriptsRegistered(Promise.resolve());
  await wait(20);
});
afterAll(() => fakeBrowser.reset());
beforeEach(() => scripting.executeScript.mockClear());

describe('the guide scripts follow the learner’s switches', () => {
  it('registers every network’s guide at the start, at document_idle, on that network’s pages only', () => {
    expect(registered()).toEqual(['guide-facebook', 'guide-linkedin', 'guide-x', 'guide-youtube']);
    expect(registry.get('guide-x')).toEqual({ id: 'guide-x', matches: MATCHES_BY_NETWORK.x, js: ['guide-x.js'], runAt: 'document_idle', persistAcrossSessions: true });
  });

  it('unregisters a network switched off (its open tabs stop by themselves) and injects nothing', async () => {
    await fakeBrowser.storage.local.set({ learner: { guideEnabled: true, disabledNetworks: ['x'] } });
    await wait(20);
    expect(registered()).toEqual(['guide-facebook', 'guide-linkedin', 'guide-youtube']);
    expect(injected()).toEqual([]);
  });

  it('registers it again when switched back on, and puts it into that network’s open tabs (not discarded ones)', async () => {
    await fakeBrowser.storage.local.set({ learner: { guideEnabled: true, disabledNetworks: [] } });
    await wait(20);
    expect(registered()).toEqual(['guide-facebook', 'guide-linkedin', 'guide-x', 'guide-youtube']);
    expect(injected()).toEqual([{ target: { tabId: 1 }, files: ['/guide-x.js'] }]);
  });

  it('the guide off everywhere: nothing registered; quick switching settles on the last state', async () => {
    await fakeBrowser.storage.local.set({ learner: { guideEnabled: false, disabledNetworks: [] } });
    await fakeBrowser.storage.local.set({ learner: { guideEnabled: true, disabledNetworks: [] } });
    await fakeBrowser.storage.local.set({ learner: { guideEnabled: false, disabledNetworks: [] } });
    await wait(30);
    expect(registered()).toEqual([]);
  });

  it('puts right a registration made by an older version (another file), and reaches open tabs after an update', async () => {
    await fakeBrowser.storage.local.set({ learner: { guideEnabled: true, disabledNetworks: [] } });
    await wait(20);
    registry.set('guide-x', { id: 'guide-x', matches: MATCHES_BY_NETWORK.x, js: ['content-scripts/x.js'], runAt: 'document_idle' });
    scripting.executeScript.mockClear();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    await wait(20);
    expect(registry.get('guide-x')?.js).toEqual(['guide-x.js']);
    expect(injected()).toEqual([
      { target: { tabId: 1 }, files: ['/guide-x.js'] },
      { target: { tabId: 2 }, files: ['/guide-linkedin.js'] },
    ]);
  });
});

describe('trainer mode', () => {
  it('is registered on the four networks while a trainer has it on, and put into the open tabs then', async () => {
    await fakeBrowser.storage.local.set({ trainerMode: true });
    await wait(20);
    expect(registry.get('trainer-mode')).toMatchObject({ matches: SITE_MATCHES, js: ['trainer-mode.js'] });
    expect(injected()).toEqual([
      { target: { tabId: 1 }, files: ['/trainer-mode.js'] },
      { target: { tabId: 2 }, files: ['/trainer-mode.js'] },
    ]);
    scripting.executeScript.mockClear();
    await fakeBrowser.storage.local.set({ trainerMode: false });
    await wait(20);
    expect(registry.has('trainer-mode')).toBe(false);
    expect(injected()).toEqual([]); // in a tab, trainer mode follows the flag itself and stops
  });
});
