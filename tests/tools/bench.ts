// Performance bench (../shared/DESIGN.md, "Budgets"; BENCHMARKS.md explains every figure). For each saved real page
// of ../shared/realpages (served at its real URL from expected.json, page scripts off), the same headless Debian
// Chromium loads it in three persistent contexts: one with the production build (.output/chrome-mv3, `npm run
// build`), one with the floor (an extension whose content script does nothing), one with no extension, interleaved
// (on, floor, off, on…), and prints medians and min–max of what each adds. The main-thread budget is judged on the
// script time a trace shows (compiles and microtasks included, which ScriptDuration leaves out), and stated against
// the floor of the same run.
//
//   npm run bench [-- --runs N] [--json FILE] [--settle MS] [--batch-gap MS] [--page SUBSTRING] [--reference preact|vanilla|scout] [--guide-off] [--no-floor] [--compare DIR]
//
// --compare loads a second build (an extension directory, e.g. an older commit's .output/chrome-mv3) in a fourth
// context, interleaved with the others, so that two builds are compared within one run rather than across sessions
// (on a shared machine, a session's figures move by several milliseconds with the load of the other work).
// --reference loads a minimal overlay of tests/tools/reference-overlays instead of our extension: DESIGN's reference
// points (preact, vanilla), or the floor of a guide that finds controls and shows a hint at load (scout), measured by
// the same method. --guide-off measures our extension on a tab where the learner switched the guide off.
//
// A measuring tool, not a test: budgets print PASS/OVER and the exit code is 0 unless something could not be measured.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../e2e/fixtures';
import { chromeProductionBuild as chromeBuild, projectRoot, realPagesDir, requireRealPages } from '../e2e/paths';
import { readServed } from '../e2e/served';
import { resolverBundle } from './audit-anchors';
import { CONTENT_SCRIPT_BUDGET_BYTES, contentScriptSizes, describeSize, loadedGzipBytes, type ScriptSize } from './check-size';
import { SITE_MATCHES } from '../../lessons/sites/matches';

const BUDGET = { addedScriptMs: 10, perBatchMs: 2, resolveMs: 5, longTaskMs: 50 };
const BATCHES = 50;
const POSTS_PER_BATCH = 10;
/** Longer than the anchor watcher's 250 ms throttle, so the resolution a burst schedules falls inside the window. */
const BURST_TRAIL_MS = 300;

interface Options {
  runs: number;
  json: string | null;
  settleMs: number;
  batchGapMs: number;
  pageFilter: string | null;
  reference: 'preact' | 'vanilla' | 'scout' | null;
  /** The learner switched the guide off: what the extension costs a tab where it shows nothing. */
  guideOff: boolean;
  /** Measure the floor (a content script that does nothing) in the same run. */
  floor: boolean;
  /** Another build to measure in the same run, interleaved. */
  compare: string | null;
}

interface BurstFigures {
  /** The selector whose first match was cloned (the page's own post), or 'generic div'. */
  template: string;
  templateElements: number;
  /** Traced script time of the whole burst (the 50 appends themselves included, alike on and off). */
  jsMs: number;
  /** ScriptDuration of the whole burst. */
  scriptMs: number;
  taskMs: number;
  /** Per batch: from just before it to just before the next (the last one includes the trailing wait). */
  perBatchScriptMs: number[];
  perBatchTaskMs: number[];
  longTasks: number;
}

interface RunFigures {
  /** page.goto until the load event, wall clock (context only). */
  gotoMs: number;
  /** Main-thread script time from navigation to load + settle, from the trace (startScriptTrace): the budget figure. */
  jsMs: number;
  /** CDP Performance.getMetrics's ScriptDuration over the same window, for comparison: it misses compiles and microtasks. */
  scriptDurationMs: number;
  /** The first compile of the extension's content scripts (trace event v8.compile, thread time; part of jsMs). */
  compileMs: number;
  /** Style, layout, paint, layerisation and commit on the page's main thread outside scripts (trace). */
  renderMs: number;
  layerizes: number;
  taskMs: number;
  heapUsedMB: number;
  longTasks: number;
  longTaskMs: number;
  /** The long tasks themselves, [start, duration] in ms since navigation (in --json, to place them). */
  longTaskList: Array<[number, number]>;
  /** Extension only: when the overlay's host was put on the page, since navigation. */
  readyAt: number | null;
  /** Extension only: DOMContentLoaded → the overlay's host on the page, and whether that fell in the window. */
  readyMs: number | null;
  readyInWindow: boolean | null;
  /** Extension only: duration of the long task in which the host was put on the page (the overlay start-up), null when short. */
  startupLongTaskMs: number | null;
  /** Without the extension only: median of 5 in-page resolutions of every anchor of the page. */
  resolveMs: number | null;
  burst: BurstFigures;
}

