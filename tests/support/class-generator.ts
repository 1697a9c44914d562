// A class of generated learners, for the class report's tests and benchmark: each learner has a path (some change
// it midway), takes lessons of the default pack in the path's step order, completes, skips or abandons steps and
// lessons, answers retrieval questions, and some meet a broken control. Their progress facts become statements
// through the product's own builders (lessons/xapi, lessons/health), so the LRS holds what real browsers send; the
// expected report is counted here from the facts, independently of the report's code. Deterministic per seed.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stepOrder } from '../../lessons/engine/engine';
import { anchorSummaryStatement, type AnchorReport, type SummaryGroup } from '../../lessons/health/anchor-health';
import { PATHS, type LearningPath, type Pack } from '../../lessons/pack/types';
import { accountActor, statementForFact, type Statement } from '../../lessons/xapi/statements';

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ExpectedStep {
  completed: number;
  skipped: number;
  stoppedHere: number;
}

export interface ExpectedLesson {
  started: number;
  completed: number;
  skipped: number;
  notCompleted: number;
  stoppedBeforeFirstStep: number;
  recall: { answers: number; recalled: number; learners: number };
  paths: Record<LearningPath | 'unknown', number>;
  steps: Record<string, ExpectedStep>;
  anchors: Record<string, { reports: number; learners: number }>;
}

export interface GeneratedClass {
  statements: Statement[];
  learners: number;
  pack: Pack;
  /** "lessonId" → what the report must say. */
  lessons: Record<string, ExpectedLesson>;
  /** Every learner by final path. */
  paths: Record<LearningPath | 'unknown', number>;
  anchors: Record<string, { reports: number; learners: number }>;
}

/** Anchors the generated class finds broken: on the feed, where two lessons need them. */
export const BROKEN = [
  { anchor: 'linkedin.feed.startPost', pageKind: 'feed' },
  { anchor: 'linkedin.nav.search', pageKind: 'feed' },
] as const;

