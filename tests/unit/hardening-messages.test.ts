// Issue 15, item 7. Messages from tabs were checked only by their type: any field reached the learner's progress,
// and any sender was answered. Now every message is checked whole, and so is its sender (our content script, in a
// frame of one of the four networks, for that network). The fuzz test is hardening-messages-fuzz.test.ts.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GUIDE_ACTION, GUIDE_REQUEST, guideActionOf, isGuideRequest } from '../../components/state/guide-protocol';
import { handleTabMessage, senderNetwork, type MessageSender } from '../../components/state/guide-service';
import { DEFAULT_PACK } from '../../lessons/default-pack';

const OWN = fakeBrowser.runtime.id;
const linkedinTab: MessageSender = { id: OWN, url: 'https://www.linkedin.com/feed/', tab: { id: 4 }, frameId: 0 };
const lesson = DEFAULT_PACK.lessons.find((l) => l.network === 'linkedin')!;

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
});
afterAll(() => fakeBrowser.reset());
beforeEach(() => {
  writes.length = 0;
  executeScript.mockClear();
});

describe('item 7: messages are checked whole', () => {
  it('a guide request needs a known network, a page kind, whose profile (or null) and nothing else', () => {
    expect(isGuideRequest({ type: GUIDE_REQUEST, network: 'linkedin', pageKind: 'feed', owner: null })).toBe(true);
    expect(isGuideRequest({ type: GUIDE_REQUEST, network: 'linkedin', pageKind: 'profile', owner: 'other' })).toBe(true);
    expect(isGuideRequest({ type: GUIDE_REQUEST, network: 'linkedin', pageKind: 'profile', owner: 'nobody' })).toBe(false);
    expect(isGuideRequest({ type: GUIDE_REQUEST, network: 'linkedin', pageKind: null, owner: null })).toBe(true);
    for (const bad of [
      { type: GUIDE_REQUEST, network: 'myspace', pageKind: 'feed', owner: null },
      { type: GUIDE_REQUEST, network: 'linkedin', pageKind: 'x'.repeat(100), owner: null },
      { type: GUIDE_REQUEST, network: 'linkedin', pageKind: 'feed', owner: null, extra: 1 },
      { type: GUIDE_REQUEST, network: 'linkedin', owner: null },
      { type: GUIDE_REQUEST, network: 'linkedin', pageKind: 'feed' },
    ])
      expect(isGuideRequest(bad), JSON.stringify(bad).slice(0, 80)).toBe(false);
  });

  it('an action needs ids of the pack format, a known network and small numbers', () => {
    const ok = { type: GUIDE_ACTION, action: { kind: 'done', packId: 'acme.pack', lessonId: 'l1', stepId: 's1' } };
    expect(guideActionOf(ok)).toEqual(ok.action);
    for (const action of [
      { kind: 'done', packId: 'acme.pack', lessonId: '__proto__', stepId: 's1' },
      { kind: 'done', packId: 'Acme/Pack', lessonId: 'l1', stepId: 's1' },
      { kind: 'done', packId: 'acme.pack', lessonId: 'l1', stepId: 's'.repeat(500) },
      { kind: 'start', packId: 'acme.pack', lessonId: 'l1', network: 'myspace' },
      { kind: 'answer', packId: 'acme.pack', lessonId: 'l1', q: 1e9, recalled: true },
      { kind: 'answer', packId: 'acme.pack', lessonId: 'l1', q: 0, recalled: 'yes' },
      { kind: 'stop', extra: true },
      { kind: 'wipe' },
    ])
      expect(guideActionOf({ type: GUIDE_ACTION, action }), JSON.stringify(action).slice(0, 80)).toBeNull();
  });

  it('only our content script in a frame of one of the four networks is a sender', () => {
    expect(senderNetwork(linkedinTab)).toBe('linkedin');
    expect(senderNetwork({ ...linkedinTab, url: 'https://www.youtube.com/watch?v=1' })).toBe('youtube');
    expect(senderNetwork({ ...linkedinTab, id: 'another-extension' })).toBeNull();
    expect(senderNetwork({ ...linkedinTab, url: 'https://evil.example/' })).toBeNull();
    expect(senderNetwork({ ...linkedinTab, url: 'https://www.linkedin.com.evil.example/' })).toBeNull();
    expect(senderNetwork({ id: OWN, url: `chrome-extension://${OWN}/options.html` })).toBeNull();
    expect(senderNetwork({ ...linkedinTab, tab: undefined })).toBeNull();
  });

  it('a frame cannot ask for another network’s guide, nor act on another network’s lesson', async () => {
    expect(handleTabMessage({ type: GUIDE_REQUEST, network: 'youtube', pageKind: 'home' }, linkedinTab)).toBeUndefined();
    const yt = DEFAULT_PACK.lessons.find((l) => l.network === 'youtube')!;
    await handleTabMessage({ type: GUIDE_ACTION, action: { kind: 'done', packId: DEFAULT_PACK.id, lessonId: yt.id, stepId: yt.steps[0]!.id } }, linkedinTab);
    expect(writes).toEqual([]);
    await handleTabMessage({ type: GUIDE_ACTION, action: { kind: 'done', packId: DEFAULT_PACK.id, lessonId: lesson.id, stepId: lesson.steps[0]!.id } }, linkedinTab);
    expect(writes).toContain(`progress:${DEFAULT_PACK.id}/${lesson.id}/${lesson.steps[0]!.id}`);
  });
});
