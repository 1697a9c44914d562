import type { Locator, Page } from '@playwright/test';
import { expect, guideScriptsRegistered, overlayHost, test, type Served } from './fixtures';

/** The hint card sits beside its control: not over it, and within a short gap of its box. */
async function expectBeside(card: Locator, anchor: Locator) {
  const a = await anchor.boundingBox();
  const c = await card.boundingBox();
  expect(a, 'the anchor is rendered').not.toBeNull();
  expect(c, 'the hint card is rendered').not.toBeNull();
  if (!a || !c) return;
  const gapX = Math.max(c.x - (a.x + a.width), a.x - (c.x + c.width), 0);
  const gapY = Math.max(c.y - (a.y + a.height), a.y - (c.y + c.height), 0);
  const overlaps = gapX === 0 && gapY === 0;
  expect(overlaps, `the card ${JSON.stringify(c)} must not cover the control ${JSON.stringify(a)}`).toBe(false);
  expect(Math.max(gapX, gapY), 'the card is next to the control').toBeLessThanOrEqual(24);
  const viewport = card.page().viewportSize()!;
  expect(c.x >= 0 && c.y >= 0 && c.x + c.width <= viewport.width && c.y + c.height <= viewport.height, 'inside the viewport').toBe(true);
}

// The first lesson of the default pack on each page, and the real control its hint points at.
const cases: Array<{ name: string; url: string; served: Served; anchorName: string; anchor: (page: Page) => Locator; network: string; pageKind: string }> = [
  { name: 'LinkedIn (synthetic)', url: 'https://www.linkedin.com/feed/', served: { synthetic: 'linkedin-feed.html' }, anchorName: 'linkedin.nav.search', anchor: (p) => p.locator('input.search-global-typeahead__input'), network: 'linkedin', pageKind: 'feed' },
  { name: 'X (synthetic)', url: 'https://x.com/home', served: { synthetic: 'x-home.html' }, anchorName: 'x.nav.home', anchor: (p) => p.locator('[data-testid=AppTabBar_Home_Link]'), network: 'x', pageKind: 'home' },
  { name: 'Facebook (synthetic)', url: 'https://www.facebook.com/', served: { synthetic: 'facebook-feed.html' }, anchorName: 'facebook.nav.account', anchor: (p) => p.locator('[role=banner] [role=button][aria-label="Your profile"]'), network: 'facebook', pageKind: 'feed' },
  { name: 'YouTube (synthetic)', url: 'https://www.youtube.com/', served: { synthetic: 'youtube-home.html' }, anchorName: 'youtube.masthead.search', anchor: (p) => p.locator('input[name=search_query]'), network: 'youtube', pageKind: 'home' },
  { name: 'LinkedIn feed (real saved page)', url: 'https://www.linkedin.com/feed/', served: { real: 'linkedin/feed-2025-04.html' }, anchorName: 'linkedin.nav.search', anchor: (p) => p.locator('#global-nav input.search-global-typeahead__input'), network: 'linkedin', pageKind: 'feed' },
  { name: 'X home (real saved page)', url: 'https://x.com/home', served: { real: 'x/home-2025-04.html' }, anchorName: 'x.nav.home', anchor: (p) => p.locator('[data-testid=AppTabBar_Home_Link]'), network: 'x', pageKind: 'home' },
  { name: 'YouTube home (real saved page)', url: 'https://www.youtube.com/', served: { real: 'youtube/home-2025-04.html' }, anchorName: 'youtube.masthead.search', anchor: (p) => p.locator('ytd-masthead input[name=search_query]').first(), network: 'youtube', pageKind: 'home' },
];