const DAY = 86_400_000;
/** The default pack, read as a file (Playwright's loader does not take JSON modules). */
const DEFAULT_PACK = JSON.parse(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../lessons/default-pack/default-pack.json'), 'utf8')) as Pack;

export function generateClass({ learners = 200, lessonsPerLearner = [14, 20] as [number, number], seed = 18, start = Date.UTC(2026, 0, 5, 8) } = {}): GeneratedClass {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[Math.floor(random() * 4)]!;
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  const pack = DEFAULT_PACK;
  const statements: Statement[] = [];
  const lessons: Record<string, ExpectedLesson> = {};
  const classPaths = { experimenter: 0, analyst: 0, thinker: 0, maker: 0, unknown: 0 };
  const anchors: Record<string, { reports: number; learners: Set<number> }> = {};
  const lessonAnchors: Record<string, Record<string, { reports: number; learners: Set<number> }>> = {};
  const expected = (lessonId: string) =>
    (lessons[lessonId] ??= {
      started: 0,
      completed: 0,
      skipped: 0,
      notCompleted: 0,
      stoppedBeforeFirstStep: 0,
      recall: { answers: 0, recalled: 0, learners: 0 },
      paths: { experimenter: 0, analyst: 0, thinker: 0, maker: 0, unknown: 0 },
      steps: {},
      anchors: {},
    });
  const stepOf = (lessonId: string, stepId: string) => (expected(lessonId).steps[stepId] ??= { completed: 0, skipped: 0, stoppedHere: 0 });

  for (let n = 0; n < learners; n++) {
    const actor = accountActor(uuid(), 'https://lms.acme.example');
    const firstPath = pick(PATHS);
    // One learner in ten changes path halfway: the report counts the latest.
    const switchAt = random() < 0.1 ? 0.5 : 2;
    const secondPath = PATHS[(PATHS.indexOf(firstPath) + 1) % PATHS.length]!;
    const count = lessonsPerLearner[0] + Math.floor(random() * (lessonsPerLearner[1] - lessonsPerLearner[0] + 1));
    const chosen = [...pack.lessons].sort(() => random() - 0.5).slice(0, count);
    let clock = start + n * 7_000 + Math.floor(random() * DAY);
    const lessonPaths: Array<[string, LearningPath]> = [];
    const emit = (key: string, value: Record<string, unknown>, path: LearningPath) => {
      const statement = statementForFact(key, value, { packs: [pack], actor, idFor: uuid, path });
      if (!statement) throw new Error(`no statement for ${key}`);
      statements.push(statement);
    };
    const brokenSightings: AnchorReport[] = [];

    chosen.forEach((lesson, index) => {
      const path = index / chosen.length >= switchAt ? secondPath : firstPath;
      const base = `${pack.id}/${lesson.id}`;
      const e = expected(lesson.id);
      lessonPaths.push([lesson.id, path]);
      clock += 60_000;
      emit(`started:${base}`, { at: clock }, path);
      e.started++;
      let lastStep: string | null = null;
      let finished = true;
      for (const stepId of stepOrder(lesson, path)) {
        clock += 60_000;
        const roll = random();
        if (roll < 0.06) {
          finished = false; // stops here, before doing this step
          break;
        }
        if (roll < 0.12) {
          emit(`skipped:${base}/${stepId}`, { at: clock }, path);
          stepOf(lesson.id, stepId).skipped++;
        } else {
          emit(`progress:${base}/${stepId}`, { at: clock }, path);
          stepOf(lesson.id, stepId).completed++;
        }
        lastStep = stepId;
        const step = lesson.steps.find((s) => s.id === stepId)!;
        const broken = BROKEN.find((b) => b.anchor === step.anchor && lesson.pages.includes(b.pageKind));
        if (broken && random() < 0.5)
          brokenSightings.push({
            anchor: broken.anchor,
            network: 'linkedin',
            pageKind: broken.pageKind,
            packId: pack.id,
            packVersion: pack.version,
            lessonId: lesson.id,
            stepId,
            extensionVersion: '0.1.0',
            count: 1 + Math.floor(random() * 3),
            firstSeen: clock,
            lastSeen: clock,
            summarized: 0,
          });
      }
      clock += 60_000;
      if (finished && random() < 0.85) {
        emit(`completed:${base}`, { at: clock }, path);
        e.completed++;
        const answers = Math.floor(random() * 3);
        for (let q = 0; q < answers; q++) {
          clock += DAY;
          const recalled = random() < 0.7;
          emit(`recall:${base}/${clock}-0`, { at: clock, q: 0, recalled }, path);
          e.recall.answers++;
          if (recalled) e.recall.recalled++;
        }
        if (answers) e.recall.learners++;
      } else {
        if (random() < 0.4) {
          emit(`skipped:${base}`, { at: clock }, path);
          e.skipped++;
        }
        e.notCompleted++;
        if (lastStep) stepOf(lesson.id, lastStep).stoppedHere++;
        else e.stoppedBeforeFirstStep++;
      }
    });
    const finalPath = lessonPaths.length ? lessonPaths[lessonPaths.length - 1]![1] : firstPath;
    classPaths[finalPath]++;
    for (const [lessonId] of lessonPaths) expected(lessonId).paths[finalPath]++;

    // The broken controls this learner met: one summary statement per anchor per day, as the background sends them.
    const byAnchorDay = new Map<string, AnchorReport[]>();
    for (const sighting of brokenSightings) {
      const key = `${sighting.anchor} ${new Date(sighting.lastSeen).toISOString().slice(0, 10)}`;
      byAnchorDay.set(key, [...(byAnchorDay.get(key) ?? []), sighting]);
    }
    for (const [key, reports] of byAnchorDay) {
      const [anchor, day] = key.split(' ') as [string, string];
      const group: SummaryGroup = { anchor, network: 'linkedin', day, reports };
      statements.push(anchorSummaryStatement(group, { id: uuid(), actor, packs: [pack], path: finalPath }));
      for (const r of reports) {
        const total = (anchors[anchor] ??= { reports: 0, learners: new Set() });
        total.reports += r.count;
        total.learners.add(n);
        const perLesson = ((lessonAnchors[r.lessonId] ??= {})[anchor] ??= { reports: 0, learners: new Set() });
        perLesson.reports += r.count;
        perLesson.learners.add(n);
      }
    }
  }
  for (const [lessonId, byAnchor] of Object.entries(lessonAnchors))
    for (const [anchor, a] of Object.entries(byAnchor)) expected(lessonId).anchors[anchor] = { reports: a.reports, learners: a.learners.size };
  return {
    statements,
    learners,
    pack,
    lessons,
    paths: classPaths,
    anchors: Object.fromEntries(Object.entries(anchors).map(([anchor, a]) => [anchor, { reports: a.reports, learners: a.learners.size }])),
  };
}

/** Where a report's figures differ from the generator's (empty when every count is equal). */
export function reportDifferences(
  report: {
    learners: number;
    paths: Record<string, number>;
    anchors: Array<{ anchor: string; reports: number; learners: number }>;
    lessons: Array<{
      lessonId: string;
      started: number;
      completed: number;
      skipped: number;
      notCompleted: number;
      stoppedBeforeFirstStep: number;
      recall: { answers: number; recalled: number; learners: number };
      paths: Record<string, number>;
      steps: Array<{ stepId: string; completed: number; skipped: number; stoppedHere: number }>;
      anchors: Array<{ anchor: string; reports: number; learners: number }>;
    }>;
  },
  generated: GeneratedClass,
): string[] {
  const out: string[] = [];
  const same = (what: string, got: unknown, want: unknown) => {
    const a = JSON.stringify(got, Object.keys(flatten(got)).sort());
    const b = JSON.stringify(want, Object.keys(flatten(want)).sort());
    if (a !== b) out.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  const anchorsOf = (rows: Array<{ anchor: string; reports: number; learners: number }>) => Object.fromEntries(rows.map((a) => [a.anchor, { reports: a.reports, learners: a.learners }]));
  same('learners', report.learners, generated.learners);
  same('paths', report.paths, generated.paths);
  same('anchors', anchorsOf(report.anchors), generated.anchors);
  same('lessons', report.lessons.map((l) => l.lessonId).sort(), Object.keys(generated.lessons).sort());
  for (const row of report.lessons) {
    const want = generated.lessons[row.lessonId];
    if (!want) continue;
    same(row.lessonId, {
      started: row.started,
      completed: row.completed,
      skipped: row.skipped,
      notCompleted: row.notCompleted,
      stoppedBeforeFirstStep: row.stoppedBeforeFirstStep,
      recall: row.recall,
      paths: row.paths,
      steps: Object.fromEntries(row.steps.map((s) => [s.stepId, { completed: s.completed, skipped: s.skipped, stoppedHere: s.stoppedHere }])),
      anchors: anchorsOf(row.anchors),
    }, want);
  }
  return out;
}

/** Every key at any depth (so JSON.stringify compares objects whatever their key order). */
function flatten(value: unknown, keys: Record<string, true> = {}): Record<string, true> {
  if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) {
    keys[k] = true;
    flatten(v, keys);
  }
  return keys;
}
