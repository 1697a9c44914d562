// Issue 16, item 6: on each network, a step that goes over several real controls is walked by clicking and typing in
// them, and completes on the action that ends the task only — never on the click that opens the journey. And a
// skipped lesson is skipped everywhere: in the tab, in the options page, and in the xAPI statements it yields.
//
// The pages are the synthetic ones of the flow anchors (tests/e2e/pages), which hold the page and its open dialog.
// No site script runs on them, so the test plays the site's part: the dialog is taken out when the page has loaded
// and put back when the learner clicks the control that opens it, as the site would.
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stepOrder } from '../../lessons/engine/engine';
import type { LearningPath, Pack } from '../../lessons/pack/types';
import { clickRing, expect, overlayHost, taskPosition, test } from './fixtures';
import { projectRoot } from './paths';

declare const chrome: { storage: { local: { get(keys: string | null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } } };

const PACK_ID = 'trainingwheels.default';
const DEFAULT_PACK = JSON.parse(readFileSync(resolve(projectRoot, 'lessons/default-pack/default-pack.json'), 'utf8')) as Pack;

async function worker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}
const stored = async (context: BrowserContext) => (await worker(context)).evaluate(() => chrome.storage.local.get(null));
const store = async (context: BrowserContext, items: Record<string, unknown>) => (await worker(context)).evaluate((entries) => chrome.storage.local.set(entries), items);

const LEARNER = { guideEnabled: true, disabledNetworks: [], locale: 'en', path: 'experimenter', secondaryPath: null, balanced: false, pathSource: 'chosen', answers: null, pathSetAt: 1 };

interface WalkCase {
  network: string;
  network_: 'linkedin' | 'x' | 'facebook' | 'youtube';
  url: string;
  page: string;
  /** The dialog the entry control opens (the site's part, played by the test). */
  dialog: string;
  lesson: string;
  step: string;
}

const CASES: WalkCase[] = [
  { network: 'LinkedIn', network_: 'linkedin', url: 'https://www.linkedin.com/feed/', page: 'linkedin-share-dialog.html', dialog: '[data-tw-expect="linkedin.share.dialog"]', lesson: 'li-event-posting', step: 'live' },
  { network: 'X', network_: 'x', url: 'https://x.com/home', page: 'x-compose.html', dialog: '[data-tw-expect="x.compose.dialog"]', lesson: 'x-event-visibility', step: 'live' },
  { network: 'Facebook', network_: 'facebook', url: 'https://www.facebook.com/', page: 'facebook-composer.html', dialog: '[data-tw-expect="facebook.composer.dialog"]', lesson: 'fb-post-only-me', step: 'second-version' },
  { network: 'YouTube', network_: 'youtube', url: 'https://www.youtube.com/watch?v=abc123xyz00', page: 'youtube-playlist-dialogs.html', dialog: 'ytd-popup-container > *', lesson: 'yt-playlists', step: 'save-to-playlist' },
  // The entry control (a post's Comment) ends when the comment box appears under the post
  { network: 'LinkedIn comment', network_: 'linkedin', url: 'https://www.linkedin.com/feed/', page: 'linkedin-comment.html', dialog: '.comments-comment-box', lesson: 'li-comment-first', step: 'publish' },
];


/** The learner in the middle of the lesson: the steps before `step` in their order done, the task at `step`. */
async function atStep(context: BrowserContext, c: WalkCase) {
  const lesson = DEFAULT_PACK.lessons.find((l) => l.id === c.lesson)!;
  const order = stepOrder(lesson, LEARNER.path as LearningPath);
  const before = order.slice(0, order.indexOf(c.step));
  const at = Date.now() - 60_000;
  await store(context, {
    learner: LEARNER,
    [`started:${PACK_ID}/${c.lesson}`]: { at },
    ...Object.fromEntries(before.map((id, i) => [`progress:${PACK_ID}/${c.lesson}/${id}`, { at: at + i }])),
    activeTask: { packId: PACK_ID, lessonId: c.lesson, network: c.network_, startedAt: at },
  });
}

/**
 * Opens the page with the site's part played: its dialog closed once the page is ready (put back by `openDialog`),
 * and a link's click kept on the page, as the sites' single-page routers do (X's Post opens the composer over the
 * timeline).
 */
async function openPage(context: BrowserContext, c: WalkCase): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript((selector) => {
    document.addEventListener('DOMContentLoaded', () => {
      const dialog = document.querySelector(selector)!;
      (window as unknown as { twDialog: [Element, Element] }).twDialog = [dialog, dialog.parentElement!];
      dialog.remove();
    });
    document.addEventListener('click', (event) => {
      if ((event.target as Element | null)?.closest?.('a[href]')) event.preventDefault();
    });
    document.addEventListener('submit', (event) => event.preventDefault()); // the site's script sends a form itself
  }, c.dialog);
  await page.goto(c.url);
  await expect(overlayHost(page)).toBeAttached();
  return page;
}

const openDialog = (page: Page) =>
  page.evaluate(() => {
    const [dialog, parent] = (window as unknown as { twDialog: [Element, Element] }).twDialog;
    parent.append(dialog);
  });