interface PageResult {
  file: string;
  url: string;
  on: RunFigures[];
  off: RunFigures[];
  /** The floor: a content script that does nothing (empty when measured with --no-floor). */
  floor: RunFigures[];
  /** The build of --compare (empty without it). */
  compare: RunFigures[];
}

function parseOptions(argv: string[]): Options {
  const options: Options = { runs: 5, json: null, settleMs: 800, batchGapMs: 0, pageFilter: null, reference: null, guideOff: false, floor: true, compare: null };
  const number = (flag: string, value: string | undefined, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs an integer ≥ ${min}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--') continue;
    else if (flag === '--runs') options.runs = number(flag, argv[++i], 1);
    else if (flag === '--settle') options.settleMs = number(flag, argv[++i], 0);
    else if (flag === '--batch-gap') options.batchGapMs = number(flag, argv[++i], 0);
    else if (flag === '--json' && argv[i + 1]) options.json = path.resolve(argv[++i]!);
    else if (flag === '--page' && argv[i + 1]) options.pageFilter = argv[++i]!;
    else if (flag === '--guide-off') options.guideOff = true;
    else if (flag === '--no-floor') options.floor = false;
    else if (flag === '--compare' && argv[i + 1]) options.compare = path.resolve(argv[++i]!);
    else if (flag === '--reference' && ['preact', 'vanilla', 'scout'].includes(argv[i + 1] ?? '')) options.reference = argv[++i] as 'preact' | 'vanilla' | 'scout';
    else throw new Error(`unexpected argument ${flag}; usage: bench [--runs N] [--json FILE] [--settle MS] [--batch-gap MS] [--page SUBSTRING] [--reference preact|vanilla|scout] [--guide-off] [--no-floor] [--compare DIR]`);
  }
  return options;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

// The scout's background answers as ours does: after a storage read.
const SCOUT_BACKGROUND = `chrome.runtime.onMessage.addListener((message, sender, reply) => {
  chrome.storage.local.get(['settings']).then(() => reply({ on: true, title: 'Start a post', text: 'Write a few lines for your network, then press Post.' }));
  return true;
});`;

/**
 * A minimal overlay of tests/tools/reference-overlays as an extension in `dir`: its content script on the four
 * networks at document_idle like ours, and a service worker (the bench waits for one to know it loaded),
 * empty but for the scout's.
 */
async function buildReference(name: 'preact' | 'vanilla' | 'scout', dir: string): Promise<void> {
  await build({
    entryPoints: [path.join(projectRoot, 'tests', 'tools', 'reference-overlays', `${name}.ts`)],
    outfile: path.join(dir, 'content-scripts', 'reference.js'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  });
  writeFileSync(path.join(dir, 'background.js'), name === 'scout' ? SCOUT_BACKGROUND : '');
  const manifest = {
    manifest_version: 3,
    name: `reference overlay (${name})`,
    version: '1.0',
    background: { service_worker: 'background.js' },
    permissions: name === 'scout' ? ['storage'] : [],
    content_scripts: [{ matches: SITE_MATCHES, js: ['content-scripts/reference.js'], run_at: 'document_idle' }],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
}

/**
 * The floor: an extension whose content script does nothing, on the four networks at document_idle, with a service
 * worker (the bench waits for one to know it loaded). What any content script costs a page (its isolated world, its
 * injection), against which our figure is stated.
 */
function buildFloor(dir: string): void {
  mkdirSync(path.join(dir, 'content-scripts'), { recursive: true });
  writeFileSync(path.join(dir, 'content-scripts', 'floor.js'), '');
  writeFileSync(path.join(dir, 'background.js'), '');
  const manifest = {
    manifest_version: 3,
    name: 'floor (a content script that does nothing)',
    version: '1.0',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: SITE_MATCHES, js: ['content-scripts/floor.js'], run_at: 'document_idle' }],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
}

function ensureBuild(): void {
  if (existsSync(path.join(chromeBuild, 'manifest.json'))) return;
  process.stderr.write('No build at .output/chrome-mv3: running `npm run build`…\n');
  const built = spawnSync('npx', ['wxt', 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (built.status !== 0 || !existsSync(path.join(chromeBuild, 'manifest.json'))) throw new Error('`npx wxt build` failed');
}

// Long tasks: a PerformanceObserver injected through CDP (Page.addScriptToEvaluateOnNewDocument, which the page's
// script-src 'none' does not block) in the main world, in both contexts. Chromium reports a task there whichever
// world ran in it (checked: a 120 ms loop in an isolated world is seen), so it sees the content script's tasks; it is
// far cheaper than CDP tracing, whose overhead would blur the script-time figures taken in the same load. The
// extension's own share is identified by the ready mark: the task holding it is the overlay start-up.
// The overlay's readiness, without any mark (the production build makes none): the time its host is put into <html>
// (the overlay draws into its shadow root first, then attaches it), seen by an observer of <html>'s children, which
// costs both contexts alike but for that one callback (~0.02 ms).
const LONG_TASK_OBSERVER = `(() => {
  const tasks = [];
  Object.defineProperty(window, '__twLongTasks', { value: tasks });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch {}
  const ready = { at: null };
  Object.defineProperty(window, '__twReady', { value: ready });
  const watchHtml = (html) => new MutationObserver((records) => {
    if (ready.at !== null) return;
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1 && n !== document.head && n !== document.body) ready.at = performance.now();
  }).observe(html, { childList: true });
  if (document.documentElement) watchHtml(document.documentElement);
  else new MutationObserver((_, self) => { if (document.documentElement) { self.disconnect(); watchHtml(document.documentElement); } }).observe(document, { childList: true });
})();`;

// The page's own first post, cloned 500 times in 50 batches of 10 into its list (infinite scroll). Most specific first.
const POST_SELECTORS = [
  '[data-testid="cellInnerDiv"]', // X timeline cell
  'ytd-rich-item-renderer',
  'ytd-compact-video-renderer',
  'ytd-video-renderer',
  '[data-id^="urn:li:activity"]', // LinkedIn feed update
  '.feed-shared-update-v2',
  'li.reusable-search__result-container',
  'article',
  '[role="article"]',
  'main li',
];
const BURST_SETUP = `(() => {
  const selectors = ${JSON.stringify(POST_SELECTORS)};
  let template = null, used = 'generic div';
  for (const s of selectors) {
    const el = document.querySelector(s);
    if (el && el.parentElement) { template = el; used = s; break; }
  }
  let parent;
  if (template) parent = template.parentElement;
  else {
    template = document.createElement('div');
    template.innerHTML = '<p>A post</p><a href="#">Like</a> <button type="button">Share</button>';
    parent = document.querySelector('main') || document.body;
  }
  const proto = template.cloneNode(true);
  // No network (the clones' media would only be aborted) and no layout of off-screen posts, as long feeds do with
  // content-visibility: without it the unstyled 125 000-element page costs the same seconds of layout on and off,
  // which is the page's cost, not ours, and would make a run take ten minutes.
  for (const media of proto.querySelectorAll('img, picture, video, audio, source, iframe, link, object, embed')) media.remove();
  proto.style.contentVisibility = 'auto';
  proto.style.containIntrinsicSize = 'auto 600px';
  Object.defineProperty(window, '__twAppend', { value: (n) => { for (let i = 0; i < n; i++) parent.appendChild(proto.cloneNode(true)); } });
  return [used, proto.getElementsByTagName('*').length + 1];
})()`;

interface Metrics {
  script: number;
  task: number;
  heap: number;
}
async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => list.find((m) => m.name === name)?.value ?? NaN;
  return { script: get('ScriptDuration') * 1000, task: get('TaskDuration') * 1000, heap: get('JSHeapUsedSize') };
}

/** Script work as the trace shows it: a script run, a callback, a timer, a frame callback, an event, a microtask run. */
const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'FireIdleCallback', 'EventDispatch', 'RunMicrotasks']);
/** The main thread's rendering work as DevTools names it: style, layout, pre-paint, paint, layerisation, commit. */
const RENDER_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);

