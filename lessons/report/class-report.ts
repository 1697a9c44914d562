// The class report: a class's xAPI statements (as an LRS returns them, page after page) folded into counts per lesson:
// learners who started, completed, skipped; retrieval answers and how many were recalled; the step where those who
// did not finish stopped; the mix of learning paths; and the controls (anchors) reported missing. Streaming: `add`
// takes one statement at a time and keeps only per-learner facts (a learner × lesson is a few numbers), never the
// statements, so memory grows with the class, not with its history. Pure: no browser API, no I/O.
import { PATHS, type LearningPath, type Pack } from '../pack/types';
import { ANCHOR_MISSING_VERB } from '../health/anchor-health';
import { ACTIVITY_BASE, EXTENSION, VERBS, csvCell, isPathName, isSkipStatement } from '../xapi/statements';

type LanguageMap = Record<string, string>;
export type PathMix = Record<LearningPath | 'unknown', number>;

export interface StepRow {
  stepId: string;
  title?: LanguageMap;
  /** Learners who completed the step. */
  completed: number;
  /** Learners who skipped the step. */
  skipped: number;
  /** Learners who did not complete the lesson and whose last step was this one. */
  stoppedHere: number;
}

export interface AnchorRow {
  anchor: string;
  /** Sightings summed over the daily summaries. */
  reports: number;
  /** Learners whose browser reported it. */
  learners: number;
  lastSeen: number;
  pageKinds: string[];
  packVersions: string[];
}

export interface LessonRow {
  packId: string;
  lessonId: string;
  title?: LanguageMap;
  network?: string;
  started: number;
  completed: number;
  skipped: number;
  /** Learners with any step or start in the lesson who did not complete it. */
  notCompleted: number;
  /** …of whom this many never got past the start (no step done or skipped). */
  stoppedBeforeFirstStep: number;
  recall: { answers: number; recalled: number; learners: number };
  /** Learners active in the lesson, by their current path. */
  paths: PathMix;
  steps: StepRow[];
  anchors: AnchorRow[];
}

export interface ClassReport {
  /** Statements read, and those that were not the product's (ignored). */
  statements: number;
  ignored: number;
  learners: number;
  paths: PathMix;
  lessons: LessonRow[];
  /** Every anchor reported, across lessons. */
  anchors: AnchorRow[];
}

// ---- reading a statement ----------------------------------------------------------------------------------------

const ACTIVITY_RE = new RegExp(`^${ACTIVITY_BASE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/packs/([^/]+)/lessons/([^/]+)(?:/(steps|retrieval)/([^/]+))?$`);
const ANCHOR_PREFIX = `${ACTIVITY_BASE}/anchors/`;

interface Target {
  packId: string;
  lessonId: string;
  stepId?: string;
  question?: string;
}

function parseActivityId(id: unknown): Target | null {
  if (typeof id !== 'string') return null;
  const m = ACTIVITY_RE.exec(id);
  if (!m) return null;
  try {
    const target: Target = { packId: decodeURIComponent(m[1]!), lessonId: decodeURIComponent(m[2]!) };
    if (m[3] === 'steps') target.stepId = decodeURIComponent(m[4]!);
    if (m[3] === 'retrieval') target.question = decodeURIComponent(m[4]!);
    return target;
  } catch {
    return null;
  }
}

/** A learner's identity, whichever Inverse Functional Identifier the actor uses. */
function actorKey(actor: unknown): string | null {
  if (typeof actor !== 'object' || actor === null) return null;
  const a = actor as Record<string, unknown>;
  const account = a.account as { homePage?: unknown; name?: unknown } | undefined;
  if (account && typeof account.name === 'string') return `a|${String(account.homePage)}|${account.name}`;
  for (const ifi of ['mbox', 'mbox_sha1sum', 'openid'] as const) if (typeof a[ifi] === 'string') return `${ifi}|${a[ifi] as string}`;
  return null;
}

