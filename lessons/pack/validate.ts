// Runtime validator of a pack given as JSON data. Never throws: every problem comes back as a structured error.
// No YAML here (the content script and background may import this); YAML line/column mapping is in ./yaml.ts.
import * as v from 'valibot';
import { NETWORKS, type Network } from '../sites/types';
import { KNOWN_ANCHORS } from './anchor-names';
import { message, words, type Bilingual, type ErrorCode, type MessageParams, type Param } from './messages';
import { HTTPS_URL, linksIn } from './richtext';
import { LIMITS } from './limits';
import { ANCHOR_NAME_RE, ID_RE, LOCALE_RE, PACK_ID_RE, PackSchema, ROLE_RE, SEMVER_RE } from './schema';
import { selectorProblem } from './selector';
import { urlPatternProblem } from './url-pattern';
import { DEFAULT_LOCALES, MAX_PACK_BYTES, MODES, PAGE_KINDS, PATHS, type KolbMode, type LearningPath, type Pack } from './types';

export type PathSegment = string | number;

export interface PackError {
  /** Where inside the pack, e.g. `lessons[3].steps[1].done`. */
  path: string;
  /** The same path as segments (for editors and the YAML mapper). */
  segments: PathSegment[];
  file?: string;
  line?: number; // 1-based
  column?: number; // 1-based
  code: ErrorCode;
  message: Bilingual;
  expected?: string;
  found?: string;
}

export interface ValidateOptions {
  /** Anchor names the registry knows; defaults to the built-in registry's (lessons/sites, KNOWN_ANCHORS). */
  anchors?: Iterable<string>;
  /** Size limit in UTF-8 bytes of JSON; default MAX_PACK_BYTES. */
  maxBytes?: number;
  /** Set on every error (the YAML layer also sets line and column). */
  file?: string;
}

export interface ValidationResult {
  ok: boolean;
  /** The pack, typed, when there is no error. */
  pack?: Pack;
  errors: PackError[];
  /** Advice that does not block (e.g. a path with no order of its own). */
  warnings: PackError[];
}

export const DONE_EXPECTED = 'manual | { click: anchor|NAME } | { url: "/path/*" } | { appears: NAME } | { submit: anchor|NAME }';
const STRATEGY_EXPECTED = '{ css: … } | { role: …, name: { en, fr } } | { text: { en, fr } }';

/** Where each path enters the Kolb cycle (PEDAGOGY.md). */
export const ENTRY_MODES: Record<LearningPath, readonly KolbMode[]> = {
  experimenter: ['CE', 'AE'],
  analyst: ['RO'],
  thinker: ['AC'],
  maker: ['AC'],
};

export function pathToString(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out || '(pack)';
}

/** A short, language-neutral description of a value, for `found`. */
export function describe(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[…] (${value.length})`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return `{ ${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''} }`;
  }
  return typeof value;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const own = (o: Record<string, unknown>, k: string): unknown => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const dist = levenshtein(name.toLowerCase(), c.toLowerCase());
    if (dist < bestD) [best, bestD] = [c, dist];
  }
  return bestD <= Math.max(2, Math.floor(name.length / 5)) ? best : undefined;
}

/** Errors reported at most: a hostile pack must not make a report of 45 000 lines (the first ones say enough). */
export const MAX_ERRORS = 200;

/** A parameter as the machine-readable fields of an error carry it (English words). */
const plain = (p: Param | undefined): string | undefined => (typeof p === 'object' ? p.en : p);

class Collector {
  errors: PackError[] = [];
  warnings: PackError[] = [];
  private seen = new Set<string>();
  constructor(private file?: string) {}
  add(code: ErrorCode, segments: PathSegment[], params: MessageParams = {}, warning = false): void {
    if ((warning ? this.warnings : this.errors).length >= MAX_ERRORS) return;
    const path = pathToString(segments);
    const key = `${code}|${path}|${plain(params.name) ?? ''}|${plain(params.found) ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const e: PackError = { path, segments: [...segments], code, message: message(code, params) };
    if (this.file !== undefined) e.file = this.file;
    if (params.expected !== undefined) e.expected = plain(params.expected);
    if (params.found !== undefined) e.found = plain(params.found);
    (warning ? this.warnings : this.errors).push(e);
  }
}

