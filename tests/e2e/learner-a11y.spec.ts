// axe-core finds no violations on the learner's pages, in both languages and both colour schemes.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, launchWithExtension, test } from './fixtures';

/** What the tests call inside extension contexts (the page or the service worker), typed just enough. */
declare const chrome: { storage: { local: { get(keys: string | null): Promise<Record<string, any>>; set(items: Record<string, unknown>): Promise<void> } } };

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `${what}: axe violations`).toEqual([]);
}

for (const locale of ['en-US', 'fr-FR']) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`welcome, popup and options: no axe violations (${locale}, ${colorScheme})`, async () => {
      const { context, extensionId, cleanup } = await launchWithExtension(undefined, { locale, colorScheme });
      try {
        // Some progress and a damaged value, so that rings, cycle chips and the notice are on the page too.
        const worker = context.serviceWorkers()[0]!;
        await worker.evaluate(() =>
          chrome.storage.local.set({
            'progress:trainingwheels.default/li-monitoring/x': 'damaged',
            'started:trainingwheels.default/li-monitoring': { at: 1_700_000_000_000 },
            'completed:trainingwheels.default/yt-playlists': { at: 1_600_000_000_000 },
          }),
        );
        const welcome = await context.newPage();
        await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
        await expect(welcome.getByTestId('quiz')).toBeVisible();
        await expect(welcome.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
        await expectNoViolations(welcome, 'welcome (quiz)');
        await welcome.getByTestId('skip-quiz').click();
        await expectNoViolations(welcome, 'welcome (pick)');
        await welcome.getByTestId('pick-paths').getByRole('radio').first().check();
        await welcome.getByTestId('pick-confirm').click();
        await expect(welcome.getByTestId('result')).toBeVisible();
        await expectNoViolations(welcome, 'welcome (result)');

        await context.route('https://www.linkedin.com/feed/', (route) => route.fulfill({ body: '<title>Feed</title><main>feed</main>', contentType: 'text/html' }));
        const tab = await context.newPage();
        await tab.goto('https://www.linkedin.com/feed/');
        const popup = await context.newPage();
        await popup.setViewportSize({ width: 380, height: 700 });
        await popup.goto(`chrome-extension://${extensionId}/popup.html`);
        await expect(popup.getByTestId('popup-lessons')).toBeVisible();
        await expectNoViolations(popup, 'popup');

        const options = await context.newPage();
        await options.goto(`chrome-extension://${extensionId}/options.html`);
        await expect(options.getByTestId('progress')).toBeVisible();
        await options.locator('[data-lesson="trainingwheels.default/li-monitoring"] summary').click();
        await expectNoViolations(options, 'options');
        await options.getByTestId('delete').click();
        await expectNoViolations(options, 'options (delete confirmation)');
      } finally {
        await cleanup();
      }
    });
  }
}
