import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { requireRealPages, syntheticPages } from './paths';

/** What a routed URL serves: one of our synthetic pages, or a real saved page with its scripts blocked. */
export type Served = { synthetic: string } | { real: string };

export function readServed(served: Served): { body: string; headers: Record<string, string> } {
  if ('synthetic' in served) {
    return { body: readFileSync(resolve(syntheticPages, served.synthetic), 'utf8'), headers: { 'content-type': 'text/html; charset=utf-8' } };
  }
  return {
    body: readFileSync(resolve(requireRealPages(), served.real), 'utf8'),
    // Saved pages point at the sites' scripts; they must never run (and could not load here anyway).
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" },
  };
}