// ---- structural issues (valibot) → trainer-readable errors ----

const PATH_KEYED = new Set(['hints', 'hint', 'order']);

/** The schema node at a path, to list the fields allowed there. */
function schemaAt(segments: readonly PathSegment[]): v.GenericSchema | undefined {
  let s: unknown = PackSchema;
  const unwrap = (x: unknown): unknown => {
    for (;;) {
      if (!isObj(x)) return x;
      if (Array.isArray(x.pipe) && x.pipe[0] && x.pipe[0] !== x) x = x.pipe[0];
      if (isObj(x) && (x.type === 'optional' || x.type === 'nullish') && x.wrapped) {
        x = x.wrapped;
        continue;
      }
      return x;
    }
  };
  for (const seg of segments) {
    s = unwrap(s);
    if (!isObj(s)) return undefined;
    if (typeof seg === 'number' && s.item) s = s.item;
    else if (typeof seg === 'string' && isObj(s.entries)) s = own(s.entries, seg);
    else if (s.value) s = s.value;
    else return undefined;
  }
  return unwrap(s) as v.GenericSchema | undefined;
}

function allowedKeys(segments: readonly PathSegment[]): string | undefined {
  const s = schemaAt(segments) as unknown;
  if (isObj(s) && isObj(s.entries)) return Object.keys(s.entries).join(', ');
  return undefined;
}

const MAPPING = words('a mapping (key: value)', 'une table (clé : valeur)');
const TYPE_WORDS: Record<string, Param> = {
  string: words('text', 'du texte'),
  number: words('a number', 'un nombre'),
  boolean: words('true or false', 'true ou false'),
  array: words('a list', 'une liste'),
  strict_object: MAPPING,
  object: MAPPING,
  record: MAPPING,
};
const size = (bytes: number) => words(`${bytes} bytes`, `${bytes} octets`);
const QUOTED_VERSION = words('a quoted version such as "1.0.0"', 'une version entre guillemets, par ex. "1.0.0"');
const TEXT_PER_LOCALE = words('a text per locale, e.g. { en: "…", fr: "…" }', 'un texte par langue, par ex. { en: "…", fr: "…" }');

function regexWords(source: string): Param {
  if (source === ID_RE.source) return words('an id of letters, digits, - or _', 'un identifiant fait de lettres, de chiffres, de - ou de _');
  if (source === PACK_ID_RE.source) return words('a reverse-DNS id such as acme.linkedin-basics', 'un identifiant en DNS inversé, par ex. acme.linkedin-basics');
  if (source === SEMVER_RE.source) return QUOTED_VERSION;
  if (source === LOCALE_RE.source) return words('a locale code such as en or fr', 'un code de langue, par ex. en ou fr');
  if (source === ROLE_RE.source) return words('an ARIA role in lower-case letters, e.g. button', 'un rôle ARIA en minuscules, par ex. button');
  return `/${source}/`;
}

function issueSegments(issue: v.BaseIssue<unknown>): PathSegment[] {
  return (issue.path ?? []).map((p) => (typeof p.key === 'number' ? p.key : String(p.key)));
}