const isRecord = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);
const languageMap = (raw: unknown): LanguageMap | undefined =>
  isRecord(raw) && Object.values(raw).every((v) => typeof v === 'string') && Object.keys(raw).length ? (raw as LanguageMap) : undefined;

interface StatementView {
  verb: string;
  learner: string;
  object: { id: string; name?: LanguageMap };
  at: number;
  path?: LearningPath;
  network?: string;
  success?: boolean;
  skip: boolean;
  parents: Array<{ id: string; name?: LanguageMap }>;
  extensions: Record<string, unknown>;
  resultExtensions: Record<string, unknown>;
}

function view(raw: unknown): StatementView | null {
  if (!isRecord(raw)) return null;
  const verb = isRecord(raw.verb) && typeof raw.verb.id === 'string' ? raw.verb.id : null;
  const learner = actorKey(raw.actor);
  const object = isRecord(raw.object) && typeof raw.object.id === 'string' ? raw.object : null;
  if (!verb || !learner || !object) return null;
  const context = isRecord(raw.context) ? raw.context : {};
  const extensions = isRecord(context.extensions) ? context.extensions : {};
  const result = isRecord(raw.result) ? raw.result : {};
  const contextActivities = isRecord(context.contextActivities) ? context.contextActivities : {};
  const parentsRaw = Array.isArray(contextActivities.parent) ? contextActivities.parent : isRecord(contextActivities.parent) ? [contextActivities.parent] : [];
  const at = Date.parse(typeof raw.timestamp === 'string' ? raw.timestamp : typeof raw.stored === 'string' ? raw.stored : '');
  const path = extensions[EXTENSION('path')];
  const definition = isRecord(object.definition) ? object.definition : {};
  const network = extensions[EXTENSION('network')];
  return {
    verb,
    learner,
    object: { id: object.id as string, name: languageMap(definition.name) },
    at: Number.isFinite(at) ? at : 0,
    path: isPathName(path) ? path : undefined,
    network: typeof network === 'string' ? network : undefined,
    success: typeof result.success === 'boolean' ? result.success : undefined,
    skip: isSkipStatement({ verb: { id: verb, display: {} }, result: result as { extensions?: Record<string, unknown> } }),
    parents: parentsRaw.filter(isRecord).flatMap((p) => (typeof p.id === 'string' ? [{ id: p.id, name: languageMap(isRecord(p.definition) ? p.definition.name : undefined) }] : [])),
    extensions,
    resultExtensions: isRecord(result.extensions) ? result.extensions : {},
  };
}

// ---- the fold ---------------------------------------------------------------------------------------------------

interface StepAcc {
  title?: LanguageMap;
  completed: Set<number>;
  skipped: Set<number>;
}

interface AnchorAcc {
  reports: number;
  learners: Set<number>;
  lastSeen: number;
  pageKinds: Set<string>;
  packVersions: Set<string>;
}

interface LessonAcc {
  packId: string;
  lessonId: string;
  title?: LanguageMap;
  network?: string;
  active: Set<number>;
  started: Set<number>;
  completed: Set<number>;
  skipped: Set<number>;
  recallAnswers: number;
  recalled: number;
  recallLearners: Set<number>;
  steps: Map<string, StepAcc>;
  /** learner → their latest step statement (completed or skipped step). */
  lastStep: Map<number, { stepId: string; at: number }>;
  anchors: Map<string, AnchorAcc>;
}

const titled = (title: LanguageMap | undefined) => (title ? { title } : {});
const emptyMix = (): PathMix => ({ experimenter: 0, analyst: 0, thinker: 0, maker: 0, unknown: 0 });

export interface ClassAggregator {
  /** Folds one statement in (anything that is not one of the product's statements is counted as ignored). */
  add(statement: unknown): void;
  /** The report so far. `packs` (the trainer's own copies, when at hand) give lesson and step order and titles. */
  report(packs?: readonly Pack[]): ClassReport;
}

