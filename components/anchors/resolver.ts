// The one shared anchor resolver: anchor name → the real control on the page. DOM code, no dependencies.
//
// Strategies are tried in order (css on stable markup → role + accessible name → visible text); the first that
// yields an acceptable number of visible matches wins, and its first match in document order is the anchor.
// It only reads the page: nothing is stored or sent.
//
// Accessible names come from the small `accessibleName` below rather than dom-accessibility-api: that library
// costs ~4.3 KB gzip (17 % of the 25 KB content-script budget) and calls getComputedStyle on every node it visits,
// which is slow on 20 000-element pages. Anchors only need names of buttons, links, inputs, headings and regions:
// aria-labelledby, aria-label, labels/title/placeholder/alt, then text content without hidden (hidden,
// aria-hidden) descendants. Names hidden by CSS alone are not skipped; no anchor depends on that.
import type { AnchorDef, AnchorRegistry, AnchorStrategy, NameMatch } from '../../lessons/sites/types';
import { isOverlayHost } from '../overlay/hosts';

export type StrategyKind = 'css' | 'role' | 'text';

export interface AnchorResolution {
  element: Element | null;
  /** Index of the winning strategy in the anchor's list. */
  strategy: number | null;
  strategyKind: StrategyKind | null;
  /** How many visible elements the winning strategy matched (0 when unresolved). */
  count: number;
}

export interface ResolveOptions {
  /**
   * The current page kind. When given (null = a page of the network we do not classify), anchors whose `pages`
   * does not include it resolve to nothing. Undefined: no page filter.
   */
  pageKind?: string | null;
  /** Skip the visibility check (tests in DOMs without layout or styles). */
  ignoreVisibility?: boolean;
  /** Shared by one pass over several anchors (resolveAll makes one): memoised scopes and shadow roots. */
  context?: ResolveContext;
  /**
   * Open shadow roots to search when the light DOM has no match. Default: found by one walk over the document per
   * pass. A caller that tracks them (its mutation observer) can pass its list; `false` skips shadow roots.
   */
  shadowRoots?: readonly ShadowRoot[] | false;
}

export interface ResolveContext {
  root: ParentNode;
  results: Map<string, AnchorResolution>;
  shadowRoots: ShadowRoot[] | null;
  hasLayout: boolean | null;
  visibility: Map<Element, boolean>;
  /** Scopes by `within` + `withinCss`: many anchors share one (the masthead, the nav), so it is queried once. */
  scopes: Map<string, ParentNode[]>;
  /** Accessible names by role, then element. */
  names: Map<string, Map<Element, string>>;
}

const NONE: AnchorResolution = Object.freeze({ element: null, strategy: null, strategyKind: null, count: 0 });

export function createResolveContext(root: ParentNode = document): ResolveContext {
  return { root, results: new Map(), shadowRoots: null, hasLayout: null, visibility: new Map(), scopes: new Map(), names: new Map() };
}

export function resolveAnchor(
  name: string,
  registry: AnchorRegistry,
  root: ParentNode = document,
  opts: ResolveOptions = {},
): AnchorResolution {
  const ctx = opts.context ?? createResolveContext(root);
  const memo = ctx.results.get(name);
  if (memo) return memo;
  ctx.results.set(name, NONE); // guards against `within` cycles
  const result = resolveUncached(name, registry, ctx, opts);
  ctx.results.set(name, result);
  return result;
}

export function resolveAll(
  names: readonly string[],
  registry: AnchorRegistry,
  root: ParentNode = document,
  opts: ResolveOptions = {},
): Record<string, AnchorResolution> {
  const context = opts.context ?? createResolveContext(root);
  const out: Record<string, AnchorResolution> = {};
  for (const name of names) out[name] = resolveAnchor(name, registry, root, { ...opts, context });
  return out;
}

function resolveUncached(name: string, registry: AnchorRegistry, ctx: ResolveContext, opts: ResolveOptions) {
  const def = registry[name];
  if (!def || !appliesToPage(def, opts.pageKind)) return NONE;
  const scopes = scopesOf(def, registry, ctx, opts);
  if (!scopes.length) return NONE;
  const checkVisible = def.visible !== false && !opts.ignoreVisibility;
  const min = def.count?.min ?? 1;
  const max = def.count?.max ?? Infinity;
  // Light DOM first with every strategy; open shadow roots only when none matched there (finding shadow hosts costs
  // a walk over the whole document, done at most once per pass).
  for (const inShadow of [false, true]) {
    if (inShadow && !openShadowRoots(ctx, opts).length) break;
    for (let i = 0; i < def.strategies.length; i++) {
      const strategy = def.strategies[i]!;
      const matches = collect(strategy, scopes, ctx, checkVisible, inShadow ? openShadowRoots(ctx, opts) : null);
      // Too many matches: the strategy is ambiguous here (someone else's button too), so try the next one.
      if (matches.length >= min && matches.length <= max && matches.length > 0) {
        return { element: matches[0]!, strategy: i, strategyKind: kindOf(strategy), count: matches.length };
      }
    }
  }
  return NONE;
}

