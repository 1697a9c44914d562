// The learner's side end to end: first-run questionnaire, popup path and lessons, options page, state that
// survives a worker restart, export → delete → import, repair of damaged storage.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Pack } from '../../lessons/pack/types';
import { expect, launchWithExtension, test } from './fixtures';
import { projectRoot } from './paths';

/** What the tests call inside extension contexts (the page or the service worker), typed just enough. */
declare const chrome: { storage: { local: { get(keys: string | null): Promise<Record<string, any>>; set(items: Record<string, unknown>): Promise<void> } } };

const DEFAULT_PACK = JSON.parse(readFileSync(resolve(projectRoot, 'lessons/default-pack/default-pack.json'), 'utf8')) as Pack;
const defaultLesson = (id: string) => DEFAULT_PACK.lessons.find((l) => l.id === id)!;

async function worker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

async function stored(context: BrowserContext): Promise<Record<string, unknown>> {
  return (await worker(context)).evaluate(() => chrome.storage.local.get(null));
}

async function store(context: BrowserContext, items: Record<string, unknown>): Promise<void> {
  await (await worker(context)).evaluate((entries) => chrome.storage.local.set(entries), items);
}

/** The welcome tab the extension opens by itself on install. */
async function welcomeTab(context: BrowserContext, extensionId: string): Promise<Page> {
  const isWelcome = (p: Page) => p.url() === `chrome-extension://${extensionId}/welcome.html`;
  const page = context.pages().find(isWelcome) ?? (await context.waitForEvent('page', { predicate: isWelcome, timeout: 10_000 }));
  await page.waitForLoadState();
  return page;
}

/** Answers item n (1-based) with the option of this path code, wherever the shuffle put it. */
async function answer(page: Page, codes: Array<'E' | 'A' | 'T' | 'M' | null>) {
  for (const [index, code] of codes.entries()) {
    if (code) await page.getByTestId(`quiz-item-${index + 1}`).locator(`input[data-code="${code}"]`).check();
  }
}

