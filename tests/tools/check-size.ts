// Byte budget of the guide's scripts (../shared/DESIGN.md, "Budgets"): a network's guide script
// (entrypoints/guide-<network>.ts → guide-<network>.js) is everything one of its tabs loads of ours — the page's
// runtime and the whole overlay, drawn by one renderer — so each must stay ≤ 25 KB gzip (zlib level 9,
// 1 KB = 1024 bytes). It must also go without webextension-polyfill (entrypoints/content/extension.ts), which an import
// of `wxt/browser` would bring back, and without console calls or performance marks (the page would see them).
// Deterministic, so it is checked by the test command; the timing budgets are measured by `npm run bench`.
//
//   npx tsx tests/tools/check-size.ts [EXTENSION_DIR]     (default .output/chrome-mv3, built by `npm run build`)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const defaultBuildDir = path.join(projectRoot, '.output', 'chrome-mv3');
export const CONTENT_SCRIPT_BUDGET_BYTES = 25 * 1024;

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** What a tab loads at most: its guide script (the overlay is in it). */
export const loadedGzipBytes = (s: ScriptSize) => s.gzipBytes;

/**
 * Raw and gzip (level 9) size of every script a build runs in the networks' tabs: our guide scripts, or the content
 * scripts of a bench reference (content-scripts/*.js). Throws when the build has none.
 */
export function contentScriptSizes(buildDir = defaultBuildDir): ScriptSize[] {
  const inDir = (dir: string, pick: (name: string) => boolean) =>
    existsSync(path.join(buildDir, dir)) ? readdirSync(path.join(buildDir, dir)).filter(pick).map((f) => path.join(dir, f)) : [];
  const files = [...inDir('.', (f) => /^guide-.+\.js$/.test(f)), ...inDir('content-scripts', (f) => f.endsWith('.js'))].map((f) => path.normalize(f)).sort();
  if (!files.length) throw new Error(`no guide script in ${buildDir}: run \`npm run build\` first`);
  return files.map((file) => {
    const bytes = readFileSync(path.join(buildDir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * What a guide script must not carry: webextension-polyfill (~3.5 KB gzip on every tab; its own words mark it), and
 * anything a page could notice — console output, performance marks and measures (the page shares the console and the
 * performance timeline with our isolated world).
 */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/This script should only be loaded in a browser extension/, 'webextension-polyfill: import `extension` from entrypoints/content/extension.ts, not wxt/browser'],
  [/console\.[a-z]+\(/, 'a console call, which the page would see in its console'],
  [/performance\.(mark|measure)\(/, 'a performance mark or measure, which the page can read'],
];

export function forbiddenContent(buildDir = defaultBuildDir): string[] {
  return contentScriptSizes(buildDir).flatMap((s) => {
    const code = readFileSync(path.join(buildDir, s.file), 'utf8');
    return FORBIDDEN.filter(([pattern]) => pattern.test(code)).map(([, what]) => `${s.file} carries ${what}`);
  });
}

export const describeSize = (s: ScriptSize) => `${s.file}: ${kb(s.gzipBytes)} KB gzip (${kb(s.bytes)} KB raw)`;

function main(): number {
  const buildDir = path.resolve(process.argv[2] ?? defaultBuildDir);
  let sizes: ScriptSize[];
  try {
    sizes = contentScriptSizes(buildDir);
  } catch (error) {
    process.stderr.write(`check-size: ${(error as Error).message}\n`);
    return 1;
  }
  let over = 0;
  for (const s of sizes) {
    const ok = loadedGzipBytes(s) <= CONTENT_SCRIPT_BUDGET_BYTES;
    if (!ok) over++;
    process.stdout.write(`${ok ? 'PASS' : 'OVER'} ${describeSize(s)}, budget 25 KB\n`);
  }
  const forbidden = forbiddenContent(buildDir);
  for (const line of forbidden) process.stdout.write(`FAIL ${line}\n`);
  if (over || forbidden.length) {
    process.stderr.write(
      `check-size: ${over} guide script(s) over the 25 KB gzip budget (${CONTENT_SCRIPT_BUDGET_BYTES} bytes), ${forbidden.length} problem(s) of content. ` +
        'A guide script loads on every tab of a heavy site where the guide is on: trim dependencies (see BENCHMARKS.md for ' +
        'what the bytes are), and leave nothing the page could notice.\n',
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = main();
