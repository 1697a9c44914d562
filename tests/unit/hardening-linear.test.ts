// Issue 15, items 2 and 3: pack texts and `done.url` patterns are parsed and matched in linear time, on the page's
// main thread and in the validator. Each check below took seconds with the backtracking regular expressions they
// replace (measured on this machine: 3.7 s for an 80 KB text, 4.2 s for /**a**a**a**b on a 400-character path);
// the bound is far above what a linear scan needs (a few ms), so a slow machine does not fail them.
// Same results as before: fast-check compares each with the regular expression it replaces, on short inputs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linksIn, parseRichText, type RichSegment } from '../../lessons/pack/richtext';
import { urlMatches } from '../../entrypoints/content/completion';
import { urlPatternProblem } from '../../lessons/pack/url-pattern';

/** The regular-expression versions these replace (kept here as the oracle of their meaning). */
const OLD_HTTPS = /^https:\/\/[^\s/?#]+[^\s]*$/i;
function oldParseRichText(s: string): RichSegment[] {
  const out: RichSegment[] = [];
  let last = 0;
  for (const m of s.matchAll(/\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)/g)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: s.slice(last, at) });
    if (m[1] !== undefined) out.push({ kind: 'strong', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'em', text: m[2] });
    else out.push(OLD_HTTPS.test(m[4]!) ? { kind: 'link', text: m[3]!, href: m[4]! } : { kind: 'text', text: m[0] });
    last = at + m[0].length;
  }
  if (last < s.length) out.push({ kind: 'text', text: s.slice(last) });
  return out;
}
function oldLinksIn(s: string): string[] {
  const found: string[] = [];
  for (const m of s.matchAll(/\]\(([^)\s]*)\)/g)) found.push(m[1] ?? '');
  const stripped = s.replace(/\]\(([^)\s]*)\)/g, '](');
  for (const m of stripped.matchAll(/\b(?:https?|ftp|javascript|data|file|mailto):[^\s)\]]*/gi)) found.push(m[0]);
  return found;
}
function oldUrlMatches(pattern: string, url: URL): boolean {
  const [pathPattern = '', queryPattern] = pattern.split('?', 2);
  const trimmed = pathPattern.replace(/\/+$/, '');
  const below = /\/\*\*?$/.test(trimmed);
  const body = below ? trimmed.replace(/\/\*\*?$/, '') : trimmed;
  const source = body
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  if (!new RegExp(`^${source}${below ? '/.+' : '/?'}$`, 'i').test(url.pathname.replace(/\/+$/, '') + (below ? '' : '/'))) return false;
  if (!queryPattern) return true;
  const wanted = new URLSearchParams(queryPattern);
  for (const [key, value] of wanted) if (value === '*' ? !url.searchParams.has(key) : url.searchParams.get(key) !== value) return false;
  return true;
}

const timed = <T>(work: () => T): { value: T; ms: number } => {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
};
const BOUND_MS = 1_000;

describe('item 2: pack texts in linear time', () => {
  it('parseRichText on 80 KB of "[a" and of "**a" stays far under a second', () => {
    for (const text of ['[a'.repeat(40_000), '*a'.repeat(40_000), `${'[a]('.repeat(20_000)}`, '[a](b '.repeat(15_000)]) {
      const { value, ms } = timed(() => parseRichText(text));
      expect(ms, `${text.slice(0, 8)}… took ${ms.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
      expect(value.map((s) => s.text).join('').length).toBeGreaterThan(0);
    }
  });

  it('linksIn on 220 KB of "](" stays far under a second', () => {
    const { value, ms } = timed(() => linksIn(']('.repeat(110_000)));
    expect(ms, `took ${ms.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
    expect(value).toEqual([]);
  });

  it('gives the same segments and links as the regular expressions it replaces', () => {
    const alphabet = fc.constantFrom('*', '[', ']', '(', ')', ' ', 'a', 'b', '\n', 'https://x.io', 'javascript:', ':', '/');
    const text = fc.array(alphabet, { maxLength: 24 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (s) => {
        expect(parseRichText(s)).toEqual(oldParseRichText(s));
        expect(linksIn(s)).toEqual(oldLinksIn(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('item 3: done.url patterns in linear time', () => {
  it('/**a**a**a**b against a 400-character path is answered at once', () => {
    const url = new URL(`https://www.linkedin.com/${'a'.repeat(400)}`);
    const { value, ms } = timed(() => urlMatches('/**a**a**a**b', url));
    expect(ms, `took ${ms.toFixed(0)} ms`).toBeLessThan(BOUND_MS);
    expect(value).toBe(false);
    const many = timed(() => urlMatches(`/${'**a'.repeat(30)}b`, new URL(`https://x.com/${'a'.repeat(2000)}`)));
    expect(many.ms).toBeLessThan(BOUND_MS);
  });

  it('matches exactly what the regular expression matched', () => {
    const pattern = fc.array(fc.constantFrom('/', '*', '**', 'a', 'b', 'A', '.', '-', '?', '$'), { minLength: 1, maxLength: 10 }).map((p) => `/${p.join('')}`);
    const path = fc.array(fc.constantFrom('/', 'a', 'b', 'B', '.', '-', '$'), { maxLength: 12 }).map((p) => `/${p.join('')}`);
    fc.assert(
      fc.property(pattern, path, (p, u) => {
        const url = new URL(`https://x.com${u}`);
        expect(urlMatches(p, url)).toBe(oldUrlMatches(p, url));
      }),
      { numRuns: 3000 },
    );
  });

  it('the validator’s rule: ** only as a whole segment, few wildcards', () => {
    expect(urlPatternProblem('/**a**a**a**b')?.en).toMatch(/whole path segment/);
    expect(urlPatternProblem('/a/*/b/*/c/*/d/*/e/*/f/*/g/*')?.en).toMatch(/at most 6/);
    expect(urlPatternProblem('/a b')?.fr).toMatch(/sans espace/);
    for (const fine of ['/in/*', '/*/status/*', '/search/**', '/groups/**/about', '/@*', '/saved*', '/results?search_query=*']) expect(urlPatternProblem(fine), fine).toBeNull();
  });
});
