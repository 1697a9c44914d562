import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, launchWithExtension, test, type Served } from './fixtures';
import { serveOn } from './fixtures';

/** axe on our overlay only (its shadow root, open in the test build): the sites' own markup is not ours to judge. */
async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).include('[data-tw-host]').analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations in the ${what}`).toEqual([]);
}

const pages: Array<{ network: string; url: string; served: Served }> = [
  { network: 'linkedin', url: 'https://www.linkedin.com/feed/', served: { synthetic: 'linkedin-feed.html' } },
  { network: 'x', url: 'https://x.com/home', served: { synthetic: 'x-home.html' } },
  { network: 'facebook', url: 'https://www.facebook.com/', served: { synthetic: 'facebook-feed.html' } },
  { network: 'youtube', url: 'https://www.youtube.com/', served: { synthetic: 'youtube-home.html' } },
];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const p of pages) {
    test(`${p.network}, ${colorScheme}: no axe violation in the hint card, the task card and the panel`, async ({ serve, context }) => {
      if (colorScheme === 'dark') await context.close(); // replaced below by a dark context
      const launched = colorScheme === 'dark' ? await launchWithExtension(undefined, { colorScheme }) : null;
      const ctx = launched?.context ?? context;
      if (launched) await serveOn(ctx, p.url, p.served);
      else await serve(p.url, p.served);
      const page = await ctx.newPage();
      await page.goto(p.url);
      await expect(page.getByTestId('tw-hint')).toBeVisible();
      await expectNoViolations(page, 'hint card');
      await page.getByTestId('tw-hint').getByTestId('tw-start').click();
      await expect(page.getByTestId('tw-task')).toBeVisible();
      await page.getByTestId('tw-example-toggle').click();
      await expectNoViolations(page, 'task card');
      // A step without a control of its own already shows in the panel; otherwise the launcher opens it.
      if (await page.getByTestId('tw-launcher').isVisible()) await page.getByTestId('tw-launcher').click();
      await expect(page.getByTestId('tw-docked')).toBeVisible();
      await expectNoViolations(page, 'docked panel');
      await launched?.cleanup();
    });
  }
}

test('no axe violation on a faded hint’s beacon', async ({ context, serve }) => {
  const [worker] = context.serviceWorkers();
  // One practice of the skill fades its hint to a beacon (lessons/engine FADE_THRESHOLDS).
  await worker!.evaluate(() => chrome.storage.local.set({ 'completed:trainingwheels.default/li-event-posting': { at: Date.now() - 1000 } }));
  await serve('https://www.linkedin.com/feed/', { synthetic: 'linkedin-feed.html' });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  await expect(page.getByTestId('tw-beacon').first()).toBeVisible();
  await expectNoViolations(page, 'beacon');
  await page.getByTestId('tw-beacon').first().click();
  await expect(page.getByTestId('tw-hint')).toBeVisible();
});
