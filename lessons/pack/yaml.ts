// YAML authoring layer: parse with exact positions, validate, and point every error at file:line:column.
// Imports the `yaml` library: only the CLI, the build step and the options page may import this module,
// never the content script (see tests/unit/pack-bundle.test.ts).
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { message, type Param } from './messages';
import { MAX_PACK_BYTES } from './types';
import { pathToString, utf8Length, validatePack, type PackError, type PathSegment, type ValidateOptions, type ValidationResult } from './validate';

/** Deepest nesting of lists and mappings read: a pack needs about 6 (lessons[].steps[].hint.analyst.en). */
export const MAX_YAML_DEPTH = 32;
/** Alias expansions allowed (the `yaml` library's measure): a pack has no reason for many, a "billion laughs" has. */
export const MAX_YAML_ALIASES = 100;
/**
 * A YAML source may carry comments beyond the JSON it becomes, but not without end: the parser reads about 1–3 MB a
 * second here, and a file over this is refused before it is parsed (YAML is usually smaller than its JSON).
 */
export const MAX_YAML_BYTES = Math.round(1.25 * MAX_PACK_BYTES);

export interface YamlSource {
  file: string;
  text: string;
}

export interface ParsedYaml {
  data: unknown;
  doc: Document;
  lines: LineCounter;
  errors: PackError[];
}

function pos(lines: LineCounter, offset: number): { line: number; column: number } {
  const p = lines.linePos(offset);
  return { line: p.line, column: p.col };
}

/**
 * Where the nesting of a YAML text first goes deeper than `max`, found in one pass over the text before the parser
 * sees it (the `yaml` library recurses: a few thousand `[` overflow its stack, and 100 000 of them cost it a second).
 * Counts block levels by indentation and flow levels by brackets outside quotes and comments. The path is read
 * from the keys and list items of the enclosing lines: what a trainer needs to find the place.
 */
