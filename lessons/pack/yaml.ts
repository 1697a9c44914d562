// YAML authoring layer: parse with exact positions, validate, and point every error at file:line:column.
// Imports the `yaml` library: only the CLI, the build step and the options page may import this module,
// never the content script (see tests/unit/pack-bundle.test.ts).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { message } from './messages';
import { validatePack, type PackError, type PathSegment, type ValidateOptions, type ValidationResult } from './validate';

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

/** Parse YAML 1.2 (core schema: `yes`/`no` stay strings). Never throws. */
export function parseYaml(src: YamlSource): ParsedYaml {
  const lines = new LineCounter();
  const errors: PackError[] = [];
  let doc: Document;
  try {
    doc = parseDocument(src.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  } catch (err) {
    doc = parseDocument('', { lineCounter: lines });
    errors.push(mk(src.file, 'yaml-syntax', err instanceof Error ? err.message : String(err)));
    return { data: undefined, doc, lines, errors };
  }
  for (const e of doc.errors) {
    const at = pos(lines, e.pos[0]);
    const detail = e.message.split('\n')[0] ?? e.message;
    errors.push({ ...mk(src.file, 'yaml-syntax', detail), ...at, found: e.code });
  }
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      errors.push(mk(src.file, 'yaml-syntax', err instanceof Error ? err.message : String(err)));
    }
  }
  return { data, doc, lines, errors };
}

function mk(file: string, code: 'yaml-syntax', detail: string): PackError {
  return { path: '(file)', segments: [], file, code, message: message(code, { detail }) };
}

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
