import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromeBuild, requireBuild } from './paths';
import { readServed, type Served } from './served';

export type { Served };

export interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  /** Serve `served` at `url` (and every later navigation of that origin to the same path). */
  serve: (url: string, served: Served) => Promise<void>;
  openPopup: () => Promise<Page>;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchWithExtension(extensionDir = chromeBuild, options: { colorScheme?: 'light' | 'dark'; locale?: string } = {}) {
  requireBuild(extensionDir);
  const userDataDir = mkdtempSync(join(tmpdir(), 'tw-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1366, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  // Nothing leaves the machine: every request not served by a test is aborted.
  await context.route(/^https?:\/\//, (route) => route.abort());
  let worker: Worker | undefined = context.serviceWorkers()[0];
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  // The background registers the networks' guide scripts at its start: a page opened before would have none.
  await guideScriptsRegistered(worker, 4);
  const cleanup = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { context, extensionId, cleanup };
}

/**
 * Waits until the background has registered `count` guide scripts (components/state/guide-scripts.ts): four with the
 * guide on everywhere, fewer once the learner switched it off somewhere.
 */
export async function guideScriptsRegistered(worker: Worker, count: number): Promise<void> {
  const registered = () =>
    worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith('guide-')).length);
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((done) => setTimeout(done, 50))) {
    if ((await registered()) === count) return;
  }
  throw new Error(`the background did not register ${count} guide scripts within 10 s (${await registered()} are)`);
}

export async function serveOn(context: BrowserContext, url: string, served: Served): Promise<void> {
  const { body, headers } = readServed(served);
  const target = new URL(url);
  await context.route(
    (candidate) => candidate.origin === target.origin && candidate.pathname === target.pathname,
    (route) => (route.request().resourceType() === 'document' ? route.fulfill({ status: 200, headers, body }) : route.abort()),
  );
}

export const test = base.extend<ExtensionFixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const { context, cleanup } = await launchWithExtension();
    await use(context);
    await cleanup();
  },
  extensionId: async ({ context }, use) => {
    let worker = context.serviceWorkers()[0];
    worker ??= await context.waitForEvent('serviceworker');
    await use(new URL(worker.url()).host);
  },
  serve: async ({ context }, use) => {
    await use((url, served) => serveOn(context, url, served));
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      return popup;
    });
  },
});

export const expect = test.expect;

/**
 * The overlay's host element, placed by the content script. Only a test build labels it (components/test-hooks.ts):
 * in production it is a bare <div> with a closed shadow root.
 */
export const overlayHost = (page: Page) => page.locator('[data-tw-host]');

/** Where the task is: `step#micro-step` ('#' alone outside a walk; 'none' without a task card), read at once: the card may go between two reads. */
export const taskPosition = (page: Page): Promise<string> =>
  page.getByTestId('tw-task').evaluateAll((cards) => (cards[0] ? `${cards[0].getAttribute('data-step')}#${cards[0].getAttribute('data-walk-index') ?? ''}` : 'none'));

/**
 * A real click (the browser's input, trusted) at the centre of the ring our overlay draws around the current control,
 * once it has settled: the ring and the page's scroll position the same over three reads 150 ms apart. A step whose
 * control is out of view scrolls it in smoothly, and the ring follows a frame behind: two equal reads of the ring alone
 * could pass during the scroll (the likeliest cause of a CI run's walk not moving on after its click, 2026-12-03).
 */
export async function clickRing(page: Page, message = 'the step rings its control'): Promise<string> {
  const ring = page.locator('[data-tw-host] .tw-ring');
  await expect(ring, message).toBeVisible();
  const read = async () => JSON.stringify([await ring.boundingBox(), await page.evaluate(() => [scrollX, scrollY])]);
  const reads = [await read()];
  await expect
    .poll(async () => {
      reads.push(await read());
      return reads.slice(-3).length === 3 && new Set(reads.slice(-3)).size === 1;
    }, { message: `${message}, and stays put`, intervals: [150] })
    .toBe(true);
  const box = await ring.boundingBox();
  expect(box, message).not.toBeNull();
  const [x, y] = [box!.x + box!.width / 2, box!.y + box!.height / 2];
  // What the click lands on, for a failure's message (our overlay lets clicks through: it is the page's element).
  const target = await page.evaluate(([px, py]) => {
    const hit = document.elementFromPoint(px!, py!);
    return `${hit?.tagName.toLowerCase()} at (${Math.round(px!)}, ${Math.round(py!)}), scrolled to ${Math.round(scrollY)}`;
  }, [x, y]);
  await page.mouse.click(x, y);
  return target;
}