for (const c of cases) {
  test(`${c.name}: the first hint sits beside its control`, async ({ context, serve }) => {
    await serve(c.url, c.served);
    const page = await context.newPage();
    await page.goto(c.url);
    const host = overlayHost(page);
    await expect(host).toHaveAttribute('data-network', c.network);
    await expect(host).toHaveAttribute('data-page-kind', c.pageKind);
    const card = page.getByTestId('tw-hint');
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-anchor', c.anchorName);
    await expectBeside(card, c.anchor(page));
    await expect(page.getByTestId('tw-docked')).toHaveCount(0);
  });
}

test('the card follows its control when the page shifts it (no scroll, no resize), puts content above it, scrolls or is resized', async ({ context, serve }) => {
  await serve('https://www.linkedin.com/feed/', { real: 'linkedin/feed-2025-04.html' });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  const card = page.getByTestId('tw-hint');
  const control = page.locator('#global-nav input.search-global-typeahead__input');
  await expect(card).toBeVisible();
  await expectBeside(card, control);
  const besideSoon = () => expect(async () => expectBeside(card, control)).toPass({ timeout: 2_000, intervals: [50, 100, 200] });

  // A layout shift: the site moves the control's bar without resizing it (no resize, no scroll event).
  await control.evaluate((input) => {
    const bar = input.closest('#global-nav') as HTMLElement;
    bar.style.transform = 'translate(-120px, 140px)';
  });
  await besideSoon();

  // Content inserted above it (the saved page is unstyled, so its bar is in the flow, not fixed).
  await control.evaluate((input) => {
    (input.closest('#global-nav') as HTMLElement).style.transform = '';
    const banner = Object.assign(document.createElement('div'), { textContent: 'A banner the site inserted' });
    banner.style.height = '320px';
    document.body.prepend(banner);
  });
  await besideSoon();
  await page.mouse.wheel(0, 120);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
  await besideSoon();

  await page.setViewportSize({ width: 900, height: 700 });
  await besideSoon();
});

test('the launcher opens the panel with focus in it, Esc closes it, and the card beside its control is not drawn again meanwhile', async ({ context, serve }) => {
  // One renderer draws everything: opening and closing the panel redraws the panel only, never the card the learner
  // may be reading (or the control it follows).
  await serve('https://www.linkedin.com/feed/', { synthetic: 'linkedin-feed.html' });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  const card = page.getByTestId('tw-hint');
  await expect(card).toHaveAttribute('data-placement', /.+/);
  const drawnAtLoad = await card.elementHandle();

  await page.getByTestId('tw-launcher').click();
  await expect(page.getByTestId('tw-docked')).toBeFocused();
  await expect(page.getByTestId('tw-docked').locator('li[data-lesson]').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tw-launcher')).toBeFocused();
  await expect(card).toBeVisible();
  expect(await drawnAtLoad!.evaluate((element) => element.isConnected), 'the same card element stayed on the page').toBe(true);
});

test('"Got it" on the hint card: the hint goes for good and focus returns to its control', async ({ context, serve }) => {
  await serve('https://www.linkedin.com/feed/', { synthetic: 'linkedin-feed.html' });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  const body = page.getByTestId('tw-hint-body');
  await expect(body).toBeVisible();
  const dismissed = await body.getAttribute('data-lesson');
  await body.getByRole('button', { name: 'Got it, don’t show again' }).click();
  await expect(page.getByTestId('tw-hint')).toHaveCount(0);
  await expect(page.locator('input.search-global-typeahead__input')).toBeFocused();
  await page.reload();
  // The page's next lesson takes its place beside its own control; the dismissed one is not shown again as a card.
  await expect(page.getByTestId('tw-hint-body')).toBeVisible();
  await expect(page.getByTestId('tw-hint-body')).not.toHaveAttribute('data-lesson', dismissed!);
});

test('the hint docks in a panel, and says why, when its control is not on the page', async ({ context, serve }) => {
  // X's focus layout: the home timeline without the side navigation the first hint points at.
  await serve('https://x.com/home', { synthetic: 'x-focus.html' });
  const page = await context.newPage();
  await page.goto('https://x.com/home');
  const docked = page.getByTestId('tw-docked');
  await expect(docked).toBeVisible({ timeout: 8_000 });
  await expect(docked).toContainText('not on this page');
  await expect(page.getByTestId('tw-hint')).toHaveCount(0);
});

test('the overlay leaves the page’s own styles and layout alone', async ({ context, serve }) => {
  await serve('https://www.linkedin.com/feed/', { synthetic: 'linkedin-feed.html' });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  await expect(page.getByTestId('tw-hint')).toBeVisible();
  const snapshot = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((el) => !el.hasAttribute('data-tw-host'))
        .map((el) => {
          const r = el.getBoundingClientRect();
          return `${el.tagName}:${el.getAttribute('style') ?? ''}:${el.className}:${Math.round(r.x)},${Math.round(r.y)},${Math.round(r.width)},${Math.round(r.height)}`;
        })
        .join('\n'),
    );
  const withOverlay = await snapshot();
  // The same page with the overlay gone must have the very same boxes, inline styles and classes.
  await page.evaluate(() => document.querySelector('[data-tw-host]')?.remove());
  expect(await snapshot()).toBe(withOverlay);
  expect(await page.evaluate(() => document.documentElement.getAttribute('style') ?? '')).toBe('');
});

