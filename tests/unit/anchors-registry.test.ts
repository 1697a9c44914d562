import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANCHORS, anchorsFor, FLOW_ANCHORS, mergeAnchors, SITES } from '../../lessons/sites/index';
import type { AnchorRegistry } from '../../lessons/sites/types';

const projectRoot = path.resolve(__dirname, '..', '..');
const sharedDir = path.resolve(projectRoot, '..', 'shared');

/** Anchor names listed in ANCHORS.md, by network (the doc is the vocabulary the default pack needs). */
function anchorsFromDoc(): Record<string, string[]> {
  const doc = readFileSync(path.join(sharedDir, 'ANCHORS.md'), 'utf8');
  const out: Record<string, string[]> = {};
  for (const match of doc.matchAll(/\b(linkedin|x|facebook|youtube)\.[a-z]+\.[a-zA-Z]+\b/g)) {
    (out[match[1]!] ??= []).includes(match[0]) || out[match[1]!]!.push(match[0]);
  }
  return out;
}

// The list as agreed when this was written, so the test still checks something if ../shared is absent.
const REQUIRED: Record<string, string[]> = {
  linkedin: ['nav.home', 'nav.search', 'nav.network', 'nav.messaging', 'nav.notifications', 'nav.me', 'feed.startPost',
    'feed.firstPost', 'profile.photo', 'profile.name', 'profile.headline', 'profile.connect', 'profile.follow',
    'profile.message', 'company.name', 'company.follow', 'search.results'].map((n) => `linkedin.${n}`),
  x: ['nav.home', 'nav.explore', 'nav.notifications', 'nav.messages', 'nav.profile', 'nav.compose', 'nav.account',
    'search.input', 'composer.text', 'composer.submit', 'timeline.firstPost', 'profile.name', 'profile.bio',
    'profile.follow'].map((n) => `x.${n}`),
  youtube: ['masthead.logo', 'masthead.search', 'masthead.create', 'masthead.notifications', 'masthead.avatar',
    'guide.menu', 'home.feed', 'watch.player', 'watch.subscribe'].map((n) => `youtube.${n}`),
  facebook: ['nav.home', 'nav.search', 'nav.notifications', 'nav.account', 'feed.createPost', 'feed.list'].map(
    (n) => `facebook.${n}`),
};