function mapIssue(c: Collector, issue: v.BaseIssue<unknown>, data: unknown): void {
  const segs = issueSegments(issue);
  const last = segs[segs.length - 1];
  const parent = segs.slice(0, -1);
  const parentKey = parent[parent.length - 1];
  const doneAt = segs.lastIndexOf('done');
  if (doneAt >= 0 && segs[doneAt - 2] === 'steps' && issue.type !== 'max_length') {
    const at = segs.slice(0, doneAt + 1);
    c.add('done-shape', at, { expected: DONE_EXPECTED, found: describe(valueAt(data, at)) });
    return;
  }
  const keyOrigin = issue.path?.[issue.path.length - 1]?.origin === 'key';
  switch (issue.type) {
    case 'strict_object':
    case 'object': {
      if (issue.received === 'undefined') {
        c.add('required', segs, { name: String(last), expected: String(last) });
      } else if (issue.expected === 'never') {
        const name = String(last);
        if (typeof parentKey === 'string' && PATH_KEYED.has(parentKey)) {
          c.add('unknown-path', segs, { found: name, expected: PATHS.join(', ') });
        } else if (parentKey === 'perNetwork') {
          c.add('unknown-network', segs, { found: name, expected: NETWORKS.join(', ') });
        } else {
          const allowed = allowedKeys(parent);
          c.add('unknown-field', segs, { name, ...(allowed ? { expected: allowed } : {}) });
        }
      } else {
        c.add('type', segs, { expected: TYPE_WORDS[issue.type] ?? issue.expected ?? '', found: describe(valueAt(data, segs)) });
      }
      return;
    }
    case 'picklist': {
      const found = describe(valueAt(data, segs));
      if (last === 'network') c.add('unknown-network', segs, { found: String(valueAt(data, segs)), expected: NETWORKS.join(', ') });
      else if (last === 'entryPath' || parentKey === 'perNetwork')
        c.add('unknown-path', segs, { found: String(valueAt(data, segs)), expected: PATHS.join(', ') });
      else if (last === 'mode') c.add('invalid-value', segs, { expected: words(`a Kolb mode: ${MODES.join(', ')}`, `un mode de Kolb : ${MODES.join(', ')}`), found });
      else c.add('invalid-value', segs, { expected: issue.expected ?? '', found });
      return;
    }
    case 'literal':
      if (segs.length === 1 && last === 'schema') c.add('schema-version', segs, { expected: '1', found: describe(valueAt(data, segs)) });
      else c.add('invalid-value', segs, { expected: issue.expected ?? '', found: describe(valueAt(data, segs)) });
      return;
    case 'regex': {
      if (keyOrigin) return; // locale keys of a text: reported as undeclared-locale by the semantic pass
      const req = (issue as unknown as { requirement?: RegExp }).requirement;
      c.add('format', segs, { expected: regexWords(req?.source ?? ''), found: describe(valueAt(data, segs)) });
      return;
    }
    case 'min_length': {
      const value = valueAt(data, segs);
      const min = (issue as unknown as { requirement?: number }).requirement ?? 1;
      if (typeof value === 'string') c.add('format', segs, { expected: words('a non-empty text', 'un texte non vide'), found: describe(value) });
      else if (last === 'steps')
        c.add('too-few', segs, { expected: words(`at least ${min} steps (one per Kolb mode)`, `au moins ${min} étapes (une par mode de Kolb)`), found: String(arr(value).length) });
      else c.add('too-few', segs, { expected: words(`at least ${min}`, `au moins ${min}`), found: String(arr(value).length) });
      return;
    }
    case 'max_length': {
      const max = (issue as unknown as { requirement?: number }).requirement ?? 0;
      const value = keyOrigin ? String(last) : valueAt(data, segs);
      if (typeof value === 'string') c.add('too-long', segs, { expected: String(max), found: String(value.length) });
      else c.add('too-many', segs, { expected: String(max), found: String(arr(value).length) });
      return;
    }
    case 'max_entries': {
      const max = (issue as unknown as { requirement?: number }).requirement ?? 0;
      const value = valueAt(data, segs);
      c.add('too-many', segs, { expected: String(max), found: String(isObj(value) ? Object.keys(value).length : 0) });
      return;
    }
    case 'union': {
      const inAnchors = segs[0] === 'anchors';
      c.add('invalid-value', segs, {
        expected: inAnchors ? STRATEGY_EXPECTED : (issue.expected ?? ''),
        found: describe(valueAt(data, segs)),
      });
      return;
    }
    default: {
      if (keyOrigin) return;
      const value = valueAt(data, segs);
      const typeWords = TYPE_WORDS[issue.type];
      const isTextSlot = typeWords === MAPPING && isTextPath(segs);
      const isVersion = segs.length === 1 && last === 'version';
      c.add('type', segs, {
        expected: isVersion ? QUOTED_VERSION : isTextSlot ? TEXT_PER_LOCALE : (typeWords ?? issue.expected ?? issue.type),
        found: describe(value),
      });
    }
  }
}

