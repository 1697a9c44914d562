// Anchor audit: loads saved pages as their real URL in headless Chromium, page scripts off, runs the shared resolver
// and prints, as JSON on stdout, for each page the detected network and page kind and, for each anchor of that
// network, whether it resolved, by which strategy, how many matched, its element path and a short fingerprint.
//
//   npm run -s audit:anchors -- --url URL FILE.html [--url URL FILE.html …]
//
// Stdout carries only the JSON (../shared/tools/score-anchors.mjs parses it). Stderr gets the time to resolve all
// anchors per page (median of 5 in-page runs, performance.now()).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface AuditedAnchor {
  resolved: boolean;
  strategy: number | null;
  strategyKind: 'css' | 'role' | 'text' | null;
  count: number;
  path: string | null;
  fingerprint: { tag: string; id: string | null; testid: string | null; ariaLabel: string | null; text: string } | null;
}
export interface AuditedPage {
  url: string;
  file: string;
  network: string | null;
  pageKind: string | null;
  /** On a profile-like page: the signed-in member's own ('self'), someone else's ('other'), or not told (null). */
  owner: 'self' | 'other' | null;
  anchors: Record<string, AuditedAnchor>;
}
export interface BenchResult {
  /** Median time to resolve every anchor of the network with the page-kind filter (what the content script does). */
  medianMs: number;
  runsMs: number[];
  /** Same, every anchor of the network without the page filter (worst case). */
  unfilteredMedianMs: number;
  /** Median per anchor resolved on its own, to find the slow ones. */
  perAnchorMs: Record<string, number>;
}

// The in-page side, bundled with the resolver into one IIFE. Kept as source text so that it is compiled by esbuild
// alone (functions passed to page.evaluate from a tsx-run file can carry tsx helpers the page lacks).
const PAGE_ENTRY = `
import { resolveAll, resolveAnchor } from './components/anchors/resolver';
import { anchorsFor, detectPage, siteForHost } from './lessons/sites/index';

function pathOf(el: Element): string {
  const parts: number[] = [];
  let node: Element = el;
  while (node !== document.documentElement) {
    const parent = node.parentElement;
    const host = parent ? null : (node.getRootNode() as ShadowRoot).host; // crossing out of an open shadow root
    const siblings = parent ? parent.children : (node.getRootNode() as ShadowRoot).children;
    if (!parent && !host) break;
    parts.unshift(Array.prototype.indexOf.call(siblings, node));
    node = (parent ?? host)!;
  }
  return parts.join('/');
}
function fingerprint(el: Element) {
  return {
    tag: el.localName,
    id: el.id || null,
    testid: el.getAttribute('data-testid'),
    ariaLabel: el.getAttribute('aria-label'),
    text: (el.textContent ?? '').replace(/\\s+/g, ' ').trim().slice(0, 60),
  };
}
function pageOf(url: string) {
  const page = detectPage(url);
  if (!page) return null;
  const site = siteForHost(new URL(url).hostname)!;
  const pageKind = site.refinePageKind
    ? site.refinePageKind(page.pageKind, (css) => document.querySelector(css) !== null)
    : page.pageKind;
  const owner = site.profileOwner ? site.profileOwner(pageKind, (css) => document.querySelector(css) !== null, new URL(url)) : null;
  return { network: page.network, pageKind, owner, registry: anchorsFor(page.network) };
}
(globalThis as any).__twAudit = {
  audit(url: string) {
    const page = pageOf(url);
    if (!page) return { network: null, pageKind: null, owner: null, anchors: {} };
    const results = resolveAll(Object.keys(page.registry), page.registry, document, { pageKind: page.pageKind });
    const anchors: Record<string, unknown> = {};
    for (const [name, r] of Object.entries(results)) {
      anchors[name] = {
        resolved: r.element !== null,
        strategy: r.strategy,
        strategyKind: r.strategyKind,
        count: r.count,
        path: r.element ? pathOf(r.element) : null,
        fingerprint: r.element ? fingerprint(r.element) : null,
      };
    }
    return { network: page.network, pageKind: page.pageKind, owner: page.owner, anchors };
  },
  bench(url: string, runs: number, filtered: boolean) {
    const page = pageOf(url);
    if (!page) return [];
    const names = Object.keys(page.registry);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      resolveAll(names, page.registry, document, filtered ? { pageKind: page.pageKind } : {});
      times.push(performance.now() - t0);
    }
    return times;
  },
  /** Resolve one anchor of any registry (tests of the resolver on synthetic markup); returns its element path. */
  resolveWith(registry: any, name: string, pageKind?: string | null) {
    const r = resolveAnchor(name, registry, document, pageKind === undefined ? {} : { pageKind });
    return { path: r.element ? pathOf(r.element) : null, strategy: r.strategy, strategyKind: r.strategyKind, count: r.count,
      fingerprint: r.element ? fingerprint(r.element) : null };
  },
  /**
   * Synthetic pages mark the element each anchor must land on with data-tw-expect="name …" (open shadow roots
   * included): anchor name → the marked elements' paths.
   */
  marked() {
    const out: Record<string, string[]> = {};
    const visit = (root: ParentNode) => {
      for (const el of root.querySelectorAll('[data-tw-expect]')) {
        for (const name of (el.getAttribute('data-tw-expect') ?? '').split(/\\s+/).filter(Boolean)) (out[name] ??= []).push(pathOf(el));
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return out;
  },
  /** Per anchor, the median of \`runs\` resolutions on its own (its \`within\` scope included): where time goes. */
  perAnchor(url: string, runs: number) {
    const page = pageOf(url);
    if (!page) return {};
    const out: Record<string, number> = {};
    for (const name of Object.keys(page.registry)) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        resolveAnchor(name, page.registry, document, { pageKind: page.pageKind });
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      out[name] = times[times.length >> 1]!;
    }
    return out;
  },
};
`;

