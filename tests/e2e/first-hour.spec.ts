// A learner's first hour, as a person notices it (issue 17): each test fails on the product before its fix.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The computed font size of every visible element holding text of its own, smallest first. */
async function textSizes(page: Page): Promise<Array<{ px: number; text: string }>> {
  return page.evaluate(() => {
    const out: Array<{ px: number; text: string }> = [];
    for (const el of document.body.querySelectorAll('*')) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent!.trim()).map((n) => n.textContent!.trim()).join(' ');
      if (!own || !(el as HTMLElement).checkVisibility?.()) continue;
      out.push({ px: parseFloat(getComputedStyle(el).fontSize), text: own.slice(0, 40) });
    }
    return out.sort((a, b) => a.px - b.px);
  });
}

test.describe('readable text on the extension pages', () => {
  // Extension pages get `body { font-size: 75% }` from the browser: 14 px set on :root became 10.5 px. Body text is
  // 14 px; only the design's small print (badges, captions) may go down to 12 px.
  for (const page of ['popup.html', 'options.html', 'welcome.html']) {
    test(`${page}: body text at 14 px, nothing under 12`, async ({ context, extensionId }) => {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page}`);
      await expect(tab.locator('body')).not.toBeEmpty();
      await tab.waitForLoadState('networkidle');
      expect(await tab.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBe(14);
      const sizes = await textSizes(tab);
      expect(sizes.length).toBeGreaterThan(3);
      expect(sizes[0]!.px, JSON.stringify(sizes.slice(0, 3))).toBeGreaterThanOrEqual(12);
      const paragraphs = await tab.evaluate(() => [...document.querySelectorAll('p, li, label')].filter((e) => (e as HTMLElement).checkVisibility?.()).map((e) => parseFloat(getComputedStyle(e).fontSize)));
      for (const px of paragraphs) expect(px).toBeGreaterThanOrEqual(13);
    });
  }
});

test('the questionnaire opens once, not again at each start of a browser that loads the extension itself', async () => {
  // A browser started with --load-extension reports an "install" at every start, on the same profile.
  const { chromium } = await import('@playwright/test');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { chromeBuild } = await import('./paths');
  const { CHROMIUM_ARGS } = await import('./fixtures');
  const profile = mkdtempSync(join(tmpdir(), 'tw-restart-'));
  const welcomeTabs = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${chromeBuild}`, `--load-extension=${chromeBuild}`],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      // Give the worker's install handling time to open its tab (or not).
      await worker.evaluate(() => new Promise((done) => setTimeout(done, 1500)));
      return context.pages().filter((p) => p.url().endsWith('/welcome.html')).length;
    } finally {
      await context.close();
    }
  };
  try {
    expect(await welcomeTabs(), 'first start: the welcome page').toBe(1);
    expect(await welcomeTabs(), 'second start of the same profile: nothing opens').toBe(0);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
