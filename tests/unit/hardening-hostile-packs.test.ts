// Issue 15: a corpus of hostile packs (tests/tools/hostile-packs.ts) — huge texts, pathological patterns, invalid
// selectors, deep nesting, many aliases, too many of everything. Each is refused by the validator in well under a
// second with an error naming the field, in English and French; and the real command, `npm run pack -- validate`,
// refuses them all. The time bound is far above what is needed (a few ms each here), so a slow machine passes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validatePackJson, type PackError } from '../../lessons/pack/validate';
import { validatePackYaml } from '../../lessons/pack/yaml';
import { hostilePacks } from '../tools/hostile-packs';

const ROOT = path.resolve(__dirname, '../..');
const corpus = hostilePacks();
const dir = mkdtempSync(path.join(tmpdir(), 'tw-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectNamed(errors: readonly PackError[], code: string, where: string, file: string) {
  const hit = errors.find((e) => e.code === code && e.path === where);
  expect(hit, `${file}: expected ${code} at ${where}; got ${errors.map((e) => `${e.code} at ${e.path}`).join(', ')}`).toBeDefined();
  expect(hit!.message.en.length).toBeGreaterThan(20);
  expect(hit!.message.fr.length).toBeGreaterThan(20);
  expect(hit!.message.fr).not.toBe(hit!.message.en);
  for (const text of [hit!.message.en, hit!.message.fr]) expect(text).not.toMatch(/undefined|\[object Object\]/);
  // A message never carries the hostile text whole.
  expect(hit!.message.en.length).toBeLessThan(600);
}

describe('hostile packs', () => {
  it('cover huge texts, patterns, selectors, nesting, aliases and counts', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    for (const code of ['too-long', 'done-shape', 'invalid-selector', 'too-deep', 'yaml-aliases', 'too-many', 'pack-too-large']) expect(corpus.map((p) => p.code)).toContain(code);
  });

  it.each(corpus.map((p) => [p.file, p] as const))('%s is refused in under a second, naming the field', (file, pack) => {
    const start = performance.now();
    const result = file.endsWith('.json') ? validatePackJson(pack.text, { file }) : validatePackYaml({ file, text: pack.text });
    const ms = performance.now() - start;
    expect(result.ok).toBe(false);
    expect(ms, `${file} took ${ms.toFixed(0)} ms`).toBeLessThan(1_000);
    expectNamed(result.errors, pack.code, pack.path, file);
  });

  it('`npm run pack -- validate` refuses every one of them (exit 1), each error naming its field', () => {
    for (const pack of corpus) writeFileSync(path.join(dir, pack.file), pack.text);
    const files = corpus.map((p) => path.join(dir, p.file));
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'lessons/tools/pack-cli.ts'), 'validate', '--json', ...files], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(1);
    const errors = run.stdout
      .split(/\n(?=\{\n {2}"errors")/)
      .filter((chunk) => chunk.trim())
      .flatMap((chunk) => (JSON.parse(chunk) as { errors: PackError[] }).errors);
    for (const pack of corpus) {
      expectNamed(errors.filter((e) => e.file !== undefined && path.resolve(ROOT, e.file) === path.join(dir, pack.file)), pack.code, pack.path, pack.file);
      expect(run.stderr).toContain(`${path.join(dir, pack.file)}: `);
    }
    expect(run.stderr).not.toMatch(/: valid \(/);
  }, 180_000);
});