let bundlePromise: Promise<string> | null = null;
/** The resolver + site registry + audit helpers as one IIFE string (esbuild, in memory). */
export function resolverBundle(): Promise<string> {
  bundlePromise ??= build({
    stdin: { contents: PAGE_ENTRY, resolveDir: projectRoot, loader: 'ts', sourcefile: 'audit-page-entry.ts' },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'chrome120',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return bundlePromise;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Opens `file` as `url` in a fresh context: the saved HTML is served for that URL with script-src 'none', every
 * other request is aborted (no network), and the resolver is injected through CDP evaluate (which page CSP allows).
 */
export async function openSavedPage(browser: Browser, url: string, file: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const html = readFileSync(file);
  const target = new URL(url).href;
  let served = false;
  await context.route('**/*', (route) => {
    const request = route.request();
    if (!served && request.resourceType() === 'document' && request.url() === target) {
      served = true;
      return route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" },
        body: html,
      });
    }
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(target, { waitUntil: 'load' });
  await page.evaluate(await resolverBundle());
  // Let style and layout settle once, as on a live page, before anything is timed.
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  return page;
}

/**
 * Rewrites every letter of every label and text node of the page into Georgian letters (run it in the page): a
 * language no anchor lists, to check that what an anchor rests on is structure, link targets and attributes.
 */
export const REWRITE_EVERY_WORD = `(() => {
  const rewrite = (s) => s.replace(/\\p{L}/gu, (c) => String.fromCharCode(0x10d0 + (c.charCodeAt(0) % 30)));
  for (const el of document.querySelectorAll('*')) {
    for (const a of ['aria-label', 'alt', 'title', 'placeholder', 'aria-roledescription']) {
      if (el.hasAttribute(a)) el.setAttribute(a, rewrite(el.getAttribute(a)));
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) node.data = rewrite(node.data);
})()`;

/** Puts the resolver bundle into an already open page (e.g. one filled with page.setContent). */
export async function injectResolver(page: Page): Promise<void> {
  await page.evaluate(await resolverBundle());
}

export async function auditOpenPage(page: Page, url: string, file: string): Promise<AuditedPage> {
  const result = (await page.evaluate(`__twAudit.audit(${JSON.stringify(url)})`)) as Omit<AuditedPage, 'url' | 'file'>;
  return { url, file, ...result };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Reusable benchmark: time to resolve all anchors of the page's network, median of `runs` in-page runs. */
export async function benchmarkResolve(page: Page, url: string, runs = 5): Promise<BenchResult> {
  const runsMs = (await page.evaluate(`__twAudit.bench(${JSON.stringify(url)}, ${runs}, true)`)) as number[];
  const unfiltered = (await page.evaluate(`__twAudit.bench(${JSON.stringify(url)}, ${runs}, false)`)) as number[];
  const perAnchorMs = (await page.evaluate(`__twAudit.perAnchor(${JSON.stringify(url)}, ${runs})`)) as Record<string, number>;
  return { medianMs: median(runsMs), runsMs, unfilteredMedianMs: median(unfiltered), perAnchorMs };
}

export async function auditPages(
  pages: Array<{ url: string; file: string }>,
  onBench?: (page: { url: string; file: string }, bench: BenchResult) => void,
): Promise<AuditedPage[]> {
  const browser = await launchChromium();
  try {
    const out: AuditedPage[] = [];
    for (const p of pages) {
      const page = await openSavedPage(browser, p.url, p.file);
      out.push(await auditOpenPage(page, p.url, p.file));
      if (onBench) onBench(p, await benchmarkResolve(page, p.url));
      await page.context().close();
    }
    return out;
  } finally {
    await browser.close();
  }
}

function parseArgs(argv: string[]): Array<{ url: string; file: string }> {
  const pages: Array<{ url: string; file: string }> = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') continue;
    if (argv[i] === '--url' && argv[i + 1] && argv[i + 2]) {
      pages.push({ url: argv[i + 1]!, file: argv[i + 2]! });
      i += 2;
    } else throw new Error(`unexpected argument ${argv[i]}; usage: --url URL FILE.html [--url URL FILE.html …]`);
  }
  if (!pages.length) throw new Error('usage: npm run audit:anchors -- --url URL FILE.html [--url URL FILE.html …]');
  return pages;
}

async function main() {
  const pages = parseArgs(process.argv.slice(2));
  const audited = await auditPages(pages, (p, b) => {
    process.stderr.write(
      `resolve-all ${path.basename(p.file)}: median ${b.medianMs.toFixed(2)} ms ` +
        `(runs ${b.runsMs.map((t) => t.toFixed(2)).join(', ')}); without page filter ${b.unfilteredMedianMs.toFixed(2)} ms; ` +
        `slowest: ${Object.entries(b.perAnchorMs).sort((a, c) => c[1] - a[1]).slice(0, 3).map(([n, t]) => `${n} ${t.toFixed(2)}`).join(', ')}\n`,
    );
  });
  process.stdout.write(`${JSON.stringify({ pages: audited }, null, 1)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`audit:anchors failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
