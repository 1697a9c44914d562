// Issue 15, item 4: pack URL subscriptions are other people's servers. The size is refused from Content-Length
// before the body is read, the body is read with a byte cap, a download times out, and subscriptions are checked
// independently: one server that hangs stalls none of the others.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { memoryStore } from '../../components/packs/db';
import { createPackManager } from '../../components/packs/registry';
import { checkAllSubscriptions, fetchPackJson, type FetchLike } from '../../components/packs/subscribe';
import { localArea } from '../../components/state/area';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import { MAX_PACK_BYTES, type Pack } from '../../lessons/pack/types';
import { tinyPack } from './packs-helpers';

const CHUNK = 64 * 1024;

/** A body of `total` bytes served chunk by chunk, counting how much of it was pulled. */
function countingBody(total: number) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(32));
    },
  });
  return { stream, counter };
}

/** A fetch whose answer never comes (it gives up only when aborted, as a browser does). */
const hanging: FetchLike = (_url, init) =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

describe('item 4: downloads of subscribed packs', () => {
  it('refuses a body announced larger than the limit without reading it', async () => {
    const { stream, counter } = countingBody(20 * MAX_PACK_BYTES);
    const fetch: FetchLike = async () => new Response(stream, { status: 200, headers: { 'content-length': String(20 * MAX_PACK_BYTES) } });
    expect(await fetchPackJson('https://packs.example/a.json', undefined, fetch)).toMatchObject({ ok: false, failure: 'too-large' });
    expect(counter.pulled).toBeLessThanOrEqual(2 * CHUNK); // what the stream queued by itself, not the body
  });

  it('stops reading a body without Content-Length as soon as it passes the limit', async () => {
    const { stream, counter } = countingBody(50 * MAX_PACK_BYTES);
    const fetch: FetchLike = async () => new Response(stream, { status: 200 });
    expect(await fetchPackJson('https://packs.example/a.json', undefined, fetch)).toMatchObject({ ok: false, failure: 'too-large' });
    expect(counter.pulled).toBeLessThanOrEqual(MAX_PACK_BYTES + 3 * CHUNK);
  });

  it('times out when the server never answers, or answers and never finishes the body', async () => {
    expect(await fetchPackJson('https://packs.example/a.json', undefined, hanging, { timeoutMs: 100 })).toMatchObject({ ok: false, failure: 'timeout' });
    const trickle: FetchLike = async () => new Response(new ReadableStream({ pull: () => new Promise(() => undefined) }), { status: 200 });
    expect(await fetchPackJson('https://packs.example/a.json', undefined, trickle, { timeoutMs: 100 })).toMatchObject({ ok: false, failure: 'timeout' });
  }, 10_000);

  it('still accepts a pack of the right size', async () => {
    const body = JSON.stringify(tinyPack('acme.ok'));
    const fetch: FetchLike = async () => new Response(body, { status: 200, headers: { 'content-length': String(body.length) } });
    expect(await fetchPackJson('https://packs.example/a.json', undefined, fetch)).toMatchObject({ ok: true, data: { id: 'acme.ok' } });
  });
});

describe('item 4: every subscription is checked on its own', () => {
  beforeEach(() => fakeBrowser.reset());

  it('one hanging server does not hold back the update of another', async () => {
    const manager = createPackManager({ area: localArea(), bodies: memoryStore<Pack>(), bundled: DEFAULT_PACK });
    await manager.install(tinyPack('acme.slow', '1.0.0'), 'url', { url: 'https://slow.example/p.json' });
    await manager.install(tinyPack('acme.fast', '1.0.0'), 'url', { url: 'https://fast.example/p.json' });
    const fetch: FetchLike = async (url, init) => (url.startsWith('https://slow.') ? hanging(url, init) : new Response(JSON.stringify(tinyPack('acme.fast', '2.0.0'))));
    const checking = checkAllSubscriptions(manager, fetch, Date.now, { timeoutMs: 3_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The slow server has not answered yet; the fast one's update is already in.
    const entries = (await manager.read()).entries;
    expect(entries.find((e) => e.id === 'acme.fast')?.version).toBe('2.0.0');
    await checking;
    expect((await manager.read()).entries.find((e) => e.id === 'acme.slow')?.check).toMatchObject({ ok: false, failure: 'timeout' });
  }, 10_000);
});