const TEXT_FIELDS = new Set(['title', 'description', 'why', 'practiseSafely', 'example', 'text', 'q', 'a']);
function isTextPath(segs: readonly PathSegment[]): boolean {
  const last = segs[segs.length - 1];
  const parentKey = segs[segs.length - 2];
  return (typeof last === 'string' && TEXT_FIELDS.has(last)) || (typeof parentKey === 'string' && PATH_KEYED.has(parentKey) && parentKey !== 'order');
}

export function valueAt(data: unknown, segs: readonly PathSegment[]): unknown {
  let cur = data;
  for (const s of segs) {
    if (typeof s === 'number') cur = Array.isArray(cur) ? cur[s] : undefined;
    else cur = isObj(cur) ? own(cur, s) : undefined;
  }
  return cur;
}

// ---- semantic checks, written against unknown data so they run even when the structure has errors ----

function checkText(c: Collector, value: unknown, at: PathSegment[], locales: readonly string[]): void {
  // valibot's record() takes a list for a mapping (its items only fail the locale-key check, which is left to the
  // loop below): a list is reported here, or `[" "]` would pass with no error at all.
  if (Array.isArray(value)) {
    c.add('type', at, { expected: TEXT_PER_LOCALE, found: describe(value) });
    return;
  }
  if (!isObj(value)) return; // structural pass reports it
  for (const loc of locales) {
    const s = own(value, loc);
    if (s === undefined) c.add('missing-locale', at, { name: loc, expected: locales.join(', ') });
  }
  for (const [k, s] of Object.entries(value)) {
    if (!locales.includes(k)) c.add('undeclared-locale', [...at, k], { name: k, expected: locales.join(', ') });
    if (typeof s === 'string') {
      for (const link of linksIn(s)) if (!HTTPS_URL.test(link)) c.add('url-not-https', [...at, k], { found: link, expected: 'https://…' });
    }
  }
}

function checkPathTexts(c: Collector, value: unknown, at: PathSegment[], locales: readonly string[]): void {
  if (!isObj(value)) return;
  for (const p of PATHS) {
    const t = own(value, p);
    if (t !== undefined) checkText(c, t, [...at, p], locales);
  }
}

function checkAnchorRef(
  c: Collector,
  name: unknown,
  at: PathSegment[],
  network: Network | undefined,
  known: ReadonlySet<string>,
): void {
  if (typeof name !== 'string' || name === '') return;
  if (!known.has(name)) {
    const sameNet = [...known].filter((k) => !network || k.startsWith(`${network}.`));
    const guess = closest(name, sameNet);
    c.add('unknown-anchor', at, { name, found: name, ...(guess ? { detail: guess } : {}) });
    return;
  }
  if (network && !name.startsWith(`${network}.`)) c.add('anchor-network', at, { name, expected: network, found: name.split('.')[0] ?? '' });
}

/** A completion rule: its anchor references exist on the network, "anchor" has an anchor to mean, URLs are patterns. */
function checkDone(c: Collector, done: unknown, anchor: unknown, at: PathSegment[], network: Network | undefined, known: ReadonlySet<string>): void {
  if (!isObj(done)) return;
  for (const kind of ['click', 'submit', 'input'] as const) {
    const target = own(done, kind);
    if (target === 'anchor') {
      if (typeof anchor !== 'string') c.add('done-needs-anchor', at, { name: kind });
    } else checkAnchorRef(c, target, [...at, kind], network, known);
  }
  for (const kind of ['appears', 'gone'] as const) checkAnchorRef(c, own(done, kind), [...at, kind], network, known);
  const url = own(done, 'url');
  const urlProblem = typeof url === 'string' && url.length <= LIMITS.urlPattern ? urlPatternProblem(url) : null;
  if (urlProblem) c.add('done-shape', at, { expected: words(`{ url: "/path/*" } (${urlProblem.en})`, `{ url: "/chemin/*" } (${urlProblem.fr})`), found: describe(url) });
}

