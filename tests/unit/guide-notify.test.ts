import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveGuideToContentScripts } from '../../components/state/guide-service';
import { GUIDE_CHANGED } from '../../components/state/guide-protocol';
import { SITE_MATCHES } from '../../lessons/sites/matches';

// The networks' tabs never read storage: the background follows it for them and tells them when to ask again.
// tabs.query, tabs.sendMessage and i18n.getUILanguage are not in the fake browser; they are stubbed here. (Which of
// our scripts run in those tabs is tests/unit/guide-scripts.test.ts.)
const tabs = [{ id: 3 }, { id: 7 }, { id: 9, discarded: true }];
const query = vi.fn(async () => tabs);
const sendMessage = vi.fn(async () => undefined);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
  Object.assign(fakeBrowser.tabs, { query, sendMessage });
  Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'en-US' });
  serveGuideToContentScripts(Promise.resolve());
});
afterAll(() => fakeBrowser.reset());
beforeEach(() => {
  query.mockClear();
  sendMessage.mockClear();
});

describe('the background keeps the networks’ tabs current', () => {
  it('tells every open network tab once per burst of writes that change what a page shows', async () => {
    await fakeBrowser.storage.local.set({ learner: { guideEnabled: false } });
    await fakeBrowser.storage.local.set({ 'progress:pack/lesson/step': { at: 1 }, activeTask: null });
    await wait(120);
    expect(query).toHaveBeenCalledWith({ url: SITE_MATCHES });
    expect(sendMessage.mock.calls).toEqual([
      [3, { type: GUIDE_CHANGED }],
      [7, { type: GUIDE_CHANGED }],
    ]);
  });

  it('says nothing for writes no page shows (a note, a notice)', async () => {
    await fakeBrowser.storage.local.set({ 'note:pack/lesson': 'my note', notices: [] });
    await wait(120);
    expect(sendMessage).not.toHaveBeenCalled();
  });
});