describe('anchor registry', () => {
  it('defines every anchor the default pack needs, under its network', () => {
    for (const [network, names] of Object.entries(REQUIRED)) {
      const registry = anchorsFor(network as 'linkedin');
      for (const name of names) expect(registry[name], name).toBeDefined();
    }
  });

  it.runIf(existsSync(path.join(sharedDir, 'ANCHORS.md')))('covers every anchor named in ANCHORS.md', () => {
    for (const [network, names] of Object.entries(anchorsFromDoc())) {
      for (const name of names) expect(anchorsFor(network as 'x')[name], name).toBeDefined();
    }
  });

  it('keeps each anchor under its own network prefix, with strategies that make sense', () => {
    for (const site of SITES) {
      const registry = anchorsFor(site.network); // the adapter's anchors and the network's flow anchors
      for (const [name, def] of Object.entries(registry)) {
        expect(name.startsWith(`${site.network}.`), name).toBe(true);
        expect(def.strategies.length, name).toBeGreaterThan(0);
        if (def.within) expect(registry[def.within], `${name} within`).toBeDefined();
        for (const kind of def.pages ?? []) expect(site.pageKinds, `${name} pages`).toContain(kind);
        for (const s of def.strategies) {
          if ('role' in s && !Array.isArray(s.name)) {
            expect(s.name.en, `${name} en`).toBeTruthy();
            expect(s.name.fr, `${name} fr`).toBeTruthy();
          }
          if ('css' in s) expect(s.css.trim(), name).not.toBe('');
        }
      }
    }
    expect(Object.keys(ANCHORS).length).toBe(SITES.reduce((n, s) => n + Object.keys(anchorsFor(s.network)).length, 0));
    // The flow anchors never shadow an adapter's anchor (the content script merges them over its adapter's).
    for (const site of SITES) for (const name of Object.keys(FLOW_ANCHORS[site.network])) expect(site.anchors[name], name).toBeUndefined();
  });

  it('offers a role + name fallback in English and French for every Facebook anchor', () => {
    for (const [name, def] of Object.entries(anchorsFor('facebook'))) {
      expect(def.strategies.some((s) => 'role' in s || 'text' in s), name).toBe(true);
    }
  });

  it.runIf(existsSync(path.join(sharedDir, 'realpages', 'expected.json')))(
    'documents examples that agree with ../shared/realpages/expected.json',
    () => {
      const expected = JSON.parse(readFileSync(path.join(sharedDir, 'realpages', 'expected.json'), 'utf8')) as {
        pages: Array<{ file: string; anchors: Record<string, { expect: string }> }>;
      };
      const byFile = new Map(expected.pages.map((p) => [p.file, p.anchors]));
      let checked = 0;
      for (const [name, def] of Object.entries(ANCHORS)) {
        for (const [count, file] of def.examples ?? []) {
          // Synthetic pages (open dialogs, settings and other states no saved page shows) are checked in a browser by
          // the e2e specs that load them (anchors-flows, anchors-settings); here only that they exist.
          if (file.startsWith('tests/e2e/pages/')) {
            expect(existsSync(path.join(projectRoot, file)), `${name}: missing synthetic page ${file}`).toBe(true);
            continue;
          }
          expect(byFile.has(file), `${name}: unknown example page ${file}`).toBe(true);
          const want = byFile.get(file)![name]?.expect;
          if (want === 'present') expect(count, `${name} on ${file}`).toBeGreaterThan(0);
          if (want === 'absent') expect(count, `${name} on ${file}`).toBe(0);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(40);
    },
  );
});

describe('mergeAnchors', () => {
  const base: AnchorRegistry = {
    'linkedin.feed.startPost': {
      strategies: [{ css: '.a' }, { role: 'button', name: { en: 'Start a post', fr: 'Commencer un post' } }],
      withinCss: 'main',
      pages: ['feed'],
    },
    'x.nav.home': { strategies: [{ css: '[data-testid="AppTabBar_Home_Link"]' }] },
  };

  it('puts a pack strategy first and keeps the built-in ones as fallbacks', () => {
    const merged = mergeAnchors(base, { 'linkedin.feed.startPost': [{ css: '.repaired' }] });
    expect(merged['linkedin.feed.startPost']!.strategies).toEqual([
      { css: '.repaired' },
      { css: '.a' },
      { role: 'button', name: { en: 'Start a post', fr: 'Commencer un post' } },
    ]);
    expect(merged['linkedin.feed.startPost']!.withinCss).toBe('main');
    expect(merged['x.nav.home']).toBe(base['x.nav.home']);
  });

  it('replaces strategies and fields when asked, without duplicating a repeated strategy', () => {
    const merged = mergeAnchors(base, {
      'linkedin.feed.startPost': { strategies: [{ css: '.a' }], replace: true, withinCss: '[role="main"]' },
    });
    expect(merged['linkedin.feed.startPost']!.strategies).toEqual([{ css: '.a' }]);
    expect(merged['linkedin.feed.startPost']!.withinCss).toBe('[role="main"]');
    const dedup = mergeAnchors(base, { 'linkedin.feed.startPost': [{ css: '.a' }] });
    expect(dedup['linkedin.feed.startPost']!.strategies).toHaveLength(2);
  });

  it('adds new anchors, ignores empty ones, and never mutates its inputs', () => {
    const before = JSON.stringify(base);
    const overrides = { 'linkedin.profile.about': [{ css: '#about' }], 'x.nothing': { note: 'no strategies' } };
    const merged = mergeAnchors(base, overrides);
    expect(merged['linkedin.profile.about']).toEqual({ strategies: [{ css: '#about' }] });
    expect(merged['x.nothing']).toBeUndefined();
    expect(JSON.stringify(base)).toBe(before);
    expect(mergeAnchors(base, undefined)).toEqual(base);
  });

  it('works on the real registry', () => {
    const merged = mergeAnchors(ANCHORS, { 'youtube.masthead.search': [{ css: 'input#search' }] });
    expect(merged['youtube.masthead.search']!.strategies[0]).toEqual({ css: 'input#search' });
    expect(merged['youtube.masthead.search']!.strategies.length).toBe(ANCHORS['youtube.masthead.search']!.strategies.length + 1);
  });
});

describe('flow anchors', () => {
  // Every selector of the registry (strategies and scopes) must run in both browsers the builds support: the same
  // check the validator applies to a pack's repairs (lessons/pack/selector.ts).
  it('use selectors both Chromium and Firefox run', async () => {
    const { selectorProblem } = await import('../../lessons/pack/selector');
    for (const [name, def] of Object.entries(ANCHORS)) {
      for (const css of [def.withinCss, ...def.strategies.map((s) => ('css' in s ? s.css : 'tag' in s ? s.tag : undefined))]) {
        if (css) expect(selectorProblem(css), `${name}: ${css}`).toBeNull();
      }
    }
  });

  it("keeps a dialog's controls inside their dialog: a name search never scans the whole page for them", () => {
    // Areas whose anchors live in a dialog, a panel or a form that only exists while the flow is open.
    const flowArea = /^(linkedin\.(share|invite|editIntro|message)|x\.(editProfile|compose|newList)|facebook\.(composer|audience|bio)|youtube\.(share|playlist|comments?))\./;
    const scopes = /\.(dialog|form)$/; // the dialogs themselves: gated or scoped by their own strategies
    let checked = 0;
    for (const [name, def] of Object.entries(ANCHORS)) {
      if (!flowArea.test(name) || scopes.test(name)) continue;
      expect(Boolean(def.within || def.withinCss), `${name} has no scope`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(25);
  });
});
