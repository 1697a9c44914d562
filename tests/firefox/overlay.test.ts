// Firefox end to end: puppeteer-core drives Debian's firefox-esr over WebDriver BiDi, installs the Firefox
// build as a temporary add-on, and serves pages at the sites' real URLs by request interception.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { readServed, type Served } from '../e2e/served';
import { firefoxBuild, requireBuild } from '../e2e/paths';

let browser: Browser;
/** The add-on's internal UUID, fixed by a preference so that the test can open its popup (moz-extension://UUID/…). */
const ADDON_UUID = '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

before(async () => {
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    defaultViewport: { width: 1366, height: 900 },
    extraPrefsFirefox: {
      // No traffic leaves the machine: no updates, no telemetry, no safe-browsing lists.
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'extensions.webextensions.uuids': JSON.stringify({ 'training-wheels@trainingwheels.app': ADDON_UUID }),
    },
  });
  await browser.installExtension(requireBuild(firefoxBuild));
});

after(async () => {
  await browser?.close();
});

async function openServed(url: string, served: Served): Promise<Page> {
  const { body, headers } = readServed(served);
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url() === url) void request.respond({ status: 200, headers, body });
    else void request.abort();
  });
  await page.goto(url);
  return page;
}

/**
 * An element inside our overlay's shadow root. Puppeteer's waitForSelector watches the light DOM for mutations and
 * misses changes inside a shadow root, so this polls instead.
 */
async function inOverlay(page: Page, selector: string, timeout: number): Promise<ElementHandle<Element>> {
  const handle = await page.waitForFunction((css) => document.querySelector('[data-tw-host]')?.shadowRoot?.querySelector(css), { polling: 100, timeout }, selector);
  return handle as ElementHandle<Element>;
}

async function box(page: Page, selector: string) {
  const handle = await page.waitForSelector(selector, { timeout: 10_000 });
  assert.ok(handle, `${selector} is on the page`);
  const rect = await handle.boundingBox();
  assert.ok(rect, `${selector} is rendered`);
  return rect;
}

test('Firefox: the overlay is injected on x.com and its first hint sits beside its control (the Home tab)', async () => {
  const page = await openServed('https://x.com/home', { synthetic: 'x-home.html' });
  // Placed once the browser has painted: wait for the card to be shown, not merely attached.
  const placed = await inOverlay(page, '[data-testid=tw-hint][style*="visible"]', 10_000);
  assert.equal(await placed.evaluate((el) => el.getAttribute('data-anchor')), 'x.nav.home');
  const card = await placed.boundingBox();
  const anchor = await box(page, '[data-testid=AppTabBar_Home_Link]');
  assert.ok(card, 'the card is rendered');
  const gapX = Math.max(card.x - (anchor.x + anchor.width), anchor.x - (card.x + card.width), 0);
  const gapY = Math.max(card.y - (anchor.y + anchor.height), anchor.y - (card.y + card.height), 0);
  assert.ok(gapX > 0 || gapY > 0, 'the card does not cover the control');
  assert.ok(Math.max(gapX, gapY) <= 24, `the card is next to the control (gap ${gapX}, ${gapY})`);
  const host = await page.$eval('[data-tw-host]', (el) => [el.getAttribute('data-network'), el.getAttribute('data-page-kind')]);
  assert.deepEqual(host, ['x', 'home']);
  await page.close();
});

test('Firefox: the page kind follows a pushState navigation within a second', async () => {
  const page = await openServed('https://www.linkedin.com/feed/', { synthetic: 'linkedin-feed.html' });
  await page.waitForSelector('[data-tw-host][data-page-kind=feed]', { timeout: 10_000 });
  await page.evaluate(() => history.pushState({}, '', '/in/camille-demo/'));
  await page.waitForSelector('[data-tw-host][data-page-kind=profile]', { timeout: 1_000 });
  await page.close();
});

test('Firefox: a guided task on X walked to completion, a step done by clicking the real control', async () => {
  const page = await openServed('https://x.com/home', { synthetic: 'x-home.html' });
  await inOverlay(page, '[data-testid=tw-hint]', 10_000);
  // Start "Being visible at an event" from the docked panel's list of this page's lessons.
  await (await inOverlay(page, '[data-testid=tw-launcher]', 2_000)).click();
  await (await inOverlay(page, 'li[data-lesson="x-event-visibility"] button', 2_000)).click();
  await inOverlay(page, '[data-testid=tw-task][data-lesson="x-event-visibility"]', 5_000);
  // The site's router keeps a link's click on the page (X's Post opens the composer over the timeline): the saved
  // page runs none of its scripts, so a handler stands in for it.
  await page.evaluate(() =>
    document.addEventListener('click', (event) => {
      if ((event.target as Element | null)?.closest?.('a[href]')) event.preventDefault();
    }),
  );
  /** Where the task is: its step and, in a walk, its micro-step. */
  const position = () =>
    page.evaluate(() => {
      const card = document.querySelector('[data-tw-host]')?.shadowRoot?.querySelector('[data-testid=tw-task]');
      return card ? `${card.getAttribute('data-step')}#${card.getAttribute('data-walk-index') ?? ''}` : 'none';
    });
  const signals: string[] = [];
  for (let guard = 0; guard < 30; guard++) {
    const task = await inOverlay(page, '[data-testid=tw-task]', 1_500).catch(() => null);
    if (!task) break; // the task is over
    const at = await position();
    // What the learner does now: a walk's current micro-step, else the step's own rule.
    const now = await task.evaluate((el) => el.getAttribute('data-now'));
    const ring = now === 'click' ? await inOverlay(page, '.tw-ring[style*="visible"]', 3_000).catch(() => null) : null;
    if (now === 'click' && ring) {
      const box = await ring.boundingBox();
      assert.ok(box, 'the step highlights its control');
      // The learner clicks the highlighted control itself (the ring lets clicks through to the page).
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      signals.push('click');
    } else {
      await (await inOverlay(page, '[data-testid=tw-done]', 1_000)).click();
      signals.push('done');
    }
    await page.waitForFunction(
      (previous) => {
        const card = document.querySelector('[data-tw-host]')?.shadowRoot?.querySelector('[data-testid=tw-task]');
        return (card ? `${card.getAttribute('data-step')}#${card.getAttribute('data-walk-index') ?? ''}` : 'none') !== previous;
      },
      { polling: 100, timeout: 5_000 },
      at,
    );
  }
  await inOverlay(page, '[data-testid=tw-complete]', 5_000);
  assert.ok(signals.includes('click'), `a step advanced on the learner's click (${signals.join(', ')})`);
  await page.close();
});

// Switching the guide off and on from the popup is checked in Chromium (tests/e2e/foundation.spec.ts) and, for the
// registration itself, by tests/unit/guide-scripts.test.ts: Firefox 153's WebDriver BiDi refuses to open a
// moz-extension:// page in a tab ("Navigation … is not allowed in this context"), so no test here can press the
// popup's switches.
