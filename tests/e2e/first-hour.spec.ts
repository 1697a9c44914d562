// A learner's first hour, as a person notices it (issue 17): each test fails on the product before its fix.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The computed font size of every visible element holding text of its own, smallest first. */
async function textSizes(page: Page): Promise<Array<{ px: number; text: string }>> {
  return page.evaluate(() => {
    const out: Array<{ px: number; text: string }> = [];
    for (const el of document.body.querySelectorAll('*')) {
      const own = [...el.childNodes].filter((n) => n.nodeType === 3 && n.textContent!.trim()).map((n) => n.textContent!.trim()).join(' ');
      if (!own || !(el as HTMLElement).checkVisibility?.()) continue;
      out.push({ px: parseFloat(getComputedStyle(el).fontSize), text: own.slice(0, 40) });
    }
    return out.sort((a, b) => a.px - b.px);
  });
}

test.describe('readable text on the extension pages', () => {
  // Extension pages get `body { font-size: 75% }` from the browser: 14 px set on :root became 10.5 px. Body text is
  // 14 px; only the design's small print (badges, captions) may go down to 12 px.
  for (const page of ['popup.html', 'options.html', 'welcome.html']) {
    test(`${page}: body text at 14 px, nothing under 12`, async ({ context, extensionId }) => {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${page}`);
      await expect(tab.locator('body')).not.toBeEmpty();
      await tab.waitForLoadState('networkidle');
      expect(await tab.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBe(14);
      const sizes = await textSizes(tab);
      expect(sizes.length).toBeGreaterThan(3);
      expect(sizes[0]!.px, JSON.stringify(sizes.slice(0, 3))).toBeGreaterThanOrEqual(12);
      const paragraphs = await tab.evaluate(() => [...document.querySelectorAll('p, li, label')].filter((e) => (e as HTMLElement).checkVisibility?.()).map((e) => parseFloat(getComputedStyle(e).fontSize)));
      for (const px of paragraphs) expect(px).toBeGreaterThanOrEqual(13);
    });
  }
});

test('the questionnaire opens once, not again at each start of a browser that loads the extension itself', async () => {
  // A browser started with --load-extension reports an "install" at every start, on the same profile.
  const { chromium } = await import('@playwright/test');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { chromeBuild } = await import('./paths');
  const { CHROMIUM_ARGS } = await import('./fixtures');
  const profile = mkdtempSync(join(tmpdir(), 'tw-restart-'));
  const welcomeTabs = async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS, `--disable-extensions-except=${chromeBuild}`, `--load-extension=${chromeBuild}`],
    });
    try {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      // Give the worker's install handling time to open its tab (or not).
      await worker.evaluate(() => new Promise((done) => setTimeout(done, 1500)));
      return context.pages().filter((p) => p.url().endsWith('/welcome.html')).length;
    } finally {
      await context.close();
    }
  };
  try {
    expect(await welcomeTabs(), 'first start: the welcome page').toBe(1);
    expect(await welcomeTabs(), 'second start of the same profile: nothing opens').toBe(0);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

// ---- the overlay: a task is never lost, every card can be put away, no silent gap, one's own profile ------------

declare const chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
const PACK_ID = 'trainingwheels.default';
const LEARNER = { guideEnabled: true, disabledNetworks: [], locale: 'en', path: 'experimenter', secondaryPath: null, balanced: false, pathSource: 'chosen', answers: null, pathSetAt: 1 };

/** The learner with a task under way (its first step not done yet). */
async function withTask(context: import('@playwright/test').BrowserContext, network: string, lessonId: string, path = LEARNER.path) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const at = Date.now() - 60_000;
  await worker.evaluate((items) => chrome.storage.local.set(items), {
    learner: { ...LEARNER, path },
    [`started:${PACK_ID}/${lessonId}`]: { at },
    activeTask: { packId: PACK_ID, lessonId, network, startedAt: at },
  });
}

test('a task step put away (Esc or –) is never lost: the launcher says "Resume step N" and brings it back', async ({ context, serve }) => {
  await withTask(context, 'linkedin', 'li-event-posting');
  await serve('https://www.linkedin.com/feed/', { real: 'linkedin/feed-2025-04.html' });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  const task = page.getByTestId('tw-task');
  // Beside its control (the step shows in the panel first, while its control is looked for: a key pressed there
  // could land as the card moves).
  await expect(page.getByTestId('tw-hint').getByTestId('tw-task')).toBeVisible();
  const step = await task.getAttribute('data-step');
  await task.locator('button').first().focus();
  await page.keyboard.press('Escape');
  await expect(task).toHaveCount(0);
  const launcher = page.getByTestId('tw-launcher');
  await expect(launcher).toHaveAttribute('aria-label', /^Resume step \d+: /);
  await launcher.click();
  await expect(task).toHaveAttribute('data-step', step!);
});

test('a step shown in the panel (its control not on the page) shows at once, and collapses to the launcher like any card', async ({ context, serve }) => {
  // yt-account-security starts at the channel list, a control YouTube's home page does not have.
  await withTask(context, 'youtube', 'yt-account-security');
  await serve('https://www.youtube.com/', { real: 'youtube/home-2025-04.html' });
  const page = await context.newPage();
  await page.goto('https://www.youtube.com/');
  const panel = page.getByTestId('tw-docked');
  const task = panel.getByTestId('tw-task');
  // At once (the old product showed nothing for ~3 s, while the control was looked for).
  await expect(task).toBeVisible({ timeout: 1_500 });
  await panel.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId('tw-launcher')).toHaveAttribute('aria-label', /^Resume step \d+: /);
  await page.getByTestId('tw-launcher').click();
  await expect(page.getByTestId('tw-task')).toBeVisible();
  // The panel's own "–" puts it away too; the card in it has no second "–".
  await expect(page.getByTestId('tw-docked').getByRole('button', { name: 'Minimise the guide' })).toHaveCount(1);
  await page.getByTestId('tw-docked').getByRole('button', { name: 'Minimise the guide' }).click();
  await expect(page.getByTestId('tw-docked')).toHaveCount(0);
});

test('own profile vs someone else’s: the profile lesson waits for the learner’s own profile, and runs there', async ({ context, serve }) => {
  await withTask(context, 'x', 'x-profile-bio');
  await serve('https://x.com/perceptnet', { real: 'x/profile-2025-04.html' });
  await serve('https://x.com/camille_demo', { synthetic: 'x-profile-self.html' });
  const theirs = await context.newPage();
  await theirs.goto('https://x.com/perceptnet');
  await theirs.getByTestId('tw-launcher').click();
  await expect(theirs.getByTestId('tw-resume')).toContainText('your own profile');
  await expect(theirs.getByTestId('tw-task')).toHaveCount(0);
  const mine = await context.newPage();
  await mine.goto('https://x.com/camille_demo');
  await expect(mine.getByTestId('tw-task')).toHaveAttribute('data-lesson', 'x-profile-bio');
});

test('a card never covers the menu its control opened: X’s More, whose menu holds Lists', async ({ context, serve }) => {
  // The experimenter's first step of the private-List lesson starts at More in the side menu.
  await withTask(context, 'x', 'x-private-list-watch');
  await serve('https://x.com/perceptnet', { real: 'x/profile-2025-04.html' });
  const page = await context.newPage();
  await page.goto('https://x.com/perceptnet');
  const card = page.getByTestId('tw-hint');
  await expect(card).toHaveAttribute('data-anchor', 'x.nav.more');
  await expect(card).toBeVisible();
  // X's part (the saved page's scripts do not run): More opens its menu of links just under itself, as a dropdown.
  await page.evaluate(() => {
    const more = document.querySelector('[data-testid="AppTabBar_More_Menu"]')!;
    more.addEventListener('click', () => {
      const box = more.getBoundingClientRect();
      const menu = document.createElement('div');
      menu.setAttribute('role', 'menu');
      menu.style.cssText = `position:fixed;left:${box.left}px;top:${box.bottom}px;width:300px;height:360px;background:#fff`;
      menu.innerHTML = '<a role="menuitem" href="/perceptnet/lists">Lists</a>';
      document.body.append(menu);
      more.setAttribute('aria-expanded', 'true');
    });
  });
  await page.locator('[data-testid="AppTabBar_More_Menu"]').click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  const overlap = async () => {
    const [a, b] = [await card.boundingBox(), await menu.boundingBox()];
    return !!a && !!b && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  };
  await expect.poll(overlap, { message: 'the card moves off the menu the learner must use' }).toBe(false);
  // And Lists, in that menu, can be clicked: nothing of ours lies over it.
  await page.getByRole('menuitem', { name: 'Lists' }).click({ trial: true });
});

