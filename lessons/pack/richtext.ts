// The tiny safe text subset of pack texts: **strong**, *emphasis*, [label](https://…). The UI renders the
// segments as text nodes / <strong> / <em> / <a>, never through innerHTML.
//
// Both scanners run in linear time. The content script draws pack texts on the page's main thread, and the validator
// checks every text of a pack: a backtracking regular expression (`\[([^\]]+)\]\(…` tried at every `[`) is quadratic
// on a text of `[a` repeated, and an 80 KB hint took seconds. Here every "where is the next `*`, `]`, `)`" question
// is answered from a table built once, right to left, so each position is looked at a constant number of times.
export type RichSegment =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'link'; text: string; href: string };

/** `[^\s/?#]` then anything but white space: one unambiguous split, so no backtracking on a long non-match. */
export const HTTPS_URL = /^https:\/\/[^\s/?#][^\s]*$/i;

const isSpace = (code: number) => /\s/.test(String.fromCharCode(code));

/** next[i] = the first index ≥ i whose character satisfies `test`, or s.length. */
function nextIndex(s: string, test: (code: number) => boolean): Int32Array {
  const next = new Int32Array(s.length + 1);
  next[s.length] = s.length;
  for (let i = s.length - 1; i >= 0; i--) next[i] = test(s.charCodeAt(i)) ? i : next[i + 1]!;
  return next;
}

const STAR = 42; // *
const OPEN = 91; // [
const CLOSE = 93; // ]
const PAREN_OPEN = 40; // (
const PAREN_CLOSE = 41; // )

/**
 * Segments of a text, the same as matching /\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)/g left to right:
 * at each position, strong, then emphasis, then a link; a position where none starts is plain text.
 */
export function parseRichText(s: string): RichSegment[] {
  const out: RichSegment[] = [];
  if (s.indexOf('*') < 0 && s.indexOf('[') < 0) return s ? [{ kind: 'text', text: s }] : out;
  const nextStar = nextIndex(s, (c) => c === STAR);
  const nextClose = nextIndex(s, (c) => c === CLOSE);
  const nextParenOrSpace = nextIndex(s, (c) => c === PAREN_CLOSE || isSpace(c));
  let last = 0;
  let i = 0;
  const emit = (at: number, end: number, segment: RichSegment) => {
    if (at > last) out.push({ kind: 'text', text: s.slice(last, at) });
    out.push(segment);
    last = i = end;
  };
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === STAR) {
      // **strong**: a run without `*`, then `**`.
      if (s.charCodeAt(i + 1) === STAR) {
        const j = nextStar[i + 2]!;
        if (j > i + 2 && j + 1 < s.length && s.charCodeAt(j + 1) === STAR) {
          emit(i, j + 2, { kind: 'strong', text: s.slice(i + 2, j) });
          continue;
        }
      }
      // *emphasis*: a run without `*`, then `*`.
      const j = nextStar[i + 1]!;
      if (j > i + 1 && j < s.length) {
        emit(i, j + 1, { kind: 'em', text: s.slice(i + 1, j) });
        continue;
      }
    } else if (c === OPEN) {
      // [label](target): a label without `]`, then `(`, a target without `)` or white space, then `)`.
      const j = nextClose[i + 1]!;
      if (j > i + 1 && j < s.length && s.charCodeAt(j + 1) === PAREN_OPEN) {
        const k = nextParenOrSpace[j + 2]!;
        if (k > j + 2 && k < s.length && s.charCodeAt(k) === PAREN_CLOSE) {
          const text = s.slice(i + 1, j);
          const href = s.slice(j + 2, k);
          // A non-https target is shown as plain text (the validator rejects it anyway).
          emit(i, k + 1, HTTPS_URL.test(href) ? { kind: 'link', text, href } : { kind: 'text', text: s.slice(i, k + 1) });
          continue;
        }
      }
    }
    i++;
  }
  if (last < s.length) out.push({ kind: 'text', text: s.slice(last) });
  return out;
}

const SCHEME_URL = /\b(?:https?|ftp|javascript|data|file|mailto):[^\s)\]]*/gi;

/**
 * Every link target in a text: markdown-style targets (`](target)`) and bare scheme:… URLs elsewhere. Linear: each
 * `](` looks up the next `)` or white space in a table instead of scanning for it again.
 */
export function linksIn(s: string): string[] {
  const found: string[] = [];
  let rest = '';
  let last = 0;
  const at = s.indexOf('](');
  if (at >= 0) {
    const nextParenOrSpace = nextIndex(s, (c) => c === PAREN_CLOSE || isSpace(c));
    for (let i = at; i >= 0 && i < s.length; ) {
      const k = nextParenOrSpace[i + 2]!;
      if (k < s.length && s.charCodeAt(k) === PAREN_CLOSE) {
        found.push(s.slice(i + 2, k));
        rest += `${s.slice(last, i)}](`;
        last = k + 1;
        i = s.indexOf('](', k + 1);
      } else i = s.indexOf('](', i + 1);
    }
  }
  rest += s.slice(last);
  // The scheme pattern's match never backtracks (a greedy run of one character class after a fixed prefix).
  for (const m of rest.matchAll(SCHEME_URL)) found.push(m[0]);
  return found;
}