interface TraceEvent {
  name?: string;
  ph?: string;
  pid?: number;
  tid?: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string }; beginData?: { url?: string } };
}

interface MainThread {
  pid: number;
  tid: number;
}

interface TracedScript {
  thread: MainThread;
  /** Thread time of every outermost script event on the page's main thread (what they call, compile and GC included). */
  scriptMs: number;
  /** Thread time of the first compile of the extension's content scripts (part of scriptMs). */
  compileMs: number;
  /** Thread time of the rendering the page's main thread did outside scripts (forced layouts are in scriptMs). */
  renderMs: number;
  /** How many times the page was layerised (each visible change of a fixed overlay re-layerises the whole page). */
  layerizes: number;
}

/**
 * The main-thread script time of one load, from a trace (`devtools.timeline` for scripts, callbacks, timers and
 * compiles, `v8.execute` for microtask runs), in both contexts alike. Performance.getMetrics's ScriptDuration is
 * not enough: it leaves out a script's first compile (a 2 MB content script of dead code read 0.1 ms of it and
 * 62 ms of compile) and the microtasks that run when an extension API answers (storage.get, runtime.sendMessage),
 * which is where our overlay does most of its work: on x/home it saw 8 ms of the 25–30 ms the trace shows.
 */
async function startScriptTrace(cdp: CDPSession): Promise<{ stop(page: string | MainThread): Promise<TracedScript> }> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => {
    for (const event of value as TraceEvent[]) if (event.ph === 'X' && event.dur && (SCRIPT_EVENTS.has(event.name!) || RENDER_EVENTS.has(event.name!) || event.name === 'ParseHTML' || event.name === 'v8.compile')) events.push(event);
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute'] }, transferMode: 'ReportEvents' });
  return {
    /** `page`: the page's URL (its main thread is the one that parsed it), or the thread an earlier trace found. */
    async stop(page) {
      const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', collect);
      const parse = typeof page === 'string' ? events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === page) : null;
      if (typeof page === 'string' && !parse) throw new Error(`the trace holds no parse of ${page}`);
      const main: MainThread = parse ? { pid: parse.pid!, tid: parse.tid! } : (page as MainThread);
      const thread = events.filter((e) => e.pid === main.pid && e.tid === main.tid).sort((a, b) => a.ts! - b.ts! || b.dur! - a.dur!);
      const ms = (e: TraceEvent) => (e.tdur ?? e.dur!) / 1000;
      let scriptMs = 0;
      let compileMs = 0;
      let renderMs = 0;
      let layerizes = 0;
      let outerEnd = -Infinity; // of the last outermost event counted, script or rendering
      for (const e of thread) {
        if (e.name === 'v8.compile' && String(e.args?.data?.url ?? '').startsWith('chrome-extension://')) compileMs += ms(e);
        const script = SCRIPT_EVENTS.has(e.name!);
        if ((!script && !RENDER_EVENTS.has(e.name!)) || e.ts! < outerEnd) continue; // nested inside one already counted
        if (script) scriptMs += ms(e);
        else {
          renderMs += ms(e);
          if (e.name === 'Layerize') layerizes++;
        }
        outerEnd = e.ts! + e.dur!;
      }
      return { thread: main, scriptMs, compileMs, renderMs, layerizes };
    },
  };
}