test('single-page navigation: the page kind follows pushState and back/forward within a second', async ({ context, serve }) => {
  await serve('https://www.linkedin.com/feed/', { synthetic: 'linkedin-feed.html' });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  const host = overlayHost(page);
  await expect(host).toHaveAttribute('data-page-kind', 'feed');
  await page.evaluate(() => history.pushState({}, '', '/in/camille-demo/'));
  await expect(host).toHaveAttribute('data-page-kind', 'profile', { timeout: 1_000 });
  await page.evaluate(() => history.pushState({}, '', '/company/acme-industries/'));
  await expect(host).toHaveAttribute('data-page-kind', 'company', { timeout: 1_000 });
  await page.goBack();
  await expect(host).toHaveAttribute('data-page-kind', 'profile', { timeout: 1_000 });
  await page.goBack();
  await expect(host).toHaveAttribute('data-page-kind', 'feed', { timeout: 1_000 });
  await page.goForward();
  await expect(host).toHaveAttribute('data-page-kind', 'profile', { timeout: 1_000 });
});

test('single-page navigation on YouTube, X and Facebook', async ({ context, serve }) => {
  await serve('https://www.youtube.com/', { synthetic: 'youtube-home.html' });
  await serve('https://x.com/home', { synthetic: 'x-home.html' });
  const yt = await context.newPage();
  await yt.goto('https://www.youtube.com/');
  await expect(overlayHost(yt)).toHaveAttribute('data-page-kind', 'home');
  await yt.evaluate(() => {
    history.pushState({}, '', '/watch?v=dQw4w9WgXcQ');
    document.dispatchEvent(new Event('yt-navigate-finish'));
  });
  await expect(overlayHost(yt)).toHaveAttribute('data-page-kind', 'watch', { timeout: 1_000 });
  const x = await context.newPage();
  await x.goto('https://x.com/home');
  await expect(overlayHost(x)).toHaveAttribute('data-page-kind', 'home');
  await x.evaluate(() => {
    history.pushState({}, '', '/explore');
    document.title = 'Explore / X';
  });
  await expect(overlayHost(x)).toHaveAttribute('data-page-kind', 'explore', { timeout: 1_000 });
  await serve('https://www.facebook.com/', { synthetic: 'facebook-feed.html' });
  const fb = await context.newPage();
  await fb.goto('https://www.facebook.com/');
  await expect(overlayHost(fb)).toHaveAttribute('data-page-kind', 'feed');
  await fb.evaluate(() => history.pushState({}, '', '/groups/feed/'));
  await expect(overlayHost(fb)).toHaveAttribute('data-page-kind', 'groups', { timeout: 1_000 });
  await fb.goBack();
  await expect(overlayHost(fb)).toHaveAttribute('data-page-kind', 'feed', { timeout: 1_000 });
});