for (const c of CASES) {
  test(`${c.network}: a step over several controls completes on its end action only, not on the entry click`, async ({ context, serve }) => {
    const lesson = DEFAULT_PACK.lessons.find((l) => l.id === c.lesson)!;
    const walk = lesson.steps.find((s) => s.id === c.step)!.walk!;
    expect(walk.length, `${c.lesson}/${c.step} is a walk`).toBeGreaterThanOrEqual(3);
    const progressKey = `progress:${PACK_ID}/${c.lesson}/${c.step}`;
    await atStep(context, c);
    await serve(c.url, { synthetic: c.page });
    const page = await openPage(context, c);
    await expect.poll(() => taskPosition(page)).toBe(`${c.step}#0`);

    // The entry click: the walk moves on (on the click, or on what it opens), the step is not done.
    const entry = await page.getByTestId('tw-task').getAttribute('data-now');
    await clickRing(page);
    if (entry === 'appears') await openDialog(page);
    await expect.poll(() => taskPosition(page)).toBe(`${c.step}#1`);
    if (entry !== 'appears') await openDialog(page);
    expect(Object.keys(await stored(context)), 'the entry click alone completes nothing').not.toContain(progressKey);

    for (let index = 1; index < walk.length; index++) {
      const now = await page.getByTestId('tw-task').getAttribute('data-now');
      expect(['click', 'input'], `micro-step ${index} is done with the real control`).toContain(now);
      await clickRing(page);
      if (now === 'input') await page.keyboard.type('See you at the show, stand B12.');
      if (index < walk.length - 1) {
        await expect.poll(() => taskPosition(page)).toBe(`${c.step}#${index + 1}`);
        expect(Object.keys(await stored(context)), `micro-step ${index} does not complete the step`).not.toContain(progressKey);
      }
    }
    // The end action (Post, Create) completes the step: recorded, and the task moves on.
    await expect.poll(async () => Object.keys(await stored(context))).toContain(progressKey);
    await expect.poll(() => taskPosition(page)).not.toMatch(new RegExp(`^${c.step}#`));
  });
}

test('Back inside a walk goes to the micro-step before; a skipped lesson is skipped in the tab, the options page and the xAPI statements', async ({ context, serve, extensionId }) => {
  const c = CASES[0]!;
  const lesson = DEFAULT_PACK.lessons.find((l) => l.id === c.lesson)!;
  await atStep(context, c);
  await serve(c.url, { synthetic: c.page });
  const page = await openPage(context, c);
  await expect.poll(() => taskPosition(page)).toBe(`${c.step}#0`);
  await clickRing(page);
  await expect.poll(() => taskPosition(page)).toBe(`${c.step}#1`);
  await expect(page.getByTestId('tw-walk').locator('li[aria-current="step"]')).toHaveCount(1);
  await page.getByTestId('tw-back').click();
  await expect.poll(() => taskPosition(page)).toBe(`${c.step}#0`);

  // Skip every step left: the lesson ends skipped, with no "well done".
  for (let guard = 0; guard < lesson.steps.length + 1 && (await taskPosition(page)) !== 'none'; guard++) {
    const before = await taskPosition(page);
    await page.getByTestId('tw-task').getByTestId('tw-skip').click();
    await expect.poll(() => taskPosition(page)).not.toBe(before);
  }
  await expect(page.getByTestId('tw-skipped')).toBeVisible();
  await expect(page.getByTestId('tw-complete')).toHaveCount(0);
  const facts = await stored(context);
  expect(Object.keys(facts)).toContain(`skipped:${PACK_ID}/${c.lesson}`);
  expect(Object.keys(facts)).not.toContain(`completed:${PACK_ID}/${c.lesson}`);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.locator(`[data-lesson="${PACK_ID}/${c.lesson}"] [data-testid="lesson-state"]`)).toHaveAttribute('data-state', 'skipped');

  const download = options.waitForEvent('download');
  await options.getByTestId('export-xapi').click();
  const statements = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as Array<{
    verb: { id: string };
    object: { id: string };
    result?: { completion?: boolean };
  }>;
  const ofLesson = statements.filter((s) => s.object.id.endsWith(`/${c.lesson}`));
  expect(ofLesson.some((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/exited' && s.result?.completion === false), 'an "exited", not-completed statement').toBe(true);
  expect(ofLesson.some((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/completed'), 'no "completed" statement').toBe(false);
});

// Issue 17, item 7: across a walk's micro-steps the card stayed beside each control but hopped from side to side
// (below one, right of the next, below again): each new card now starts on the side the last one was on.
for (const c of CASES) {
  test(`${c.network}: across a walk, the card stays on one side of its controls while that side has room`, async ({ context, serve }) => {
    const lesson = DEFAULT_PACK.lessons.find((l) => l.id === c.lesson)!;
    const walk = lesson.steps.find((s) => s.id === c.step)!.walk!;
    await atStep(context, c);
    await serve(c.url, { synthetic: c.page });
    const page = await openPage(context, c);
    const frame = page.getByTestId('tw-hint');
    const sides: string[] = [];
    const entry = await page.getByTestId('tw-task').getAttribute('data-now');
    for (let index = 0; index < walk.length - 1; index++) {
      await expect.poll(() => taskPosition(page)).toBe(`${c.step}#${index}`);
      await expect(frame).toHaveAttribute('data-placement', /./);
      sides.push((await frame.getAttribute('data-placement'))!);
      const now = await page.getByTestId('tw-task').getAttribute('data-now');
      await clickRing(page);
      if (index === 0 && entry === 'appears') await openDialog(page);
      if (index === 0 && entry !== 'appears') {
        await expect.poll(() => taskPosition(page)).toBe(`${c.step}#1`);
        await openDialog(page);
      }
      if (now === 'input') await page.keyboard.type('See you at the show, stand B12.');
    }
    expect(new Set(sides).size, `sides: ${sides.join(' → ')}`).toBe(1);
  });
}
