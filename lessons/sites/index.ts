// Site registry: which adapter serves a host, URL → { network, page kind }, all anchors, and the pure merge that
// lets a lesson pack add or repair anchor strategies. No browser API here.
import { facebook, facebookFlowAnchors } from './facebook';
import { linkedin, linkedinFlowAnchors } from './linkedin';
import type { AnchorRegistry, Network, SiteAdapter } from './types';
import { x, xFlowAnchors } from './x';
import { youtube, youtubeFlowAnchors } from './youtube';

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

/**
 * The anchors of the flows a walk goes through (dialogs, menus, forms), per network. They are kept out of the
 * adapters, so the content scripts do not carry them: the background sends a network's flow anchors with each guide
 * (flowAnchorsFor) and the content script merges them over its adapter's, as it does a pack's repairs.
 */
export const FLOW_ANCHORS: Record<Network, AnchorRegistry> = {
  linkedin: linkedinFlowAnchors,
  x: xFlowAnchors,
  facebook: facebookFlowAnchors,
  youtube: youtubeFlowAnchors,
};

/** Every anchor of every network, by full name: the adapters' and the flows'. */
export const ANCHORS: AnchorRegistry = Object.assign({}, ...SITES.map((s) => ({ ...s.anchors, ...FLOW_ANCHORS[s.network] }))) as AnchorRegistry;

/** The anchors only the learner's own profile shows (its edit controls). */
export const OWN_PROFILE_ANCHORS: ReadonlySet<string> = new Set(Object.entries(ANCHORS).flatMap(([name, def]) => (def.ownProfile ? [name] : [])));

/** A network's whole registry (the adapter's anchors and its flows'), as the audit resolves it. */
export function anchorsFor(network: Network): AnchorRegistry {
  const site = SITES.find((s) => s.network === network);
  return site ? { ...site.anchors, ...FLOW_ANCHORS[network] } : {};
}

/**
 * A network's flow anchors as the background sends them to a page: the strategies and scopes, not the examples; with
 * `names`, only those (and the flow anchors they are scoped `within`), so a page receives, clones and merges the few
 * its guide names rather than the whole registry at every load.
 */
export function flowAnchorsFor(network: Network, names?: Iterable<string>): AnchorRegistry {
  const flows = FLOW_ANCHORS[network] ?? {};
  let wanted: Set<string> | null = null;
  if (names) {
    wanted = new Set();
    for (let name of names) {
      // follow the scope chain: a dialog's Post button needs its dialog
      while (Object.hasOwn(flows, name) && !wanted.has(name)) {
        wanted.add(name);
        const within = flows[name]!.within;
        if (!within) break;
        name = within;
      }
    }
  }
  const out: AnchorRegistry = {};
  for (const [name, def] of Object.entries(flows)) {
    if (wanted && !wanted.has(name)) continue;
    const { examples: _examples, note: _note, ...runtime } = def;
    out[name] = runtime;
  }
  return out;
}

export function networkOfAnchor(name: string): Network | null {
  const prefix = name.split('.', 1)[0];
  return SITES.find((s) => s.network === prefix)?.network ?? null;
}

export { mergeAnchors, type AnchorOverride } from './merge';
