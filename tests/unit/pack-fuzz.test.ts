// Thousands of random mutations of a valid pack: the validator never throws and always answers with
// structured, bilingual errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { validatePack, type PackError } from '../../lessons/pack/validate';
import { validatePackYaml } from '../../lessons/pack/yaml';
import { ERROR_CODES } from '../../lessons/pack/messages';

const YAML_TEXT = readFileSync(join(__dirname, '../../lessons/examples/example-pack.yaml'), 'utf8');
const VALID: unknown = parse(YAML_TEXT);

type Seg = string | number;
function paths(x: unknown, at: Seg[] = [], out: Seg[][] = []): Seg[][] {
  out.push(at);
  if (Array.isArray(x)) x.forEach((v, i) => paths(v, [...at, i], out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) paths(v, [...at, k], out);
  return out;
}
const ALL_PATHS = paths(VALID);

type Mutation =
  | { kind: 'replace'; path: number; value: unknown }
  | { kind: 'delete'; path: number }
  | { kind: 'addKey'; path: number; key: string; value: unknown }
  | { kind: 'duplicate'; path: number }
  | { kind: 'string'; path: number; value: string };

const interesting = fc.oneof(
  fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true }),
  fc.constantFrom('manual', 'anchor', 'CE', 'RO', 'AC', 'AE', 'linkedin', 'x', 'tiktok', 'profile', 'feed', 'en', 'fr', '', 'http://a.b', 'linkedin.nav.home', 'x.nav.home', '__proto__', 'constructor'),
  fc.constantFrom({ click: 'anchor' }, { url: 'in/*' }, { appears: 42 }, [], {}, null, 1, true),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), path: fc.nat(ALL_PATHS.length - 1), value: interesting }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.nat(ALL_PATHS.length - 1) }),
  fc.record({ kind: fc.constant('addKey' as const), path: fc.nat(ALL_PATHS.length - 1), key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'es', 'builder', 'id')), value: interesting }),
  fc.record({ kind: fc.constant('duplicate' as const), path: fc.nat(ALL_PATHS.length - 1) }),
  fc.record({ kind: fc.constant('string' as const), path: fc.nat(ALL_PATHS.length - 1), value: fc.string({ unit: 'binary' }) }),
);

function apply(root: unknown, m: Mutation): unknown {
  const doc = structuredClone(root) as Record<string, unknown>;
  const path = ALL_PATHS[m.path]!;
  if (path.length === 0) return m.kind === 'replace' ? m.value : doc;
  let parent: any = doc;
  for (const s of path.slice(0, -1)) parent = parent?.[s];
  const last = path[path.length - 1]!;
  if (parent === null || typeof parent !== 'object') return doc;
  switch (m.kind) {
    case 'replace':
      parent[last] = m.value;
      break;
    case 'string':
      parent[last] = m.value;
      break;
    case 'delete':
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else delete parent[last];
      break;
    case 'addKey': {
      const target = parent[last];
      if (target && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
      break;
    }
    case 'duplicate':
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 0, structuredClone(parent[last]));
      break;
  }
  return doc;
}

function wellFormed(e: PackError): void {
  expect(ERROR_CODES).toContain(e.code);
  expect(typeof e.path).toBe('string');
  expect(Array.isArray(e.segments)).toBe(true);
  expect(typeof e.message.en).toBe('string');
  expect(typeof e.message.fr).toBe('string');
  expect(e.message.en.length).toBeGreaterThan(0);
  expect(e.message.fr.length).toBeGreaterThan(0);
  if (e.line !== undefined) expect(e.line).toBeGreaterThanOrEqual(1);
}

describe('validator under random mutation', () => {
  it('the unmutated pack is valid', () => {
    expect(validatePack(VALID).errors).toEqual([]);
  });

  it('never throws and always returns structured errors (data mutations)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        const data = ms.reduce<unknown>((d, m) => apply(d, m), VALID);
        const r = validatePack(data);
        expect(typeof r.ok).toBe('boolean');
        if (r.ok) expect(r.pack).toBeDefined();
        else expect(r.errors.length).toBeGreaterThan(0);
        r.errors.forEach(wellFormed);
        r.warnings.forEach(wellFormed);
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withSet: true, withDate: true }), (x) => {
        const r = validatePack(x);
        expect(r.ok).toBe(false);
        r.errors.forEach(wellFormed);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('never throws on edited YAML text, and places errors on real lines', () => {
    const lineCount = YAML_TEXT.split('\n').length;
    fc.assert(
      fc.property(fc.nat(YAML_TEXT.length), fc.nat(20), fc.string({ maxLength: 8 }), (at, del, ins) => {
        const text = YAML_TEXT.slice(0, at) + ins + YAML_TEXT.slice(at + del);
        const r = validatePackYaml({ file: 'mutated.yaml', text });
        for (const e of r.errors) {
          wellFormed(e);
          expect(e.file).toBe('mutated.yaml');
          if (e.line !== undefined) expect(e.line).toBeLessThanOrEqual(lineCount + 2);
        }
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
