// The trainer's class report in the built extension, against the real Learning Locker (in memory, Basic auth checked)
// holding a generated class: reached from the options page, credentials kept for the session only unless
// "remember", every count equal to the generator's, the controls reported missing listed, a CSV export, a clear
// message for wrong credentials, and no axe violations in English and French, light and dark.
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateClass } from '../support/class-generator';
import { postStatements, startLrs, type Lrs } from '../support/lrs-server';
import { expect, launchWithExtension, test } from './fixtures';
import { chromeBuild, requireBuild } from './paths';

declare const chrome: { storage: { local: { get(keys: string | null): Promise<Record<string, unknown>> }; session: { get(keys: string | null): Promise<Record<string, unknown>> } } };

const credentials = { username: 'trainer-key', password: 'trainer-secret' };
const generated = generateClass({ learners: 12, seed: 5 });
let lrs: Lrs;
let extensionDir = '';

test.beforeAll(async () => {
  lrs = await startLrs({ credentials });
  await postStatements(lrs.endpoint, generated.statements, { authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}` });
  // The built extension as a trainer has it once they allowed their LRS's origin: the optional host permission the
  // page asks for is granted in the manifest, since a test cannot click the browser's own permission prompt.
  extensionDir = mkdtempSync(join(tmpdir(), 'tw-report-ext-'));
  cpSync(requireBuild(chromeBuild), extensionDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions = [...manifest.host_permissions, 'http://127.0.0.1/*'];
  writeFileSync(join(extensionDir, 'manifest.json'), JSON.stringify(manifest));
});
test.afterAll(async () => {
  await lrs?.close();
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

async function launch(options: { locale?: string; colorScheme?: 'light' | 'dark' } = {}) {
  const launched = await launchWithExtension(extensionDir, options);
  // The fixture aborts every request a test does not serve: the LRS on this machine is let through.
  await launched.context.route(`http://127.0.0.1:${lrs.port}/**`, (route) => route.continue());
  return launched;
}

async function expectNoViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(
    results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `${what}: axe violations`,
  ).toEqual([]);
}

/** From the options page's trainer section (its link opens a tab), or straight at its address. */
async function openReport(context: BrowserContext, extensionId: string, { viaOptions = true } = {}): Promise<Page> {
  if (!viaOptions) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/report.html`);
    return page;
  }
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // (The welcome page may open too, on install: wait for the report's tab.)
  const opened = context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/report.html') });
  await options.getByTestId('open-report').click();
  const page = await opened;
  await page.waitForLoadState();
  expect(new URL(page.url()).pathname).toBe('/report.html');
  await options.close();
  return page;
}

async function readClass(page: Page, password = credentials.password) {
  await page.getByTestId('report-endpoint').fill(lrs.endpoint);
  await page.getByTestId('report-username').fill(credentials.username);
  await page.getByTestId('report-password').fill(password);
  await page.getByTestId('report-pack').fill(generated.pack.id);
  await page.getByTestId('report-read').click();
}

test('a trainer reads the class from the LRS: counts equal the generator’s, broken controls listed, CSV export, session-only credentials', async () => {
  const { context, extensionId, cleanup } = await launch();
  try {
    const page = await openReport(context, extensionId);
    await readClass(page);
    await expect(page.getByTestId('report-status')).toContainText(`${generated.statements.length.toLocaleString('en-US')} statements read`, { timeout: 20_000 });
    await expect(page.getByTestId('report-learners')).toContainText(`Learners: ${generated.learners}.`);

    // Every lesson's row against the generator.
    const rows = page.getByTestId('report-lesson-row');
    await expect(rows).toHaveCount(Object.keys(generated.lessons).length);
    for (const [lessonId, want] of Object.entries(generated.lessons)) {
      const row = rows.and(page.locator(`[data-lesson="${lessonId}"]`));
      await expect(row.locator('[data-col=started]')).toHaveText(String(want.started));
      await expect(row.locator('[data-col=completed]')).toHaveText(String(want.completed));
      await expect(row.locator('[data-col=skipped]')).toHaveText(String(want.skipped));
      await expect(row.locator('[data-col=not-completed]')).toHaveText(String(want.notCompleted));
    }
    // Where learners stop, for one lesson, step by step.
    const [someLesson, someWant] = Object.entries(generated.lessons).find(([, l]) => l.notCompleted > 0)!;
    const details = page.locator(`[data-testid=report-lesson][data-lesson="${someLesson}"]`);
    await details.locator('summary').click();
    for (const [stepId, step] of Object.entries(someWant.steps)) await expect(details.locator(`tr[data-step="${stepId}"] td`).nth(2)).toHaveText(String(step.stoppedHere));
    // The controls reported missing.
    for (const [anchor, want] of Object.entries(generated.anchors)) {
      const row = page.locator(`[data-testid=report-anchor-row][data-anchor="${anchor}"]`);
      await expect(row.locator('[data-col=reports]')).toHaveText(String(want.reports));
      await expect(row.locator('[data-col=learners]')).toHaveText(String(want.learners));
    }

    // CSV export.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('report-csv').click();
    const csv = readFileSync((await (await downloading).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^row,pack_id,lesson_id,step_id,anchor,title,started,completed,skipped,/);
    expect(csv.split('\r\n').filter((l) => l.startsWith('lesson,'))).toHaveLength(Object.keys(generated.lessons).length);

    // Not asked to remember: the credentials are in the session area, not in storage.local; the page refills them.
    const [worker] = context.serviceWorkers();
    expect(await worker!.evaluate(() => chrome.storage.local.get('reportLrs'))).toEqual({});
    expect(await worker!.evaluate(() => chrome.storage.session.get('reportLrs'))).toMatchObject({ reportLrs: { endpoint: lrs.endpoint, username: credentials.username } });
    await page.reload();
    await expect(page.getByTestId('report-password')).toHaveValue(credentials.password);
    await page.getByTestId('report-forget').click();
    await expect(page.getByTestId('report-status')).toHaveText('Credentials forgotten.');
    expect(await worker!.evaluate(() => chrome.storage.session.get('reportLrs'))).toEqual({});

    // Wrong credentials: said plainly, no report.
    await readClass(page, 'wrong');
    await expect(page.getByTestId('report-status')).toContainText('refused these credentials');
    await expect(page.getByTestId('report')).toHaveCount(0);
  } finally {
    await cleanup();
  }
});

for (const [locale, colorScheme] of [
  ['en-US', 'light'],
  ['fr-FR', 'dark'],
] as const) {
  test(`class report: no axe violations (${locale}, ${colorScheme})`, async () => {
    const { context, extensionId, cleanup } = await launch({ locale, colorScheme });
    try {
      // (Opened by address: a tab the extension opens itself does not get the test's language emulation.)
      const page = await openReport(context, extensionId, { viaOptions: false });
      await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
      await expect(page.locator('h1')).toHaveText(locale === 'fr-FR' ? 'La progression de votre classe' : 'Your class’s progress'.replace('’', "'"));
      await expectNoViolations(page, 'report (form)');
      await readClass(page);
      await expect(page.getByTestId('report-lesson-row').first()).toBeVisible({ timeout: 20_000 });
      await page.getByTestId('report-lesson').first().locator('summary').click();
      if (process.env.TW_SCREENSHOTS) {
        await page.screenshot({ path: `/tmp/report-${locale}-${colorScheme}-1.png` });
        await page.getByTestId('report-lesson').first().screenshot({ path: `/tmp/report-${locale}-${colorScheme}-2.png` });
      }
      await expectNoViolations(page, 'report (figures)');
      if (locale === 'fr-FR') await expect(page.getByTestId('report-status')).toContainText('déclarations lues');
    } finally {
      await cleanup();
    }
  });
}
