// Enterprise policy: Chrome's storage.managed (public/managed_schema.json) and Firefox's policies.json
// (`3rdparty.Extensions.<gecko id>`) carry the same keys. Applied when the worker starts and whenever the policy
// changes. Each key is checked on its own: a value of the wrong shape is ignored and reported in the options page's
// Diagnostics; the other keys still apply and nothing the learner has is touched.
import { PATHS, type LearningPath } from '../../lessons/pack/types';
import { NETWORKS, type Network } from '../../lessons/sites/types';
import { withLock, type Area } from '../state/area';
import { DEFAULT_LEARNER, KEY, sanitizePresets, type Presets } from '../state/schema';
import { LOOPBACK_HOSTS } from './origins';
import { REGISTRY_KEY, sanitizeRegistry, summarizeErrors, type PackManager } from './registry';
import { isHttpsUrl, normalizePin, refreshSubscription, sha256Hex, type FetchLike } from './subscribe';

/** storage.local: the outcome of the last application (no secrets), for Diagnostics. */
export const POLICY_STATUS_KEY = 'policyStatus';
export const POLICY_SOURCE = 'policy';

export interface PackUrlPolicy {
  url: string;
  sha256?: string;
}

export interface Policy {
  packUrls?: PackUrlPolicy[];
  /** A pack as JSON text (Windows registry, plist) or as an object (policies.json, JSON policy files). */
  inlinePack?: unknown;
  entryPath?: LearningPath;
  perNetwork?: Partial<Record<Network, LearningPath>>;
  skipQuestionnaire?: boolean;
  lockPath?: boolean;
  guideOnByDefault?: boolean;
  xapiEndpoint?: string;
  xapiUsername?: string;
  xapiPassword?: string;
  xapiHomePage?: string;
}

export const POLICY_KEYS = [
  'packUrls',
  'inlinePack',
  'entryPath',
  'perNetwork',
  'skipQuestionnaire',
  'lockPath',
  'guideOnByDefault',
  'xapiEndpoint',
  'xapiUsername',
  'xapiPassword',
  'xapiHomePage',
] as const satisfies ReadonlyArray<keyof Policy>;

export interface PolicyProblem {
  key: string;
  /** What the key should hold, in English (the key names and values are the administrator's vocabulary). */
  expected: string;
  /** Validator messages for an inline pack, or a failed download. */
  detail?: { en: string; fr: string };
}

export interface PolicyStatus {
  at: number;
  /** Keys that were set and applied. */
  applied: string[];
  problems: PolicyProblem[];
  /** Only whether an LRS is configured and where: credentials are never copied. */
  xapiEndpoint?: string;
  /** SHA-256 of the policy applied (credentials left out): the same policy at the next worker start changes nothing. */
  fingerprint?: string;
  /** SHA-256 of the inline pack installed from it: it is installed again only when it changes. */
  inlineDigest?: string;
  /** Policy URLs whose download failed: not downloaded again before `nextAt` (the worker starts often). */
  retries?: Record<string, { attempts: number; nextAt: number }>;
}

/** Waits before a failed policy URL is downloaded again: 1 min, 2, 4 … up to 6 h (a policy change retries at once). */
export const policyRetryDelay = (attempts: number) => Math.min(6 * 60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));

const sha256Of = async (text: string) => sha256Hex(new TextEncoder().encode(text).buffer as ArrayBuffer);

function sanitizeStatus(raw: unknown): PolicyStatus | null {
  if (!isRecord(raw) || typeof raw.at !== 'number' || !Array.isArray(raw.applied) || !Array.isArray(raw.problems)) return null;
  return raw as unknown as PolicyStatus;
}

const isRecord = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);
const isPath = (raw: unknown): raw is LearningPath => (PATHS as readonly unknown[]).includes(raw);

/** An LRS endpoint: https, or http on this machine only (a local LRS for tests and kiosks). */
export function isLrsEndpoint(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || (url.protocol === 'http:' && (LOOPBACK_HOSTS as readonly string[]).includes(url.hostname));
  } catch {
    return false;
  }
}

