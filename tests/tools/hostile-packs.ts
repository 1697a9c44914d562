// The hostile-pack corpus (issue 15): packs made to freeze a tab or the validator — huge texts, pathological
// patterns, selectors the browser refuses, deep nesting, alias bombs, too many of everything. Each must be refused
// by `npm run pack -- validate` in well under a second, with an error naming the field (in English and French).
// Generated rather than stored: some are megabytes. Write them out to try the CLI by hand:
//
//   npx tsx tests/tools/hostile-packs.ts /tmp/hostile && npm run pack -- validate /tmp/hostile/*
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE = readFileSync(path.join(here, '../unit/fixtures/valid-minimal.yaml'), 'utf8').replace(/^#.*\n/, '');

export interface HostilePack {
  /** File name: .yaml or .json. */
  file: string;
  text: string;
  /** The error code and path it must produce. */
  code: string;
  path: string;
}

/** The base pack with one YAML line replaced (it must be there exactly once). */
function edit(find: string, replace: string): string {
  const at = BASE.indexOf(find);
  if (at < 0 || BASE.indexOf(find, at + 1) >= 0) throw new Error(`hostile-packs: "${find}" must occur once in the base pack`);
  return BASE.slice(0, at) + replace + BASE.slice(at + find.length);
}
const withAnchors = (yaml: string) => edit('lessons:\n', `anchors:\n${yaml}lessons:\n`);
const json = (value: unknown) => JSON.stringify(value);

export function hostilePacks(): HostilePack[] {
  const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']])
    laughs.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
  let blockDeep = '';
  for (let i = 1; i <= 200; i++) blockDeep += `${' '.repeat(2 * i)}k${i}:\n`;
  const base = JSON.parse(JSON.stringify({ schema: 1, id: 'test.hostile', version: '1.0.0', title: { en: 'T', fr: 'T' }, lessons: [] }));
  return [
    // Huge texts: a 220 KB hint passed the validator and froze every tab that drew it.
    { file: 'huge-hint.yaml', text: edit('      analyst: { en: h, fr: h }\n', `      analyst: { en: "${'Lorem ipsum dolor sit amet. '.repeat(8_000)}", fr: h }\n`), code: 'too-long', path: 'lessons[0].hints.analyst.en' },
    { file: 'bracket-flood.yaml', text: edit('        text: { en: b, fr: b }\n', `        text: { en: "${'[a'.repeat(40_000)}", fr: b }\n`), code: 'too-long', path: 'lessons[0].steps[1].text.en' },
    { file: 'link-flood.yaml', text: edit('      maker: { en: h, fr: h }\n', `      maker: { en: h, fr: "${']('.repeat(110_000)}" }\n`), code: 'too-long', path: 'lessons[0].hints.maker.fr' },
    { file: 'long-title.yaml', text: edit('title: { en: Test, fr: Test }\n', `title: { en: Test, fr: "${'T'.repeat(5_000)}" }\n`), code: 'too-long', path: 'title.fr' },
    { file: 'huge-file.yaml', text: `${'# padding\n'.repeat(150_000)}${BASE}`, code: 'pack-too-large', path: '(file)' },
    { file: 'huge-pack.json', text: json({ ...base, description: { en: 'x'.repeat(2_500_000), fr: 'x' } }), code: 'pack-too-large', path: '(pack)' },
    // Pathological patterns.
    { file: 'url-globstars.yaml', text: edit('done: { url: "/in/*" }', 'done: { url: "/**a**a**a**b" }'), code: 'done-shape', path: 'lessons[0].steps[3].done' },
    { file: 'url-wildcards.yaml', text: edit('done: { url: "/in/*" }', `done: { url: "/${Array(12).fill('*').join('/')}/x" }`), code: 'done-shape', path: 'lessons[0].steps[3].done' },
    { file: 'url-too-long.yaml', text: edit('done: { url: "/in/*" }', `done: { url: "/${'a*'.repeat(400)}" }`), code: 'too-long', path: 'lessons[0].steps[3].done.url' },
    // Selectors the browser refuses (querySelectorAll would throw inside the resolver).
    { file: 'css-unclosed.yaml', text: withAnchors('  linkedin.profile.broken: [ { css: "button[aria-label" } ]\n'), code: 'invalid-selector', path: 'anchors["linkedin.profile.broken"][0].css' },
    { file: 'css-unknown-pseudo.yaml', text: withAnchors('  linkedin.profile.broken: [ { css: "button:contains(Post)" } ]\n'), code: 'invalid-selector', path: 'anchors["linkedin.profile.broken"][0].css' },
    { file: 'css-nested-has.yaml', text: withAnchors('  linkedin.profile.broken: [ { css: "div:has(a:has(b))" } ]\n'), code: 'invalid-selector', path: 'anchors["linkedin.profile.broken"][0].css' },
    { file: 'css-too-long.yaml', text: withAnchors(`  linkedin.profile.broken: [ { css: "${'div '.repeat(200)}a" } ]\n`), code: 'too-long', path: 'anchors["linkedin.profile.broken"][0].css' },
    { file: 'tag-invalid.yaml', text: withAnchors('  linkedin.profile.broken: [ { text: [Post], tag: "button," } ]\n'), code: 'invalid-selector', path: 'anchors["linkedin.profile.broken"][0].tag' },
    { file: 'role-injection.yaml', text: withAnchors(`  linkedin.profile.broken: [ { role: 'button"], *, [x="', name: [Post] } ]\n`), code: 'format', path: 'anchors["linkedin.profile.broken"][0].role' },
    // Deep nesting: the YAML parser recursed (a stack overflow at a few thousand levels, seconds at 100 000).
    { file: 'deep-flow.yaml', text: edit('title: { en: Test, fr: Test }\n', `title: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`), code: 'too-deep', path: 'title' },
    { file: 'deep-block.yaml', text: edit('title: { en: Test, fr: Test }\n', `title:\n${blockDeep}`), code: 'too-deep', path: 'title.k1.k2.k3.k4.k5.k6.k7.k8.k9.k10.k11.k12.k13.k14.k15.k16.k17.k18.k19.k20.k21.k22.k23.k24.k25.k26.k27.k28.k29.k30.k31.k32' },
    { file: 'deep.json', text: json({ ...base, title: 0 }).replace('"title":0', `"title":${'['.repeat(50_000)}${']'.repeat(50_000)}`), code: 'too-deep', path: `title${'[0]'.repeat(31)}` },
    // Many aliases: a "billion laughs" in nine lines.
    { file: 'alias-bomb.yaml', text: `${laughs.join('\n')}\n${BASE.replace('title: { en: Test, fr: Test }', 'title: { en: *i, fr: Test }')}`, code: 'yaml-aliases', path: 'b[0]' },
    // Too many of everything.
    { file: 'many-steps.yaml', text: edit('    steps:\n', `    steps:\n${Array.from({ length: 40 }, (_, i) => `      - { id: x${i}, mode: CE, text: { en: a, fr: a }, done: manual }\n`).join('')}`), code: 'too-many', path: 'lessons[0].steps' },
    { file: 'many-lessons.json', text: json({ ...base, lessons: Array.from({ length: 5_000 }, (_, i) => ({ id: `l${i}` })) }), code: 'too-many', path: 'lessons' },
    { file: 'many-strategies.yaml', text: withAnchors(`  linkedin.profile.many: [ ${Array(11).fill('{ css: a }').join(', ')} ]\n`), code: 'too-many', path: 'anchors["linkedin.profile.many"]' },
    { file: 'long-id.yaml', text: edit('  - id: l1\n', `  - id: ${'l'.repeat(100)}\n`), code: 'too-long', path: 'lessons[0].id' },
    { file: 'proto-id.yaml', text: edit('  - id: l1\n', '  - id: __proto__\n'), code: 'format', path: 'lessons[0].id' },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npx tsx tests/tools/hostile-packs.ts OUT_DIR');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  for (const pack of hostilePacks()) writeFileSync(path.join(dir, pack.file), pack.text);
  console.log(`wrote ${hostilePacks().length} hostile packs to ${dir}`);
}