test('opening "Why it matters" keeps the card on its side of the control (1024×700)', async ({ context, serve }) => {
  await serve('https://www.linkedin.com/feed/', { real: 'linkedin/feed-2025-04.html' });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto('https://www.linkedin.com/feed/');
  const card = page.getByTestId('tw-hint');
  await expect(card).toHaveAttribute('data-placement', 'bottom');
  const before = (await card.boundingBox())!;
  await card.getByText('Why it matters').click();
  await expect.poll(async () => (await card.boundingBox())!.height).toBeGreaterThan(before.height + 100);
  // The grown card stays below its control, where the learner was reading (it scrolls inside if it must); the old
  // one jumped to the control's right.
  await expect(card).toHaveAttribute('data-placement', 'bottom');
  const after = (await card.boundingBox())!;
  expect([after.x, after.y]).toEqual([before.x, before.y]);
});

test('a faded hint’s beacon is never drawn over the open card', async ({ context, serve }) => {
  const [worker] = context.serviceWorkers();
  // Practised once, the privacy lesson fades to a beacon at Me (lessons/engine FADE_THRESHOLDS).
  await worker!.evaluate(() => chrome.storage.local.set({ 'completed:trainingwheels.default/li-privacy-audience': { at: Date.now() - 1000 } }));
  await serve('https://www.linkedin.com/feed/', { real: 'linkedin/feed-2025-04.html' });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  const card = page.getByTestId('tw-hint');
  await expect(card).toHaveAttribute('data-placement', /./);
  const beacon = page.getByTestId('tw-beacon');
  await expect(beacon).toBeVisible();
  const box = (await card.boundingBox())!;
  // Me lies under the card (the site's layout in a narrow window puts it there): the beacon follows it.
  await page.evaluate(([x, y]) => {
    const me = document.querySelector<HTMLElement>('#global-nav button.global-nav__primary-link-me-menu-trigger')!;
    me.style.cssText = `position:fixed;left:${x}px;top:${y}px;width:40px;height:40px`;
  }, [box.x + 100, box.y + 80]);
  await expect.poll(async () => {
    const dot = (await beacon.boundingBox())!;
    return dot.x > box.x && dot.x < box.x + box.width && dot.y > box.y && dot.y < box.y + box.height;
  }).toBe(true);
  // What the learner sees at that point is the card, not a dot over its text.
  const seen = await beacon.evaluate((dot) => {
    const r = dot.getBoundingClientRect();
    const top = (dot.getRootNode() as ShadowRoot).elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return top === dot ? 'beacon' : top?.closest('[data-testid="tw-hint"]') ? 'card' : 'something else';
  });
  expect(seen).toBe('card');
});

test('steps in a sensible order: the analyst searches before being asked what the search turned up (YouTube)', async ({ context, serve }) => {
  await withTask(context, 'youtube', 'yt-faq-playlist-plan', 'analyst');
  await serve('https://www.youtube.com/', { real: 'youtube/home-2025-04.html' });
  const page = await context.newPage();
  await page.goto('https://www.youtube.com/');
  // The analyst's first step was "What comes up?", before any search; it now reads the search's result, after it.
  await expect(page.getByTestId('tw-task')).toHaveAttribute('data-step', 'search-as-customer');
  await expect(page.getByTestId('tw-task')).toContainText('Type your customers');
});