test('the popup names the tab’s network and page, and its switches reach the open tab without a reload', async ({ context, serve, openPopup }) => {
  await serve('https://x.com/home', { synthetic: 'x-home.html' });
  const page = await context.newPage();
  await page.goto('https://x.com/home');
  await expect(page.getByTestId('tw-hint')).toBeVisible();
  const popup = await openPopup();
  await expect(popup.getByTestId('popup-page')).toHaveText('This tab: X (Twitter) — home timeline');

  const everywhere = popup.getByRole('switch', { name: 'Guide on all sites' });
  await expect(everywhere).toBeChecked();
  await everywhere.uncheck();
  await expect(overlayHost(page)).toHaveCount(0, { timeout: 1_000 });
  await everywhere.check();
  await expect(page.getByTestId('tw-hint')).toBeVisible({ timeout: 1_000 });

  const thisNetwork = popup.getByRole('switch', { name: 'Guide on X (Twitter)' });
  await thisNetwork.uncheck();
  await expect(overlayHost(page)).toHaveCount(0, { timeout: 1_000 });
  // Switched off for X only: another network still shows its guide.
  await serve('https://www.youtube.com/', { synthetic: 'youtube-home.html' });
  const yt = await context.newPage();
  await yt.goto('https://www.youtube.com/');
  await expect(yt.getByTestId('tw-hint')).toBeVisible();
  await thisNetwork.check();
  await expect(page.getByTestId('tw-hint')).toBeVisible();
});

test('where the guide is off, the network\'s tabs run none of our code; switched on, open tabs get it without a reload', async ({ context, serve, openPopup }) => {
  await serve('https://x.com/home', { synthetic: 'x-home.html' });
  const [worker] = context.serviceWorkers();
  const first = await context.newPage();
  await first.goto('https://x.com/home');
  await expect(first.getByTestId('tw-hint')).toBeVisible();
  const popup = await openPopup();
  await popup.getByRole('switch', { name: 'Guide on X (Twitter)' }).uncheck();
  await expect(overlayHost(first)).toHaveCount(0, { timeout: 1_000 });
  await guideScriptsRegistered(worker!, 3);
  const registered = await worker!.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id).sort());
  expect(registered).toEqual(['guide-facebook', 'guide-linkedin', 'guide-youtube']);

  // A new X tab: no script of ours ever starts there (no isolated world of the extension is created in the page).
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
    if (created.auxData?.type === 'isolated') worlds.push(created.name);
  });
  await cdp.send('Runtime.enable');
  await page.goto('https://x.com/home');
  await page.waitForTimeout(1_000);
  expect(worlds.filter((name) => name === 'Training Wheels')).toEqual([]);
  await expect(overlayHost(page)).toHaveCount(0);

  // Switched back on: the open tabs get the guide without a reload.
  await popup.bringToFront();
  await popup.getByRole('switch', { name: 'Guide on X (Twitter)' }).check();
  await expect(page.getByTestId('tw-hint')).toBeVisible({ timeout: 2_000 });
  await expect(first.getByTestId('tw-hint')).toBeVisible({ timeout: 2_000 });
  expect(worlds.filter((name) => name === 'Training Wheels')).toHaveLength(1);
});

test('the popup says when the tab is not on a supported site', async ({ context, openPopup }) => {
  await context.route('https://example.org/', (route) => route.fulfill({ body: '<title>Elsewhere</title><p>Elsewhere</p>', contentType: 'text/html' }));
  const page = await context.newPage();
  await page.goto('https://example.org/');
  const popup = await openPopup();
  await expect(popup.getByTestId('popup-page')).toContainText('not on LinkedIn, X, Facebook or YouTube');
  await expect(popup.getByRole('switch')).toHaveCount(1);
  expect(await overlayHost(page).count()).toBe(0);
});
