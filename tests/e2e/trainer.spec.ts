// Trainer mode on the real LinkedIn feed (saved page, served at its real URL): hovering outlines, clicking
// "Start a post" proposes an anchor definition and a draft step as YAML; the shared resolver, bundled on its own and
// run in the page, must resolve that definition to the very button that was clicked. Also the options page's Packs
// and Diagnostics sections.
import type { Worker } from '@playwright/test';
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { expect, test } from './fixtures';
import { projectRoot, requireRealPages } from './paths';

/** The options page's switch, set from the service worker (same storage.local key). */
const setTrainerMode = (worker: Worker, on: boolean) =>
  worker.evaluate((value) => (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({ trainerMode: value }), on);

async function resolverBundle(): Promise<string> {
  const out = await build({ entryPoints: [resolve(projectRoot, 'components/anchors/resolver.ts')], bundle: true, format: 'iife', globalName: 'TWResolver', write: false, logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

test('trainer mode proposes, for "Start a post" on the real feed, a definition the resolver resolves to that button', async ({ context, serve }) => {
  requireRealPages();
  const [worker] = context.serviceWorkers();
  await setTrainerMode(worker!, true);
  await serve('https://www.linkedin.com/feed/', { real: 'linkedin/feed-2025-04.html' });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  const panel = page.getByTestId('tw-trainer');
  await expect(panel).toBeVisible();

  const button = page.getByRole('button', { name: 'Start a post', exact: true });
  await expect(button).toHaveCount(1);
  await button.hover();
  await button.click();

  await expect(panel).toHaveAttribute('data-resolves', 'true');
  const yamlText = (await page.getByTestId('tw-trainer-yaml').textContent()) ?? '';
  const proposal = parse(yamlText) as { anchors: Record<string, unknown[]>; lessons: Array<{ network: string; pages: string[]; steps: Array<{ anchor: string; done: unknown }> }> };
  const [anchorName, strategies] = Object.entries(proposal.anchors)[0]!;
  expect(anchorName).toMatch(/^linkedin\.feed\./);
  expect(proposal.lessons[0]).toMatchObject({ network: 'linkedin', pages: ['feed'] });
  expect(proposal.lessons[0]!.steps[0]).toMatchObject({ anchor: anchorName, done: { click: 'anchor' } });
  // Role and accessible name (or a test id / id) before classes: the first strategy is not a bare class selector.
  expect(JSON.stringify(strategies[0])).not.toMatch(/"css":"button\./);
  // The page's own click handler never saw the click: no share box opened.
  expect(await page.evaluate(() => document.querySelector('[role=dialog].share-box, .share-creation-state') === null)).toBe(true);

  // Independent check: the resolver alone, in the page, with the proposed definition.
  await page.evaluate(`${await resolverBundle()}; window.TWResolver = TWResolver;`);
  const handle = await button.elementHandle();
  const same = await page.evaluate(
    ([def, el]) => {
      const api = (window as unknown as { TWResolver: { resolveAnchor: (n: string, r: unknown, root: ParentNode) => { element: Element | null } } }).TWResolver;
      return api.resolveAnchor('pick', { pick: { strategies: def } }, document).element === el;
    },
    [strategies, handle] as const,
  );
  expect(same).toBe(true);

  // Switching trainer mode off removes it from the tab.
  await setTrainerMode(worker!, false);
  await expect(panel).toHaveCount(0);
});

test('options page: Packs lists the built-in pack; a broken YAML file shows the validator messages; a good one is listed and can be disabled and removed', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const packs = page.getByTestId('packs');
  await expect(packs.getByTestId('pack-row')).toHaveCount(1);
  await expect(packs.getByTestId('pack-row').first()).toHaveAttribute('data-pack', 'trainingwheels.default');

  await page.getByTestId('pack-import').setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from('schema: 1\nid: acme.x\nversion: 1.2\ntitle: { en: T, fr: T }\nlessons: []\n') });
  await expect(page.getByTestId('pack-errors')).toContainText('broken.yaml:3:10: version');

  await page.getByTestId('pack-import').setInputFiles(resolve(projectRoot, 'lessons/examples/example-pack.yaml'));
  await expect(page.getByTestId('pack-import-status')).toContainText('acme.linkedin-basics');
  const row = packs.locator('[data-testid=pack-row][data-pack="acme.linkedin-basics"]');
  await expect(row).toHaveAttribute('data-enabled', 'true');
  await row.getByTestId('pack-enabled').click();
  await expect(row).toHaveAttribute('data-enabled', 'false');
  await row.getByTestId('pack-remove').click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('diagnostics')).toContainText('No policy');
});
