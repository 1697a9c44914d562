// The tiny safe text subset of pack texts: **strong**, *emphasis*, [label](https://…). The UI renders the
// segments as text nodes / <strong> / <em> / <a>, never through innerHTML.
export type RichSegment =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'link'; text: string; href: string };

const TOKEN = /\*\*([^*]+)\*\*|\*([^*]+)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export const HTTPS_URL = /^https:\/\/[^\s/?#]+[^\s]*$/i;

export function parseRichText(s: string): RichSegment[] {
  const out: RichSegment[] = [];
  let last = 0;
  for (const m of s.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: s.slice(last, at) });
    if (m[1] !== undefined) out.push({ kind: 'strong', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'em', text: m[2] });
    else if (m[3] !== undefined && m[4] !== undefined) {
      // A non-https target is shown as plain text (the validator rejects it anyway).
      out.push(HTTPS_URL.test(m[4]) ? { kind: 'link', text: m[3], href: m[4] } : { kind: 'text', text: m[0] });
    }
    last = at + m[0].length;
  }
  if (last < s.length) out.push({ kind: 'text', text: s.slice(last) });
  return out;
}

/** Every link target in a text: markdown-style targets and bare scheme:… URLs. */
export function linksIn(s: string): string[] {
  const found: string[] = [];
  for (const m of s.matchAll(/\]\(([^)\s]*)\)/g)) found.push(m[1] ?? '');
  const stripped = s.replace(/\]\(([^)\s]*)\)/g, '](');
  for (const m of stripped.matchAll(/\b(?:https?|ftp|javascript|data|file|mailto):[^\s)\]]*/gi)) found.push(m[0]);
  return found;
}