class Lab {
  private served: { url: string; body: string; headers: Record<string, string> } | null = null;
  /** Whether loads wait for the overlay's ready mark (not when the guide is switched off). */
  private overlayExpected = true;
  private constructor(
    readonly withExtension: boolean,
    private readonly context: BrowserContext,
    private readonly userDataDir: string,
  ) {}

  static async launch(extensionDir: string | null, overlayExpected = true): Promise<Lab> {
    const withExtension = extensionDir !== null;
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'tw-bench-'));
    // Same binary, flags and viewport for both; only the extension differs.
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1366, height: 900 },
      colorScheme: 'light',
      locale: 'en-US',
      args: withExtension
        ? [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : [...CHROMIUM_ARGS],
    });
    const lab = new Lab(withExtension, context, userDataDir);
    lab.overlayExpected = overlayExpected;
    // No network: the page under test is served, everything else (its styles, images, scripts) is aborted. Its
    // iframes get an empty document rather than an abort: an aborted frame shows Chromium's error page, whose own
    // scripts ran on the page's main thread (~20 ms per LinkedIn load, on and off alike, widening the spread).
    await context.route(/^https?:\/\//, (route) => {
      const request = route.request();
      const served = lab.served;
      if (served && request.resourceType() === 'document' && request.url() === served.url) {
        return route.fulfill({ status: 200, headers: served.headers, body: served.body });
      }
      if (request.resourceType() === 'document') return route.fulfill({ status: 200, contentType: 'text/html', body: '' });
      return route.abort();
    });
    await context.addInitScript(LONG_TASK_OBSERVER);
    if (withExtension && !context.serviceWorkers().length) {
      await context.waitForEvent('serviceworker', { timeout: 15_000 }).catch(async () => {
        await lab.close();
        throw new Error(`the extension in ${extensionDir} did not load (no service worker in 15 s): a manifest or _locales error?`);
      });
    }
    return lab;
  }

  /**
   * The learner's switch, as the popup writes it (the learner record in storage.local), set from the worker; then
   * waits until the background has unregistered the guide scripts, as it does at that switch.
   */
  async switchGuideOff(): Promise<void> {
    const worker = this.context.serviceWorkers()[0];
    if (!worker) throw new Error('no service worker to switch the guide off from');
    await worker.evaluate(async () => {
      const { learner } = await chrome.storage.local.get('learner');
      await chrome.storage.local.set({ learner: { ...(learner as object | undefined), guideEnabled: false } });
    });
    const registered = () => worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length);
    for (let tries = 0; (await registered()) > 0; tries++) {
      if (tries > 100) throw new Error('the guide scripts were still registered 5 s after the guide was switched off');
      await sleep(50);
    }
    this.overlayExpected = false;
  }

  /** The extension's guide scripts registered (the background does it at its start), so the first load has them. */
  async guideScriptsReady(): Promise<void> {
    const worker = this.context.serviceWorkers()[0];
    if (!worker) return;
    for (let tries = 0; tries < 100; tries++) {
      // A build that declares its content scripts in the manifest (an older one, to compare) needs no registration.
      const count = await worker.evaluate(async () =>
        chrome.runtime.getManifest().content_scripts?.length || !chrome.scripting ? -1 : (await chrome.scripting.getRegisteredContentScripts()).length,
      );
      if (count !== 0) return;
      await sleep(50);
    }
    throw new Error('the background registered no guide script within 5 s');
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    rmSync(this.userDataDir, { recursive: true, force: true });
  }

  /** One load of `file` at `url`, then the burst; a fresh tab each time. */
  async run(url: string, file: string, options: Options): Promise<RunFigures> {
    this.served = { url: new URL(url).href, ...readServed({ real: file }) };
    const page = await this.context.newPage();
    try {
      const cdp = await this.context.newCDPSession(page);
      // Thread CPU time, not wall time: on 2 cores the other browser and node preempt the renderer, and wall-clock
      // durations then varied 2–30 ms between identical loads (thread ticks: ±3 ms).
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const trace = await startScriptTrace(cdp);
      const t0 = performance.now();
      await page.goto(this.served.url, { waitUntil: 'load', timeout: 30_000 });
      const gotoMs = performance.now() - t0;
      // A fixed window in both contexts, with no polling inside it (a poll's evaluate would count as script time).
      await sleep(options.settleMs);
      const load = await metrics(cdp);
      const traced = await trace.stop(this.served.url);
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await metrics(cdp);
      const [readyInWindow, readyMs, startupLongTaskMs, readyAt] = this.withExtension && this.overlayExpected
        ? await this.readiness(page)
        : [null, null, null, null];
      const tasks = (await page.evaluate('window.__twLongTasks.slice()')) as Array<[number, number]>;
      const resolveMs = this.withExtension ? null : await this.resolveAll(page, url);
      const burst = await this.burst(page, cdp, traced.thread, options.batchGapMs, tasks.length);
      return {
        gotoMs,
        jsMs: traced.scriptMs,
        scriptDurationMs: load.script,
        compileMs: traced.compileMs,
        renderMs: traced.renderMs,
        layerizes: traced.layerizes,
        taskMs: load.task,
        heapUsedMB: heap.heap / 2 ** 20,
        longTasks: tasks.length,
        longTaskMs: tasks.reduce((sum, [, d]) => sum + d, 0),
        longTaskList: tasks,
        readyAt,
        readyMs,
        readyInWindow,
        startupLongTaskMs,
        resolveMs,
        burst,
      };
    } finally {
      await page.close();
    }
  }

  /** DOMContentLoaded → the overlay's host put on the page (LONG_TASK_OBSERVER). */
  private async readiness(page: Page): Promise<[boolean, number, number | null, number]> {
    const read = `(() => {
      const at = window.__twReady.at;
      if (at === null) return null;
      const nav = performance.getEntriesByType('navigation')[0];
      const holder = window.__twLongTasks.find(([start, d]) => start <= at && at <= start + d);
      return [at - nav.domContentLoadedEventStart, holder ? holder[1] : null, at];
    })()`;
    let inWindow = true;
    for (const deadline = performance.now() + 10_000; performance.now() < deadline; inWindow = false) {
      const found = (await page.evaluate(read)) as [number, number | null, number] | null;
      if (found) return [inWindow, ...found];
      await sleep(50);
    }
    throw new Error('no overlay host on the page 10 s after load: the overlay did not render (is the guide script broken, or not registered?)');
  }

  /** The resolver as the anchor audit runs it (tests/tools/audit-anchors.ts): median of 5 in-page runs. */
  private async resolveAll(page: Page, url: string): Promise<number> {
    await page.evaluate(await resolverBundle());
    const times = (await page.evaluate(`__twAudit.bench(${JSON.stringify(url)}, 5, true)`)) as number[];
    if (!times.length) throw new Error(`the resolver knows no page at ${url}`);
    return median(times);
  }

  /** 500 posts appended in 50 batches of 10, each batch its own task (its own CDP evaluate). */
  private async burst(page: Page, cdp: CDPSession, thread: MainThread, gapMs: number, longTasksBefore: number): Promise<BurstFigures> {
    const [template, templateElements] = (await page.evaluate(BURST_SETUP)) as [string, number];
    const trace = await startScriptTrace(cdp);
    const marks: Metrics[] = [];
    for (let b = 0; b < BATCHES; b++) {
      marks.push(await metrics(cdp));
      await page.evaluate(`__twAppend(${POSTS_PER_BATCH})`);
      if (gapMs) await sleep(gapMs);
    }
    await sleep(BURST_TRAIL_MS);
    marks.push(await metrics(cdp));
    const traced = await trace.stop(thread);
    const diffs = (key: 'script' | 'task') => marks.slice(1).map((m, i) => m[key] - marks[i]![key]);
    const longTasks = ((await page.evaluate('window.__twLongTasks.length')) as number) - longTasksBefore;
    return {
      template,
      templateElements,
      jsMs: traced.scriptMs,
      scriptMs: marks.at(-1)!.script - marks[0]!.script,
      taskMs: marks.at(-1)!.task - marks[0]!.task,
      perBatchScriptMs: diffs('script'),
      perBatchTaskMs: diffs('task'),
      longTasks,
    };
  }
}