test.describe('first run', () => {
  test('installing opens the welcome page; the questionnaire leads to a path explained in two sentences', async ({ context, extensionId }) => {
    const page = await welcomeTab(context, extensionId);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Training Wheels');
    await expect(page.locator('fieldset[data-testid^="quiz-item-"]')).toHaveCount(7);
    // Options are shuffled: across seven items, the order is not always the listed E, A, T, M.
    const orders = await page.locator('fieldset[data-testid^="quiz-item-"]').evaluateAll((sets) => sets.map((s) => [...s.querySelectorAll('input')].map((i) => i.dataset.code).join('')));
    expect(orders.some((order) => order !== 'EATM')).toBe(true);

    await answer(page, ['E', 'E', 'A', 'E', 'T', 'M', 'E']);
    await expect(page.getByText('7 of 7 answered')).toBeVisible();
    await page.getByTestId('quiz-submit').click();
    await expect(page.getByTestId('result-title')).toHaveText('Your starting path: Experimenter');
    await expect(page.getByTestId('result-title')).toBeFocused();
    await expect(page.getByTestId('result-about')).toContainText('This path starts by doing');
    await expect(page.getByTestId('result-disclaimer')).toContainText('A starting point, not a label');
    await expect(page.getByText('Now and then a hint comes from your second path')).toBeVisible();
    expect((await stored(context)).learner).toMatchObject({ path: 'experimenter', pathSource: 'quiz', balanced: false, answers: ['experimenter', 'experimenter', 'analyst', 'experimenter', 'thinker', 'maker', 'experimenter'] });

    // Another path, straight from the result screen.
    await page.getByTestId('result-change').getByLabel('Thinker').check();
    await expect(page.getByTestId('result-title')).toHaveText('Your starting path: Thinker');
    await expect.poll(async () => ((await stored(context)).learner as { path: string } | undefined)?.path).toBe('thinker');
  });

  test('a tie nobody breaks asks the learner to choose among the tied paths', async ({ context, extensionId }) => {
    const page = await welcomeTab(context, extensionId);
    // Experimenter 2, Analyst 2, Maker 1, Thinker 0 (not flat); item 1 (Maker) is not among the tied, item 7 unanswered.
    await answer(page, ['M', 'E', 'E', 'A', 'A', null, null]);
    await page.getByTestId('quiz-submit').click();
    await expect(page.getByTestId('tie-title')).toBeVisible();
    await expect(page.getByTestId('tie-paths').getByRole('radio')).toHaveCount(2);
    await page.getByTestId('tie-paths').getByLabel('Analyst').check();
    await page.getByTestId('tie-confirm').click();
    await expect(page.getByTestId('result-title')).toHaveText('Your starting path: Analyst');
  });

  test('flat scores are "balanced", and the entry path comes from item 1', async ({ context, extensionId }) => {
    const page = await welcomeTab(context, extensionId);
    await answer(page, ['M', 'E', 'A', 'T', 'E', 'A', 'T']);
    await page.getByTestId('quiz-submit').click();
    await expect(page.getByTestId('result-title')).toHaveText('Your starting path: Maker');
    await expect(page.getByTestId('result-balanced')).toContainText('spread across the four ways in');
    // Balanced profiles get a second voice too (item 7's answer breaks the tie among the others).
    expect((await stored(context)).learner).toMatchObject({ path: 'maker', balanced: true, secondaryPath: 'thinker' });
  });

  test('the quiz can be skipped by picking a path directly', async ({ context, extensionId }) => {
    const page = await welcomeTab(context, extensionId);
    await page.getByTestId('skip-quiz').click();
    await page.getByTestId('pick-paths').getByLabel('Maker').check();
    await page.getByTestId('pick-confirm').click();
    await expect(page.getByTestId('result-title')).toHaveText('Your starting path: Maker');
    expect((await stored(context)).learner).toMatchObject({ path: 'maker', pathSource: 'chosen', answers: null });
  });

  test('trainer presets: questionnaire skipped, path preset and locked', async ({ context, extensionId }) => {
    await store(context, { presets: { entryPath: 'analyst', skipQuestionnaire: true, learnerCanSwitch: false, source: 'policy' } });
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/welcome.html`);
    await expect(page.getByTestId('result-title')).toHaveText('Your trainer set your starting path: Analyst');
    await expect(page.getByTestId('result-locked')).toBeVisible();
    await expect(page.getByTestId('quiz')).toHaveCount(0);
    await expect.poll(async () => ((await stored(context)).learner as { path: string } | undefined)?.path).toBe('analyst');
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByTestId('popup-path-locked')).toHaveText('Analyst');
    await expect(popup.getByTestId('popup-path')).toHaveCount(0);
  });
});

test.describe('in French', () => {
  test('the welcome page follows the browser language and has a visible switch', async () => {
    const { context, cleanup } = await launchWithExtension(undefined, { locale: 'fr-FR' });
    try {
      const page = await welcomeTab(context, new URL((await worker(context)).url()).host);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bienvenue dans Training Wheels');
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await answer(page, ['A', 'A', 'A', 'E', 'T', 'M', 'A']);
      await page.getByRole('button', { name: 'Voir mon parcours de départ' }).click();
      await expect(page.getByTestId('result-title')).toHaveText('Votre parcours de départ : Analyste');
      await expect(page.getByTestId('result-disclaimer')).toContainText('Un point de départ, pas une étiquette');
      await page.getByTestId('language').selectOption('en');
      await expect(page.getByTestId('result-title')).toHaveText('Your starting path: Analyst');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    } finally {
      await cleanup();
    }
  });
});

test.describe('popup', () => {
  test('shows the path, changes it, lists this page’s lessons and continues one', async ({ context, serve, openPopup }) => {
    await serve('https://www.linkedin.com/feed/', { synthetic: 'linkedin-feed.html' });
    const tab = await context.newPage();
    await tab.goto('https://www.linkedin.com/feed/');
    const popup = await openPopup();
    await expect(popup.getByTestId('popup-page')).toHaveText('This tab: LinkedIn — home feed');
    const path = popup.getByLabel('Your path');
    await expect(path).toHaveValue('');
    await path.selectOption('analyst');
    await expect.poll(async () => ((await stored(context)).learner as { path: string } | undefined)?.path).toBe('analyst');

    const lessons = popup.getByTestId('popup-lesson');
    await expect(lessons).not.toHaveCount(0);
    const first = lessons.first();
    await expect(first).toContainText('0 of');
    await first.getByRole('button', { name: /^Start “/ }).click();
    await expect(first.getByTestId('popup-lesson-active')).toBeVisible();
    const after = await stored(context);
    expect(after.activeTask).toMatchObject({ packId: 'trainingwheels.default', network: 'linkedin' });
    expect(Object.keys(after).some((k) => k.startsWith('started:trainingwheels.default/'))).toBe(true);

    // Reopened, the popup remembers.
    await popup.close();
    const again = await openPopup();
    await expect(again.getByLabel('Your path')).toHaveValue('analyst');
    await expect(again.getByTestId('popup-lesson-active')).toHaveCount(1);
    await expect(again.getByRole('link', { name: 'Progress, notes and settings' })).toHaveAttribute('href', /options\.html$/);
  });

  test('fits 380 px and works with the keyboard alone', async ({ context, serve, openPopup }) => {
    await serve('https://x.com/home', { synthetic: 'x-home.html' });
    const tab = await context.newPage();
    await tab.goto('https://x.com/home');
    const popup = await openPopup();
    await popup.setViewportSize({ width: 380, height: 600 });
    await expect(popup.getByTestId('popup-page')).toBeVisible();
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(380);
    // Tab to the first switch and turn the guide off with the space bar.
    await popup.keyboard.press('Tab');
    await expect(popup.getByTestId('toggle-everywhere')).toBeFocused();
    await popup.keyboard.press('Space');
    await expect(popup.getByTestId('toggle-everywhere')).not.toBeChecked();
    await expect.poll(async () => ((await stored(context)).learner as { guideEnabled: boolean } | undefined)?.guideEnabled).toBe(false);
  });
});

test.describe('state', () => {
  test('survives the background worker being stopped', async ({ context, extensionId, openPopup }) => {
    const popup = await openPopup();
    await popup.getByLabel('Your path').selectOption('thinker');
    await expect.poll(async () => ((await stored(context)).learner as { path: string } | undefined)?.path).toBe('thinker');
    const cdp = await context.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.close();
    // A new worker starts on demand; the state is all there.
    const reopened = await context.newPage();
    await reopened.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(reopened.getByLabel('Your path')).toHaveValue('thinker');
    expect(await reopened.evaluate(async () => (await chrome.storage.local.get('learner')).learner?.path)).toBe('thinker');
  });

  test('a damaged stored value is repaired, a copy kept, and the learner told', async ({ context, extensionId }) => {
    await store(context, { learner: 'not an object', 'progress:trainingwheels.default/li-monitoring/observe': 'done' });
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(page.getByTestId('notice')).toContainText('was damaged and has been repaired');
    const after = await stored(context);
    const backupKey = Object.keys(after).find((k) => k.startsWith('corrupt-backup-'));
    expect(backupKey).toBeTruthy();
    expect((after[backupKey!] as { originals: Record<string, unknown> }).originals).toMatchObject({ learner: 'not an object' });
    expect(after.learner).toMatchObject({ guideEnabled: true });
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByTestId('notice')).toHaveCount(0);
  });

  test('export → delete → import restores everything', async ({ context, extensionId }) => {
    const lesson = 'trainingwheels.default/li-monitoring';
    await store(context, {
      learner: { guideEnabled: true, disabledNetworks: ['facebook'], locale: 'en', path: 'maker', secondaryPath: 'analyst', balanced: false, pathSource: 'quiz', answers: null, pathSetAt: 1 },
      [`started:${lesson}`]: { at: 1_700_000_000_000 },
      [`note:${lesson}`]: { text: 'Watch three competitors every Monday.', updatedAt: 1_700_000_000_500 },
    });
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const card = page.locator(`[data-lesson="${lesson}"]`);
    await card.locator('summary').click();
    // Two steps done, as the content script records them: the ring, the counts and the cycle follow at once.
    const [first, second] = defaultLesson('li-monitoring').steps;
    await store(context, { [`progress:${lesson}/${first!.id}`]: { at: 1_700_000_001_000 }, [`progress:${lesson}/${second!.id}`]: { at: 1_700_000_002_000 } });
    await expect(card.getByTestId('lesson-steps')).toHaveText(`2/${defaultLesson('li-monitoring').steps.length} steps`);
    await expect(card.locator(`.cycle li[data-mode="${first!.mode}"]`)).toHaveAttribute('data-done', 'true');
    await expect(page.getByTestId('ring-linkedin').getByTestId('progress-ring')).not.toHaveAttribute('data-fraction', '0.000');
    await expect(card.getByTestId('note')).toHaveValue('Watch three competitors every Monday.');
    const before = await stored(context);

    const downloadPromise = page.waitForEvent('download');
    await page.getByTestId('export').click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^training-wheels-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();

    await page.getByTestId('delete').click();
    await expect(page.getByTestId('delete-confirm')).toBeVisible();
    await expect(page.getByTestId('delete-yes')).toBeFocused();
    await page.getByTestId('delete-yes').click();
    await expect(page.getByTestId('data-status')).toHaveText('All your data was deleted.');
    const emptied = await stored(context);
    expect(Object.keys(emptied).filter((k) => k.includes(lesson) || k === 'learner')).toEqual([]);
    await expect(card.getByTestId('note')).toHaveValue('');

    await page.getByTestId('import').setInputFiles(file);
    await expect(page.getByTestId('data-status')).toContainText('Import finished');
    expect(await stored(context)).toEqual(before);
    await expect(card.getByTestId('note')).toHaveValue('Watch three competitors every Monday.');
  });
});