/** Pure: the well-formed part of a managed-storage snapshot, and what was ignored. */
export function parsePolicy(raw: Record<string, unknown>): { policy: Policy; problems: PolicyProblem[] } {
  const policy: Policy = {};
  const problems: PolicyProblem[] = [];
  const reject = (key: string, expected: string) => problems.push({ key, expected });
  const bool = (key: 'skipQuestionnaire' | 'lockPath' | 'guideOnByDefault') => {
    if (raw[key] === undefined) return;
    if (typeof raw[key] === 'boolean') policy[key] = raw[key];
    else reject(key, 'true or false');
  };

  if (raw.packUrls !== undefined) {
    const list = Array.isArray(raw.packUrls) ? raw.packUrls : null;
    const parsed: PackUrlPolicy[] = [];
    let bad = list === null;
    for (const item of list ?? []) {
      // A bare string is a URL without a pin.
      const url = typeof item === 'string' ? item : isRecord(item) && typeof item.url === 'string' ? item.url : null;
      const pin = isRecord(item) && typeof item.sha256 === 'string' ? normalizePin(item.sha256) : undefined;
      if (!url || !isHttpsUrl(url) || pin === null || (isRecord(item) && item.sha256 !== undefined && typeof item.sha256 !== 'string')) bad = true;
      else parsed.push(pin ? { url, sha256: pin } : { url });
    }
    if (bad) reject('packUrls', 'a list of { "url": "https://…", "sha256": "64 hex digits (optional)" }');
    if (parsed.length) policy.packUrls = parsed;
  }
  if (raw.inlinePack !== undefined) {
    if (typeof raw.inlinePack === 'string') {
      try {
        policy.inlinePack = JSON.parse(raw.inlinePack) as unknown;
      } catch {
        reject('inlinePack', 'a lesson pack as JSON text or as an object');
      }
    } else if (isRecord(raw.inlinePack)) policy.inlinePack = raw.inlinePack;
    else reject('inlinePack', 'a lesson pack as JSON text or as an object');
  }
  if (raw.entryPath !== undefined) {
    if (isPath(raw.entryPath)) policy.entryPath = raw.entryPath;
    else reject('entryPath', PATHS.join(' | '));
  }
  if (raw.perNetwork !== undefined) {
    if (isRecord(raw.perNetwork) && Object.entries(raw.perNetwork).every(([n, p]) => (NETWORKS as readonly string[]).includes(n) && isPath(p)))
      policy.perNetwork = raw.perNetwork as Partial<Record<Network, LearningPath>>;
    else reject('perNetwork', `{ ${NETWORKS.join(' | ')}: ${PATHS.join(' | ')} }`);
  }
  bool('skipQuestionnaire');
  bool('lockPath');
  bool('guideOnByDefault');
  if (raw.xapiEndpoint !== undefined) {
    if (typeof raw.xapiEndpoint === 'string' && isLrsEndpoint(raw.xapiEndpoint)) policy.xapiEndpoint = raw.xapiEndpoint.replace(/\/+$/, '');
    else reject('xapiEndpoint', 'an https URL of an xAPI LRS endpoint (…/xAPI)');
  }
  for (const key of ['xapiUsername', 'xapiPassword'] as const) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] === 'string') policy[key] = raw[key];
    else reject(key, 'a string');
  }
  if (raw.xapiHomePage !== undefined) {
    if (typeof raw.xapiHomePage === 'string' && /^https?:\/\//.test(raw.xapiHomePage) && URL.canParse(raw.xapiHomePage)) policy.xapiHomePage = raw.xapiHomePage;
    else reject('xapiHomePage', 'a URL (the home page of the learners’ accounts)');
  }
  for (const key of Object.keys(raw)) if (!(POLICY_KEYS as readonly string[]).includes(key)) reject(key, `one of ${POLICY_KEYS.join(', ')}`);
  return { policy, problems };
}

/** The learner-store presets a policy sets, or null when it sets none. */
export function presetsFromPolicy(policy: Policy): Presets | null {
  const presets: Presets = {};
  if (policy.entryPath) presets.entryPath = policy.entryPath;
  if (policy.perNetwork) presets.perNetwork = policy.perNetwork;
  if (policy.skipQuestionnaire !== undefined) presets.skipQuestionnaire = policy.skipQuestionnaire;
  if (policy.lockPath !== undefined) presets.learnerCanSwitch = !policy.lockPath;
  if (!Object.keys(presets).length) return null;
  return { ...presets, source: POLICY_SOURCE };
}

export interface ApplyPolicyDeps {
  area: Area;
  manager: PackManager;
  fetch: FetchLike;
  now?: () => number;
}

/**
 * Applies a managed-storage snapshot: presets, guide default, policy packs; records the outcome. Only what differs
 * from what is stored is written: the worker applies the policy at every start (several times an hour), and each
 * write of the presets or the pack registry makes every network tab ask for its guide again. The inline pack is
 * installed only when it changed, and a policy URL that failed is not downloaded again before its backoff is over
 * (unless the policy itself changed).
 */
