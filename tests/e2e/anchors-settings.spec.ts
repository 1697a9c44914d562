// The settings anchors (`*.settings.*`, page kind `settings`) on the synthetic settings pages of tests/e2e/pages: no
// saved real page shows a network's settings, so these pages were written from the real markup's structure and labels
// (each says so at its top). Each page declares the URL it is served at (<meta name="tw-url">) and marks the element
// every anchor must land on (data-tw-expect="name …"); each anchor's `examples` lists the pages it must resolve on
// ([1, page]) and must not ([0, page]). Checked here:
// - the URL gives the `settings` page kind of its network; each anchor lands exactly on its marked element, or on
//   nothing; every marked element is claimed by an example (markers and table cannot drift apart);
// - anchors whose first strategy is language-independent (a link target, a test id, a standard attribute) still land
//   there once every label and text of the page is rewritten into a script nobody listed;
// - on the saved real pages (../shared/realpages), none of them matches anything even with the page-kind filter off:
//   their selectors and names are not loose enough to catch a look-alike elsewhere.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Browser, Page } from 'playwright-core';
import { ANCHORS, anchorsFor } from '../../lessons/sites/index';
import type { Network } from '../../lessons/sites/types';
import { auditOpenPage, launchChromium, openSavedPage, REWRITE_EVERY_WORD } from '../tools/audit-anchors';
import { projectRoot, realPagesDir, requireRealPages } from './paths';

const SYNTHETIC_PREFIX = 'tests/e2e/pages/';
const isSettingsAnchor = (name: string) => name.split('.')[1] === 'settings';

/** page file → anchor name → expected count (0 or 1), from the settings anchors' `examples`. */
const table = new Map<string, Map<string, number>>();
for (const [name, def] of Object.entries(ANCHORS)) {
  if (!isSettingsAnchor(name)) continue;
  for (const [count, file] of def.examples ?? []) {
    if (!file.startsWith(SYNTHETIC_PREFIX)) continue;
    if (!table.has(file)) table.set(file, new Map());
    table.get(file)!.set(name, count);
  }
}
const files = [...table.keys()].sort();

function servedUrl(file: string): string {
  const html = readFileSync(path.join(projectRoot, file), 'utf8');
  const url = /<meta name="tw-url" content="([^"]+)"/.exec(html)?.[1];
  if (!url) throw new Error(`${file} has no <meta name="tw-url" content="…">: the URL it must be served at`);
  return url.replace(/&amp;/g, '&');
}

/** Element paths (as the audit writes them) of every element marked data-tw-expect, by anchor name. */
async function markedPaths(page: Page): Promise<Record<string, string[]>> {
  return (await page.evaluate(`(() => {
    const pathOf = (el) => {
      const parts = [];
      for (let node = el; node !== document.documentElement; node = node.parentElement) {
        parts.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
      }
      return parts.join('/');
    };
    const out = {};
    for (const el of document.querySelectorAll('[data-tw-expect]')) {
      for (const name of el.getAttribute('data-tw-expect').split(/\\s+/).filter(Boolean)) (out[name] ??= []).push(pathOf(el));
    }
    return out;
  })()`)) as Record<string, string[]>;
}

test.describe('settings anchors on synthetic settings pages', () => {
  let browser: Browser;
  test.beforeAll(async () => {
    browser = await launchChromium();
  });
  test.afterAll(async () => {
    await browser?.close();
  });

  test('every network has settings anchors, each with its example pages on disk', () => {
    for (const network of ['linkedin', 'x', 'facebook', 'youtube'] as Network[]) {
      const names = Object.keys(anchorsFor(network)).filter(isSettingsAnchor);
      expect(names.length, network).toBeGreaterThanOrEqual(3);
      for (const name of names) {
        const def = ANCHORS[name]!;
        expect(def.pages, `${name} is for settings pages only`).toEqual(['settings']);
        expect(def.examples?.some(([count]) => count > 0), `${name} resolves on at least one example page`).toBe(true);
      }
    }
    for (const file of files) expect(existsSync(path.join(projectRoot, file)), file).toBe(true);
  });

  for (const file of files) {
    test(`${file.slice(SYNTHETIC_PREFIX.length)}: each anchor on its marked element, the others on nothing`, async () => {
      const url = servedUrl(file);
      const page = await openSavedPage(browser, url, path.join(projectRoot, file));
      try {
        const audited = await auditOpenPage(page, url, file);
        expect(audited.pageKind, `${url} is a settings page`).toBe('settings');
        const marked = await markedPaths(page);
        const row = table.get(file)!;
        for (const [name, count] of row) {
          const got = audited.anchors[name];
          expect.soft(got, `${name} is in the audit`).toBeDefined();
          if (!got) continue;
          if (count > 0) {
            expect.soft(marked[name], `${file} marks no element for ${name}`).toBeDefined();
            expect.soft(marked[name] ?? [], `${name} landed on ${JSON.stringify(got.fingerprint)}`).toContain(got.path);
          } else {
            expect.soft(got.resolved, `${name} must match nothing here (matched ${JSON.stringify(got.fingerprint)})`).toBe(false);
          }
        }
        for (const name of Object.keys(marked)) {
          expect.soft(row.get(name), `${file} marks ${name}, which does not list this page among its examples`).toBeGreaterThan(0);
        }
        // Language-independent first: where the first strategy is not a name, it is the one that found the element.
        const rewritten = await openSavedPage(browser, url, path.join(projectRoot, file));
        try {
          await rewritten.evaluate(REWRITE_EVERY_WORD);
          const again = await auditOpenPage(rewritten, url, file);
          for (const [name, count] of row) {
            const first = ANCHORS[name]!.strategies[0]!;
            if (count === 0 || !('css' in first)) continue;
            expect.soft(again.anchors[name]?.path, `${name} with every label in another script`).toBe(audited.anchors[name]?.path);
          }
        } finally {
          await rewritten.context().close();
        }
      } finally {
        await page.context().close();
      }
    });
  }

  test('on the saved real pages, no settings anchor matches anything, even with the page-kind filter off', async () => {
    requireRealPages();
    const expected = JSON.parse(readFileSync(path.join(realPagesDir, 'expected.json'), 'utf8')) as {
      pages: Array<{ file: string; url: string; network: Network }>;
    };
    for (const saved of expected.pages) {
      const page = await openSavedPage(browser, saved.url, path.join(realPagesDir, saved.file));
      try {
        const registry = anchorsFor(saved.network);
        for (const name of Object.keys(registry).filter(isSettingsAnchor)) {
          const r = (await page.evaluate(`__twAudit.resolveWith(${JSON.stringify(registry)}, ${JSON.stringify(name)})`)) as {
            path: string | null;
            fingerprint: unknown;
          };
          expect.soft(r.path, `${name} on ${saved.file} matched ${JSON.stringify(r.fingerprint)}`).toBeNull();
        }
      } finally {
        await page.context().close();
      }
    }
  });
});
