// Content health, end to end in the built extension: a lesson of a pack the learner subscribed to by URL needs a
// control the page does not offer (the pack's anchor strategy no longer matches, as after a site change); the
// content script reports it after its wait; Diagnostics shows it; the trainer publishes the pack again with one more
// strategy; after the scheduled update check (the background's alarm) the hint lands on the control, with no release.
import type { Page, Worker } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, launchWithExtension, serveOn, test } from './fixtures';
import { chromeBuild, requireBuild } from './paths';

declare const chrome: {
  storage: { local: { get(keys: string | null): Promise<Record<string, any>> } };
  alarms: { create(name: string, info: { when: number }): Promise<void> };
};

const PACK_URL = 'https://packs.acme.test/repair.json';
const ANCHOR = 'linkedin.feed.acmeComposer';
const text = (en: string, fr: string) => ({ en, fr });

/** A one-lesson pack whose step needs the pack's own anchor on the feed: `strategies` is what the trainer wrote. */
function pack(version: string, strategies: object[]) {
  const modes = ['CE', 'RO', 'AC', 'AE'] as const;
  return {
    schema: 1,
    id: 'acme.repair',
    version,
    title: text('Acme — posting', 'Acme — publier'),
    anchors: { [ANCHOR]: strategies },
    lessons: [
      {
        id: 'compose',
        network: 'linkedin',
        pages: ['feed'],
        title: text('Start a post', 'Commencer un post'),
        why: text('Posts are how colleagues see your work.', 'Les posts montrent votre travail à vos collègues.'),
        practiseSafely: text('Nothing is published until you press Post.', 'Rien n’est publié avant de cliquer sur Publier.'),
        example: text('A short note about a customer win.', 'Une courte note sur un succès client.'),
        hints: Object.fromEntries(['experimenter', 'analyst', 'thinker', 'maker'].map((p) => [p, text('This button starts a post.', 'Ce bouton commence un post.')])),
        hintAnchor: ANCHOR,
        steps: modes.map((mode, i) => ({ id: `s${i}`, mode, ...(i === 0 ? { anchor: ANCHOR } : {}), text: text(`Step ${i}.`, `Étape ${i}.`), done: 'manual' })),
        retrieval: [{ q: text('Where do you start a post?', 'Où commence-t-on un post ?'), a: text('At the top of the feed.', 'En haut du fil.') }],
      },
    ],
  };
}

let extensionDir = '';
test.beforeAll(() => {
  // As a learner has it once they allowed the pack's site (the browser's own prompt cannot be clicked by a test).
  extensionDir = mkdtempSync(join(tmpdir(), 'tw-health-ext-'));
  cpSync(requireBuild(chromeBuild), extensionDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions = [...manifest.host_permissions, 'https://packs.acme.test/*'];
  writeFileSync(join(extensionDir, 'manifest.json'), JSON.stringify(manifest));
});
test.afterAll(() => {
  if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
});

const anchorHealth = (worker: Worker) => worker.evaluate(async () => (await chrome.storage.local.get('anchorHealth')).anchorHealth as { reports: Array<Record<string, unknown>> } | undefined);

async function options(page: Page, extensionId: string) {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('packs')).toBeVisible();
}

test('a broken anchor is reported, shown in Diagnostics, repaired in the served pack, and after the update check the hint lands on the control', async () => {
  const { context, extensionId, cleanup } = await launchWithExtension(extensionDir);
  try {
    let served = pack('1.0.0', [{ css: '#acme-composer-2024', why: 'the 2024 layout' }]);
    const fetched: string[] = [];
    await context.route(PACK_URL, (route) => {
      fetched.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(served) });
    });
    const worker = context.serviceWorkers()[0]!;

    // The learner subscribes; only this pack teaches here (the built-in one is switched off).
    const settings = await context.newPage();
    await options(settings, extensionId);
    await settings.locator('[data-testid=pack-row][data-pack="trainingwheels.default"]').getByTestId('pack-enabled').click();
    await settings.getByTestId('pack-url').fill(PACK_URL);
    await settings.getByTestId('pack-subscribe').click();
    await expect(settings.getByTestId('pack-subscribe-status')).toContainText('acme.repair');

    // On the feed, the lesson's control is not found within its wait: reported once, nothing of the page in it.
    await serveOn(context, 'https://www.linkedin.com/feed/', { synthetic: 'linkedin-feed.html' });
    const feed = await context.newPage();
    await feed.goto('https://www.linkedin.com/feed/?utm_source=newsletter');
    await expect.poll(async () => (await anchorHealth(worker))?.reports ?? [], { timeout: 10_000 }).toHaveLength(1);
    const [report] = (await anchorHealth(worker))!.reports;
    expect(report).toMatchObject({ anchor: ANCHOR, network: 'linkedin', pageKind: 'feed', packId: 'acme.repair', packVersion: '1.0.0', lessonId: 'compose', stepId: null, count: 1 });
    expect(JSON.stringify(report)).not.toMatch(/utm_source|linkedin\.com|Start a post/);
    await expect(feed.locator(`[data-testid=tw-hint][data-anchor="${ANCHOR}"]`)).toHaveCount(0);

    await options(settings, extensionId);
    const row = settings.locator(`[data-testid=health-row][data-anchor="${ANCHOR}"]`);
    await expect(row).toContainText('acme.repair');
    await expect(row).toContainText('1.0.0');

    // The trainer repairs the anchor in the pack (a strategy by role and name) and publishes it at the same URL.
    served = pack('1.0.1', [{ role: 'button', name: { en: 'Start a post', fr: 'Commencer un post' }, why: 'the 2025 layout' }, { css: '#acme-composer-2024' }]);
    const before = fetched.length;
    // The background's scheduled check, now rather than in six hours.
    await worker.evaluate(() => chrome.alarms.create('tw:pack-updates', { when: Date.now() + 100 }));
    await expect.poll(() => fetched.length, { timeout: 15_000 }).toBeGreaterThan(before);
    await expect(settings.locator('[data-testid=pack-row][data-pack="acme.repair"]')).toContainText('1.0.1');

    // The open tab is told; the hint now stands beside the real "Start a post" button.
    const hint = feed.locator(`[data-testid=tw-hint][data-anchor="${ANCHOR}"]`);
    await expect(hint).toBeVisible({ timeout: 10_000 });
    const control = feed.getByRole('button', { name: 'Start a post', exact: true });
    const [h, c] = [await hint.boundingBox(), await control.boundingBox()];
    expect(h && c && Math.abs(h.y - (c.y + c.height)) < 200 && Math.abs(h.x - c.x) < 600, `hint ${JSON.stringify(h)} beside control ${JSON.stringify(c)}`).toBe(true);
    // Nothing more is reported for the repaired version.
    await feed.reload();
    await expect(hint).toBeVisible({ timeout: 10_000 });
    expect((await anchorHealth(worker))!.reports.filter((r) => r.packVersion === '1.0.1')).toEqual([]);
  } finally {
    await cleanup();
  }
});
