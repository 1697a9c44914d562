import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveGuideToContentScripts } from '../../components/state/guide-service';
import { GUIDE_CHANGED, type GuideReply, type GuideRequest } from '../../components/state/guide-protocol';
import { SITE_MATCHES } from '../../lessons/sites/matches';

// The networks' tabs never read storage: the background follows it for them and tells them when to ask again.
// tabs.query, tabs.sendMessage, scripting and i18n.getUILanguage are not in the fake browser; they are stubbed here.
const tabs = [{ id: 3 }, { id: 7 }, { id: 9, discarded: true }];
const query = vi.fn(async () => tabs);
const sendMessage = vi.fn(async () => undefined);
const executeScript = vi.fn(async (_options: unknown) => []);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => {
  Object.assign(fakeBrowser.tabs, { query, sendMessage });
  Object.assign(fakeBrowser, { scripting: { executeScript } });
  Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'en-US' });
  serveGuideToContentScripts(Promise.resolve());
});
afterAll(() => fakeBrowser.reset());
beforeEach(() => {
  query.mockClear();
  sendMessage.mockClear();
  executeScript.mockClear();
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

  it('says nothing for writes no page shows (a note, a notice), and injects nothing', async () => {
    await fakeBrowser.storage.local.set({ 'note:pack/lesson': 'my note', notices: [] });
    await wait(120);
    expect(sendMessage).not.toHaveBeenCalled();
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('puts trainer mode into the open network tabs when a trainer switches it on, not when it goes off', async () => {
    await fakeBrowser.storage.local.set({ trainerMode: true });
    await wait(20);
    expect(executeScript.mock.calls.map(([options]) => options)).toEqual([
      { target: { tabId: 3, frameIds: undefined }, files: ['/trainer-mode.js'] },
      { target: { tabId: 7, frameIds: undefined }, files: ['/trainer-mode.js'] },
    ]);
    executeScript.mockClear();
    await fakeBrowser.storage.local.set({ trainerMode: false });
    await wait(20);
    expect(executeScript).not.toHaveBeenCalled(); // trainer mode follows the flag itself once it is in a tab
  });
});

describe('the overlay’s full UI goes into the frame that asks for it', () => {
  /** A message as the content script in frame 2 of tab 5 (a LinkedIn page) sends it; resolves to the background's answer. */
  async function send(message: object): Promise<unknown> {
    const sender = { id: fakeBrowser.runtime.id, url: 'https://www.linkedin.com/feed/', tab: { id: 5 }, frameId: 2 };
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined);
    return await reply;
  }
  const uiInjections = () => executeScript.mock.calls.filter(([options]) => JSON.stringify(options).includes('overlay-ui'));

  it('is injected into the asking frame before the answer, and never with a page’s guide request', async () => {
    await fakeBrowser.storage.local.set({ learner: { guideEnabled: true }, trainerMode: false });
    await wait(20);
    executeScript.mockClear();
    const request: GuideRequest = { type: 'tw:guide', network: 'linkedin', pageKind: 'feed' };
    expect(((await send(request)) as GuideReply).on).toBe(true);
    expect(uiInjections()).toEqual([]); // the first hint card is the content script's own: no UI at load

    let injectedBeforeAnswer = false;
    executeScript.mockImplementationOnce(async () => {
      injectedBeforeAnswer = true;
      return [];
    });
    expect(await send({ type: 'tw:overlay-ui' })).toBe(true);
    expect(injectedBeforeAnswer).toBe(true);
    expect(uiInjections().map(([options]) => options)).toEqual([{ target: { tabId: 5, frameIds: [2] }, files: ['/overlay-ui.js'] }]);
  });

  it('a frame that refuses scripts still gets its answer', async () => {
    executeScript.mockImplementationOnce(async () => {
      throw new Error('Cannot access contents of the page');
    });
    expect(await send({ type: 'tw:overlay-ui' })).toBe(true);
  });
});
