// Branded build: `TW_PACK=path/to/pack.yaml npm run build` bakes that pack in as the bundled default pack. Runs in
// Node, in the WXT build only (wxt.config.ts): the pack is validated like the CLI does, and the build stops with the
// validator's messages when it is broken. The pack then takes the place of lessons/default-pack/default-pack.json
// for every importer, so the background, options and popup all see it as the bundled pack.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Pack } from '../../lessons/pack/types';
import { formatError, validatePackJson } from '../../lessons/pack/validate';
import { validatePackYaml } from '../../lessons/pack/yaml';

/** Reads and validates the pack at `path`; throws an Error listing every problem (file:line:column …). */
export function loadBrandPack(path: string, cwd: string = process.cwd()): Pack {
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`TW_PACK: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = /\.json$/i.test(file) ? validatePackJson(text, { file: path }) : validatePackYaml({ file: path, text });
  if (!result.ok || !result.pack) {
    throw new Error(`TW_PACK: ${path} is not a valid lesson pack (${result.errors.length} error(s)):\n${result.errors.map((e) => formatError(e, 'en')).join('\n')}`);
  }
  return result.pack;
}

/** A Vite plugin serving `pack` in place of the default pack's JSON. */
export function brandPackPlugin(pack: Pack) {
  const json = JSON.stringify(pack);
  return {
    name: 'training-wheels:brand-pack',
    enforce: 'pre' as const,
    load(id: string) {
      return id.replace(/\\/g, '/').replace(/\?.*$/, '').endsWith('/lessons/default-pack/default-pack.json') ? json : null;
    },
  };
}
