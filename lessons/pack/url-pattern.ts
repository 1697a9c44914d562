// `done: { url: pattern }`: the pattern is a path (optionally with a query); `*` stands for one path segment or part
// of one, `**` for any run of characters, and a trailing `/*` or `/**` for anything below. "/in/*" matches
// /in/jane-doe/ and its sub-pages but not /in itself; "/*/status/*" matches any post. Matching ignores a trailing
// slash and letter case; a query value `*` only requires the parameter.
//
// Matched in time linear in the URL's length: the pattern is a short list of tokens and the matcher keeps the set
// of tokens reached so far (an NFA run, as RE2 does), never backtracking. A regular expression built from the
// pattern (`**` → `.*`) took seconds on `/**a**a**a**b` against a 400-character path, at every navigation.
// Pure: the content script, the validator and tests share it.
import { LIMITS } from './limits';

type Token = { kind: 'char'; code: number } | { kind: 'star' } | { kind: 'globstar' } | { kind: 'any' } | { kind: 'optional-slash' };

const SLASH = 47;

function tokenize(pathPattern: string): { tokens: Token[]; below: boolean } {
  const trimmed = pathPattern.replace(/\/+$/, '');
  const below = /\/\*\*?$/.test(trimmed); // a trailing /* or /** means "anything below"
  const body = (below ? trimmed.replace(/\/\*\*?$/, '') : trimmed).toLowerCase();
  const tokens: Token[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '*') {
      const double = body[i + 1] === '*';
      tokens.push({ kind: double ? 'globstar' : 'star' });
      if (double) i++;
    } else tokens.push({ kind: 'char', code: body.charCodeAt(i) });
  }
  // Below: "/" and at least one character. Otherwise the path itself (matched with a final slash added), with or
  // without that slash.
  if (below) tokens.push({ kind: 'char', code: SLASH }, { kind: 'any' }, { kind: 'globstar' });
  else tokens.push({ kind: 'optional-slash' });
  return { tokens, below };
}

/** Does `subject` match the whole token list? O(subject length × token count). */
function run(tokens: readonly Token[], subject: string): boolean {
  const m = tokens.length;
  let current = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  // Tokens that may match nothing are stepped over at once (the closure).
  const add = (set: Uint8Array, from: number) => {
    for (let p = from; p <= m; p++) {
      if (set[p]) return;
      set[p] = 1;
      const kind = tokens[p]?.kind;
      if (kind !== 'star' && kind !== 'globstar' && kind !== 'optional-slash') return;
    }
  };
  add(current, 0);
  for (let i = 0; i < subject.length; i++) {
    const code = subject.charCodeAt(i);
    next.fill(0);
    let alive = false;
    for (let p = 0; p < m; p++) {
      if (!current[p]) continue;
      const token = tokens[p]!;
      switch (token.kind) {
        case 'char':
          if (token.code === code) (add(next, p + 1), (alive = true));
          break;
        case 'any':
          add(next, p + 1);
          alive = true;
          break;
        case 'star':
          if (code !== SLASH) (add(next, p), (alive = true));
          break;
        case 'globstar':
          add(next, p);
          alive = true;
          break;
        case 'optional-slash':
          if (code === SLASH) (add(next, p + 1), (alive = true));
          break;
      }
    }
    if (!alive) return false;
    [current, next] = [next, current];
  }
  return current[m] === 1;
}

const compiled = new Map<string, { tokens: Token[]; below: boolean }>();

export function urlMatches(pattern: string, url: URL): boolean {
  const [pathPattern = '', queryPattern] = pattern.split('?', 2);
  let compiledPattern = compiled.get(pathPattern);
  if (!compiledPattern) {
    compiledPattern = tokenize(pathPattern);
    if (compiled.size > 100) compiled.clear();
    compiled.set(pathPattern, compiledPattern);
  }
  const path = url.pathname.replace(/\/+$/, '').toLowerCase();
  if (!run(compiledPattern.tokens, compiledPattern.below ? path : `${path}/`)) return false;
  if (!queryPattern) return true;
  const wanted = new URLSearchParams(queryPattern);
  for (const [key, value] of wanted) if (value === '*' ? !url.searchParams.has(key) : url.searchParams.get(key) !== value) return false;
  return true;
}

/**
 * What is wrong with a pattern, in words for the validator's message (English; the message around it is bilingual),
 * or null. `**` must be a whole path segment (`/a/**\/b`, `/a/**`): inside a segment it is a `*`'s job, and a run of
 * `**`s inside segments is what pathological patterns are made of.
 */
export function urlPatternProblem(pattern: string): string | null {
  if (!pattern.startsWith('/')) return 'a pathname starting with /';
  if (/[\s#]/.test(pattern)) return 'a pathname without spaces or #';
  const path = pattern.split('?', 1)[0]!;
  if (/\*\*\*/.test(path)) return 'no *** (use * or **)';
  for (const m of path.matchAll(/\*\*/g)) {
    const before = path[m.index - 1];
    const after = path[m.index + 2];
    if (before !== '/' || (after !== undefined && after !== '/')) return '** only as a whole path segment, e.g. /groups/**';
  }
  const wildcards = path.match(/\*\*?/g)?.length ?? 0;
  if (wildcards > LIMITS.urlWildcards) return `at most ${LIMITS.urlWildcards} wildcards (* or **)`;
  return null;
}
