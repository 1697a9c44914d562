// Packs subscribed to by URL: https only, optional SHA-256 pin, checked on a schedule. A failed or invalid update
// keeps the last good pack and records why, so the options page can say so. `fetch` is injected for tests.
import { MAX_PACK_BYTES } from '../../lessons/pack/types';
import { validatePack } from '../../lessons/pack/validate';
import type { CheckFailure, PackCheck, PackEntry, PackManager, PackSource } from './registry';
import { summarizeErrors } from './registry';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** Lower-case hex, 64 digits; "sha256:" and "sha256-" prefixes and spaces are tolerated. Null if not a digest. */
export function normalizePin(raw: string | undefined): string | null | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const hex = raw.trim().replace(/^sha256[:-]/i, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

export function isHttpsUrl(raw: string): boolean {
  try {
    return new URL(raw).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The match pattern for the optional host permission a subscription needs. */
export const originPattern = (url: string) => `${new URL(url).origin}/*`;

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export type Fetched = { ok: true; data: unknown; sha256: string } | { ok: false; failure: CheckFailure; detail?: string; detailFr?: string };

/** A download (headers and body) that takes longer than this is abandoned: a hanging server stalls nothing. */
export const FETCH_TIMEOUT_MS = 30_000;

export interface FetchPackOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

/** The body, read chunk by chunk and abandoned as soon as it passes `max` bytes; null = too large. */
async function readCapped(response: Response, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    return whole.byteLength > max ? null : whole;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      void reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Downloads a pack's JSON and checks the pin and the size. Never throws, never waits for ever: the size is refused
 * from Content-Length before the body is read, the body is read with a byte cap, and the whole download times out.
 */
export async function fetchPackJson(url: string, pin: string | undefined, fetchImpl: FetchLike, options: FetchPackOptions = {}): Promise<Fetched> {
  if (!isHttpsUrl(url)) return { ok: false, failure: 'not-https' };
  const max = options.maxBytes ?? MAX_PACK_BYTES;
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, timeoutMs);
  // Whatever the server does (headers never come, a body that trickles), the answer comes when the timer fires.
  const deadline = new Promise<Fetched>((resolve) =>
    abort.signal.addEventListener('abort', () => resolve({ ok: false, failure: 'timeout', detail: `${Math.round(timeoutMs / 1000)} s` }), { once: true }),
  );
  try {
    return await Promise.race([deadline, download(url, pin, fetchImpl, abort.signal, max, () => timedOut)]);
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

async function download(url: string, pin: string | undefined, fetchImpl: FetchLike, signal: AbortSignal, max: number, timedOut: () => boolean): Promise<Fetched> {
  let response: Response;
  try {
    // The learner's cookies have nothing to do with a trainer's pack.
    response = await fetchImpl(url, { cache: 'no-cache', credentials: 'omit', redirect: 'follow', signal });
  } catch (error) {
    if (timedOut()) return { ok: false, failure: 'timeout' };
    return { ok: false, failure: 'network', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!response.ok) {
    void response.body?.cancel().catch(() => undefined);
    return { ok: false, failure: 'http', detail: `HTTP ${response.status}` };
  }
  if (response.url && !isHttpsUrl(response.url)) return { ok: false, failure: 'not-https' };
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    void response.body?.cancel().catch(() => undefined);
    return { ok: false, failure: 'too-large', detail: `${declared} bytes` };
  }
  let bytes: Uint8Array<ArrayBuffer> | null;
  try {
    bytes = await readCapped(response, max);
  } catch (error) {
    if (timedOut()) return { ok: false, failure: 'timeout' };
    return { ok: false, failure: 'network', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!bytes) return { ok: false, failure: 'too-large', detail: `> ${max} bytes` };
  const digest = await sha256Hex(bytes.buffer);
  if (pin && digest !== pin) return { ok: false, failure: 'pin-mismatch', detail: digest };
  try {
    return { ok: true, data: JSON.parse(new TextDecoder().decode(bytes)) as unknown, sha256: digest };
  } catch (error) {
    return { ok: false, failure: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
}

export type SubscribeOutcome = { ok: true; entry: PackEntry } | { ok: false; check: PackCheck; reason?: 'bundled-id' | 'managed-id' };

/**
 * Downloads and installs the pack at `url` (a new subscription or a scheduled check). On any failure the stored pack
 * (if any) stays as it is, and the failure is recorded on its entry.
 */
export async function refreshSubscription(
  manager: PackManager,
  { url, sha256, source = 'url', expectedId }: { url: string; sha256?: string; source?: PackSource; expectedId?: string },
  fetchImpl: FetchLike,
  now: () => number = Date.now,
  options: FetchPackOptions = {},
): Promise<SubscribeOutcome> {
  const fetched = await fetchPackJson(url, sha256, fetchImpl, options);
  let check: PackCheck;
  if (!fetched.ok) check = { at: now(), ok: false, failure: fetched.failure, ...(fetched.detail ? { detail: fetched.detail } : {}), ...(fetched.detailFr ? { detailFr: fetched.detailFr } : {}) };
  else {
    const id = (fetched.data as { id?: unknown } | null)?.id;
    if (expectedId && id !== expectedId) check = { at: now(), ok: false, failure: 'id-mismatch', detail: String(id) };
    else {
      const validation = validatePack(fetched.data);
      if (!validation.ok) {
        const summary = summarizeErrors(validation.errors);
        check = { at: now(), ok: false, failure: 'invalid', detail: summary.en, detailFr: summary.fr };
      } else {
        let outcome: Awaited<ReturnType<PackManager['install']>>;
        try {
          outcome = await manager.install(fetched.data, source, { url, ...(sha256 ? { sha256 } : {}), check: { at: now(), ok: true } });
        } catch (error) {
          // The storage refused the pack (full): the last good one stays, and the check says why.
          const check: PackCheck = { at: now(), ok: false, failure: 'storage', detail: error instanceof Error ? error.message : String(error) };
          if (expectedId) await manager.recordCheck(expectedId, check).catch(() => undefined);
          return { ok: false, check };
        }
        if (outcome.ok) return { ok: true, entry: outcome.entry };
        if (outcome.reason === 'invalid') {
          const summary = summarizeErrors(outcome.errors);
          check = { at: now(), ok: false, failure: 'invalid', detail: summary.en, detailFr: summary.fr };
        } else return { ok: false, check: { at: now(), ok: false, failure: 'invalid', detail: outcome.reason }, reason: outcome.reason };
      }
    }
  }
  if (expectedId) await manager.recordCheck(expectedId, check);
  return { ok: false, check };
}

/**
 * Checks every subscription (user and policy URLs) once, each on its own: they run side by side, so one server that
 * hangs (until its timeout) or fails delays and spoils none of the others.
 */
export async function checkAllSubscriptions(manager: PackManager, fetchImpl: FetchLike, now: () => number = Date.now, options: FetchPackOptions = {}): Promise<void> {
  const { entries } = await manager.read();
  await Promise.allSettled(
    entries
      .filter((entry) => entry.url)
      .map((entry) =>
        refreshSubscription(manager, { url: entry.url!, ...(entry.sha256 ? { sha256: entry.sha256 } : {}), source: entry.source, expectedId: entry.id }, fetchImpl, now, options),
      ),
  );
}
