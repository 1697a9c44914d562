// Counts per network × path × locale: how much each learner actually gets from a pack.
import { NETWORKS, type Network } from '../sites/types';
import { DEFAULT_LOCALES, PATHS, stepEnd, type LearningPath, type Pack, type Text } from './types';
import { isNavigationAnchor } from './validate';

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

/** Doing-steps (Kolb CE and AE) of one network: how many complete by themselves, and which end on a navigation control. */
export interface DoingStepStats {
  network: Network;
  /** Steps in mode CE or AE. */
  doing: number;
  /** Of those, the ones whose end is an action the guide observes (every rule but `manual`). */
  selfCompleting: number;
  /** Of those, the ones that end on a walk. */
  walks: number;
  /** Doing-steps whose end is a click on a navigation control (a bar, a masthead): `lesson/step → anchor`. */
  endOnNavigation: string[];
}

/**
 * Counts the doing-steps that complete by themselves on their real end action. A doing-step's end is its walk's last
 * micro-step, else its own `done`; a click on a navigation control (isNavigationAnchor) never ends the task.
 */
export function doingStepStats(pack: Pack): DoingStepStats[] {
  const rows: DoingStepStats[] = [];
  for (const network of NETWORKS) {
    const lessons = pack.lessons.filter((l) => l.network === network);
    if (lessons.length === 0) continue;
    const row: DoingStepStats = { network, doing: 0, selfCompleting: 0, walks: 0, endOnNavigation: [] };
    for (const lesson of lessons)
      for (const step of lesson.steps) {
        if (step.mode !== 'CE' && step.mode !== 'AE') continue;
        row.doing++;
        const end = stepEnd(step);
        if (end === 'manual') continue;
        row.selfCompleting++;
        if (step.walk?.length) row.walks++;
        const endAnchor = step.walk?.length ? step.walk[step.walk.length - 1]!.anchor : step.anchor;
        const clicked = 'click' in end ? (end.click === 'anchor' ? endAnchor : end.click) : undefined;
        if (clicked && isNavigationAnchor(clicked)) row.endOnNavigation.push(`${lesson.id}/${step.id} → ${clicked}`);
      }
    rows.push(row);
  }
  return rows;
}

/** The share as text: per network and in total, with the steps that end on a navigation control. */
export function formatDoingStats(rows: readonly DoingStepStats[]): string {
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');
  const total = rows.reduce((t, r) => ({ doing: t.doing + r.doing, self: t.self + r.selfCompleting, walks: t.walks + r.walks }), { doing: 0, self: 0, walks: 0 });
  const lines = rows.map((r) => `${r.network.padEnd(8)}  ${String(r.selfCompleting).padStart(2)}/${String(r.doing).padEnd(2)}  ${pct(r.selfCompleting, r.doing).padStart(7)}  walks ${r.walks}`);
  lines.push(`${'all'.padEnd(8)}  ${String(total.self).padStart(2)}/${String(total.doing).padEnd(2)}  ${pct(total.self, total.doing).padStart(7)}  walks ${total.walks}`);
  const nav = rows.flatMap((r) => r.endOnNavigation);
  lines.push(nav.length ? `ending on a navigation control: ${nav.join(', ')}` : 'ending on a navigation control: none');
  return [`doing-steps (CE, AE) that complete by themselves on their end action`, ...lines].join('\n');
}