export function createClassAggregator(): ClassAggregator {
  const learnerIds = new Map<string, number>();
  const learnerPath: Array<{ path: LearningPath; at: number } | undefined> = [];
  const lessons = new Map<string, LessonAcc>();
  let statements = 0;
  let ignored = 0;

  const learnerOf = (key: string) => {
    let id = learnerIds.get(key);
    if (id === undefined) {
      id = learnerIds.size;
      learnerIds.set(key, id);
    }
    return id;
  };
  const lessonOf = (t: Target) => {
    const key = `${t.packId}\u0000${t.lessonId}`;
    let acc = lessons.get(key);
    if (!acc) {
      acc = {
        packId: t.packId,
        lessonId: t.lessonId,
        active: new Set(),
        started: new Set(),
        completed: new Set(),
        skipped: new Set(),
        recallAnswers: 0,
        recalled: 0,
        recallLearners: new Set(),
        steps: new Map(),
        lastStep: new Map(),
        anchors: new Map(),
      };
      lessons.set(key, acc);
    }
    return acc;
  };
  const stepOf = (lesson: LessonAcc, stepId: string, title?: LanguageMap) => {
    let acc = lesson.steps.get(stepId);
    if (!acc) lesson.steps.set(stepId, (acc = { completed: new Set(), skipped: new Set() }));
    acc.title ??= title;
    return acc;
  };
  const titleLesson = (lesson: LessonAcc, s: StatementView, objectIsLesson: boolean) => {
    lesson.network ??= s.network;
    if (lesson.title) return;
    if (objectIsLesson) lesson.title = s.object.name;
    else lesson.title = s.parents.find((p) => parseActivityId(p.id)?.stepId === undefined && p.name)?.name;
  };

  function addAnchorSummary(s: StatementView, learner: number) {
    const anchor = decodeURIComponent(s.object.id.slice(ANCHOR_PREFIX.length));
    const reports = s.extensions[EXTENSION('anchor-reports')];
    if (!Array.isArray(reports)) return false;
    for (const raw of reports) {
      if (!isRecord(raw) || typeof raw.packId !== 'string' || typeof raw.lessonId !== 'string') continue;
      const count = typeof raw.count === 'number' && Number.isFinite(raw.count) && raw.count > 0 ? raw.count : 0;
      const lesson = lessonOf({ packId: raw.packId, lessonId: raw.lessonId });
      lesson.network ??= s.network;
      let acc = lesson.anchors.get(anchor);
      if (!acc) lesson.anchors.set(anchor, (acc = { reports: 0, learners: new Set(), lastSeen: 0, pageKinds: new Set(), packVersions: new Set() }));
      acc.reports += count;
      acc.learners.add(learner);
      const lastSeen = typeof raw.lastSeen === 'string' ? Date.parse(raw.lastSeen) : NaN;
      acc.lastSeen = Math.max(acc.lastSeen, Number.isFinite(lastSeen) ? lastSeen : s.at);
      if (typeof raw.pageKind === 'string') acc.pageKinds.add(raw.pageKind);
      if (typeof raw.packVersion === 'string') acc.packVersions.add(raw.packVersion);
    }
    return true;
  }

  function add(raw: unknown) {
    statements++;
    const s = view(raw);
    if (!s) {
      ignored++;
      return;
    }
    const isAnchorSummary = s.verb === ANCHOR_MISSING_VERB.id && s.object.id.startsWith(ANCHOR_PREFIX);
    const target = isAnchorSummary ? null : parseActivityId(s.object.id);
    if (!isAnchorSummary && !target) {
      ignored++; // another product's statement: its actor is not one of the class's learners
      return;
    }
    const learner = learnerOf(s.learner);
    if (s.path) {
      const known = learnerPath[learner];
      if (!known || s.at >= known.at) learnerPath[learner] = { path: s.path, at: s.at };
    }
    if (!target) {
      if (!addAnchorSummary(s, learner)) ignored++;
      return;
    }
    const lesson = lessonOf(target);
    titleLesson(lesson, s, target.stepId === undefined && target.question === undefined);
    if (target.question !== undefined) {
      if (s.verb !== VERBS.answered.id || s.success === undefined) return void ignored++;
      lesson.recallAnswers++;
      if (s.success) lesson.recalled++;
      lesson.recallLearners.add(learner);
      return;
    }
    if (target.stepId !== undefined) {
      const step = stepOf(lesson, target.stepId, s.object.name);
      if (s.skip) step.skipped.add(learner);
      else if (s.verb === VERBS.completed.id) step.completed.add(learner);
      else return void ignored++;
      lesson.active.add(learner);
      const last = lesson.lastStep.get(learner);
      if (!last || s.at >= last.at) lesson.lastStep.set(learner, { stepId: target.stepId, at: s.at });
      return;
    }
    if (s.verb === VERBS.attempted.id) lesson.started.add(learner);
    else if (s.skip) lesson.skipped.add(learner);
    else if (s.verb === VERBS.completed.id) lesson.completed.add(learner);
    else return void ignored++;
    lesson.active.add(learner);
  }

  function anchorRow(anchor: string, acc: AnchorAcc): AnchorRow {
    return { anchor, reports: acc.reports, learners: acc.learners.size, lastSeen: acc.lastSeen, pageKinds: [...acc.pageKinds].sort(), packVersions: [...acc.packVersions].sort() };
  }

  function report(packs: readonly Pack[] = []): ClassReport {
    const pathOf = (learner: number): LearningPath | 'unknown' => learnerPath[learner]?.path ?? 'unknown';
    const mixOf = (learners: Iterable<number>) => {
      const mix = emptyMix();
      for (const l of learners) mix[pathOf(l)]++;
      return mix;
    };
    const rows: LessonRow[] = [];
    const allAnchors = new Map<string, AnchorAcc>();
    for (const acc of lessons.values()) {
      const lesson = packs.find((p) => p.id === acc.packId)?.lessons.find((l) => l.id === acc.lessonId);
      const stops = new Map<string, number>();
      let beforeFirst = 0;
      let notCompleted = 0;
      for (const learner of acc.active) {
        if (acc.completed.has(learner)) continue;
        notCompleted++;
        const last = acc.lastStep.get(learner);
        if (last) stops.set(last.stepId, (stops.get(last.stepId) ?? 0) + 1);
        else beforeFirst++;
      }
      const order = lesson?.steps.map((s) => s.id) ?? [];
      const steps: StepRow[] = [...acc.steps.entries()]
        .map(([stepId, step]) => ({
          stepId,
          ...titled(step.title ?? lesson?.steps.find((s) => s.id === stepId)?.text),
          completed: step.completed.size,
          skipped: step.skipped.size,
          stoppedHere: stops.get(stepId) ?? 0,
        }))
        .sort((a, b) => {
          const ia = order.indexOf(a.stepId);
          const ib = order.indexOf(b.stepId);
          if (ia !== ib) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
          return b.completed + b.skipped - (a.completed + a.skipped) || a.stepId.localeCompare(b.stepId);
        });
      const anchors = [...acc.anchors.entries()].map(([anchor, a]) => anchorRow(anchor, a)).sort((a, b) => b.reports - a.reports || a.anchor.localeCompare(b.anchor));
      for (const [anchor, a] of acc.anchors) {
        const all = allAnchors.get(anchor) ?? { reports: 0, learners: new Set<number>(), lastSeen: 0, pageKinds: new Set<string>(), packVersions: new Set<string>() };
        all.reports += a.reports;
        for (const l of a.learners) all.learners.add(l);
        all.lastSeen = Math.max(all.lastSeen, a.lastSeen);
        for (const k of a.pageKinds) all.pageKinds.add(k);
        for (const v of a.packVersions) all.packVersions.add(v);
        allAnchors.set(anchor, all);
      }
      const title = acc.title ?? lesson?.title;
      rows.push({
        packId: acc.packId,
        lessonId: acc.lessonId,
        ...(title ? { title } : {}),
        ...((acc.network ?? lesson?.network) ? { network: acc.network ?? lesson?.network } : {}),
        started: acc.started.size,
        completed: acc.completed.size,
        skipped: acc.skipped.size,
        notCompleted,
        stoppedBeforeFirstStep: beforeFirst,
        recall: { answers: acc.recallAnswers, recalled: acc.recalled, learners: acc.recallLearners.size },
        paths: mixOf(acc.active),
        steps,
        anchors,
      });
    }
    const packIndex = (id: string) => {
      const i = packs.findIndex((p) => p.id === id);
      return i < 0 ? Infinity : i;
    };
    const lessonIndex = (row: LessonRow) => {
      const i = packs.find((p) => p.id === row.packId)?.lessons.findIndex((l) => l.id === row.lessonId) ?? -1;
      return i < 0 ? Infinity : i;
    };
    rows.sort((a, b) => packIndex(a.packId) - packIndex(b.packId) || a.packId.localeCompare(b.packId) || lessonIndex(a) - lessonIndex(b) || b.started - a.started || a.lessonId.localeCompare(b.lessonId));
    return {
      statements,
      ignored,
      learners: learnerIds.size,
      paths: mixOf(learnerIds.values()),
      lessons: rows,
      anchors: [...allAnchors.entries()].map(([anchor, a]) => anchorRow(anchor, a)).sort((a, b) => b.reports - a.reports || a.anchor.localeCompare(b.anchor)),
    };
  }

  return { add, report };
}