/** A control that starts a journey rather than ending a task: the networks' navigation bars and mastheads. */
export function isNavigationAnchor(name: string): boolean {
  return /^(?:linkedin|x|facebook)\.nav\./.test(name) || /^youtube\.(?:masthead|guide)\./.test(name);
}

function checkLesson(
  c: Collector,
  lesson: Record<string, unknown>,
  at: PathSegment[],
  locales: readonly string[],
  known: ReadonlySet<string>,
): void {
  const netRaw = own(lesson, 'network');
  const network = (NETWORKS as readonly unknown[]).includes(netRaw) ? (netRaw as Network) : undefined;

  for (const f of ['title', 'why', 'practiseSafely', 'example'] as const) checkText(c, own(lesson, f), [...at, f], locales);
  checkPathTexts(c, own(lesson, 'hints'), [...at, 'hints'], locales);

  if (network) {
    arr(own(lesson, 'pages')).forEach((p, i) => {
      if (typeof p === 'string' && !PAGE_KINDS[network].includes(p))
        c.add('unknown-page-kind', [...at, 'pages', i], { found: p, name: network, expected: PAGE_KINDS[network].join(', ') });
    });
  }
  checkAnchorRef(c, own(lesson, 'hintAnchor'), [...at, 'hintAnchor'], network, known);

  const steps = arr(own(lesson, 'steps'));
  const stepIds = new Map<string, number>();
  const modes = new Set<unknown>();
  steps.forEach((step, i) => {
    if (!isObj(step)) return;
    const sat: PathSegment[] = [...at, 'steps', i];
    const id = str(own(step, 'id'));
    if (id !== undefined) {
      const first = stepIds.get(id);
      if (first !== undefined) c.add('duplicate-id', [...sat, 'id'], { name: id, detail: pathToString([...at, 'steps', first]) });
      else stepIds.set(id, i);
    }
    modes.add(own(step, 'mode'));
    checkText(c, own(step, 'text'), [...sat, 'text'], locales);
    if (own(step, 'example') !== undefined) checkText(c, own(step, 'example'), [...sat, 'example'], locales);
    checkPathTexts(c, own(step, 'hint'), [...sat, 'hint'], locales);
    const anchor = own(step, 'anchor');
    checkAnchorRef(c, anchor, [...sat, 'anchor'], network, known);
    const walk = own(step, 'walk');
    const done = own(step, 'done');
    let end: { rule: unknown; anchor: unknown; at: PathSegment[] } = { rule: done, anchor, at: [...sat, 'done'] };
    if (Array.isArray(walk)) {
      if (done !== undefined) c.add('walk-with-done', [...sat, 'done'], {});
      walk.forEach((item, j) => {
        if (!isObj(item)) return;
        const wat: PathSegment[] = [...sat, 'walk', j];
        checkText(c, own(item, 'text'), [...wat, 'text'], locales);
        checkAnchorRef(c, own(item, 'anchor'), [...wat, 'anchor'], network, known);
        checkDone(c, own(item, 'done'), own(item, 'anchor'), [...wat, 'done'], network, known);
      });
      const last = walk[walk.length - 1];
      if (isObj(last)) end = { rule: own(last, 'done'), anchor: own(last, 'anchor'), at: [...sat, 'walk', walk.length - 1, 'done'] };
    } else if (done === undefined) c.add('required', [...sat, 'done'], { name: 'done', expected: 'done' });
    else checkDone(c, done, anchor, [...sat, 'done'], network, known);
    // Advice: a doing-step ends on the action that ends the task, never on the control that starts the journey.
    const mode = own(step, 'mode');
    if ((mode === 'CE' || mode === 'AE') && isObj(end.rule)) {
      const clicked = own(end.rule, 'click') === 'anchor' ? end.anchor : own(end.rule, 'click');
      if (typeof clicked === 'string' && isNavigationAnchor(clicked)) c.add('done-on-navigation', end.at, { name: clicked }, true);
    }
  });

  if (steps.length > 0) {
    const missing = MODES.filter((m) => !modes.has(m));
    if (missing.length) c.add('kolb-modes', [...at, 'steps'], { expected: MODES.join(', '), found: missing.join(', ') });
  }

  const order = own(lesson, 'order');
  const ids = [...stepIds.keys()];
  // A step that reads another's result ("after") names another step, and every path's order keeps it after that one.
  const afterOf = new Map<string, string>();
  steps.forEach((step, i) => {
    if (!isObj(step)) return;
    const id = str(own(step, 'id'));
    const after = own(step, 'after');
    if (typeof after !== 'string' || id === undefined) return;
    if (!stepIds.has(after) || after === id) c.add('after-unknown-step', [...at, 'steps', i, 'after'], { name: after, found: after, expected: ids.filter((sid) => sid !== id).join(', ') });
    else afterOf.set(id, after);
  });
  if (isObj(order)) {
    for (const p of PATHS) {
      const list = own(order, p);
      if (!Array.isArray(list)) continue;
      const seen = new Set<string>();
      list.forEach((sid, j) => {
        if (typeof sid !== 'string') return;
        if (!stepIds.has(sid)) c.add('order-unknown-step', [...at, 'order', p, j], { name: sid, found: sid, expected: ids.join(', ') });
        else if (seen.has(sid)) c.add('order-duplicate-step', [...at, 'order', p, j], { name: sid, found: sid });
        seen.add(sid);
      });
      const left = ids.filter((sid) => !seen.has(sid));
      if (left.length) c.add('order-missing-step', [...at, 'order', p], { found: left.join(', '), expected: ids.join(', ') });
      for (const [id, after] of afterOf) {
        const position = list.indexOf(id);
        if (position >= 0 && position < list.indexOf(after)) c.add('order-before-after', [...at, 'order', p, position], { name: p, found: id, expected: after });
      }
    }
  }
  // Advice: a path's own order should enter the cycle where PEDAGOGY says it does (unless every step of its entry
  // mode reads another's result), and the Maker's end by measuring, then adjusting. (A path without an order takes
  // its own Kolb order from the engine.)
  const modeOf = new Map(steps.filter(isObj).map((s) => [own(s, 'id'), own(s, 'mode')] as const));
  if (isObj(order)) {
    for (const p of PATHS) {
      const list = own(order, p);
      if (!Array.isArray(list) || list.length === 0) continue;
      const modes = list.map((sid) => modeOf.get(sid));
      const first = modes[0];
      const enterable = [...modeOf].some(([sid, mode]) => typeof sid === 'string' && !afterOf.has(sid) && ENTRY_MODES[p].includes(mode as KolbMode));
      if (typeof first === 'string' && (MODES as readonly string[]).includes(first) && !ENTRY_MODES[p].includes(first as KolbMode) && enterable)
        c.add('entry-mode', [...at, 'order', p], { name: p, found: first, expected: ENTRY_MODES[p].join('/') }, true);
      // No advice when the last step reads the result of the one adjusting step (AE or AC) after the goal: nothing
      // could follow it.
      const lastRead = afterOf.get(list[list.length - 1]);
      const forced = lastRead !== undefined && list.slice(1, -1).every((sid) => sid === lastRead || !['AE', 'AC'].includes(modeOf.get(sid) as string));
      if (p === 'maker' && modes.includes('RO') && !forced) {
        const [beforeLast, last] = modes.slice(-2);
        if (beforeLast !== 'RO' || (last !== 'AE' && last !== 'AC'))
          c.add('maker-end', [...at, 'order', p], { found: modes.slice(-2).join(' → ') }, true);
      }
    }
  }

  arr(own(lesson, 'retrieval')).forEach((r, i) => {
    if (!isObj(r)) return;
    checkText(c, own(r, 'q'), [...at, 'retrieval', i, 'q'], locales);
    checkText(c, own(r, 'a'), [...at, 'retrieval', i, 'a'], locales);
  });
}

