// Runtime validator of a pack given as JSON data. Never throws: every problem comes back as a structured error.
// No YAML here (the content script and background may import this); YAML line/column mapping is in ./yaml.ts.
import * as v from 'valibot';
import { NETWORKS, type Network } from '../sites/types';
import { KNOWN_ANCHORS } from './anchor-names';
import { message, type Bilingual, type ErrorCode, type MessageParams } from './messages';
import { HTTPS_URL, linksIn } from './richtext';
import { ANCHOR_NAME_RE, ID_RE, LOCALE_RE, PACK_ID_RE, PackSchema, SEMVER_RE } from './schema';
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

class Collector {
  errors: PackError[] = [];
  warnings: PackError[] = [];
  private seen = new Set<string>();
  constructor(private file?: string) {}
  add(code: ErrorCode, segments: PathSegment[], params: MessageParams = {}, warning = false): void {
    const path = pathToString(segments);
    const key = `${code}|${path}|${params.name ?? ''}|${params.found ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const e: PackError = { path, segments: [...segments], code, message: message(code, params) };
    if (this.file !== undefined) e.file = this.file;
    if (params.expected !== undefined) e.expected = params.expected;
    if (params.found !== undefined) e.found = params.found;
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

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  strict_object: 'a mapping (key: value)',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
};

function regexWords(source: string): string {
  if (source === ID_RE.source) return 'an id of letters, digits, - or _';
  if (source === PACK_ID_RE.source) return 'a reverse-DNS id such as acme.linkedin-basics';
  if (source === SEMVER_RE.source) return 'a quoted version such as "1.0.0"';
  if (source === LOCALE_RE.source) return 'a locale code such as en or fr';
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
  if (doneAt >= 0 && segs[doneAt - 2] === 'steps') {
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
      else if (last === 'mode') c.add('invalid-value', segs, { expected: `a Kolb mode: ${MODES.join(', ')}`, found });
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
      if (typeof value === 'string') c.add('format', segs, { expected: 'a non-empty text', found: describe(value) });
      else if (last === 'steps')
        c.add('too-few', segs, { expected: `at least ${min} steps (one per Kolb mode)`, found: String(arr(value).length) });
      else c.add('too-few', segs, { expected: `at least ${min}`, found: String(arr(value).length) });
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
      const words = TYPE_WORDS[issue.type];
      const isTextSlot = words === 'a mapping (key: value)' && isTextPath(segs);
      const isVersion = segs.length === 1 && last === 'version';
      c.add('type', segs, {
        expected: isVersion ? 'a quoted version such as "1.0.0"' : isTextSlot ? 'a text per locale, e.g. { en: "…", fr: "…" }' : (words ?? issue.expected ?? issue.type),
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
    c.add('type', at, { expected: 'a text per locale, e.g. { en: "…", fr: "…" }', found: describe(value) });
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
    const done = own(step, 'done');
    if (isObj(done)) {
      for (const kind of ['click', 'submit'] as const) {
        const target = own(done, kind);
        if (target === 'anchor') {
          if (typeof anchor !== 'string') c.add('done-needs-anchor', [...sat, 'done'], { name: kind });
        } else checkAnchorRef(c, target, [...sat, 'done', kind], network, known);
      }
      checkAnchorRef(c, own(done, 'appears'), [...sat, 'done', 'appears'], network, known);
      const url = own(done, 'url');
      if (typeof url === 'string' && !url.startsWith('/'))
        c.add('done-shape', [...sat, 'done'], { expected: '{ url: "/path/*" } (a pathname starting with /)', found: describe(url) });
    }
  });

  if (steps.length > 0) {
    const missing = MODES.filter((m) => !modes.has(m));
    if (missing.length) c.add('kolb-modes', [...at, 'steps'], { expected: MODES.join(', '), found: missing.join(', ') });
  }

  const order = own(lesson, 'order');
  const ids = [...stepIds.keys()];
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
    }
  }
  // Advice: a path without its own order should still enter the cycle where PEDAGOGY says it does.
  const firstMode = isObj(steps[0]) ? own(steps[0], 'mode') : undefined;
  if (typeof firstMode === 'string' && (MODES as readonly string[]).includes(firstMode)) {
    for (const p of PATHS) {
      if (isObj(order) && Array.isArray(own(order, p))) continue;
      if (!ENTRY_MODES[p].includes(firstMode as KolbMode))
        c.add('entry-mode', [...at, 'order'], { name: p, found: firstMode, expected: ENTRY_MODES[p].join('/') }, true);
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
      if (!ANCHOR_NAME_RE.test(name)) c.add('format', ['anchors', name], { expected: 'network.area.name, e.g. linkedin.feed.startPost', found: describe(name) });
      known.add(name);
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
 * Validate a pack given as data (parsed JSON or YAML). Never throws.
 * Errors come in discovery order: structure first, then meaning.
 */
export function validatePack(data: unknown, options: ValidateOptions = {}): ValidationResult {
  const c = new Collector(options.file);
  try {
    const maxBytes = options.maxBytes ?? MAX_PACK_BYTES;
    let json: string | undefined;
    try {
      json = JSON.stringify(data);
    } catch (err) {
      c.add('type', [], { expected: 'plain JSON data', found: err instanceof Error ? err.message : String(err) });
    }
    if (json !== undefined) {
      const bytes = utf8Length(json);
      if (bytes > maxBytes) c.add('pack-too-large', [], { expected: `${maxBytes} bytes`, found: `${bytes} bytes` });
    }
    if (!isObj(data)) {
      c.add('type', [], { expected: 'a pack: a mapping with schema, id, version, title, lessons', found: describe(data) });
      return { ok: false, errors: c.errors, warnings: c.warnings };
    }
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
