import type { Page } from '@playwright/test';
import { clickRing, expect, overlayHost, taskPosition, test, type Served } from './fixtures';

/** Opens the docked panel and starts a lesson of this page from its list. */
async function startLesson(page: Page, lessonId: string) {
  const launcher = page.getByTestId('tw-launcher');
  const panel = page.getByTestId('tw-docked');
  // The overlay mounts once the background has answered: wait for it (collapsed or open) before deciding to open it,
  // or an early check finds no launcher and the test waits for a panel nobody opened.
  await expect(launcher.or(panel)).toBeVisible();
  if (await launcher.isVisible()) await launcher.click();
  await panel.locator(`li[data-lesson="${lessonId}"] button`).click();
  await expect(page.getByTestId('tw-task')).toHaveAttribute('data-lesson', lessonId);
}

/** A concrete path for a `{ url }` pattern: each * becomes a plausible segment. */
const pathFor = (pattern: string) => pattern.replace(/\*\*?/g, 'demo');


/**
 * Walks the active task to its end as a learner would: what the step (or, in a walk, its current micro-step) waits
 * for is done on the page when its control is there — a click on the highlighted control itself (at the centre of
 * our ring, which lets clicks through to the page), typing into a highlighted field, a navigation for a URL — and
 * with Done otherwise (a saved page runs none of the site's scripts: its dialogs never open). Returns the signals
 * the learner's actions on the page gave.
 */
async function walkTask(page: Page): Promise<string[]> {
  const signals: string[] = [];
  for (let guard = 0; guard < 40; guard++) {
    const task = page.getByTestId('tw-task');
    if ((await task.count()) === 0) break;
    // A step whose control is out of view scrolls it in first; the card shows once it is there.
    await expect(task).toBeVisible();
    const before = await taskPosition(page);
    let clicked = '';
    const now = await task.getAttribute('data-now');
    const anchored = (await page.getByTestId('tw-hint').count()) > 0;
    if (now === 'click' && anchored) {
      clicked = await clickRing(page);
      signals.push('click');
    } else if (now === 'input' && anchored) {
      clicked = await clickRing(page);
      await page.keyboard.type('Hello');
      signals.push('input');
    } else if (now === 'url') {
      const target = pathFor((await task.getAttribute('data-url'))!);
      // The learner's own input on the page leads there (a link clicked, Enter pressed): a URL the page reaches by
      // itself completes nothing (sealed.spec.ts). A key press on the page, which it ignores, stands for it here.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Shift');
      await page.evaluate((path) => history.pushState({}, '', path), target);
      signals.push('url');
      // The learner looked there and comes back: the task goes on where it applies.
      await expect.poll(() => taskPosition(page)).not.toBe(before);
      await page.goBack();
      // Back on the page, the task shows again (its next step), or the lesson was over.
      await expect(page.getByTestId('tw-task').or(page.getByTestId('tw-complete')).first()).toBeVisible();
      continue;
    } else {
      await task.getByTestId('tw-done').click();
      signals.push('done');
    }
    await expect.poll(() => taskPosition(page), `the task moved on from ${before} after ${signals.at(-1)}${clicked ? ` (the click landed on ${clicked})` : ''}`).not.toBe(before);
  }
  await expect(page.getByTestId('tw-complete')).toBeVisible();
  return signals;
}

const walks: Array<{ network: string; url: string; served: Served; lesson: string; signal: string }> = [
  { network: 'LinkedIn', url: 'https://www.linkedin.com/feed/', served: { real: 'linkedin/feed-2025-04.html' }, lesson: 'li-event-posting', signal: 'click' },
  { network: 'X', url: 'https://x.com/home', served: { real: 'x/home-2025-04.html' }, lesson: 'x-event-visibility', signal: 'click' },
  { network: 'YouTube', url: 'https://www.youtube.com/', served: { real: 'youtube/home-2025-04.html' }, lesson: 'yt-unlisted-tutorial', signal: 'click' },
  { network: 'Facebook', url: 'https://web.facebook.com/', served: { real: 'facebook/home-feed-2022-04.html' }, lesson: 'fb-post-only-me', signal: 'click' },
];