function semantic(c: Collector, data: Record<string, unknown>, knownRegistry: ReadonlySet<string>): void {
  const declared = own(data, 'locales');
  const locales: readonly string[] =
    Array.isArray(declared) && declared.length > 0 && declared.every((l) => typeof l === 'string')
      ? (declared as string[])
      : DEFAULT_LOCALES;
  checkText(c, own(data, 'title'), ['title'], locales);
  if (own(data, 'description') !== undefined) checkText(c, own(data, 'description'), ['description'], locales);

  const known = new Set(knownRegistry);
  const packAnchors = own(data, 'anchors');
  if (isObj(packAnchors)) {
    for (const name of Object.keys(packAnchors)) {
      if (!ANCHOR_NAME_RE.test(name)) c.add('format', ['anchors', name], { expected: words('network.area.name, e.g. linkedin.feed.startPost', 'réseau.zone.nom, par ex. linkedin.feed.startPost'), found: describe(name) });
      known.add(name);
      // Every selector a strategy hands to querySelectorAll must be one the browsers accept.
      arr(own(packAnchors, name)).forEach((strategy, i) => {
        if (!isObj(strategy)) return;
        for (const field of ['css', 'tag'] as const) {
          const selector = own(strategy, field);
          if (typeof selector !== 'string' || selector === '' || selector.length > LIMITS.selector) continue;
          const problem = selectorProblem(selector);
          if (problem) c.add('invalid-selector', ['anchors', name, i, field], { found: describe(selector), detail: problem });
        }
      });
    }
  }

  const lessonIds = new Map<string, number>();
  arr(own(data, 'lessons')).forEach((lesson, i) => {
    if (!isObj(lesson)) return;
    const id = str(own(lesson, 'id'));
    if (id !== undefined) {
      const first = lessonIds.get(id);
      if (first !== undefined) c.add('duplicate-id', ['lessons', i, 'id'], { name: id, detail: pathToString(['lessons', first]) });
      else lessonIds.set(id, i);
    }
    checkLesson(c, lesson, ['lessons', i], locales, known);
  });
}

