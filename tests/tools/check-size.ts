// Byte budget of the content script (../shared/DESIGN.md, "Budgets"): it is loaded on every tab of four heavy sites,
// so each built content script must stay ≤ 25 KB gzip (zlib level 9, 1 KB = 1024 bytes). Deterministic, so it is
// checked by the test command; the timing budgets are measured by `npm run bench` (tests/tools/bench.ts).
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
}

/** Raw and gzip (level 9) size of every content script of a build; throws when the build has none. */
export function contentScriptSizes(buildDir = defaultBuildDir): ScriptSize[] {
  const dir = path.join(buildDir, 'content-scripts');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')).sort() : [];
  if (!files.length) throw new Error(`no content script in ${dir}: run \`npx wxt build\` first`);
  return files.map((f) => {
    const bytes = readFileSync(path.join(dir, f));
    return { file: `content-scripts/${f}`, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

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
    const ok = s.gzipBytes <= CONTENT_SCRIPT_BUDGET_BYTES;
    if (!ok) over++;
    process.stdout.write(`${ok ? 'PASS' : 'OVER'} ${s.file}: ${kb(s.gzipBytes)} KB gzip (${kb(s.bytes)} KB raw), budget 25 KB\n`);
  }
  if (over) {
    process.stderr.write(
      `check-size: ${over} content script(s) over the 25 KB gzip budget (${CONTENT_SCRIPT_BUDGET_BYTES} bytes). ` +
        'It loads on every tab of four heavy sites: load heavy code only when a lesson applies, or trim dependencies ' +
        '(see BENCHMARKS.md for what the bytes are).\n',
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = main();
