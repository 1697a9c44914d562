// Issue 15, item 8: a pack's CSS strategy the browser refuses threw inside the resolver and took the page's whole
// guide down. Each strategy now runs in isolation (a refused selector is that strategy's failure, and the next one
// is tried), and the validator refuses such a selector with a clear message (see hardening-hostile-packs.test.ts).
// The DOM is linkedom's, whose querySelectorAll throws on a malformed selector as the browsers' does.
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAll, resolveAnchor } from '../../components/anchors/resolver';
import type { AnchorRegistry } from '../../lessons/sites/types';
import { validatePack } from '../../lessons/pack/validate';
import { tinyPack } from './packs-helpers';

const { document, window } = parseHTML('<html><body><nav><button aria-label="Start a post">Start a post</button></nav><main><a href="/in/jane">Jane</a></main></body></html>');
const saved = (globalThis as { document?: unknown }).document;
beforeAll(() => Object.assign(globalThis, { document, ShadowRoot: window.ShadowRoot ?? class {} }));
afterAll(() => Object.assign(globalThis, { document: saved }));

const registry: AnchorRegistry = {
  'linkedin.feed.startPost': {
    strategies: [
      { css: 'button[aria-label' }, // a pack's broken repair, first in the list
      { css: 'button:is(' },
      { role: 'button', name: { en: 'Start a post', fr: 'Commencer un post' } },
    ],
  },
  'linkedin.feed.scoped': { withinCss: 'nav[', strategies: [{ css: 'button' }] },
  'linkedin.feed.text': { strategies: [{ text: ['Jane'], tag: 'a,' }, { text: ['Jane'], tag: 'a' }] },
  'linkedin.profile.link': { strategies: [{ css: 'a[href^="/in/"]' }] },
};

describe('item 8: a refused selector fails its strategy, never the resolver', () => {
  it('resolves by the next strategy when the first ones are not selectors', () => {
    const r = resolveAnchor('linkedin.feed.startPost', registry, document as unknown as ParentNode, { ignoreVisibility: true });
    expect(r.strategy).toBe(2);
    expect(r.element?.getAttribute('aria-label')).toBe('Start a post');
  });

  it('resolving every anchor of a page still works when one of them has a broken scope or tag', () => {
    const all = resolveAll(Object.keys(registry), registry, document as unknown as ParentNode, { ignoreVisibility: true });
    expect(all['linkedin.feed.scoped']!.element).toBeNull();
    expect(all['linkedin.feed.text']!.strategy).toBe(1);
    expect(all['linkedin.profile.link']!.element?.getAttribute('href')).toBe('/in/jane');
  });

  it('the validator refuses such a strategy, naming it, in both languages', () => {
    const pack = { ...tinyPack(), anchors: { 'linkedin.profile.headline': [{ css: 'button[aria-label' }] } };
    const result = validatePack(pack);
    expect(result.ok).toBe(false);
    const error = result.errors.find((e) => e.code === 'invalid-selector');
    expect(error?.path).toBe('anchors["linkedin.profile.headline"][0].css');
    expect(error?.message.en).toMatch(/Not a CSS selector/);
    expect(error?.message.fr).toMatch(/sélecteur CSS/);
  });
});