/**
 * Lists and mappings over their count limit, found before anything is validated item by item: the schema checks a
 * list's length only once all its items passed, so 5 000 bad lessons would give 45 000 errors (and take seconds).
 */
function countProblems(c: Collector, data: Record<string, unknown>): void {
  const list = (value: unknown, max: number, at: PathSegment[]) => {
    if (Array.isArray(value) && value.length > max) c.add('too-many', at, { expected: String(max), found: String(value.length) });
  };
  list(own(data, 'locales'), LIMITS.locales, ['locales']);
  const lessons = own(data, 'lessons');
  list(lessons, LIMITS.lessons, ['lessons']);
  arr(lessons)
    .slice(0, LIMITS.lessons)
    .forEach((lesson, i) => {
      if (!isObj(lesson)) return;
      list(own(lesson, 'pages'), LIMITS.pages, ['lessons', i, 'pages']);
      list(own(lesson, 'steps'), LIMITS.steps, ['lessons', i, 'steps']);
      list(own(lesson, 'retrieval'), LIMITS.retrieval, ['lessons', i, 'retrieval']);
      const order = own(lesson, 'order');
      if (isObj(order)) for (const p of PATHS) list(own(order, p), LIMITS.steps, ['lessons', i, 'order', p]);
    });
  const anchors = own(data, 'anchors');
  if (isObj(anchors)) {
    const names = Object.keys(anchors);
    if (names.length > LIMITS.anchors) c.add('too-many', ['anchors'], { expected: String(LIMITS.anchors), found: String(names.length) });
    for (const name of names.slice(0, LIMITS.anchors)) list(own(anchors, name), LIMITS.strategies, ['anchors', name]);
  }
}

/** Deepest nesting of lists and mappings accepted; a pack needs about 6 (lessons[].steps[].hint.analyst.en). */
export const MAX_DEPTH = 32;

