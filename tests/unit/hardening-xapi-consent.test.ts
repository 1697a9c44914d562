// Issue 15, items 10 and 11. Every LRS endpoint the policy accepts can be granted (the manifest's optional origins
// cover it: `[::1]` was accepted but missing), and Firefox's manifest declares what leaves the browser when a trainer
// configures an LRS (optional website and browsing activity, "none" required); statements wait, unsent and kept,
// until the learner agrees.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import config from '../../wxt.config';
import { isLrsEndpoint } from '../../components/packs/policy';
import { syncOutbox } from '../../components/xapi/background';
import { XAPI_DATA_COLLECTION } from '../../components/xapi/data-collection';

type Manifest = {
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  browser_specific_settings?: { gecko?: { data_collection_permissions?: { required: string[]; optional?: string[] } } };
};
const manifestFor = (browser: 'chrome' | 'firefox') => (config.manifest as (env: { browser: string }) => Manifest)({ browser });

describe('item 10: the LRS endpoints the policy accepts can be granted', () => {
  it.each(['http://[::1]:8080/xAPI', 'http://127.0.0.1:8080/xAPI', 'http://localhost/xAPI', 'https://lrs.corp.example/xAPI'])('%s', (endpoint) => {
    expect(isLrsEndpoint(endpoint)).toBe(true);
    const { protocol, hostname } = new URL(endpoint);
    for (const manifest of [manifestFor('chrome').optional_host_permissions, manifestFor('firefox').optional_permissions]) {
      expect(manifest!.some((pattern) => pattern === `${protocol}//${hostname}/*` || pattern === `${protocol}//*/*`), `${endpoint} in ${manifest}`).toBe(true);
    }
  });
});

describe('item 11: Firefox’s data collection declaration and consent', () => {
  it('declares no required collection and the optional kinds that statements to an LRS carry', () => {
    const declared = manifestFor('firefox').browser_specific_settings!.gecko!.data_collection_permissions!;
    expect(declared.required).toEqual(['none']);
    expect(declared.optional).toEqual(expect.arrayContaining(['websiteActivity', 'browsingActivity']));
    expect(declared.optional).toEqual([...XAPI_DATA_COLLECTION]);
  });

  const posts = vi.fn(async () => new Response(null, { status: 204 }));
  let granted: string[] | undefined = [];
  beforeEach(async () => {
    fakeBrowser.reset();
    posts.mockClear();
    vi.stubGlobal('fetch', posts);
    Object.assign(fakeBrowser, { permissions: { getAll: async () => ({ origins: [], permissions: [], ...(granted ? { data_collection: granted } : {}) }), onAdded: { addListener() {} } } });
    Object.assign(fakeBrowser.alarms, { create: async () => undefined });
    await fakeBrowser.storage.managed.set({ xapiEndpoint: 'https://lrs.corp.example/xAPI' });
    await fakeBrowser.storage.local.set({ 'progress:trainingwheels.default/x/s1': { at: 1_700_000_000_000 } });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps statements unsent until the learner agrees in Firefox, then sends them', async () => {
    granted = [];
    const waiting = await syncOutbox();
    expect(waiting).toMatchObject({ waitingForConsent: true, pending: 1 });
    expect(posts).not.toHaveBeenCalled();
    granted = [...XAPI_DATA_COLLECTION];
    const sent = await syncOutbox();
    expect(sent).toMatchObject({ sent: 1, pending: 0 });
    expect(posts).toHaveBeenCalledTimes(1);
  });
});