function appliesToPage(def: AnchorDef, pageKind: string | null | undefined): boolean {
  if (pageKind === undefined || !def.pages) return true;
  return pageKind !== null && def.pages.includes(pageKind);
}

export function kindOf(strategy: AnchorStrategy): StrategyKind {
  return 'css' in strategy ? 'css' : 'role' in strategy ? 'role' : 'text';
}

// ---- scopes -------------------------------------------------------------------------------------------------

function scopesOf(def: AnchorDef, registry: AnchorRegistry, ctx: ResolveContext, opts: ResolveOptions): ParentNode[] {
  const key = `${def.within ?? ''}\u0000${def.withinCss ?? ''}`;
  let scopes = ctx.scopes.get(key);
  if (!scopes) {
    scopes = computeScopes(def, registry, ctx, opts);
    ctx.scopes.set(key, scopes);
  }
  return scopes;
}

function computeScopes(def: AnchorDef, registry: AnchorRegistry, ctx: ResolveContext, opts: ResolveOptions): ParentNode[] {
  let scopes: ParentNode[] = [ctx.root];
  if (def.within) {
    const outer = resolveAnchor(def.within, registry, ctx.root, { ...opts, context: ctx }).element;
    if (!outer) return [];
    scopes = [outer];
  }
  if (def.withinCss) {
    const found = new Set<Element>();
    for (const scope of scopes) for (const el of queryDeep(scope, def.withinCss, ctx, opts)) found.add(el);
    // Drop scopes nested in another one, so no element is visited twice.
    scopes = [...found].filter((el) => ![...found].some((other) => other !== el && other.contains(el)));
  }
  return scopes;
}

// ---- candidates -------------------------------------------------------------------------------------------------

function collect(
  strategy: AnchorStrategy,
  scopes: ParentNode[],
  ctx: ResolveContext,
  checkVisible: boolean,
  shadowRoots: ShadowRoot[] | null,
): Element[] {
  const out: Element[] = [];
  const seen = new Set<Element>();
  const consider = (candidates: Iterable<Element>) => {
    for (const el of candidates) {
      if (seen.has(el)) continue;
      seen.add(el);
      if (checkVisible && !isVisible(el, ctx)) continue;
      if (!accepts(strategy, el, ctx)) continue;
      out.push(el);
    }
  };
  const selector = candidateSelector(strategy);
  // A selector the browser refuses (a pack's repair, say) is this strategy's failure alone: the next one is tried.
  if (!isValidSelector(selector)) return out;
  if (!shadowRoots) {
    for (const scope of scopes) consider(queryAll(scope, selector));
  } else {
    for (const shadow of shadowRoots) {
      if (scopes.some((scope) => scope === ctx.root || containsAcrossShadow(scope, shadow.host))) {
        consider(queryAll(shadow, selector));
      }
    }
  }
  return out;
}

const selectorValidity = new Map<string, boolean>();
/** Does the browser accept this selector? Asked once per selector, on an empty fragment (nothing is matched). */
export function isValidSelector(selector: string): boolean {
  let valid = selectorValidity.get(selector);
  if (valid === undefined) {
    try {
      document.createDocumentFragment().querySelector(selector);
      valid = true;
    } catch {
      valid = false;
    }
    selectorValidity.set(selector, valid);
  }
  return valid;
}

/** querySelectorAll that never throws: whatever a selector does wrong, one strategy fails, not the page's guide. */
function queryAll(scope: ParentNode, selector: string): ArrayLike<Element> & Iterable<Element> {
  try {
    return scope.querySelectorAll(selector);
  } catch {
    return [];
  }
}

function accepts(strategy: AnchorStrategy, el: Element, ctx: ResolveContext): boolean {
  if ('css' in strategy) return true;
  if ('role' in strategy) {
    const explicit = el.getAttribute('role')?.trim().split(/\s+/, 1)[0];
    if (explicit && explicit !== strategy.role) return false; // <input role=combobox> is not a textbox
    const mode = strategy.exact ? 'exact' : strategy.match ?? 'word';
    return nameMatches(cachedName(ctx, el, strategy.role, accessibleName), strategy.name, mode);
  }
  return nameMatches(cachedName(ctx, el, '#text', visibleText), strategy.text, strategy.match ?? 'exact');
}