/** The path to the first value nested deeper than `max`, found without recursion (a deep value cannot overflow it). */
export function tooDeep(data: unknown, max = MAX_DEPTH): PathSegment[] | null {
  const stack: Array<{ value: unknown; path: PathSegment[] }> = [{ value: data, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= max) return path;
    if (Array.isArray(value)) value.forEach((item, i) => stack.push({ value: item, path: [...path, i] }));
    else for (const [key, item] of Object.entries(value)) stack.push({ value: item, path: [...path, key] });
  }
  return null;
}

/**
 * Validate a pack given as data (parsed JSON or YAML). Never throws.
 * Errors come in discovery order: structure first, then meaning.
 */
export function validatePack(data: unknown, options: ValidateOptions = {}): ValidationResult {
  const c = new Collector(options.file);
  try {
    const maxBytes = options.maxBytes ?? MAX_PACK_BYTES;
    const deep = tooDeep(data);
    if (deep) {
      c.add('too-deep', deep, { expected: String(MAX_DEPTH) });
      return { ok: false, errors: c.errors, warnings: c.warnings };
    }
    let json: string | undefined;
    try {
      json = JSON.stringify(data);
    } catch (err) {
      c.add('type', [], { expected: words('plain JSON data', 'des données JSON simples'), found: err instanceof Error ? err.message : String(err) });
    }
    if (json !== undefined) {
      const bytes = utf8Length(json);
      if (bytes > maxBytes) c.add('pack-too-large', [], { expected: size(maxBytes), found: size(bytes) });
    }
    if (!isObj(data)) {
      c.add('type', [], { expected: words('a pack: a mapping with schema, id, version, title, lessons', 'un pack : une table avec schema, id, version, title, lessons'), found: describe(data) });
      return { ok: false, errors: c.errors, warnings: c.warnings };
    }
    countProblems(c, data);
    if (c.errors.length) return { ok: false, errors: c.errors, warnings: c.warnings };
    const parsed = v.safeParse(PackSchema, data);
    if (!parsed.success) for (const issue of parsed.issues) mapIssue(c, issue, data);
    semantic(c, data, new Set(options.anchors ?? KNOWN_ANCHORS));
    const ok = c.errors.length === 0 && parsed.success;
    return ok ? { ok, pack: data as unknown as Pack, errors: [], warnings: c.warnings } : { ok: false, errors: c.errors, warnings: c.warnings };
  } catch (err) {
    c.add('internal', [], { detail: err instanceof Error ? err.message : String(err) });
    return { ok: false, errors: c.errors, warnings: c.warnings };
  }
}

/** Validate a JSON text (an imported file, a URL's body, a policy string). Never throws. */
export function validatePackJson(text: string, options: ValidateOptions = {}): ValidationResult {
  // Far over the limit: refused before parsing (JSON.parse of a huge text holds the thread for nothing).
  const maxBytes = options.maxBytes ?? MAX_PACK_BYTES;
  if (text.length > 4 * maxBytes) {
    const e: PackError = { path: '(pack)', segments: [], code: 'pack-too-large', message: message('pack-too-large', { expected: size(maxBytes), found: size(utf8Length(text)) }) };
    if (options.file !== undefined) e.file = options.file;
    return { ok: false, errors: [e], warnings: [] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const e: PackError = { path: '(pack)', segments: [], code: 'json-syntax', message: message('json-syntax', { detail }) };
    if (options.file !== undefined) e.file = options.file;
    const pos = /position (\d+)/.exec(detail);
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const lines = before.split('\n');
      e.line = lines.length;
      e.column = (lines[lines.length - 1]?.length ?? 0) + 1;
    }
    return { ok: false, errors: [e], warnings: [] };
  }
  return validatePack(data, options);
}

/** One line a person can act on: `file:line:col path — message (expected …, found …)`. */
export function formatError(e: PackError, locale: 'en' | 'fr' | string = 'en'): string {
  const where = [e.file, e.line, e.column].filter((x) => x !== undefined).join(':');
  const msg = locale === 'fr' ? e.message.fr : e.message.en;
  return `${where ? `${where}: ` : ''}${e.path} [${e.code}] ${msg}`;
}