export async function applyPolicy(raw: Record<string, unknown>, { area, manager, fetch, now = Date.now }: ApplyPolicyDeps): Promise<PolicyStatus> {
  const { policy, problems } = parsePolicy(raw);
  const applied = (Object.keys(policy) as Array<keyof Policy>).filter((k) => k !== 'xapiPassword' || policy.xapiPassword !== undefined);
  const { xapiUsername: _user, xapiPassword: _password, ...public_ } = policy;
  const fingerprint = await sha256Of(JSON.stringify(public_));
  const previous = sanitizeStatus((await area.get(POLICY_STATUS_KEY))[POLICY_STATUS_KEY]);
  const samePolicy = previous?.fingerprint === fingerprint;

  // Presets: written when the policy sets other ones, removed when it no longer does (presets of other origins stay).
  await withLock(KEY.presets, async () => {
    const stored = sanitizePresets((await area.get(KEY.presets))[KEY.presets]).value;
    const wanted = presetsFromPolicy(policy);
    if (wanted) {
      if (JSON.stringify(stored) !== JSON.stringify(wanted)) await area.set({ [KEY.presets]: wanted });
    } else if (stored?.source === POLICY_SOURCE) await area.remove(KEY.presets);
  });

  // "Guide on by default": only a learner who has not chosen yet (no learner record) gets it.
  if (policy.guideOnByDefault !== undefined) {
    await withLock(KEY.learner, async () => {
      if ((await area.get(KEY.learner))[KEY.learner] === undefined) await area.set({ [KEY.learner]: { ...DEFAULT_LEARNER, guideEnabled: policy.guideOnByDefault } });
    });
  }

  // Policy packs: the inline one, then each URL; packs the policy no longer lists are dropped (progress stays).
  const registry = sanitizeRegistry((await area.get(REGISTRY_KEY))[REGISTRY_KEY]);
  const keep = new Set<string>();
  let inlineDigest: string | undefined;
  if (policy.inlinePack !== undefined) {
    inlineDigest = await sha256Of(JSON.stringify(policy.inlinePack));
    const id = (policy.inlinePack as { id?: unknown } | null)?.id;
    const installed = typeof id === 'string' && registry.entries.some((e) => e.id === id && e.source === 'policy');
    if (installed && previous?.inlineDigest === inlineDigest) keep.add(id);
    else {
      const outcome = await manager.install(policy.inlinePack, 'policy', { check: { at: now(), ok: true } });
      if (outcome.ok) keep.add(outcome.entry.id);
      else {
        inlineDigest = previous?.inlineDigest;
        if (typeof id === 'string') keep.add(id); // keep the last good version of the same pack
        problems.push({
          key: 'inlinePack',
          expected: 'a valid lesson pack',
          ...(outcome.reason === 'invalid' ? { detail: summarizeErrors(outcome.errors) } : { detail: { en: outcome.reason, fr: outcome.reason } }),
        });
      }
    }
  }
  const retries: NonNullable<PolicyStatus['retries']> = {};
  for (const { url, sha256 } of policy.packUrls ?? []) {
    const existing = registry.entries.find((e) => e.source === 'policy' && e.url === url);
    // Already installed with the same pin: the scheduled check updates it; a worker start must not download again.
    if (existing && existing.sha256 === sha256) {
      keep.add(existing.id);
      continue;
    }
    const waiting = samePolicy ? previous?.retries?.[url] : undefined;
    if (waiting && waiting.nextAt > now()) {
      // Failed a moment ago: not again at every worker start. The problem stays reported.
      retries[url] = waiting;
      if (existing) keep.add(existing.id);
      const before = previous?.problems.find((p) => p.key === 'packUrls' && p.expected === url);
      problems.push(before ?? { key: 'packUrls', expected: url });
      continue;
    }
    const outcome = await refreshSubscription(manager, { url, ...(sha256 ? { sha256 } : {}), source: 'policy', ...(existing ? { expectedId: existing.id } : {}) }, fetch, now);
    if (outcome.ok) keep.add(outcome.entry.id);
    else {
      if (existing) keep.add(existing.id);
      const attempts = (waiting?.attempts ?? 0) + 1;
      retries[url] = { attempts, nextAt: now() + policyRetryDelay(attempts) };
      problems.push({ key: 'packUrls', expected: url, detail: { en: `${outcome.check.failure}${outcome.check.detail ? `: ${outcome.check.detail}` : ''}`, fr: `${outcome.check.failure}${outcome.check.detailFr ?? outcome.check.detail ? `: ${outcome.check.detailFr ?? outcome.check.detail}` : ''}` } });
    }
  }
  for (const entry of (await manager.read()).entries) if (entry.source === 'policy' && !keep.has(entry.id)) await manager.remove(entry.id, { managed: true });

  const status: PolicyStatus = {
    at: now(),
    applied,
    problems,
    ...(policy.xapiEndpoint ? { xapiEndpoint: policy.xapiEndpoint } : {}),
    fingerprint,
    ...(inlineDigest ? { inlineDigest } : {}),
    ...(Object.keys(retries).length ? { retries } : {}),
  };
  // The same outcome as last time is not written again (its time would be the only change).
  const sameOutcome = previous && JSON.stringify({ ...previous, at: 0 }) === JSON.stringify({ ...status, at: 0 });
  if (!sameOutcome) await area.set({ [POLICY_STATUS_KEY]: status });
  return sameOutcome ? previous : status;
}
