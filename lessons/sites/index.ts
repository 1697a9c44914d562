// Site registry: which adapter serves a host, URL → { network, page kind }, all anchors, and the pure merge that
// lets a lesson pack add or repair anchor strategies. No browser API here.
import { facebook } from './facebook';
import { linkedin } from './linkedin';
import type { AnchorDef, AnchorRegistry, AnchorStrategy, Network, SiteAdapter } from './types';
import { x } from './x';
import { youtube } from './youtube';

export type * from './types';
export { NETWORKS } from './types';

export const SITES: SiteAdapter[] = [linkedin, x, facebook, youtube];

/** Locale subdomains some shared links use (fr.linkedin.com, fr-fr.facebook.com): same site, same markup. */
const LOCALE_SUBDOMAIN = /^[a-z]{2}(?:-[a-z]{2})?\.(linkedin\.com|facebook\.com)$/;

export function siteForHost(host: string): SiteAdapter | null {
  const h = host.toLowerCase().replace(/\.$/, '').replace(/:\d+$/, '');
  const exact = SITES.find((s) => s.hosts.includes(h));
  if (exact) return exact;
  const locale = LOCALE_SUBDOMAIN.exec(h);
  if (locale && !h.startsWith('m.')) return SITES.find((s) => s.hosts.includes(`www.${locale[1]}`)) ?? null;
  return null;
}

export function detectPage(url: string | URL): { network: Network; pageKind: string | null } | null {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const site = siteForHost(u.hostname);
  return site ? { network: site.network, pageKind: site.pageKind(u) } : null;
}

/** Every anchor of every network, by full name. */
export const ANCHORS: AnchorRegistry = Object.assign({}, ...SITES.map((s) => s.anchors)) as AnchorRegistry;

export function anchorsFor(network: Network): AnchorRegistry {
  return SITES.find((s) => s.network === network)?.anchors ?? {};
}

export function networkOfAnchor(name: string): Network | null {
  const prefix = name.split('.', 1)[0];
  return SITES.find((s) => s.network === prefix)?.network ?? null;
}

/**
 * A pack's repair of one anchor: its strategies go first (a trainer fixes a broken anchor without a release) unless
 * `replace` is true, in which case they are the only ones; the other fields override the base when given.
 * A pack may also define a brand-new anchor (then `strategies` is required and used as is).
 */
export type AnchorOverride = Partial<AnchorDef> & { strategies?: AnchorStrategy[]; replace?: boolean };

/** Pure: returns a new registry; neither input is changed. */
export function mergeAnchors(
  base: AnchorRegistry,
  overrides: Record<string, AnchorOverride | AnchorStrategy[]> | undefined,
): AnchorRegistry {
  const merged: AnchorRegistry = { ...base };
  for (const [name, raw] of Object.entries(overrides ?? {})) {
    const override: AnchorOverride = Array.isArray(raw) ? { strategies: raw } : raw;
    const { replace, strategies = [], ...fields } = override;
    const current = base[name];
    if (!current) {
      if (strategies.length) merged[name] = { ...fields, strategies: [...strategies] };
      continue;
    }
    const kept = replace ? [] : current.strategies.filter((s) => !strategies.some((o) => sameStrategy(o, s)));
    merged[name] = { ...current, ...fields, strategies: [...strategies, ...kept] };
  }
  return merged;
}

function sameStrategy(a: AnchorStrategy, b: AnchorStrategy): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