// ---- CSV --------------------------------------------------------------------------------------------------------

export const REPORT_CSV_COLUMNS = [
  'row',
  'pack_id',
  'lesson_id',
  'step_id',
  'anchor',
  'title',
  'started',
  'completed',
  'skipped',
  'not_completed',
  'stopped_here',
  'recall_answers',
  'recalled',
  ...PATHS,
  'path_unknown',
  'anchor_reports',
  'anchor_learners',
  'anchor_last_seen',
] as const;

const localized = (map: LanguageMap | undefined, locale: string) => (map ? (map[locale] ?? map.en ?? Object.values(map)[0] ?? '') : '');

/**
 * The report as one CSV: a `lesson` row per lesson, a `step` row per step (completed, skipped, stopped here) and an
 * `anchor` row per control reported missing in that lesson. Cells that would start a formula are neutralised.
 */
export function reportToCsv(report: ClassReport, locale = 'en'): string {
  const lines: string[] = [REPORT_CSV_COLUMNS.join(',')];
  const row = (values: Partial<Record<(typeof REPORT_CSV_COLUMNS)[number], string | number>>) =>
    lines.push(REPORT_CSV_COLUMNS.map((column) => csvCell(values[column] === undefined ? '' : String(values[column]))).join(','));
  for (const lesson of report.lessons) {
    const ids = { pack_id: lesson.packId, lesson_id: lesson.lessonId };
    row({
      row: 'lesson',
      ...ids,
      title: localized(lesson.title, locale),
      started: lesson.started,
      completed: lesson.completed,
      skipped: lesson.skipped,
      not_completed: lesson.notCompleted,
      stopped_here: lesson.stoppedBeforeFirstStep,
      recall_answers: lesson.recall.answers,
      recalled: lesson.recall.recalled,
      ...Object.fromEntries(PATHS.map((p) => [p, lesson.paths[p]])),
      path_unknown: lesson.paths.unknown,
      anchor_reports: lesson.anchors.reduce((n, a) => n + a.reports, 0),
    });
    for (const step of lesson.steps)
      row({ row: 'step', ...ids, step_id: step.stepId, title: localized(step.title, locale), completed: step.completed, skipped: step.skipped, stopped_here: step.stoppedHere });
    for (const anchor of lesson.anchors)
      row({ row: 'anchor', ...ids, anchor: anchor.anchor, anchor_reports: anchor.reports, anchor_learners: anchor.learners, anchor_last_seen: anchor.lastSeen ? new Date(anchor.lastSeen).toISOString() : '' });
  }
  return lines.join('\r\n') + '\r\n';
}
