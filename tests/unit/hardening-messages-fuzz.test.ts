// The fuzz test of the background's message handler (issue 15): fast-check sends random and malformed messages from
// random senders through runtime.onMessage, as a tab (or anything else) would. The handler never throws, never writes
// a storage key outside the learner's own data, and never answers a sender that is not our content script in a frame
// of one of the four networks (nor injects anything for it).
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serveGuideToContentScripts } from '../../components/state/guide-service';
import { isLearnerDataKey } from '../../components/state/schema';
import { DEFAULT_PACK } from '../../lessons/default-pack';

const GUIDE_REQUEST = 'tw:guide';
const GUIDE_ACTION = 'tw:guide-action';
const OVERLAY_UI_REQUEST = 'tw:overlay-ui';
interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}
const OWN = fakeBrowser.runtime.id;
const linkedinTab: MessageSender = { id: OWN, url: 'https://www.linkedin.com/feed/', tab: { id: 4 }, frameId: 0 };
const lesson = DEFAULT_PACK.lessons.find((l) => l.network === 'linkedin')!;
const NETWORK_ORIGINS = ['https://www.linkedin.com', 'https://x.com', 'https://twitter.com', 'https://www.facebook.com', 'https://web.facebook.com', 'https://www.youtube.com'];
/** The oracle: our own content script, in a tab, in a frame of one of the four networks. */
function fromNetwork(sender: MessageSender): boolean {
  if (sender.id !== OWN || sender.tab?.id === undefined || !sender.url) return false;
  try {
    return NETWORK_ORIGINS.includes(new URL(sender.url).origin);
  } catch {
    return false;
  }
}

const writes: string[] = [];
const executeScript = vi.fn(async () => []);
beforeAll(() => {
  Object.assign(fakeBrowser.tabs, { query: async () => [], sendMessage: async () => undefined });
  Object.assign(fakeBrowser, { scripting: { executeScript } });
  Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'en-US' });
  const local = fakeBrowser.storage.local;
  const set = local.set.bind(local);
  const remove = local.remove.bind(local);
  local.set = async (items: Record<string, unknown>) => (writes.push(...Object.keys(items)), set(items));
  local.remove = async (keys: string | string[]) => (writes.push(...[keys].flat()), remove(keys));
  serveGuideToContentScripts(Promise.resolve());
});
afterAll(() => fakeBrowser.reset());

/** What the background's runtime.onMessage listener does with one message (its return value, or what it threw). */
async function deliver(message: unknown, sender: MessageSender): Promise<{ reply?: unknown; threw?: unknown }> {
  try {
    const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined);
    return { reply };
  } catch (threw) {
    return { threw };
  }
}

describe('fuzz: the background’s message handler', () => {
  const ids = fc.oneof(fc.constantFrom(DEFAULT_PACK.id, lesson.id, ...lesson.steps.map((s) => s.id), '__proto__', 'constructor', 'a/b', ''), fc.string({ maxLength: 70 }));
  const action = fc.record(
    {
      kind: fc.oneof(fc.constantFrom('start', 'done', 'back', 'stop', 'dismiss', 'showAgain', 'answer'), fc.string()),
      packId: ids,
      lessonId: ids,
      stepId: ids,
      skill: ids,
      network: fc.constantFrom('linkedin', 'x', 'facebook', 'youtube', 'myspace', 7),
      q: fc.oneof(fc.integer({ min: -5, max: 2_000 }), fc.double(), fc.string()),
      recalled: fc.oneof(fc.boolean(), fc.string()),
    },
    { requiredKeys: ['kind'] },
  );
  const message = fc.oneof(
    fc.record({ type: fc.constant(GUIDE_ACTION), action }),
    fc.record({ type: fc.constant(GUIDE_REQUEST), network: fc.constantFrom('linkedin', 'x', 'youtube', 'facebook', 'nope'), pageKind: fc.oneof(fc.constant(null), fc.string({ maxLength: 40 })) }, { requiredKeys: ['type'] }),
    fc.constant({ type: OVERLAY_UI_REQUEST }),
    fc.anything(),
  );
  const senders = fc.oneof(
    fc.constant(linkedinTab),
    fc.record({
      id: fc.constantFrom(OWN, 'another-extension', undefined),
      url: fc.constantFrom('https://www.linkedin.com/in/jane/', 'https://x.com/home', 'https://evil.example/', `chrome-extension://${OWN}/popup.html`, 'not a url', undefined),
      tab: fc.constantFrom({ id: 9 }, undefined, {}),
      frameId: fc.constantFrom(0, 3, undefined),
    }),
  );

  it('never throws, never writes outside the learner’s keys, never answers another origin', async () => {
    await fc.assert(
      fc.asyncProperty(message, senders, async (msg, sender) => {
        writes.length = 0;
        executeScript.mockClear();
        const { reply: pending, threw } = await deliver(msg, sender);
        expect(threw).toBeUndefined();
        let reply: unknown;
        let rejected: unknown;
        await Promise.resolve(pending).then((value) => (reply = value), (error: unknown) => (rejected = error ?? 'rejected'));
        expect(rejected).toBeUndefined();
        if (!fromNetwork(sender)) {
          expect(reply).toBeUndefined();
          expect(executeScript).not.toHaveBeenCalled();
        }
        await new Promise((resolve) => setTimeout(resolve, 0));
        for (const key of writes) expect(isLearnerDataKey(key), key).toBe(true);
        if (!fromNetwork(sender)) expect(writes).toEqual([]);
      }),
      { numRuns: 400 },
    );
    // Nothing hostile reached the fold.
    expect(({} as Record<string, unknown>).completedAt).toBeUndefined();
  }, 60_000);
});
