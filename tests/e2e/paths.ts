import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = resolve(projectRoot, process.env.TW_OUT_DIR ?? '.output');
/**
 * The builds the end-to-end tests load: the test builds (`npm run build:test`), whose overlay has an open shadow root
 * and a labelled host (components/test-hooks.ts), so that the tests can reach inside.
 */
export const chromeBuild = resolve(outDir, 'chrome-mv3-test');
export const firefoxBuild = resolve(outDir, 'firefox-mv2-test');
/** The build that ships (`npm run build`): what the bench measures and what the sealing test attacks. */
export const chromeProductionBuild = resolve(outDir, 'chrome-mv3');
export const syntheticPages = resolve(projectRoot, 'tests', 'e2e', 'pages');
export const sharedDir = resolve(projectRoot, '..', 'shared');
export const realPagesDir = resolve(sharedDir, 'realpages');

/** Tests that read the saved real pages say so loudly when they are not there, rather than pass. */
export function requireRealPages(): string {
  if (!existsSync(resolve(realPagesDir, 'expected.json'))) {
    throw new Error(
      `The real saved pages are missing: expected ${realPagesDir} (../shared/realpages beside the project). ` +
        'These tests check anchors on real LinkedIn, X and YouTube pages and cannot run without them.',
    );
  }
  return realPagesDir;
}

export function requireBuild(dir: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    const test = dir.endsWith('-test');
    throw new Error(`No extension build at ${dir}: run \`${test ? 'npm run build:test' : 'npm run build && npm run build:firefox'}\` first.`);
  }
  return dir;
}