// ---- figures and tables ----

interface Stat {
  median: number;
  min: number;
  max: number;
}
const stat = (xs: number[]): Stat => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const fmt = (s: Stat | null, digits = 1) =>
  s === null || Number.isNaN(s.median)
    ? 'n/a'
    : `${s.median.toFixed(digits)} [${s.min.toFixed(digits)}–${s.max.toFixed(digits)}]`;

interface PageSummary {
  file: string;
  runs: number;
  /** Traced script time, compile and microtasks included: the budget figure. */
  addedJsMs: Stat;
  addedScriptDurationMs: Stat;
  compileMs: Stat;
  addedRenderMs: Stat;
  addedTaskMs: Stat;
  addedLongTasks: Stat;
  startupLongRuns: number;
  readyMs: Stat;
  resolveMs: Stat;
  perBatchMs: Stat;
  /** The floor's added script time (a content script that does nothing), null without a floor. */
  floorJsMs: Stat | null;
  /** Ours above the floor, paired by run. */
  aboveFloorJsMs: Stat | null;
  /** The --compare build's added script time, and ours minus it (paired by run); null without --compare. */
  compareJsMs: Stat | null;
  minusCompareJsMs: Stat | null;
}

/** Pairs run i with the extension and run i without (they ran back to back). */
const added = (r: PageResult, pick: (f: RunFigures) => number) => stat(r.on.map((on, i) => pick(on) - pick(r.off[i]!)));
const floorAdded = (r: PageResult, pick: (f: RunFigures) => number) => (r.floor.length ? stat(r.floor.map((fl, i) => pick(fl) - pick(r.off[i]!))) : null);
const aboveFloor = (r: PageResult, pick: (f: RunFigures) => number) => (r.floor.length ? stat(r.on.map((on, i) => pick(on) - pick(r.floor[i]!))) : null);
const compareAdded = (r: PageResult, pick: (f: RunFigures) => number) => (r.compare.length ? stat(r.compare.map((c, i) => pick(c) - pick(r.off[i]!))) : null);
const minusCompare = (r: PageResult, pick: (f: RunFigures) => number) => (r.compare.length ? stat(r.on.map((on, i) => pick(on) - pick(r.compare[i]!))) : null);