export function yamlNesting(text: string, max = MAX_YAML_DEPTH): { offset: number; segments: PathSegment[] } | null {
  type Level = { indent: number; segment?: PathSegment; items: number };
  const stack: Level[] = [];
  let offset = 0;
  let quote: '"' | "'" | null = null;
  let flow = 0;
  let blockScalarIndent = -1;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const indent = line.length - line.trimStart().length;
    const body = line.trimStart();
    if (blockScalarIndent >= 0) {
      if (body === '' || indent > blockScalarIndent) continue; // inside a | or > block: text, not structure
      blockScalarIndent = -1;
    }
    if (quote === null && flow === 0 && body !== '' && !body.startsWith('#')) {
      // A block line: leave the levels it is not inside, then enter its own (a list item, a key, or both).
      let previousItem: Level | undefined;
      while (stack.length && stack[stack.length - 1]!.indent >= indent) {
        const popped = stack.pop()!;
        if (popped.indent === indent && popped.segment !== undefined && typeof popped.segment === 'number') previousItem = popped;
      }
      let rest = body;
      let at = indent;
      while (rest.startsWith('- ') || rest === '-') {
        const index = previousItem ? (previousItem.segment as number) + 1 : 0;
        stack.push({ indent: at, segment: index, items: 0 });
        previousItem = undefined;
        const after = rest.slice(1);
        const skip = after.length - after.trimStart().length + 1;
        at += skip;
        rest = rest.slice(skip);
      }
      const key = /^("[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?)\s*:(?:\s|$)/.exec(rest);
      if (key) stack.push({ indent: at, segment: key[1]!.replace(/^["']|["']$/g, ''), items: 0 });
      if (/:\s*[|>][-+0-9]*\s*(?:#.*)?$/.test(rest)) blockScalarIndent = at;
      if (stack.length > max) return { offset: lineStart + at, segments: segmentsOf(stack) };
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = null;
      } else if (c === '"' || c === "'") {
        // A quote opens a scalar only where a value can start (not in the middle of a plain word such as it's).
        if (i === 0 || /[\s[{,:]/.test(line[i - 1]!)) quote = c;
      } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
      else if (c === '[' || c === '{') {
        flow++;
        if (stack.length + flow > max) return { offset: lineStart + i, segments: segmentsOf(stack) };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
  }
  return null;
}

function segmentsOf(stack: ReadonlyArray<{ segment?: PathSegment }>): PathSegment[] {
  return stack.flatMap((level) => (level.segment === undefined ? [] : [level.segment]));
}

/** The path (keys and list indices) of the first alias in a document, and its position. */
function firstAlias(doc: Document, lines: LineCounter): { segments: PathSegment[]; at?: { line: number; column: number } } {
  let found: { segments: PathSegment[]; at?: { line: number; column: number } } | null = null;
  visit(doc, {
    Alias(_key, node, ancestors) {
      const segments: PathSegment[] = [];
      const chain = [...ancestors.slice(1), node] as unknown[];
      for (let i = 0; i < chain.length - 1; i++) {
        const parent = chain[i];
        const child = chain[i + 1];
        if (isPair(parent) && isScalar(parent.key)) segments.push(String(parent.key.value));
        else if (isSeq(parent)) segments.push(parent.items.indexOf(child as never));
      }
      const at = rangeOf(node, lines);
      found = { segments, ...(at ? { at } : {}) };
      return visit.BREAK;
    },
  });
  return found ?? { segments: [] };
}

/** Parse YAML 1.2 (core schema: `yes`/`no` stay strings). Never throws. */
export function parseYaml(src: YamlSource): ParsedYaml {
  const lines = new LineCounter();
  const errors: PackError[] = [];
  let doc: Document;
  // Refused before parsing: an oversized source, and nesting deeper than any pack (the parser would recurse on it).
  const bytes = src.text.length * 3 > MAX_YAML_BYTES ? utf8Length(src.text) : 0;
  if (bytes > MAX_YAML_BYTES) {
    doc = parseDocument('', { lineCounter: lines });
    const error: PackError = { path: '(file)', segments: [], file: src.file, code: 'pack-too-large', message: message('pack-too-large', { expected: `${MAX_YAML_BYTES} bytes`, found: `${bytes} bytes` }) };
    return { data: undefined, doc, lines, errors: [error] };
  }
  const deep = yamlNesting(src.text);
  if (deep) {
    doc = parseDocument('', { lineCounter: lines });
    const before = src.text.slice(0, deep.offset).split('\n');
    const error: PackError = {
      path: pathToString(deep.segments),
      segments: deep.segments,
      file: src.file,
      line: before.length,
      column: before[before.length - 1]!.length + 1,
      code: 'too-deep',
      message: message('too-deep', { expected: String(MAX_YAML_DEPTH) }),
    };
    return { data: undefined, doc, lines, errors: [error] };
  }
  try {
    doc = parseDocument(src.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  } catch (err) {
    doc = parseDocument('', { lineCounter: lines });
    errors.push(mk(src.file, 'yaml-syntax', { en: err instanceof Error ? err.message : String(err), fr: YAML_ERROR_FR }));
    return { data: undefined, doc, lines, errors };
  }
  for (const e of doc.errors) {
    const at = pos(lines, e.pos[0]);
    const detail = e.message.split('\n')[0] ?? e.message;
    errors.push({ ...mk(src.file, 'yaml-syntax', { en: detail, fr: YAML_ERRORS_FR[e.code] ?? YAML_ERROR_FR }), ...at, found: e.code });
  }
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      if (/alias/i.test(detail)) {
        const alias = firstAlias(doc, lines);
        errors.push({
          path: pathToString(alias.segments),
          segments: alias.segments,
          file: src.file,
          ...(alias.at ?? {}),
          code: 'yaml-aliases',
          message: message('yaml-aliases', { expected: String(MAX_YAML_ALIASES) }),
        });
      } else errors.push(mk(src.file, 'yaml-syntax', { en: detail, fr: YAML_ERROR_FR }));
    }
  }
  return { data, doc, lines, errors };
}

function mk(file: string, code: 'yaml-syntax', detail: Param): PackError {
  return { path: '(file)', segments: [], file, code, message: message(code, { detail }) };
}

/**
 * The YAML parser speaks English: a French message says what its error codes mean in French (the English message
 * keeps the parser's own words, which are precise).
 */
const YAML_ERRORS_FR: Partial<Record<string, string>> = {
  BAD_INDENT: 'indentation incorrecte : alignez cette ligne sur les autres éléments du même niveau',
  TAB_AS_INDENT: 'tabulation utilisée pour indenter : YAML n’accepte que des espaces',
  MISSING_CHAR: 'un caractère fermant manque (guillemet, ] ou })',
  DUPLICATE_KEY: 'clé en double dans la même table : chaque clé ne peut y figurer qu’une fois',
  UNEXPECTED_TOKEN: 'élément inattendu à cet endroit',
  BLOCK_AS_IMPLICIT_KEY: 'une clé ne peut pas s’étendre sur plusieurs lignes : vérifiez les deux-points et les guillemets',
  MULTILINE_IMPLICIT_KEY: 'une clé ne peut pas s’étendre sur plusieurs lignes : vérifiez les deux-points et les guillemets',
  BAD_SCALAR_START: 'une valeur ne peut pas commencer par ce caractère : mettez-la entre guillemets',
  BAD_DQ_ESCAPE: 'séquence d’échappement invalide entre guillemets doubles',
  BLOCK_IN_FLOW: 'un bloc indenté ne peut pas se trouver entre crochets ou accolades',
  MULTIPLE_DOCS: 'plusieurs documents dans le même fichier (---) : un pack tient en un seul',
  BAD_ALIAS: 'alias (*nom) incorrect',
  ALIAS_PROPS: 'alias (*nom) incorrect',
  KEY_OVER_1024_CHARS: 'clé de plus de 1024 caractères',
  BAD_DIRECTIVE: 'directive YAML (%…) incorrecte',
  MULTIPLE_ANCHORS: 'plusieurs ancres YAML (&nom) sur la même valeur',
  MULTIPLE_TAGS: 'plusieurs étiquettes YAML (!…) sur la même valeur',
  TAG_RESOLVE_FAILED: 'étiquette YAML (!…) inconnue',
};
const YAML_ERROR_FR = 'le fichier n’est pas du YAML valide à cet endroit';

/** The YAML node at a path: the value node, or the key for fields that should not be there. */
export function locate(
  doc: Document,
  lines: LineCounter,
  segments: readonly PathSegment[],
  preferKey = false,
): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let best: { line: number; column: number } | undefined = rangeOf(node, lines);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return best;
      const keyPos = rangeOf(pair.key, lines);
      if (last && preferKey && keyPos) return keyPos;
      node = pair.value;
      best = rangeOf(node, lines) ?? keyPos ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      best = rangeOf(node, lines) ?? best;
    } else return best;
  }
  return best;
}

function rangeOf(node: unknown, lines: LineCounter): { line: number; column: number } | undefined {
  const r = (node as Node | null | undefined)?.range;
  return r ? pos(lines, r[0]) : undefined;
}

const KEY_CODES = new Set(['unknown-field', 'unknown-path', 'unknown-network', 'undeclared-locale']);

function place(e: PackError, file: string, parsed: ParsedYaml, segments: readonly PathSegment[]): PackError {
  const at = locate(parsed.doc, parsed.lines, segments, KEY_CODES.has(e.code));
  return { ...e, file, ...(at ?? {}) };
}

function byPosition(a: PackError, b: PackError): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** Validate one YAML pack file. Never throws. */
export function validatePackYaml(src: YamlSource, options: ValidateOptions = {}): ValidationResult & { data?: unknown } {
  const parsed = parseYaml(src);
  if (parsed.errors.length) return { ok: false, errors: parsed.errors, warnings: [] };
  const result = validatePack(parsed.data, { ...options, file: src.file });
  const fix = (e: PackError) => place(e, src.file, parsed, e.segments);
  return {
    ...result,
    data: parsed.data,
    errors: result.errors.map(fix).sort(byPosition),
    warnings: result.warnings.map(fix).sort(byPosition),
  };
}

/**
 * Merge a pack header (pack.yaml, with `lessons: []` or a few lessons) with files that each hold a YAML list
 * of lessons, validate the whole, and map every error back to the file and line it came from.
 */
export function assemblePack(
  header: YamlSource,
  lessonFiles: readonly YamlSource[],
  options: ValidateOptions = {},
): ValidationResult & { data?: unknown } {
  const head = parseYaml(header);
  const parts = lessonFiles.map((f) => ({ src: f, parsed: parseYaml(f) }));
  const syntax = [...head.errors, ...parts.flatMap((p) => p.parsed.errors)];
  if (syntax.length) return { ok: false, errors: syntax, warnings: [] };

  const shapeErrors: PackError[] = [];
  if (typeof head.data !== 'object' || head.data === null || Array.isArray(head.data)) {
    shapeErrors.push({
      path: '(pack)',
      segments: [],
      file: header.file,
      line: 1,
      column: 1,
      code: 'type',
      message: message('type', { expected: 'a pack header (schema, id, version, title, lessons)', found: Array.isArray(head.data) ? '[…]' : String(head.data) }),
      expected: 'a pack header',
    });
  }
  // Each lesson of the merged pack remembers where it came from.
  const origin: Array<{ file: string; parsed: ParsedYaml; index: number }> = [];
  const headerData = (shapeErrors.length ? {} : head.data) as Record<string, unknown>;
  const headLessons = Array.isArray(headerData.lessons) ? (headerData.lessons as unknown[]) : [];
  headLessons.forEach((_, i) => origin.push({ file: header.file, parsed: head, index: i }));
  const lessons = [...headLessons];
  for (const { src, parsed } of parts) {
    if (parsed.data === undefined || parsed.data === null) continue; // an empty file adds nothing
    if (!Array.isArray(parsed.data)) {
      shapeErrors.push({
        path: '(file)',
        segments: [],
        file: src.file,
        line: 1,
        column: 1,
        code: 'type',
        message: message('type', { expected: 'a YAML list of lessons (each item starting with "- id: …")', found: '{…}' }),
        expected: 'a list of lessons',
      });
      continue;
    }
    parsed.data.forEach((lesson, i) => {
      origin.push({ file: src.file, parsed, index: i });
      lessons.push(lesson);
    });
  }
  if (shapeErrors.length) return { ok: false, errors: shapeErrors, warnings: [] };

  const data = { ...headerData, lessons };
  const result = validatePack(data, options);
  const fix = (e: PackError): PackError => {
    const [first, idx, ...rest] = e.segments;
    const o = first === 'lessons' && typeof idx === 'number' ? origin[idx] : undefined;
    if (o && o.file !== header.file) return place(e, o.file, o.parsed, [o.index, ...rest]);
    return place(e, header.file, head, e.segments);
  };
  const order = new Map([header.file, ...lessonFiles.map((f) => f.file)].map((f, i) => [f, i]));
  const sort = (a: PackError, b: PackError) => (order.get(a.file ?? '') ?? 0) - (order.get(b.file ?? '') ?? 0) || byPosition(a, b);
  return { ...result, data, errors: result.errors.map(fix).sort(sort), warnings: result.warnings.map(fix).sort(sort) };
}