for (const w of walks) {
  test(`${w.network}: a guided task walked to completion, clicking the real controls`, async ({ context, serve }) => {
    await serve(w.url, w.served);
    // Navigations within the task (URL steps) stay on the same served document: pushState only.
    const page = await context.newPage();
    await page.goto(w.url);
    await expect(overlayHost(page)).toBeAttached();
    // A saved page runs none of the site's scripts: its single-page router, which keeps a link's click on the page
    // (X's Post opens the composer over the timeline), is stood in for by a handler that keeps the document.
    await page.evaluate(() =>
      document.addEventListener('click', (event) => {
        if ((event.target as Element | null)?.closest?.('a[href]')) event.preventDefault();
      }),
    );
    await startLesson(page, w.lesson);
    const signals = await walkTask(page);
    expect(signals, 'at least one step advanced by itself on the learner’s real action').toContain(w.signal);
  });
}

test('a task resumes after a reload and in another tab, and shows an example on request', async ({ context, serve }) => {
  await serve('https://x.com/home', { synthetic: 'x-home.html' });
  const page = await context.newPage();
  await page.goto('https://x.com/home');
  await startLesson(page, 'x-event-visibility');
  const first = await page.getByTestId('tw-task').getAttribute('data-step');
  await page.getByTestId('tw-done').click();
  await expect(page.getByTestId('tw-task')).not.toHaveAttribute('data-step', first!);
  const second = await page.getByTestId('tw-task').getAttribute('data-step');

  await page.getByTestId('tw-example-toggle').click();
  await expect(page.getByTestId('tw-example')).toBeVisible();
  await expect(page.getByTestId('tw-example')).not.toBeEmpty();

  await page.reload();
  await expect(page.getByTestId('tw-task')).toHaveAttribute('data-step', second!);

  const other = await context.newPage();
  await other.goto('https://x.com/home');
  await expect(other.getByTestId('tw-task')).toHaveAttribute('data-step', second!);

  // Back returns to the previous step; the other tab follows.
  await page.getByTestId('tw-back').click();
  await expect(page.getByTestId('tw-task')).not.toHaveAttribute('data-step', second!);
  await expect(other.getByTestId('tw-task')).not.toHaveAttribute('data-step', second!);
});

test('the overlay is usable with the keyboard: Esc closes the card and focus goes back', async ({ context, serve }) => {
  await serve('https://www.linkedin.com/feed/', { synthetic: 'linkedin-feed.html' });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  const card = page.getByTestId('tw-hint');
  await expect(card).toBeVisible();
  await card.getByTestId('tw-start').focus();
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  // Focus went back to the control the hint pointed at (the search box), not lost in the page.
  await expect(page.locator('input.search-global-typeahead__input')).toBeFocused();
  // The launcher reopens the guide from the keyboard.
  await page.getByTestId('tw-launcher').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tw-docked')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tw-docked')).toHaveCount(0);
  await expect(page.getByTestId('tw-launcher')).toBeFocused();
});

test('a step is announced to screen readers: its text arrives in a live region already on the page', async ({ context, serve }) => {
  await serve('https://www.linkedin.com/feed/', { synthetic: 'linkedin-feed.html' });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  await expect(page.getByTestId('tw-hint')).toBeVisible();
  // Screen readers speak changes inside a live region, not the content of a region inserted with its text. Record,
  // from the page, how the announcement first appears in our (open) shadow root.
  await page.evaluate(() => {
    const shadow = document.querySelector('[data-tw-host]')!.shadowRoot!;
    const seen: string[] = [];
    (window as unknown as { liveRecords: string[] }).liveRecords = seen;
    const live = (node: Node | null) => (node instanceof Element ? node.closest('[data-testid=tw-live]') : node?.parentElement?.closest('[data-testid=tw-live]'));
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          const inserted = node instanceof Element ? (node.matches('[data-testid=tw-live]') ? node : node.querySelector('[data-testid=tw-live]')) : null;
          if (inserted) seen.push(`region inserted with "${inserted.textContent}"`);
        }
        const region = live(record.target);
        if (region && record.target !== region.parentElement) seen.push(`region changed to "${region.textContent}"`);
      }
    }).observe(shadow, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('tw-hint').getByTestId('tw-start').click();
  await expect(page.getByTestId('tw-task')).toBeVisible();
  await expect(page.getByTestId('tw-live')).toContainText('Step 1');
  const records = await page.evaluate(() => (window as unknown as { liveRecords: string[] }).liveRecords);
  const first = records.find((r) => r.includes('Step 1'));
  expect(first, JSON.stringify(records)).toMatch(/^region changed to/);
  expect(records.filter((r) => r.startsWith('region inserted')).every((r) => r.endsWith('""'))).toBe(true);
});
