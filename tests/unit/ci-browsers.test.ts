// Issue 15, item 12: .ci/run installs the browsers when they are missing AND when they are older than the builds
// require (the Firefox build's strict_min_version, the Chrome build's minimum_chrome_version in wxt.config.ts), and
// does nothing more when they are fine. Run here with stand-ins for the browsers, apt-get and npm.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function machine(browsers: { firefox: string | null; chromium: string | null }, aptUpgradesTo: { firefox: string; chromium: string } | null) {
  dir = mkdtempSync(path.join(tmpdir(), 'tw-ci-'));
  const script = (name: string, body: string) => {
    writeFileSync(path.join(dir, name), `#!/usr/bin/env bash\n${body}\n`);
    chmodSync(path.join(dir, name), 0o755);
  };
  const browser = (name: string, version: string | null, says: (v: string) => string) => {
    if (version === null) return;
    writeFileSync(path.join(dir, `${name}.version`), version);
    script(name, `echo "${says('$(cat "$(dirname "$0")/' + name + '.version")')}"`);
  };
  browser('firefox-esr', browsers.firefox, (v) => `Mozilla Firefox ${v}esr`);
  browser('chromium', browsers.chromium, (v) => `Chromium ${v} built on Debian GNU/Linux 13 (trixie)`);
  const upgrade = aptUpgradesTo
    ? `for p in "$@"; do
         if [ "$p" = firefox-esr ]; then echo '${aptUpgradesTo.firefox}' > "$here/firefox-esr.version"; printf '#!/usr/bin/env bash\\necho "Mozilla Firefox $(cat "$(dirname "$0")/firefox-esr.version")esr"\\n' > "$here/firefox-esr"; chmod +x "$here/firefox-esr"; fi
         if [ "$p" = chromium ]; then echo '${aptUpgradesTo.chromium}' > "$here/chromium.version"; printf '#!/usr/bin/env bash\\necho "Chromium $(cat "$(dirname "$0")/chromium.version")"\\n' > "$here/chromium"; chmod +x "$here/chromium"; fi
       done`
    : '';
  script('apt-get', `here="$(dirname "$0")"; echo "apt-get $*" >> "$here/calls.log"; ${upgrade}`);
  script('npm', `echo "npm $*" >> "$(dirname "$0")/calls.log"`);
  const run = spawnSync('bash', [path.join(ROOT, '.ci/run')], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, CHROMIUM_PATH: path.join(dir, 'chromium'), FIREFOX_PATH: path.join(dir, 'firefox-esr') },
    timeout: 60_000,
  });
  const calls = existsSync(path.join(dir, 'calls.log')) ? readFileSync(path.join(dir, 'calls.log'), 'utf8').trim().split('\n') : [];
  return { run, calls };
}

describe('.ci/run and the installed browsers', () => {
  it('updates a firefox-esr older than the Firefox build’s strict_min_version (140 < 142)', () => {
    const { run, calls } = machine({ firefox: '140.9.1', chromium: '156.0.8078.114' }, { firefox: '153.8.0', chromium: '156.0.8078.114' });
    expect(run.status, run.stderr).toBe(0);
    expect(calls).toEqual(['apt-get update -qq', 'apt-get install -y -qq firefox-esr', 'npm ci --no-audit --no-fund', 'npm test']);
    expect(run.stdout).toMatch(/firefox-esr 140 < 142 required/);
  });

  it('installs what is missing, and leaves what is fine alone', () => {
    const { run, calls } = machine({ firefox: '153.8.0', chromium: null }, { firefox: '153.8.0', chromium: '156.0.1' });
    expect(run.status, run.stderr).toBe(0);
    expect(calls.slice(0, 2)).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium']);
  });

  it('is quick and idempotent when both are recent enough: no apt at all', () => {
    const { run, calls } = machine({ firefox: '153.8.0', chromium: '156.0.8078.114' }, null);
    expect(run.status, run.stderr).toBe(0);
    expect(calls).toEqual(['npm ci --no-audit --no-fund', 'npm test']);
  });

  it('stops with a clear message when apt has nothing recent enough', () => {
    const { run, calls } = machine({ firefox: '140.9.1', chromium: '156.0.1' }, { firefox: '140.9.1', chromium: '156.0.1' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/firefox-esr still older than the builds require/);
    expect(calls).not.toContain('npm test');
  });
});
