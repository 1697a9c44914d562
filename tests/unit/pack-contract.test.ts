// Contracts around the pack format: anchor vocabulary, page kinds, bundle hygiene, rich text, JSON input.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KNOWN_ANCHORS } from '../../lessons/pack/anchor-names';
import { PAGE_KINDS, type Pack } from '../../lessons/pack/types';
import { formatError, validatePack, validatePackJson } from '../../lessons/pack/validate';
import { parseRichText } from '../../lessons/pack/richtext';
import { SITES } from '../../lessons/sites';

const ROOT = join(__dirname, '../..');
const example = parse(readFileSync(join(ROOT, 'lessons/examples/example-pack.yaml'), 'utf8')) as Pack;

describe('anchor vocabulary', () => {
  const md = join(ROOT, '../shared/ANCHORS.md');
  it.runIf(existsSync(md))('every name in ANCHORS.md is known to the validator', () => {
    const names = [...readFileSync(md, 'utf8').matchAll(/\b((?:linkedin|x|facebook|youtube)\.[a-z]+\.[A-Za-z]+)\b/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((n) => !KNOWN_ANCHORS.includes(n))).toEqual([]);
  });
  it('an anchor a pack adds is accepted; the registry can be injected', () => {
    const pack = structuredClone(example);
    pack.lessons[0]!.steps[0]!.anchor = 'linkedin.profile.aboutSection';
    expect(validatePack(pack).errors.map((e) => e.code)).toEqual(['unknown-anchor']);
    pack.anchors = { 'linkedin.profile.aboutSection': [{ css: '#about' }] };
    expect(validatePack(pack).errors).toEqual([]);
    expect(validatePack(pack, { anchors: [] }).errors.some((e) => e.code === 'unknown-anchor')).toBe(true);
  });
});

describe('page kinds', () => {
  it('match the site adapters', () => {
    for (const s of SITES) expect([...s.pageKinds]).toEqual([...PAGE_KINDS[s.network]]);
  });
});

describe('bundle hygiene', () => {
  // Follow relative imports from the runtime entry points: none may reach yaml or the JSON Schema generator.
  function graph(entry: string, seen = new Set<string>(), bare = new Set<string>()): Set<string> {
    if (seen.has(entry)) return bare;
    seen.add(entry);
    const src = readFileSync(entry, 'utf8');
    for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = (m[1] ?? m[2])!;
      if (!spec.startsWith('.')) {
        bare.add(spec);
        continue;
      }
      const base = resolve(dirname(entry), spec);
      const file = [base, `${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f) && !f.endsWith('/' + spec.split('/').pop() + '/'));
      if (file && file.endsWith('.ts')) graph(file, seen, bare);
    }
    return bare;
  }
  it.each(['lessons/index.ts', 'lessons/engine/index.ts', 'lessons/pack/index.ts', 'lessons/default-pack/index.ts'])(
    '%s pulls neither yaml nor @valibot/to-json-schema',
    (entry) => {
      const bare = graph(join(ROOT, entry));
      expect(bare.has('yaml')).toBe(false);
      expect(bare.has('@valibot/to-json-schema')).toBe(false);
    },
  );
  it('the walker does see yaml where it is used (control)', () => {
    expect(graph(join(ROOT, 'lessons/tools/pack-cli.ts')).has('yaml')).toBe(true);
  });
  it('the engine does not even pull valibot', () => {
    expect(graph(join(ROOT, 'lessons/engine/index.ts')).has('valibot')).toBe(false);
  });
});

describe('rich text', () => {
  it('keeps only the safe subset and https links', () => {
    expect(parseRichText('Go **now**, *calmly*: [help](https://example.com/a) or [bad](http://x.y) <b>x</b>')).toEqual([
      { kind: 'text', text: 'Go ' },
      { kind: 'strong', text: 'now' },
      { kind: 'text', text: ', ' },
      { kind: 'em', text: 'calmly' },
      { kind: 'text', text: ': ' },
      { kind: 'link', text: 'help', href: 'https://example.com/a' },
      { kind: 'text', text: ' or ' },
      { kind: 'text', text: '[bad](http://x.y)' },
      { kind: 'text', text: ' <b>x</b>' },
    ]);
  });
});

describe('JSON input', () => {
  it('reports a JSON syntax error with a line', () => {
    const r = validatePackJson('{\n  "schema": 1,\n  "id": }', { file: 'p.json' });
    expect(r.ok).toBe(false);
    expect(r.errors[0]!.code).toBe('json-syntax');
    expect(r.errors[0]!.file).toBe('p.json');
  });
  it('accepts the example pack as JSON, and formats errors in French', () => {
    expect(validatePackJson(JSON.stringify(example)).ok).toBe(true);
    const bad = validatePackJson(JSON.stringify({ ...example, schema: 2 }), { file: 'p.json' });
    expect(formatError(bad.errors[0]!, 'fr')).toMatch(/^p\.json: schema \[schema-version\] Format de pack/);
  });
});
