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

/** Downloads a pack's JSON and checks the pin and the size. Never throws. */
export async function fetchPackJson(url: string, pin: string | undefined, fetchImpl: FetchLike): Promise<Fetched> {
  if (!isHttpsUrl(url)) return { ok: false, failure: 'not-https' };
  let response: Response;
  try {
    // The learner's cookies have nothing to do with a trainer's pack.
    response = await fetchImpl(url, { cache: 'no-cache', credentials: 'omit', redirect: 'follow' });
  } catch (error) {
    return { ok: false, failure: 'network', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!response.ok) return { ok: false, failure: 'http', detail: `HTTP ${response.status}` };
  if (response.url && !isHttpsUrl(response.url)) return { ok: false, failure: 'not-https' };
  const bytes = await response.arrayBuffer();
  if (bytes.byteLength > MAX_PACK_BYTES) return { ok: false, failure: 'too-large', detail: `${bytes.byteLength} bytes` };
  const digest = await sha256Hex(bytes);
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
): Promise<SubscribeOutcome> {
  const fetched = await fetchPackJson(url, sha256, fetchImpl);
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
        const outcome = await manager.install(fetched.data, source, { url, ...(sha256 ? { sha256 } : {}), check: { at: now(), ok: true } });
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

/** Checks every subscription (user and policy URLs) once. */
export async function checkAllSubscriptions(manager: PackManager, fetchImpl: FetchLike, now: () => number = Date.now): Promise<void> {
  const { entries } = await manager.read();
  for (const entry of entries) {
    if (!entry.url) continue;
    await refreshSubscription(manager, { url: entry.url, ...(entry.sha256 ? { sha256: entry.sha256 } : {}), source: entry.source, expectedId: entry.id }, fetchImpl, now);
  }
}