/** Several strategies (en/fr, Follow/Following) ask for the same element's name: compute it once per pass. */
function cachedName(ctx: ResolveContext, el: Element, role: string, compute: (el: Element, role: string) => string) {
  const key = `${role}\u0000`;
  let byElement = ctx.names.get(key);
  if (!byElement) ctx.names.set(key, (byElement = new Map()));
  let name = byElement.get(el);
  if (name === undefined) byElement.set(el, (name = compute(el, role)));
  return name;
}

/** Elements that carry a role implicitly (HTML-AAM), narrowed to what anchors need. */
const IMPLICIT_ROLES: Record<string, string> = {
  button: 'button, input[type="button"], input[type="submit"], input[type="reset"], input[type="image"], summary',
  link: 'a[href], area[href]',
  textbox: 'input:not([type]), input[type="text"], input[type="email"], input[type="tel"], input[type="url"], textarea',
  searchbox: 'input[type="search"]',
  combobox: 'select, input[list]',
  heading: 'h1, h2, h3, h4, h5, h6',
  img: 'img',
  list: 'ul, ol, menu',
  listitem: 'li',
  article: 'article',
  navigation: 'nav',
  main: 'main',
  banner: 'header',
  contentinfo: 'footer',
  region: 'section[aria-label], section[aria-labelledby]',
  form: 'form',
  checkbox: 'input[type="checkbox"]',
  radio: 'input[type="radio"]',
  dialog: 'dialog',
};
const DEFAULT_TEXT_TAGS = 'button, a[href], [role="button"], [role="link"], [role="tab"], [role="menuitem"]';

const selectorCache = new Map<AnchorStrategy, string>();
function candidateSelector(strategy: AnchorStrategy): string {
  let selector = selectorCache.get(strategy);
  if (selector === undefined) {
    if ('css' in strategy) selector = strategy.css;
    else if ('role' in strategy) {
      const implicit = IMPLICIT_ROLES[strategy.role];
      selector = `[role~="${strategy.role}"]${implicit ? `, ${implicit}` : ''}`;
    } else selector = strategy.tag ?? DEFAULT_TEXT_TAGS;
    selectorCache.set(strategy, selector);
  }
  return selector;
}

// ---- visibility -------------------------------------------------------------------------------------------------

function isVisible(el: Element, ctx: ResolveContext): boolean {
  const known = ctx.visibility.get(el);
  if (known !== undefined) return known;
  const visible = computeVisible(el, ctx);
  ctx.visibility.set(el, visible);
  return visible;
}

function computeVisible(el: Element, ctx: ResolveContext): boolean {
  // `hidden` (YouTube hides a whole watch page inside the home page), aria-hidden menus (LinkedIn's closed "More"
  // dropdown holds Unfollow/Connect items) and inert regions are not on offer to the learner.
  if (el.closest('[hidden], [aria-hidden="true"], [inert]')) return false;
  const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  if (check) {
    if (!check.call(el, { visibilityProperty: true, checkVisibilityCSS: true })) return false;
  } else if (typeof getComputedStyle === 'function') {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return false;
  }
  if (ctx.hasLayout === null) {
    const doc = el.ownerDocument.documentElement;
    ctx.hasLayout = doc.getBoundingClientRect().width > 0 || doc.clientWidth > 0;
  }
  if (ctx.hasLayout) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false; // collapsed: the closed app drawer's guide button
  }
  return true;
}

/** querySelectorAll in `scope`, falling back to the open shadow roots inside it when the light DOM has none. */
function queryDeep(scope: ParentNode, css: string, ctx: ResolveContext, opts: ResolveOptions): Element[] {
  if (!isValidSelector(css)) return [];
  const light = [...queryAll(scope, css)];
  if (light.length) return light;
  const out: Element[] = [];
  for (const shadow of openShadowRoots(ctx, opts)) {
    if (scope === ctx.root || containsAcrossShadow(scope, shadow.host)) out.push(...queryAll(shadow, css));
  }
  return out;
}

// ---- shadow roots -------------------------------------------------------------------------------------------

function openShadowRoots(ctx: ResolveContext, opts: ResolveOptions = {}): ShadowRoot[] {
  if (ctx.shadowRoots) return ctx.shadowRoots;
  if (opts.shadowRoots !== undefined) return (ctx.shadowRoots = opts.shadowRoots ? [...opts.shadowRoots] : []);
  return (ctx.shadowRoots = findOpenShadowRoots(ctx.root));
}

