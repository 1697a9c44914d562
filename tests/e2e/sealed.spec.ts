// The production build (`npm run build`, .output/chrome-mv3), attacked from the page's main world — where LinkedIn's,
// X's and YouTube's own scripts run — on real saved pages. The page must not be able to read the guide, hear or forge
// an event of ours, press its buttons, or write progress by clicks and navigations it makes up. The test itself sees
// inside the closed shadow root through the DevTools protocol (as a browser's own tools can), and acts as the learner
// with real input (trusted mouse and keyboard events).
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import { expect, launchWithExtension, serveOn, test, type Served } from './fixtures';
import { chromeProductionBuild, requireRealPages } from './paths';

/** Runs in the main world before the page's own scripts: what a hostile site could set up. */
const SPY = (eventNames: string[]) => {
  const spy = { mutations: [] as string[], shadowRoots: 0, events: [] as string[], messages: 0 };
  Object.defineProperty(window, '__spy', { value: spy });
  // A site that wraps attachShadow to keep every root, closed ones included.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attach.call(this, init);
    spy.shadowRoots++;
    return root;
  };
  for (const name of eventNames) {
    for (const target of [window, document]) target.addEventListener(name, () => spy.events.push(name), true);
  }
  window.addEventListener('message', () => spy.messages++, true);
  // The saved pages' own scripts are blocked, so once parsing is done, every change to the page is the extension's.
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      const tag = (n: Node) => (n instanceof Element ? `<${[n.localName, ...[...n.attributes].map((a) => a.name)].join(' ')}>` : n.nodeName);
      for (const r of records) {
        const what = r.type === 'attributes' ? `@${r.attributeName}` : [...[...r.addedNodes].map((n) => `+${tag(n)}`), ...[...r.removedNodes].map((n) => `-${tag(n)}`)].join(' ');
        spy.mutations.push(`${r.type} <${(r.target as Element).localName ?? r.target.nodeName}> ${what}`);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
};

/** The inside of our closed shadow root, through the DevTools protocol: what the page cannot do. */
async function inside(cdp: CDPSession) {
  const { root } = await cdp.send('DOM.getDocument', { depth: 2, pierce: true });
  const html = root.children?.find((n) => n.nodeName === 'HTML');
  const host = html?.children?.find((n) => n.shadowRoots?.length);
  const shadow = host?.shadowRoots?.[0];
  const find = async (selector: string) => (shadow ? (await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector })).nodeId || null : null);
  return {
    shadowType: shadow?.shadowRootType,
    async html(selector: string) {
      const nodeId = await find(selector);
      return nodeId ? (await cdp.send('DOM.getOuterHTML', { nodeId })).outerHTML : null;
    },
    async attribute(selector: string, name: string) {
      const nodeId = await find(selector);
      if (!nodeId) return null;
      const { attributes } = await cdp.send('DOM.getAttributes', { nodeId });
      const at = attributes.indexOf(name);
      return at >= 0 ? attributes[at + 1]! : null;
    },
    /** The centre of an element in the viewport. */
    async centre(selector: string) {
      const nodeId = await find(selector);
      if (!nodeId) return null;
      const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
      const [x1, y1, , , x3, y3] = model.border;
      return { x: (x1! + x3!) / 2, y: (y1! + y3!) / 2 };
    },
  };
}

const textOf = (html: string | null) => (html ?? '').replace(/<[^>]+>/g, '').trim();
/** The learner's stored state: progress facts, the active task, the learner record, the xAPI outbox (all but the policy's status, which the background rewrites by itself). */
const storageOf = async (worker: Worker) => {
  const { policyStatus, ...stored } = (await worker.evaluate(() => chrome.storage.local.get(null))) as Record<string, unknown>;
  return stored;
};

/** Trusted input, as the learner's own: a click at an element inside our overlay. */
async function learnerClicks(page: Page, cdp: CDPSession, selector: string) {
  const at = await (await inside(cdp)).centre(selector);
  expect(at, `${selector} is drawn`).not.toBeNull();
  await page.mouse.click(at!.x, at!.y);
}

