// What a learner sees, in English and in French: the welcome page, the popup, the options page, a hint card and a
// task card on the project's synthetic LinkedIn feed. Written to tests/e2e/screenshots/ (the README shows two of them); each
// shot is taken once its page shows what it is about, in the language asked for.
import type { BrowserContext, Page } from '@playwright/test';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { projectRoot } from './paths';

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };

const PACK_ID = 'trainingwheels.default';
const shot = (name: string) => resolve(projectRoot, 'tests/e2e/screenshots', `${name}.png`);

async function seed(context: BrowserContext, locale: 'en' | 'fr', extra: Record<string, unknown> = {}, path = 'analyst') {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const learner = { guideEnabled: true, disabledNetworks: [], locale, path, secondaryPath: 'maker', balanced: false, pathSource: 'quiz', answers: null, pathSetAt: 1 };
  await worker.evaluate((items) => chrome.storage.local.set(items), { learner, ...extra });
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300); // rings and cards follow their control after the next paint
}

for (const locale of ['en', 'fr'] as const) {
  const heading = locale === 'en' ? /Training Wheels|Welcome/ : /Training Wheels|Bienvenue/;

  test(`screenshots (${locale}): welcome, popup, options`, async ({ context, extensionId }) => {
    await seed(context, locale);
    const welcome = await context.newPage();
    await welcome.setViewportSize({ width: 1024, height: 700 });
    await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
    await expect(welcome.locator('html')).toHaveAttribute('lang', locale);
    await expect(welcome.getByRole('heading').first()).toContainText(heading);
    await settle(welcome);
    await welcome.screenshot({ path: shot(`welcome-${locale}`) });

    const popup = await context.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.locator('html')).toHaveAttribute('lang', locale);
    await settle(popup);
    await popup.screenshot({ path: shot(`popup-${locale}`) });

    const options = await context.newPage();
    await options.setViewportSize({ width: 1024, height: 700 });
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.locator('html')).toHaveAttribute('lang', locale);
    await settle(options);
    await options.screenshot({ path: shot(`options-${locale}`) });
  });

  test(`screenshots (${locale}): a hint card and a task card on LinkedIn`, async ({ context, serve }) => {
    // The project's synthetic LinkedIn feed: a saved page is drawn without its stylesheets (no request leaves the
    // machine), which makes a poor picture of what a learner sees.
    await serve('https://www.linkedin.com/feed/', { synthetic: 'linkedin-feed.html' });
    await seed(context, locale);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('https://www.linkedin.com/feed/');
    await expect(page.getByTestId('tw-hint')).toBeVisible();
    await settle(page);
    await page.screenshot({ path: shot(`hint-${locale}`) });

    const at = Date.now() - 60_000;
    // The experimenter starts this lesson "for real": its first step is a walk over the share box.
    await seed(
      context,
      locale,
      {
        [`started:${PACK_ID}/li-event-posting`]: { at },
        activeTask: { packId: PACK_ID, lessonId: 'li-event-posting', network: 'linkedin', startedAt: at },
      },
      'experimenter',
    );
    await expect(page.getByTestId('tw-task')).toBeVisible();
    await expect(page.getByTestId('tw-walk')).toBeVisible();
    await settle(page);
    await page.screenshot({ path: shot(`task-${locale}`) });
  });
}
