// npm run pack -- validate FILE…        check packs (YAML or JSON) or lesson lists; exit 1 on any error
// npm run pack -- build FILE [--out F]  write the runtime JSON of a pack (default: FILE with .json)
// npm run pack -- build-default [--check]  assemble lessons/default-pack/*.yaml → default-pack.json
// npm run pack -- stats FILE            lessons, steps, hints, retrieval per network × path × locale; the share of
//                                       doing-steps that complete by themselves, and any ending on a navigation control
// npm run pack -- schema [--check]      regenerate lessons/pack/*.schema.json from the valibot schema
// Options: --locale en|fr (messages; default from LANG), --json (machine-readable errors), --warnings
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatError, validatePackJson, type PackError, type ValidationResult } from '../pack/validate';
import { assemblePack, parseYaml, validatePackYaml } from '../pack/yaml';
import { doingStepStats, formatDoingStats, formatStats, packStats } from '../pack/stats';
import type { Pack } from '../pack/types';
import { buildPackFromDir, DEFAULT_PACK_DIR, DEFAULT_PACK_JSON, readSource, toRuntimeJson } from './default-pack';
import { generateJsonSchemas, SCHEMA_FILES } from './json-schema';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const WITH_VALUE = new Set(['--locale', '--out']);
const positional = args.filter((a, i) => !a.startsWith('--') && !WITH_VALUE.has(args[i - 1] ?? ''));
const [command, ...files] = positional;
const locale = option('locale') ?? (/^fr/i.test(process.env.LANG ?? '') ? 'fr' : 'en');
const fr = locale === 'fr';

/** A pack file, a JSON pack, or a YAML list of lessons (validated inside the pack.yaml next to it, if any). */
function check(file: string): ValidationResult & { data?: unknown } {
  const src = readSource(file);
  if (file.endsWith('.json')) {
    const r = validatePackJson(src.text, { file: src.file });
    return { ...r, ...(r.pack ? { data: r.pack } : {}) };
  }
  const parsed = parseYaml(src);
  if (!parsed.errors.length && Array.isArray(parsed.data)) {
    const headerPath = join(dirname(file), 'pack.yaml');
    const header = existsSync(headerPath)
      ? readSource(headerPath)
      : { file: '(header)', text: 'schema: 1\nid: lesson.list\nversion: "0.0.0"\ntitle: { en: Lessons, fr: Leçons }\nlessons: []\n' };
    return assemblePack(header, [src]);
  }
  return validatePackYaml(src);
}

function report(errors: readonly PackError[], warnings: readonly PackError[]): void {
  if (flag('json')) {
    console.log(JSON.stringify({ errors, warnings }, null, 2));
    return;
  }
  for (const e of errors) console.error(formatError(e, locale));
  if (flag('warnings')) for (const w of warnings) console.error(`${fr ? 'avis' : 'warning'}: ${formatError(w, locale)}`);
}

function main(): number {
  switch (command) {
    case 'validate': {
      if (!files.length) return usage();
      let bad = 0;
      for (const file of files) {
        if (!existsSync(file)) {
          console.error(fr ? `${file} : fichier introuvable` : `${file}: no such file`);
          bad++;
          continue;
        }
        const r = check(file);
        report(r.errors, r.warnings);
        if (r.ok) console.log(fr ? `${file} : valide (${r.warnings.length} avis)` : `${file}: valid (${r.warnings.length} warnings)`);
        else {
          console.error(fr ? `${file} : ${r.errors.length} erreur(s)` : `${file}: ${r.errors.length} error(s)`);
          bad++;
        }
      }
      return bad ? 1 : 0;
    }
    case 'build': {
      const file = files[0];
      if (!file) return usage();
      const r = check(file);
      report(r.errors, r.warnings);
      if (!r.ok || r.data === undefined) return 1;
      const out = option('out') ?? file.replace(/\.(ya?ml|json)$/i, '') + '.json';
      writeFileSync(out, toRuntimeJson(r.data));
      console.log(fr ? `écrit ${out}` : `wrote ${out}`);
      return 0;
    }
    case 'build-default': {
      const built = buildPackFromDir(DEFAULT_PACK_DIR);
      if (built.missing.length) console.error(`${fr ? 'absents' : 'missing'}: ${built.missing.join(', ')}`);
      report(built.result.errors, built.result.warnings);
      if (!built.json) return 1;
      const out = join(DEFAULT_PACK_DIR, DEFAULT_PACK_JSON);
      const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
      if (flag('check')) {
        if (current !== built.json) {
          console.error(fr ? `${out} est périmé : npm run pack -- build-default` : `${out} is stale: run npm run pack -- build-default`);
          return 1;
        }
        return 0;
      }
      writeFileSync(out, built.json);
      console.log(`${fr ? 'écrit' : 'wrote'} ${out} (${(built.json.length / 1024).toFixed(1)} KB)`);
      return 0;
    }
    case 'stats': {
      const file = files[0];
      if (!file) return usage();
      const r = check(file);
      report(r.errors, r.warnings);
      if (r.data === undefined) return 1;
      console.log(formatStats(packStats(r.data as Pack)));
      console.log(`\n${formatDoingStats(doingStepStats(r.data as Pack))}`);
      return r.ok ? 0 : 1;
    }
    case 'schema': {
      const gen = generateJsonSchemas();
      let stale = 0;
      for (const [k, path] of Object.entries(SCHEMA_FILES) as Array<[keyof typeof SCHEMA_FILES, string]>) {
        const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
        if (current === gen[k]) continue;
        stale++;
        if (!flag('check')) {
          writeFileSync(path, gen[k]);
          console.log(`${fr ? 'écrit' : 'wrote'} ${path}`);
        } else console.error(`${path} ${fr ? 'est périmé' : 'is stale'}`);
      }
      return flag('check') && stale ? 1 : 0;
    }
    default:
      return usage();
  }
}

function usage(): number {
  console.error('usage: npm run pack -- validate FILE… | build FILE [--out F] | build-default [--check] | stats FILE | schema [--check]  [--locale en|fr] [--json] [--warnings]');
  return 2;
}

process.exitCode = main();
