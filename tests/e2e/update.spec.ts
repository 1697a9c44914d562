import { expect, overlayHost, test } from './fixtures';

test('extension reloaded while a tab is open: the old overlay leaves quietly and the new one attaches', async ({ context, serve }) => {
  await serve('https://www.linkedin.com/feed/', { synthetic: 'linkedin-feed.html' });
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('pageerror', (error) => consoleLines.push(error.message));
  await page.goto('https://www.linkedin.com/feed/');
  await expect(page.getByTestId('tw-hint')).toBeVisible();
  const oldHost = await overlayHost(page).elementHandle();

  const [worker] = context.serviceWorkers();
  const restarted = context.waitForEvent('serviceworker');
  await worker!.evaluate(() => chrome.runtime.reload()).catch(() => undefined); // the worker goes away mid-call
  await restarted;

  // The old host is gone, exactly one overlay is there, and it shows the hint again.
  await expect.poll(async () => oldHost!.evaluate((el) => el.isConnected)).toBe(false);
  await expect(overlayHost(page)).toHaveCount(1);
  await expect(page.getByTestId('tw-hint')).toBeVisible();
  // Acting in the new overlay works (the new content script talks to the new worker).
  await page.getByTestId('tw-hint').getByTestId('tw-start').click();
  await expect(page.getByTestId('tw-task')).toBeVisible();
  expect(consoleLines.filter((line) => /context invalidated|Training Wheels|Uncaught/i.test(line))).toEqual([]);
});