function summarise(r: PageResult): PageSummary {
  return {
    file: r.file,
    runs: r.on.length,
    addedJsMs: added(r, (f) => f.jsMs),
    addedScriptDurationMs: added(r, (f) => f.scriptDurationMs),
    compileMs: stat(r.on.map((f) => f.compileMs)),
    addedRenderMs: added(r, (f) => f.renderMs),
    addedTaskMs: added(r, (f) => f.taskMs),
    addedLongTasks: added(r, (f) => f.longTasks),
    startupLongRuns: r.on.filter((f) => f.startupLongTaskMs !== null).length,
    readyMs: stat(r.on.map((f) => f.readyMs ?? NaN)),
    resolveMs: stat(r.off.map((f) => f.resolveMs ?? NaN)),
    perBatchMs: added(r, (f) => f.burst.jsMs / BATCHES),
    floorJsMs: floorAdded(r, (f) => f.jsMs),
    aboveFloorJsMs: aboveFloor(r, (f) => f.jsMs),
    compareJsMs: compareAdded(r, (f) => f.jsMs),
    minusCompareJsMs: minusCompare(r, (f) => f.jsMs),
  };
}

function pageTable(r: PageResult): string {
  const s = summarise(r);
  const on = (pick: (f: RunFigures) => number) => stat(r.on.map(pick));
  const off = (pick: (f: RunFigures) => number) => stat(r.off.map(pick));
  const row = (label: string, a: string, b: string, c: string, d = '') => `  ${label.padEnd(44)}${a.padEnd(24)}${b.padEnd(24)}${c.padEnd(24)}${d}`;
  const three = (label: string, pick: (f: RunFigures) => number, digits = 1) =>
    row(label, fmt(on(pick), digits), fmt(off(pick), digits), fmt(added(r, pick), digits), fmt(floorAdded(r, pick), digits));
  const batchMedian = (f: RunFigures) => median(f.burst.perBatchScriptMs);
  const burst = r.on[0]!.burst;
  return [
    `${r.file} as ${r.url}   (${r.on.length} runs each; median [min–max]; added = on − off, floor = empty content script − off, paired by run)`,
    row('', 'extension on', 'extension off', 'added', 'floor added'),
    three('script time (trace), load + settle (ms)', (f) => f.jsMs),
    ...(r.compare.length ? [row('  the --compare build, added (ms)', '', '', fmt(compareAdded(r, (f) => f.jsMs)), `ours − it: ${fmt(minusCompare(r, (f) => f.jsMs))}`)] : []),
    three('  of which: compile of content scripts (ms)', (f) => f.compileMs),
    three('  CDP ScriptDuration, same window (ms)', (f) => f.scriptDurationMs),
    three('rendering outside scripts (trace) (ms)', (f) => f.renderMs),
    three('  of which: layerisations (count)', (f) => f.layerizes, 0),
    three('task time, load + settle (ms)', (f) => f.taskMs),
    three('long tasks during load (count)', (f) => f.longTasks, 0),
    three('long tasks during load (total ms)', (f) => f.longTaskMs),
    row('overlay start-up task > 50 ms', `${s.startupLongRuns}/${r.on.length} runs`, '', ''),
    three('JS heap used after load + GC (MB)', (f) => f.heapUsedMB, 2),
    row('DOMContentLoaded → overlay ready (ms)', fmt(s.readyMs), '', ''),
    row('resolve all anchors (ms, median of 5)', '', fmt(s.resolveMs, 2), ''),
    row(`burst: ${BATCHES}×${POSTS_PER_BATCH} clones of ${burst.template} (${burst.templateElements} elements)`, '', '', ''),
    three('  script time (trace), whole burst (ms)', (f) => f.burst.jsMs),
    three('  ScriptDuration, whole burst (ms)', (f) => f.burst.scriptMs),
    three('  task time, whole burst (ms)', (f) => f.burst.taskMs),
    three('  script per batch = traced burst / 50 (ms)', (f) => f.burst.jsMs / BATCHES, 3),
    three('  ScriptDuration per batch, median of 50 (ms)', batchMedian, 3),
    three('  long tasks during burst', (f) => f.burst.longTasks, 0),
  ].join('\n');
}

