// Byte budget of the content script (../shared/DESIGN.md, "Budgets"): it is loaded on every tab of four heavy sites,
// so each built content script must stay ≤ 25 KB gzip (zlib level 9, 1 KB = 1024 bytes), together with the overlay's
// full UI (overlay-ui.js), which the background injects into a tab whose page needs more than the first hint card
// (a task, the panel): such a tab loads both. And the UI must not carry a second copy of what it borrows from the
// content script. Deterministic, so it is checked by the test command; the timing budgets are measured by `npm run bench`.
//
//   npx tsx tests/tools/check-size.ts [EXTENSION_DIR]     (default .output/chrome-mv3, built by `npx wxt build`)
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
  /** The overlay's full UI, which a tab loads as well when its page needs it (null: the build has none, e.g. a reference). */
  ui: { bytes: number; gzipBytes: number } | null;
}

/** What a tab loads at most: the content script and the overlay's full UI. */
export const loadedGzipBytes = (s: ScriptSize) => s.gzipBytes + (s.ui?.gzipBytes ?? 0);

/** Raw and gzip (level 9) size of every content script of a build; throws when the build has none. */
export function contentScriptSizes(buildDir = defaultBuildDir): ScriptSize[] {
  const dir = path.join(buildDir, 'content-scripts');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')).sort() : [];
  if (!files.length) throw new Error(`no content script in ${dir}: run \`npx wxt build\` first`);
  const measure = (file: string) => {
    const bytes = readFileSync(file);
    return { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  };
  const uiFile = path.join(buildDir, 'overlay-ui.js');
  const ui = existsSync(uiFile) ? measure(uiFile) : null;
  return files.map((f) => ({ file: `content-scripts/${f}`, ...measure(path.join(dir, f)), ui }));
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/**
 * The full UI borrows the overlay's strings, stylesheet, hint card and placement from the content script
 * (components/overlay/ui-slot.ts); a component that imports one of them directly would put a second copy into every
 * tab that loads both, within the same budget. Returns what the UI carries twice, by a marker of each (and a marker
 * the content scripts do not contain either, which would no longer detect anything).
 */
export function uiCopies(buildDir = defaultBuildDir): string[] {
  const uiFile = path.join(buildDir, 'overlay-ui.js');
  if (!existsSync(uiFile)) return [];
  const ui = readFileSync(uiFile, 'utf8');
  const en = JSON.parse(readFileSync(path.join(projectRoot, 'public', '_locales', 'en', 'messages.json'), 'utf8'));
  const markers: Array<[string, string]> = [
    ['the overlay strings (components/overlay/strings.ts)', en.overlayRegion.message],
    ['the stylesheet (components/overlay/overlay.css)', ':host{'],
    ['the placement (components/overlay/placement.ts)', 'maxHeight:Math.max(120'],
    ['the hint card (components/overlay/hint-card.ts)', 'tw-hint-body'],
  ];
  const content = contentScriptSizes(buildDir).map((s) => readFileSync(path.join(buildDir, s.file), 'utf8'));
  return markers.flatMap(([what, marker]) => [
    ...(ui.includes(marker) ? [`overlay-ui.js carries its own copy of ${what}, which it must borrow from the content script`] : []),
    ...(content.every((script) => script.includes(marker)) ? [] : [`the marker of ${what} (${marker}) is no longer in every content script: update it here`]),
  ]);
}

export const describeSize = (s: ScriptSize) =>
  `${s.file}: ${kb(s.gzipBytes)} KB gzip (${kb(s.bytes)} KB raw)` +
  (s.ui ? ` + full overlay UI when a page needs it ${kb(s.ui.gzipBytes)} KB gzip (${kb(s.ui.bytes)} KB raw) = ${kb(loadedGzipBytes(s))} KB gzip` : '');

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
  const copies = uiCopies(buildDir);
  for (const copy of copies) process.stdout.write(`OVER ${copy}\n`);
  if (copies.length) {
    process.stderr.write('check-size: the overlay UI duplicates what the content script carries: import it from components/overlay/kit.ts.\n');
    return 1;
  }
  if (over) {
    process.stderr.write(
      `check-size: ${over} content script(s) (with the overlay UI) over the 25 KB gzip budget (${CONTENT_SCRIPT_BUDGET_BYTES} bytes). ` +
        'It loads on every tab of four heavy sites: load heavy code only when a lesson applies, or trim dependencies ' +
        '(see BENCHMARKS.md for what the bytes are).\n',
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = main();
