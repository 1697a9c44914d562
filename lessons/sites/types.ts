// Site knowledge: pure data plus small pure functions, one file per network. No browser API here.

export const NETWORKS = ['linkedin', 'x', 'facebook', 'youtube'] as const;
export type Network = (typeof NETWORKS)[number];

/** A localised string: English and French at least. */
export type Localized = { en: string; fr: string } & Record<string, string>;

/**
 * One way to find an anchor's element. Strategies are tried in order, most stable first; the first
 * strategy that yields an acceptable result wins.
 */
export type AnchorStrategy =
  /** A CSS selector on language-independent markup: data-testid, id, custom element, href shape. */
  | { css: string; why?: string }
  /**
   * ARIA role (explicit or implicit) plus accessible name, in every UI language we support.
   * `match` says how a name compares (case and spacing ignored): 'word' (default) = the name contains the phrase as
   * whole words, 'start' = begins with it, 'exact' = is it. `exact: true` is the older spelling of match 'exact'.
   */
  | { role: string; name: Localized | string[]; exact?: boolean; match?: NameMatch; why?: string }
  /** Visible text, last resort. `tag` is a CSS selector for the candidates (default: buttons and links). */
  | { text: Localized | string[]; tag?: string; match?: NameMatch; why?: string };

export type NameMatch = 'exact' | 'start' | 'word';

export interface AnchorDef {
  /** Ordered strategies, most stable first. */
  strategies: AnchorStrategy[];
  /** Only look inside the element another anchor resolves to (e.g. the profile's top card). */
  within?: string;
  /** Scope by a CSS selector (a region without an anchor name of its own). */
  withinCss?: string;
  /** How many matches are acceptable; the first in document order is used. Default: any ≥ 1. */
  count?: { min?: number; max?: number };
  /** Must the element be rendered (not hidden, not display:none)? Default true. */
  visible?: boolean;
  /**
   * Page kinds where the control exists (e.g. ['feed']); omitted = every page of the network. The resolver skips
   * the anchor on other page kinds, so a look-alike elsewhere (another person's Connect button) never matches.
   */
  pages?: readonly string[];
  /** Saved pages it must resolve on and must not (documentation + table test), Refined-GitHub style. */
  examples?: Array<[matches: number, page: string]>;
  /** Only on the learner's own profile (an edit control): a lesson that needs it does not run on someone else's. */
  ownProfile?: boolean;
  note?: string;
}

export type AnchorRegistry = Record<string, AnchorDef>;

export interface SiteAdapter {
  network: Network;
  /** Host names (exact, lower case) the adapter serves. */
  hosts: string[];
  /** The page kinds this network knows. */
  pageKinds: readonly string[];
  /** URL → page kind; null when the URL is on the network but not a page kind we know. */
  pageKind(url: URL): string | null;
  /** Extra navigation signals beyond history changes. */
  navigation: { windowEvents?: string[]; documentEvents?: string[] };
  /**
   * How the site marks its own light or dark theme on <html> (selectors matched against it), so the overlay follows
   * it without computing any style. When neither matches, the content script reads the page's background colour.
   */
  theme: { dark: string; light?: string };
  /** Anchors of this network, by full name (e.g. "linkedin.nav.search"). */
  anchors: AnchorRegistry;
  /** The anchor the foundation's first hint points at. */
  firstHintAnchor: string;
  /**
   * Optional DOM refinement of a URL-derived page kind, for URLs that cannot tell (Facebook /USERNAME is a profile
   * or a Page). `has(css)` is supplied by the caller (the content script), so this stays free of browser APIs.
   */
  refinePageKind?(kind: string | null, has: (css: string) => boolean): string | null;
  /**
   * On a profile-like page (a profile, a Page, a channel), whose it is: the signed-in member's own ('self'), someone
   * else's ('other'), or null when the document does not say (yet). Lessons that change one's own profile need it.
   */
  profileOwner?(pageKind: string | null, has: (css: string) => boolean, url: URL): ProfileOwner;
}

export type ProfileOwner = 'self' | 'other' | null;
