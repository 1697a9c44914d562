// Branded build: TW_PACK bakes a pack in as the default; a broken pack fails the build with the validator's
// messages. Runs the real WXT build (background only, into a temporary folder: .output stays untouched).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBrandPack } from '../../components/packs/brand';

const ROOT = resolve(__dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'tw-brand-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(packPath: string, out: string) {
  return spawnSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-c', 'tests/unit/brand-wxt.config.ts', '-e', 'background'], {
    cwd: ROOT,
    env: { ...process.env, TW_PACK: packPath, TW_BRAND_OUT: out },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('branded build (TW_PACK)', () => {
  it('bakes a valid pack in as the default pack of the built background', () => {
    const out = join(work, 'ok');
    const result = build('lessons/examples/example-pack.yaml', out);
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const background = readFileSync(join(out, 'chrome-mv3/background.js'), 'utf8');
    expect(background).toContain('acme.linkedin-basics');
    expect(background).toContain('Acme — LinkedIn basics for the sales team');
    expect(background).not.toContain('trainingwheels.default');
  }, 120_000);

  it('fails with the validator’s messages on a broken pack', () => {
    const broken = join(work, 'broken.yaml');
    writeFileSync(broken, 'schema: 1\nid: acme.broken\nversion: 1.2\ntitle: { en: T, fr: T }\nlessons: []\n');
    const result = build(broken, join(work, 'broken'));
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toMatch(/TW_PACK: .*broken\.yaml is not a valid lesson pack/);
    expect(output).toMatch(/broken\.yaml:3:10: version/);
  }, 120_000);

  it('loadBrandPack reports a missing file plainly', () => {
    expect(() => loadBrandPack('no/such/pack.yaml', ROOT)).toThrow(/TW_PACK: cannot read/);
  });
});