const againstFloor = (s: PageSummary) =>
  (s.floorJsMs && s.aboveFloorJsMs ? `; the floor ${s.floorJsMs.median.toFixed(1)} ms, ours ${s.aboveFloorJsMs.median.toFixed(1)} above it` : '') +
  (s.compareJsMs && s.minusCompareJsMs ? `; the --compare build ${s.compareJsMs.median.toFixed(1)} ms, ours ${s.minusCompareJsMs.median.toFixed(1)} from it` : '');

function verdicts(sizes: ScriptSize[], summaries: PageSummary[]): string[] {
  const v = (ok: boolean) => (ok ? 'PASS' : 'OVER');
  const lines = sizes.map(
    (s) => `${v(loadedGzipBytes(s) <= CONTENT_SCRIPT_BUDGET_BYTES)}  ${describeSize(s)} — budget ≤ 25 KB`,
  );
  for (const s of summaries) {
    lines.push(
      `${v(s.addedJsMs.median <= BUDGET.addedScriptMs)}  ${s.file}: added script time ${s.addedJsMs.median.toFixed(1)} ms (compile ${s.compileMs.median.toFixed(1)} of it; ScriptDuration saw ${s.addedScriptDurationMs.median.toFixed(1)}; task ${s.addedTaskMs.median.toFixed(1)} ms${againstFloor(s)}) — budget ≤ 10 ms`,
      `${v(s.startupLongRuns * 2 <= s.runs && s.addedLongTasks.median <= 0)}  ${s.file}: overlay start-up long in ${s.startupLongRuns} run(s), added long tasks ${s.addedLongTasks.median} — budget: no long task`,
      `${v(s.perBatchMs.median <= BUDGET.perBatchMs)}  ${s.file}: ${s.perBatchMs.median.toFixed(3)} ms per mutation batch — budget ≤ 2 ms`,
      `${v(s.resolveMs.median <= BUDGET.resolveMs)}  ${s.file}: resolve all anchors ${s.resolveMs.median.toFixed(2)} ms — budget ≤ 5 ms`,
    );
  }
  return lines;
}

