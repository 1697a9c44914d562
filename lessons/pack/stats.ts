// Counts per network × path × locale: how much each learner actually gets from a pack.
import { NETWORKS, type Network } from '../sites/types';
import { DEFAULT_LOCALES, PATHS, type LearningPath, type Pack, type Text } from './types';

export interface StatsRow {
  network: Network;
  path: LearningPath;
  locale: string;
  lessons: number;
  steps: number;
  /** Lesson hints plus step hints this path has in this locale. */
  hints: number;
  /** Retrieval questions with question and answer in this locale. */
  retrieval: number;
}

const has = (t: Text | undefined, loc: string) => typeof t?.[loc] === 'string' && t[loc] !== '';

export function packStats(pack: Pack): StatsRow[] {
  const locales = pack.locales ?? [...DEFAULT_LOCALES];
  const rows: StatsRow[] = [];
  for (const network of NETWORKS) {
    const lessons = pack.lessons.filter((l) => l.network === network);
    if (lessons.length === 0) continue;
    for (const path of PATHS)
      for (const locale of locales) {
        let steps = 0;
        let hints = 0;
        let retrieval = 0;
        for (const l of lessons) {
          steps += l.steps.filter((s) => has(s.text, locale)).length;
          if (has(l.hints[path], locale)) hints++;
          hints += l.steps.filter((s) => has(s.hint?.[path], locale)).length;
          retrieval += l.retrieval.filter((r) => has(r.q, locale) && has(r.a, locale)).length;
        }
        rows.push({ network, path, locale, lessons: lessons.length, steps, hints, retrieval });
      }
  }
  return rows;
}

export function formatStats(rows: readonly StatsRow[]): string {
  const head = ['network', 'path', 'locale', 'lessons', 'steps', 'hints', 'retrieval'] as const;
  const cells = [head.map(String), ...rows.map((r) => head.map((h) => String(r[h])))];
  const widths = head.map((_, i) => Math.max(...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i >= 3 ? x.padStart(widths[i]!) : x.padEnd(widths[i]!))).join('  ');
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
