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

/** A pattern's tokens: a character code (≥ 0), or one of these. */
const STAR = -1; // any run of characters but "/"
const GLOBSTAR = -2; // any run of characters
const ANY = -3; // exactly one character
const OPTIONAL_SLASH = -4; // "/" or nothing
const SLASH = 47;

interface Compiled {
  tokens: number[];
  below: boolean;
}

function compile(pathPattern: string): Compiled {
  const trimmed = pathPattern.replace(/\/+$/, '');
  const below = /\/\*\*?$/.test(trimmed); // a trailing /* or /** means "anything below"
  const body = (below ? trimmed.replace(/\/\*\*?$/, '') : trimmed).toLowerCase();
  const tokens: number[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '*') tokens.push(body.charCodeAt(i));
    else if (body[i + 1] === '*') (tokens.push(GLOBSTAR), i++);
    else tokens.push(STAR);
  }
  // Below: "/" and at least one character. Otherwise the path itself (matched with a final slash added), with or
  // without that slash.
  if (below) tokens.push(SLASH, ANY, GLOBSTAR);
  else tokens.push(OPTIONAL_SLASH);
  return { tokens, below };
}

/** Does `subject` match the whole token list? O(subject length × token count), no backtracking. */
function run(tokens: readonly number[], subject: string): boolean {
  const m = tokens.length;
  let current = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  // Entering a token that may match nothing enters the one after it too (the closure).
  const add = (set: Uint8Array, p: number) => {
    for (; p <= m && !set[p]; p++) {
      set[p] = 1;
      const token = tokens[p]!;
      if (token !== STAR && token !== GLOBSTAR && token !== OPTIONAL_SLASH) return;
    }
  };
  add(current, 0);
  for (let i = 0; i < subject.length; i++) {
    const code = subject.charCodeAt(i);
    next.fill(0);
    for (let p = 0; p < m; p++) {
      if (!current[p]) continue;
      const token = tokens[p]!;
      if (token === GLOBSTAR || (token === STAR && code !== SLASH)) add(next, p);
      else if (token === ANY || token === code || (token === OPTIONAL_SLASH && code === SLASH)) add(next, p + 1);
    }
    [current, next] = [next, current];
  }
  return current[m] === 1;
}

const compiled = new Map<string, Compiled>();

export function urlMatches(pattern: string, url: URL): boolean {
  const [pathPattern = '', queryPattern] = pattern.split('?', 2);
  let compiledPattern = compiled.get(pathPattern);
  if (!compiledPattern) {
    compiledPattern = compile(pathPattern);
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
 * What is wrong with a pattern, in words for the validator's message (in both languages), or null. `**` must be a
 * whole path segment (`/a/**\/b`, `/a/**`): inside a segment it is a `*`'s job, and a run of `**`s inside segments is
 * what pathological patterns are made of.
 */
export function urlPatternProblem(pattern: string): { en: string; fr: string } | null {
  if (!pattern.startsWith('/')) return { en: 'a pathname starting with /', fr: 'un chemin qui commence par /' };
  if (/[\s#]/.test(pattern)) return { en: 'a pathname without spaces or #', fr: 'un chemin sans espace ni #' };
  const path = pattern.split('?', 1)[0]!;
  if (/\*\*\*/.test(path)) return { en: 'no *** (use * or **)', fr: 'pas de *** (utilisez * ou **)' };
  for (const m of path.matchAll(/\*\*/g)) {
    const before = path[m.index - 1];
    const after = path[m.index + 2];
    if (before !== '/' || (after !== undefined && after !== '/'))
      return { en: '** only as a whole path segment, e.g. /groups/**', fr: '** seulement comme segment entier du chemin, par ex. /groups/**' };
  }
  const wildcards = path.match(/\*\*?/g)?.length ?? 0;
  if (wildcards > LIMITS.urlWildcards)
    return { en: `at most ${LIMITS.urlWildcards} wildcards (* or **)`, fr: `au plus ${LIMITS.urlWildcards} jokers (* ou **)` };
  return null;
}