function summaryTable(summaries: PageSummary[]): string {
  const head = ['page', 'added script ms', 'floor ms', 'above floor ms', 'compare ms', 'ours − compare', 'ScriptDuration ms', 'compile ms', 'added render ms', 'added task ms', '+long tasks', 'ready ms', 'resolve ms', 'ms/batch'];
  const widths = [36, 20, 20, 20, 20, 20, 20, 18, 22, 24, 12, 22, 20, 22];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('');
  return [
    line(head),
    ...summaries.map((s) =>
      line([s.file, fmt(s.addedJsMs), fmt(s.floorJsMs), fmt(s.aboveFloorJsMs), fmt(s.compareJsMs), fmt(s.minusCompareJsMs), fmt(s.addedScriptDurationMs), fmt(s.compileMs), fmt(s.addedRenderMs), fmt(s.addedTaskMs), s.addedLongTasks.median.toFixed(0), fmt(s.readyMs), fmt(s.resolveMs, 2), fmt(s.perBatchMs, 3)]),
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  requireRealPages();
  // A snapshot of the build: other engineers rebuild .output while a run (6 minutes) is going.
  const snapshot = mkdtempSync(path.join(tmpdir(), 'tw-bench-ext-'));
  const floorDir = mkdtempSync(path.join(tmpdir(), 'tw-bench-floor-'));
  buildFloor(floorDir);
  if (options.reference) await buildReference(options.reference, snapshot);
  else {
    ensureBuild();
    cpSync(chromeBuild, snapshot, { recursive: true });
  }
  const sizes = contentScriptSizes(snapshot);
  const expected = JSON.parse(readFileSync(path.join(realPagesDir, 'expected.json'), 'utf8')) as { pages: Array<{ file: string; url: string }> };
  const pages = expected.pages.filter((p) => !options.pageFilter || p.file.includes(options.pageFilter));
  if (!pages.length) throw new Error(`no saved page matches ${options.pageFilter}`);

  const chromiumVersion = spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
  const measured = options.reference
    ? `the reference overlay "${options.reference}" (tests/tools/reference-overlays), not our extension`
    : `${path.relative(projectRoot, chromeBuild)}${options.guideOff ? ', with the guide switched off by the learner' : ''}`;
  // The machine may be shared: its load moves every figure (thread time included: the other hyperthread of the core).
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
  process.stdout.write(`load average at the start: ${load()}\n`);
  process.stdout.write(
    `${chromiumVersion}; ${options.runs} runs per page and mode; settle ${options.settleMs} ms; batch gap ${options.batchGapMs} ms\nextension on: ${measured}\n` +
      `floor: ${options.floor ? 'an extension whose content script does nothing, same run' : 'not measured (--no-floor)'}\n` +
      `${options.compare ? `compared with: ${options.compare}, same run\n` : ''}\n`,
  );

  const results: PageResult[] = [];
  let on: Lab | null = null;
  let floor: Lab | null = null;
  let compare: Lab | null = null;
  let off: Lab | null = null;
  try {
    on = await Lab.launch(snapshot);
    if (!options.reference) await on.guideScriptsReady();
    if (options.guideOff) await on.switchGuideOff();
    floor = options.floor ? await Lab.launch(floorDir, false) : null;
    if (options.compare) {
      compare = await Lab.launch(options.compare);
      await compare.guideScriptsReady();
      if (options.guideOff) await compare.switchGuideOff();
    }
    off = await Lab.launch(null);
    // One discarded load each: first-run costs (profile creation, extension install, font caches) are not the page's.
    const first = pages[0]!;
    for (const lab of [on, compare, floor, off]) await lab?.run(first.url, first.file, options);
    for (const p of pages) {
      const result: PageResult = { file: p.file, url: p.url, on: [], off: [], floor: [], compare: [] };
      for (let i = 0; i < options.runs; i++) {
        result.on.push(await on.run(p.url, p.file, options));
        if (compare) result.compare.push(await compare.run(p.url, p.file, options));
        if (floor) result.floor.push(await floor.run(p.url, p.file, options));
        result.off.push(await off.run(p.url, p.file, options));
      }
      results.push(result);
      process.stdout.write(`${pageTable(result)}\n\n`);
    }
  } finally {
    await on?.close();
    await floor?.close();
    await compare?.close();
    await off?.close();
    rmSync(snapshot, { recursive: true, force: true });
    rmSync(floorDir, { recursive: true, force: true });
  }

  const summaries = results.map(summarise);
  const late = results.flatMap((r) => r.on.filter((f) => f.readyInWindow === false).map(() => r.file));
  process.stdout.write(`Summary (median [min–max] of ${options.runs} paired runs)\n${summaryTable(summaries)}\n\nBudgets\n`);
  process.stdout.write(`${verdicts(sizes, summaries).join('\n')}\n`);
  if (late.length) process.stdout.write(`note: the overlay was ready only after the measuring window in ${late.length} run(s) (${[...new Set(late)].join(', ')}): raise --settle\n`);
  process.stdout.write(`\ntook ${((performance.now() - started) / 1000).toFixed(0)} s; load average at the end: ${load()}\n`);

  if (options.json) {
    writeFileSync(
      options.json,
      `${JSON.stringify({ date: new Date().toISOString(), chromium: chromiumVersion, options, contentScripts: sizes, budget: BUDGET, pages: results, summaries }, null, 1)}\n`,
    );
    process.stdout.write(`raw figures written to ${options.json}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: could not measure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
