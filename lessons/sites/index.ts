// Site registry: which adapter serves a host, URL → { network, page kind }, all anchors, and the pure merge that
// lets a lesson pack add or repair anchor strategies. No browser API here.
import { facebook } from './facebook';
import { linkedin } from './linkedin';
import type { AnchorRegistry, Network, SiteAdapter } from './types';
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

export { mergeAnchors, type AnchorOverride } from './merge';
