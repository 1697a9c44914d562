// The broken-pack corpus: every fixture names, in its header, the error code and path it must produce.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePackYaml } from '../../lessons/pack/yaml';
import { formatError } from '../../lessons/pack/validate';

const DIR = join(__dirname, 'fixtures/broken-packs');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

describe('broken-pack corpus', () => {
  it('has at least 30 fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  it.each(files)('%s is rejected with the expected error', (name) => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const expectLine = /^# expect: (\S+) at (.+)$/m.exec(text);
    expect(expectLine, 'fixture header "# expect: CODE at PATH"').not.toBeNull();
    const [, code, path] = expectLine!;
    const maxBytes = /^# maxBytes: (\d+)$/m.exec(text)?.[1];
    const file = `fixtures/broken-packs/${name}`;
    const r = validatePackYaml({ file, text }, maxBytes ? { maxBytes: Number(maxBytes) } : {});
    expect(r.ok).toBe(false);
    const hit = r.errors.find((e) => e.code === code && e.path === path);
    expect(hit, `expected ${code} at ${path}; got:\n${r.errors.map((e) => formatError(e)).join('\n')}`).toBeDefined();
    // Actionable: where, what, in both languages.
    expect(hit!.file).toBe(file);
    expect(hit!.line).toBeGreaterThanOrEqual(1);
    expect(hit!.column).toBeGreaterThanOrEqual(1);
    expect(hit!.message.en.length).toBeGreaterThan(10);
    expect(hit!.message.fr.length).toBeGreaterThan(10);
    expect(hit!.message.fr).not.toBe(hit!.message.en);
    expect(hit!.message.en).not.toMatch(/undefined|\[object Object\]/);
    expect(hit!.message.fr).not.toMatch(/undefined|\[object Object\]/);
  });

  // One language at a time: a French message carries no English words of ours or of the YAML parser (a value quoted
  // from the pack itself may be in any language).
  it('says every error in French without English words', () => {
    const english = /\b(?:a quoted version|a text per locale|a Kolb mode|a non-empty text|at least|a mapping|a list|a number|true or false|bytes|a pathname|plain JSON|an id of|a reverse-DNS|a locale code|an ARIA role|whole path segment|wildcards|Implicit|Nested|Tabs|must be|Missing|Unexpected|expected)\b/;
    let checked = 0;
    for (const name of files) {
      const text = readFileSync(join(DIR, name), 'utf8');
      const r = validatePackYaml({ file: name, text });
      for (const e of r.errors) {
        const outsideQuotes = e.message.fr.replace(/"[^"]*"|« [^»]* »/g, '""');
        expect(outsideQuotes, `${name}: ${e.message.fr}`).not.toMatch(english);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});