async function open(context: BrowserContext, url: string, served: Served) {
  await serveOn(context, url, served);
  const page = await context.newPage();
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('pageerror', (error) => consoleLines.push(error.message));
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  // The guide is there (so that nothing below passes for want of a guide): a card beside its control.
  await expect.poll(async () => (await inside(cdp)).attribute('[data-testid=tw-hint]', 'data-placement'), { timeout: 10_000 }).not.toBeNull();
  return { page, cdp, consoleLines };
}

const pages: Array<{ name: string; url: string; served: Served }> = [
  { name: 'LinkedIn feed', url: 'https://www.linkedin.com/feed/', served: { real: 'linkedin/feed-2025-04.html' } },
  { name: 'X home', url: 'https://x.com/home', served: { real: 'x/home-2025-04.html' } },
  { name: 'YouTube home', url: 'https://www.youtube.com/', served: { real: 'youtube/home-2025-04.html' } },
];

test.describe('sealed from the page (production build)', () => {
  let context: BrowserContext;
  let worker: Worker;
  let extensionId: string;
  let cleanup: () => Promise<void>;

  test.beforeEach(async () => {
    requireRealPages();
    ({ context, extensionId, cleanup } = await launchWithExtension(chromeProductionBuild));
    worker = context.serviceWorkers()[0]!;
    // WXT's content scripts announce themselves with this event on the document (the old entries were named after the
    // network, ours after the guide script); the overlay's own signal to an older copy of itself is `tw-retire`.
    const names = ['linkedin', 'x', 'youtube', 'facebook'].flatMap((n) => [n, `guide-${n}`]);
    const eventNames = [...names.flatMap((n) => [`${extensionId}:${n}:wxt:content-script-started`, `${extensionId}:${n}:wxt:locationchange`]), 'tw-retire'];
    await context.addInitScript(SPY, eventNames);
  });
  test.afterEach(async () => cleanup());

  for (const p of pages) {
    test(`${p.name}: the page cannot read the guide, hear it, or press its buttons`, async () => {
      const { page, cdp, consoleLines } = await open(context, p.url, p.served);
      const overlay = await inside(cdp);
      expect(overlay.shadowType).toBe('closed');
      const title = textOf(await overlay.html('#tw-hint-title'));
      expect(title.length, 'the hint card has a title').toBeGreaterThan(3);
      const before = await storageOf(worker);

      const seen = await page.evaluate(async (title) => {
        const spy = (window as unknown as { __spy: { mutations: string[]; shadowRoots: number; events: string[]; messages: number } }).__spy;
        // What the page heard and saw of the guide until now (before this test forges anything itself).
        const heard = { events: [...spy.events], messages: spy.messages, mutations: [...spy.mutations] };
        const ours = [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body);
        const host = ours[0] as HTMLElement;
        let attachAgain = 'allowed';
        try {
          host.attachShadow({ mode: 'open' });
        } catch {
          attachAgain = 'refused';
        }
        // Reading: the document's markup and text, with every shadow root the serializer may reach.
        const markup = document.documentElement.outerHTML + (document.documentElement.getHTML?.({ serializableShadowRoots: true }) ?? '');
        // Selecting: window.find() reaches into shadow roots in Chromium; what it selects must yield no text.
        getSelection()?.removeAllRanges();
        (window as unknown as { find(text: string): boolean }).find(title);
        getSelection()?.modify('extend', 'forward', 'paragraph');
        const selected = String(getSelection());
        getSelection()?.removeAllRanges();
        // Pressing: clicks and keys at the host and at whatever is at the card's place, as a site's script can.
        const box = host.getBoundingClientRect();
        for (const key of ['Escape', 'Enter', ' ']) {
          for (const target of [host, document, document.activeElement ?? document.body]) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        }
        host.click();
        for (let x = 0; x < innerWidth; x += 40) {
          for (let y = 0; y < innerHeight; y += 40) {
            const element = document.elementFromPoint(x, y);
            if (element === host) (element as HTMLElement).click();
          }
        }
        // Forging our events and WXT's: none of them may shut the guide down.
        for (const name of ['tw-retire', `${location.host}:wxt:content-script-started`]) {
          for (const target of [document, window, host]) target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: { contentScriptName: 'x', messageId: 'forged' } }));
        }
        await new Promise((done) => setTimeout(done, 500));
        return {
          children: ours.map((e) => `<${e.localName}${[...e.attributes].map((a) => ` ${a.name}`).join('')}>`),
          shadowRoot: host.shadowRoot === null ? 'hidden' : 'open',
          attachAgain,
          hostBox: [box.width, box.height],
          markupHasTitle: markup.includes(title),
          textHasTitle: document.documentElement.innerText.includes(title),
          selected,
          marks: performance.getEntriesByType('mark').length + performance.getEntriesByType('measure').length,
          heard,
          shadowRootsCaptured: spy.shadowRoots,
          mutationsSince: spy.mutations.slice(heard.mutations.length),
        };
      }, title);

      expect(seen.children, 'one bare element of ours beside <head> and <body>').toEqual(['<div>']);
      expect(seen.shadowRoot).toBe('hidden');
      expect(seen.attachAgain).toBe('refused');
      expect(seen.hostBox).toEqual([0, 0]);
      expect(seen.markupHasTitle, 'the guide text is not in the markup the page can read').toBe(false);
      expect(seen.textHasTitle).toBe(false);
      expect(seen.selected, 'no text comes out of the guide through the selection').toBe('');
      expect(seen.marks, 'no performance mark or measure').toBe(0);
      expect(seen.shadowRootsCaptured, "the page's attachShadow never saw ours").toBe(0);
      expect(seen.heard.events, 'no event of ours heard on the window or the document (WXT\'s included)').toEqual([]);
      expect(seen.heard.messages, 'no postMessage to the page').toBe(0);
      // What the page saw change: our host inserted into <html>, and nothing else anywhere; nothing after its attempts.
      expect(seen.heard.mutations).toEqual(['childList <html> +<div>']);
      expect(seen.mutationsSince).toEqual([]);
      expect(consoleLines.filter((line) => /training|wheels|wxt|tw-/i.test(line))).toEqual([]);

      // The guide is still there, untouched: same card, panel not opened, nothing written.
      const after = await inside(cdp);
      expect(textOf(await after.html('#tw-hint-title'))).toBe(title);
      expect(await after.html('[data-testid=tw-docked]')).toBeNull();
      expect(await storageOf(worker)).toEqual(before);

      // And the learner's own input still works: a real click on Start starts the guided task.
      await learnerClicks(page, cdp, '[data-testid=tw-start]');
      await expect.poll(async () => (await inside(cdp)).html('[data-testid=tw-task]')).not.toBeNull();
    });
  }

  test('X home: clicks and navigations the page makes up complete no step; the learner’s own do', async () => {
    const { page, cdp } = await open(context, 'https://x.com/home', { real: 'x/home-2025-04.html' });
    // The site's router keeps a link's click and a form's submission on the page (X's Post opens the composer over the
    // timeline); the saved page runs none of its scripts, so handlers stand in for it, for every event alike.
    await page.evaluate(() => {
      document.addEventListener('click', (event) => {
        if ((event.target as Element | null)?.closest?.('a[href]')) event.preventDefault();
      });
      document.addEventListener('submit', (event) => event.preventDefault());
    });
    // A made-up click event the page cannot cancel still follows the link: the composer's address answers "no
    // content", which keeps the document, as the site's own route does.
    await page.route('https://x.com/compose/**', (route) => route.fulfill({ status: 204 }));
    /** Where the task is: its step and, in a walk, its micro-step. */
    const position = async (): Promise<string> => {
      // Two reads of one snapshot of the closed root: a redraw between them invalidates it, so read again.
      for (let attempt = 0; ; attempt++) {
        try {
          const overlay = await inside(cdp);
          return `${await overlay.attribute('[data-testid=tw-task]', 'data-step')}#${(await overlay.attribute('[data-testid=tw-task]', 'data-walk-index')) ?? ''}`;
        } catch (error) {
          if (attempt >= 5) throw error;
        }
      }
    };
    // The learner starts a guided task from the panel, with real clicks.
    await learnerClicks(page, cdp, '[data-testid=tw-launcher]');
    await expect.poll(async () => (await inside(cdp)).html('li[data-lesson="x-event-visibility"] button')).not.toBeNull();
    await learnerClicks(page, cdp, 'li[data-lesson="x-event-visibility"] button');
    await expect.poll(async () => (await inside(cdp)).attribute('[data-testid=tw-task]', 'data-lesson')).toBe('x-event-visibility');

    const forged = { click: false, url: false };
    for (let guard = 0; guard < 10 && !(forged.click && forged.url); guard++) {
      // position() reads a new snapshot (which invalidates the last one's nodes): first, then the snapshot used below.
      const at = await position();
      const overlay = await inside(cdp);
      const step = await overlay.attribute('[data-testid=tw-task]', 'data-step');
      if (!step) break;
      // What the learner does now: a walk's current micro-step, else the step's own rule.
      const done = await overlay.attribute('[data-testid=tw-task]', 'data-now');
      const ring = done === 'click' ? await overlay.centre('.tw-ring') : null;
      const before = await storageOf(worker);
      if (done === 'click' && ring && !forged.click) {
        // The page clicks the very control the step waits for, in every way a script can.
        await page.evaluate(({ x, y }) => {
          const control = document.elementFromPoint(x, y) as HTMLElement;
          control.click();
          control.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
          control.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
          control.closest('form')?.requestSubmit();
        }, ring);
        forged.click = true;
      } else if (done === 'url' && !forged.url) {
        const target = (await overlay.attribute('[data-testid=tw-task]', 'data-url'))!.replace(/\*\*?/g, 'demo');
        // The page moves itself to the URL the step waits for.
        await page.evaluate((path) => {
          history.pushState({}, '', path);
          dispatchEvent(new PopStateEvent('popstate'));
        }, target);
        await page.waitForTimeout(800);
        await page.evaluate(() => history.back());
        forged.url = true;
      } else {
        await learnerClicks(page, cdp, '[data-testid=tw-done]');
        await expect.poll(position).not.toBe(at);
        continue;
      }
      await page.waitForTimeout(800);
      expect(await position(), `step ${step} (${done}) did not move on`).toBe(at);
      expect(await storageOf(worker), 'no progress written').toEqual(before);
      if (done === 'click') {
        // The learner's own click on the control moves the task on.
        await page.mouse.click(ring!.x, ring!.y);
        await expect.poll(position).not.toBe(at);
      } else {
        await learnerClicks(page, cdp, '[data-testid=tw-done]');
        await expect.poll(position).not.toBe(at);
      }
    }
    expect(forged, 'both kinds of forgery were tried on a step that waits for them').toEqual({ click: true, url: true });
  });
});

test('test build (shadow root open): even a script that reaches the buttons cannot press them; the learner can', async ({ context, serve }) => {
  // What protects the learner if a root is ever reachable: every handler that acts for the learner ignores events a
  // script made up (isTrusted false).
  await serve('https://www.linkedin.com/feed/', { synthetic: 'linkedin-feed.html' });
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/feed/');
  await expect(page.getByTestId('tw-hint')).toBeVisible();
  await page.evaluate(() => {
    const root = document.querySelector('[data-tw-host]')!.shadowRoot!;
    const press = (selector: string) => (root.querySelector(selector) as HTMLElement).click();
    press('[data-testid=tw-start]');
    press('[data-testid=tw-launcher]');
    press('.tw-icon-button');
    root.querySelector('[data-testid=tw-hint]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  await page.waitForTimeout(800);
  await expect(page.getByTestId('tw-hint')).toBeVisible();
  await expect(page.getByTestId('tw-task')).toHaveCount(0);
  await expect(page.getByTestId('tw-docked')).toHaveCount(0);
  await page.getByTestId('tw-start').click();
  await expect(page.getByTestId('tw-task')).toBeVisible();
});
