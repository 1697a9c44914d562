// The anchors' examples table, walked (Refined GitHub style): each anchor of lessons/sites lists the pages it must
// resolve on ([1, page]) and must not ([0, page]). Two kinds of pages:
// - real saved pages (../shared/realpages), served at the URL expected.json gives them. The flow anchors (dialogs,
//   menus, forms a walk goes through) must match nothing there, where the dialogs are closed; the few that the saved
//   pages do show are checked to land on the control they name (REAL_LANDINGS);
// - synthetic pages (tests/e2e/pages), for the states no saved page shows (an open dialog, one's own profile). Each
//   declares the URL it is served at (<meta name="tw-url">) and marks every intended element with
//   data-tw-expect="anchor.name …": an anchor must land exactly on the element that names it, and every marked element
//   must be claimed by an example (the markers and the table cannot drift apart).
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from 'playwright-core';
import { ANCHORS } from '../../lessons/sites/index';
import { auditOpenPage, launchChromium, openSavedPage, type AuditedAnchor } from '../tools/audit-anchors';
import { projectRoot, realPagesDir, requireRealPages } from './paths';

const SYNTHETIC_PREFIX = 'tests/e2e/pages/';

/** page file → anchor name → expected count (0 or ≥ 1), from every anchor's `examples`. */
function examplesByPage(): Map<string, Map<string, number>> {
  const table = new Map<string, Map<string, number>>();
  for (const [name, def] of Object.entries(ANCHORS)) {
    for (const [count, file] of def.examples ?? []) {
      let row = table.get(file);
      if (!row) table.set(file, (row = new Map()));
      row.set(name, count);
    }
  }
  return table;
}

const table = examplesByPage();
const syntheticFiles = [...table.keys()].filter((f) => f.startsWith(SYNTHETIC_PREFIX)).sort();

function realPages(): { pages: Array<{ file: string; url: string }>; missing: string | null } {
  try {
    requireRealPages();
  } catch (error) {
    return { pages: [], missing: (error as Error).message };
  }
  const json = JSON.parse(readFileSync(path.join(realPagesDir, 'expected.json'), 'utf8')) as { pages: Array<{ file: string; url: string }> };
  return { pages: json.pages, missing: null };
}
const { pages: saved, missing } = realPages();

/**
 * Flow anchors that a saved page does show, and what they must land on there (expected.json predates them).
 * fp: the audit's fingerprint (tag, testid, aria-label, text).
 */
const REAL_LANDINGS: Record<string, Record<string, (a: AuditedAnchor) => boolean>> = {
  'linkedin.post.repost': {
    'linkedin/feed-2025-04.html': (a) => a.fingerprint?.tag === 'button' && a.fingerprint.text === 'Repost',
    'linkedin/feed-domv2-2026-03.html': (a) => a.fingerprint?.tag === 'button' && /^Repost/.test(a.fingerprint.text),
    'linkedin/company-2025-04.html': (a) => a.fingerprint?.tag === 'button' && a.fingerprint.text === 'Repost',
  },
  'linkedin.post.comment': {
    'linkedin/feed-2025-04.html': (a) => a.fingerprint?.tag === 'button' && a.fingerprint.ariaLabel === 'Comment',
    'linkedin/feed-domv2-2026-03.html': (a) => a.fingerprint?.tag === 'button' && /^Comment/.test(a.fingerprint.text),
    'linkedin/company-2025-04.html': (a) => a.fingerprint?.tag === 'button' && a.fingerprint.ariaLabel === 'Comment',
  },
  'linkedin.search.resultType': {
    'linkedin/search-people-2025-04.html': (a) => a.fingerprint?.id === 'navigational-filter_resultType',
  },
  'linkedin.company.postsTab': {
    'linkedin/company-2025-04.html': (a) => a.fingerprint?.tag === 'a' && a.fingerprint.text === 'Posts',
  },
  'x.nav.more': {
    'x/profile-2025-04.html': (a) => a.fingerprint?.testid === 'AppTabBar_More_Menu',
    'x/profile-zh-2025-11.html': (a) => a.fingerprint?.testid === 'AppTabBar_More_Menu',
  },
  'x.profile.message': {
    'x/profile-2025-04.html': (a) => a.fingerprint?.testid === 'sendDMFromProfile',
    'x/profile-zh-2025-11.html': (a) => a.fingerprint?.testid === 'sendDMFromProfile',
  },
  'x.post.bookmark': {
    'x/home-2025-04.html': (a) => a.fingerprint?.testid === 'bookmark',
    'x/profile-2025-04.html': (a) => a.fingerprint?.testid === 'bookmark',
    'x/profile-zh-2025-11.html': (a) => a.fingerprint?.testid === 'bookmark',
  },
  'x.post.repost': {
    'x/home-2025-04.html': (a) => a.fingerprint?.testid === 'retweet',
    'x/profile-2025-04.html': (a) => a.fingerprint?.testid === 'retweet',
    'x/profile-zh-2025-11.html': (a) => a.fingerprint?.testid === 'retweet',
  },
  'facebook.comment.text': {
    'facebook/home-feed-2022-04.html': (a) => a.fingerprint?.ariaLabel === 'Write a comment',
  },
  'facebook.search.results': {
    'facebook/search-2025-11.html': (a) => a.fingerprint?.tag === 'div',
  },
  'facebook.search.groups': {
    'facebook/search-2025-11.html': (a) => a.fingerprint?.tag === 'a' && a.fingerprint.text === 'Groups',
  },
  'facebook.search.events': {
    'facebook/search-2025-11.html': (a) => a.fingerprint?.tag === 'a' && a.fingerprint.text === 'Events',
  },
  'youtube.masthead.searchButton': {
    'youtube/home-2025-04.html': (a) => a.fingerprint?.tag === 'button' && a.fingerprint.ariaLabel === 'Search',
    'youtube/home-ru-2025-07.html': (a) => a.fingerprint?.tag === 'button' && a.fingerprint.ariaLabel === 'Search',
  },
};