/**
 * Every open shadow root under `root`, except our own overlay's (its buttons must never pass for the site's).
 * It walks the whole document, so callers that resolve often (the content script's watcher) reuse its result for a
 * while instead of walking again on every pass.
 */
export function findOpenShadowRoots(root: ParentNode = document): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (from: ParentNode) => {
    const all = from.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) {
      const element = all[i]!;
      const shadow = element.shadowRoot;
      if (shadow && !isOverlayHost(element)) {
        found.push(shadow);
        visit(shadow);
      }
    }
  };
  visit(root);
  return found;
}

function containsAcrossShadow(scope: ParentNode, node: Node): boolean {
  let current: Node | null = node;
  while (current) {
    if (scope.contains(current)) return true;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

// ---- names ------------------------------------------------------------------------------------------------------

/** Roles whose name comes from their content when no label is given (accname 1.2 "name from content"). */
const NAME_FROM_CONTENT = new Set(['button', 'link', 'heading', 'tab', 'menuitem', 'menuitemcheckbox',
  'menuitemradio', 'option', 'checkbox', 'radio', 'switch', 'treeitem', 'cell', 'gridcell', 'columnheader',
  'rowheader', 'tooltip', 'row']);
const SKIPPED_TAGS = new Set(['script', 'style', 'template', 'noscript']);

export function accessibleName(el: Element, role: string): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.getRootNode() as Document | ShadowRoot;
    const text = labelledBy
      .split(/\s+/)
      .map((id) => {
        const target = root.getElementById?.(id) ?? el.ownerDocument.getElementById(id);
        return target ? target.getAttribute('aria-label') ?? textOf(target) : '';
      })
      .join(' ');
    if (text.trim()) return clean(text);
  }
  const label = el.getAttribute('aria-label');
  if (label?.trim()) return clean(label);
  const tag = el.localName;
  if (tag === 'input' || tag === 'textarea' || tag === 'select') {
    const field = el as HTMLInputElement;
    if (tag === 'input' && ['button', 'submit', 'reset'].includes(field.type) && field.value) return clean(field.value);
    const fromLabels = [...(field.labels ?? [])].map((l) => textOf(l)).join(' ');
    if (fromLabels.trim()) return clean(fromLabels);
    return clean(el.getAttribute('title') ?? el.getAttribute('placeholder') ?? '');
  }
  if (tag === 'img' || (tag === 'input' && (el as HTMLInputElement).type === 'image')) {
    const alt = el.getAttribute('alt');
    if (alt?.trim()) return clean(alt);
  }
  if (NAME_FROM_CONTENT.has(role) || tag === 'button' || tag === 'a' || /^h[1-6]$/.test(tag)) {
    const text = textOf(el);
    if (text.trim()) return clean(text);
  }
  return clean(el.getAttribute('title') ?? '');
}

/** Text content for names: hidden descendants skipped, labelled descendants (icons) give their label. */
function textOf(node: Element): string {
  let out = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) out += (child as Text).data;
    else if (child.nodeType === 1) {
      const e = child as Element;
      if (SKIPPED_TAGS.has(e.localName) || e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') continue;
      const label = e.getAttribute('aria-label');
      if (label?.trim()) out += ` ${label} `;
      else if (e.localName === 'img') out += ` ${e.getAttribute('alt') ?? ''} `;
      else out += ` ${textOf(e)} `; // a space between elements: "4" + "new messages" must not fuse
    }
  }
  return out;
}

function visibleText(el: Element): string {
  return clean(textOf(el));
}

// ---- matching -----------------------------------------------------------------------------------------------------

export function normalizeName(s: string): string {
  return s.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}
const clean = normalizeName;

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const isBoundary = (s: string, i: number) => i <= 0 || i >= s.length || !WORD_CHAR.test(s[i]!) || !WORD_CHAR.test(s[i - 1]!);

/** Does the (normalised) name match one of the phrases? No phrases = any name. */
export function nameMatches(name: string, phrases: Record<string, string> | string[], mode: NameMatch): boolean {
  const list = Array.isArray(phrases) ? phrases : Object.values(phrases);
  if (!list.length) return true;
  for (const raw of list) {
    const phrase = normalizeName(raw);
    if (!phrase) continue;
    if (mode === 'exact') {
      if (name === phrase) return true;
    } else if (mode === 'start') {
      if (name.startsWith(phrase) && isBoundary(name, phrase.length)) return true;
    } else {
      for (let at = name.indexOf(phrase); at !== -1; at = name.indexOf(phrase, at + 1)) {
        if (isBoundary(name, at) && isBoundary(name, at + phrase.length)) return true;
      }
    }
  }
  return false;
}