/** The element paths (as the audit writes them) of every element a synthetic page marks, by anchor name. */
const markedPaths = (page: Page) => page.evaluate('__twAudit.marked()') as Promise<Record<string, string[]>>;

function servedUrl(file: string): string {
  const html = readFileSync(path.join(projectRoot, file), 'utf8');
  const url = /<meta name="tw-url" content="([^"]+)"/.exec(html)?.[1];
  if (!url) throw new Error(`${file} has no <meta name="tw-url" content="…">: the URL it must be served at`);
  return url.replace(/&amp;/g, '&');
}

test.describe('flow anchors', () => {
  let browser: Browser;
  test.beforeAll(async () => {
    browser = await launchChromium();
  });
  test.afterAll(async () => {
    await browser?.close();
  });

  test('every example page exists, and no anchor lists a page twice', () => {
    for (const [name, def] of Object.entries(ANCHORS)) {
      const files = (def.examples ?? []).map(([, f]) => f);
      expect(new Set(files).size, `${name} lists a page twice`).toBe(files.length);
      for (const f of files) {
        if (f.startsWith(SYNTHETIC_PREFIX)) expect(existsSync(path.join(projectRoot, f)), `${name}: ${f}`).toBe(true);
      }
    }
    expect(syntheticFiles.length).toBeGreaterThan(20);
  });

  for (const file of syntheticFiles) {
    test(`synthetic ${file.slice(SYNTHETIC_PREFIX.length)}: each anchor lands on the element it names, the others on nothing`, async () => {
      const url = servedUrl(file);
      const page = await openSavedPage(browser, url, path.join(projectRoot, file));
      try {
        const audited = await auditOpenPage(page, url, file);
        const marked = await markedPaths(page);
        const row = table.get(file)!;
        for (const [name, count] of row) {
          const got = audited.anchors[name];
          expect.soft(got, `${name} is in the audit of ${file} (network ${audited.network}, page kind ${audited.pageKind})`).toBeDefined();
          if (!got) continue;
          if (count > 0) {
            expect.soft(marked[name], `${file} marks no element with data-tw-expect="${name}"`).toBeDefined();
            expect.soft(got.path, `${name} resolves on ${file}`).not.toBeNull();
            expect.soft(marked[name] ?? [], `${name} lands on ${JSON.stringify(got.fingerprint)}, expected the marked element`).toContain(got.path);
          } else {
            expect.soft(got.resolved, `${name} must match nothing on ${file} (matched ${JSON.stringify(got.fingerprint)})`).toBe(false);
          }
        }
        for (const name of Object.keys(marked)) {
          expect.soft(row.get(name), `${file} marks ${name}, which does not list the page among its examples`).toBeGreaterThan(0);
        }
      } finally {
        await page.context().close();
      }
    });
  }

  if (missing) test('the saved real pages are present', () => expect(missing, missing!).toBeNull());

  for (const { file, url } of saved) {
    test(`real ${file}: the examples hold (flow anchors match nothing where the page does not show them)`, async () => {
      const page = await openSavedPage(browser, url, path.join(realPagesDir, file));
      try {
        const audited = await auditOpenPage(page, url, file);
        for (const [name, count] of table.get(file) ?? []) {
          const got = audited.anchors[name];
          expect.soft(got, `${name} is in the audit`).toBeDefined();
          if (!got) continue;
          if (count > 0) {
            expect.soft(got.resolved, `${name} resolves on ${file}`).toBe(true);
            const landing = REAL_LANDINGS[name]?.[file];
            if (landing) expect.soft(landing(got), `${name} on ${file}: ${JSON.stringify(got.fingerprint)}`).toBe(true);
          } else {
            expect.soft(got.resolved, `${name} must match nothing on ${file} (matched ${JSON.stringify(got.fingerprint)})`).toBe(false);
          }
        }
      } finally {
        await page.context().close();
      }
    });
  }
});
