// The learner's progress: plain JSON, persisted as-is in extension storage by the store.
// Keyed by pack id → lesson id → step id, all stable ids of the pack. Every update is a pure function.
import type { LearningPath, Pack } from '../pack/types';

/** How much a skill's hints still show: full card → small beacon → hidden. */
export const FADE_LEVELS = ['full', 'beacon', 'hidden'] as const;
export type FadeLevel = (typeof FADE_LEVELS)[number];

export interface RetrievalAnswer {
  /** When it was answered (ms since epoch). */
  at: number;
  /** Which of the lesson's questions was asked. */
  q: number;
  /** The learner's own verdict after seeing the answer. */
  recalled: boolean;
}

export interface LessonProgress {
  startedAt?: number;
  /** Step id → when it was completed. */
  steps: Record<string, number>;
  /** Step id → when the learner skipped it (never a completion: it earns nothing and schedules nothing). */
  skipped?: Record<string, number>;
  completedAt?: number;
  /** The learner went through the lesson skipping at least one step: it ended without being completed. */
  skippedAt?: number;
  retrieval: RetrievalAnswer[];
  /** The learner closed this lesson's hint ("got it"). */
  hintDismissedAt?: number;
}

/** The learner's own choice of fade level for a skill; it holds until the next practice event. */
export interface FadeOverride {
  level: FadeLevel;
  at: number;
}

export interface PackProgress {
  lessons: Record<string, LessonProgress>;
  /** Skill (lesson.skill ?? lesson.id) → learner override. */
  skills: Record<string, FadeOverride>;
}

export interface TaskRef {
  packId: string;
  lessonId: string;
}

/** The active task, and where the learner is in the walk of its current step (absent: at its start). */
export interface ActiveRef extends TaskRef {
  walk?: { stepId: string; index: number };
}

export interface Progress {
  version: 1;
  packs: Record<string, PackProgress>;
  /** The task the learner has started and not finished or stopped. */
  active: ActiveRef | null;
  /** Path the learner last studied with, for information (the store keeps the real choice). */
  lastPath?: LearningPath;
}

/**
 * A map keyed by ids from storage or from a pack: no prototype, so an id such as `constructor` or `__proto__` is
 * only ever an id (never Object.prototype's property, never a way to write to it).
 */
export function idMap<T>(...sources: Array<Readonly<Record<string, T>> | undefined>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, ...sources);
}

const emptyPack = (): PackProgress => ({ lessons: idMap(), skills: idMap() });
const emptyLesson = (): LessonProgress => ({ steps: idMap(), retrieval: [] });

export function emptyProgress(): Progress {
  return { version: 1, packs: idMap(), active: null };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/**
 * Read progress from storage, keeping every valid part of a damaged value (a corrupt entry loses only itself).
 * Never throws.
 */
export function sanitizeProgress(raw: unknown): Progress {
  const out = emptyProgress();
  if (!isObj(raw)) return out;
  if (isObj(raw.packs)) {
    for (const [packId, p] of Object.entries(raw.packs)) {
      if (!isObj(p)) continue;
      const pp: PackProgress = emptyPack();
      if (isObj(p.lessons)) {
        for (const [lessonId, l] of Object.entries(p.lessons)) {
          if (!isObj(l)) continue;
          const lp: LessonProgress = emptyLesson();
          if (isTime(l.startedAt)) lp.startedAt = l.startedAt;
          if (isTime(l.completedAt)) lp.completedAt = l.completedAt;
          if (isTime(l.hintDismissedAt)) lp.hintDismissedAt = l.hintDismissedAt;
          if (isTime(l.skippedAt)) lp.skippedAt = l.skippedAt;
          if (isObj(l.skipped)) for (const [s, t] of Object.entries(l.skipped)) if (isTime(t)) (lp.skipped ??= idMap())[s] = t;
          if (isObj(l.steps)) for (const [s, t] of Object.entries(l.steps)) if (isTime(t)) lp.steps[s] = t;
          if (Array.isArray(l.retrieval))
            for (const a of l.retrieval)
              if (isObj(a) && isTime(a.at) && typeof a.recalled === 'boolean')
                lp.retrieval.push({ at: a.at, q: typeof a.q === 'number' && a.q >= 0 ? Math.floor(a.q) : 0, recalled: a.recalled });
          pp.lessons[lessonId] = lp;
        }
      }
      if (isObj(p.skills))
        for (const [skill, o] of Object.entries(p.skills))
          if (isObj(o) && isTime(o.at) && (FADE_LEVELS as readonly unknown[]).includes(o.level)) pp.skills[skill] = { level: o.level as FadeLevel, at: o.at };
      out.packs[packId] = pp;
    }
  }
  if (isObj(raw.active) && typeof raw.active.packId === 'string' && typeof raw.active.lessonId === 'string')
    out.active = { packId: raw.active.packId, lessonId: raw.active.lessonId };
  if (typeof raw.lastPath === 'string' && ['experimenter', 'analyst', 'thinker', 'maker'].includes(raw.lastPath))
    out.lastPath = raw.lastPath as LearningPath;
  return out;
}

const own = <T>(map: Record<string, T> | undefined, key: string): T | undefined => (map && Object.hasOwn(map, key) ? map[key] : undefined);

export function lessonProgress(progress: Progress, ref: TaskRef): LessonProgress | undefined {
  return own(own(progress.packs, ref.packId)?.lessons, ref.lessonId);
}

/** Copy-on-write update of one lesson's progress. */
function withLesson(progress: Progress, ref: TaskRef, update: (lp: LessonProgress) => LessonProgress): Progress {
  const pack = own(progress.packs, ref.packId) ?? emptyPack();
  const lp = own(pack.lessons, ref.lessonId) ?? emptyLesson();
  return {
    ...progress,
    packs: idMap(progress.packs, { [ref.packId]: { ...pack, lessons: idMap(pack.lessons, { [ref.lessonId]: update(lp) }) } }),
  };
}

/**
 * Start a task, or take it up again. A lesson that ended with skipped steps opens those steps again: the task resumes
 * at the first of them.
 */
export function startTask(progress: Progress, ref: TaskRef, now: number): Progress {
  const next = withLesson(progress, ref, (lp) => {
    const started = lp.startedAt === undefined ? { ...lp, startedAt: now } : lp;
    if (lp.skippedAt === undefined || lp.completedAt !== undefined) return started;
    const { skipped: _skips, skippedAt: _ended, ...rest } = started;
    return rest;
  });
  return { ...next, active: { packId: ref.packId, lessonId: ref.lessonId } };
}

export function stopTask(progress: Progress): Progress {
  return { ...progress, active: null };
}

/** A step the learner has passed: done, or skipped. */
export function stepPassed(lp: LessonProgress | undefined, stepId: string): boolean {
  return own(lp?.steps, stepId) !== undefined || own(lp?.skipped, stepId) !== undefined;
}

/**
 * Record a step as done (a step skipped before and done now counts as done). When every step of the lesson is done
 * the lesson is completed (which starts the retrieval schedule and fades its hints) and stops being the active task;
 * when every step is passed but some were skipped, the lesson ends as skipped, not completed.
 */
export function completeStep(progress: Progress, packs: readonly Pack[], ref: TaskRef & { stepId: string }, now: number): Progress {
  return passStep(progress, packs, ref, now, 'done');
}

/**
 * Record a step as skipped: the task moves on, and the step earns nothing. A lesson that ends with a skipped step is
 * recorded as skipped (`skippedAt`): no completion, no fading credit, no review schedule.
 */
export function skipStep(progress: Progress, packs: readonly Pack[], ref: TaskRef & { stepId: string }, now: number): Progress {
  return passStep(progress, packs, ref, now, 'skipped');
}

function passStep(progress: Progress, packs: readonly Pack[], ref: TaskRef & { stepId: string }, now: number, how: 'done' | 'skipped'): Progress {
  const lesson = packs.find((p) => p.id === ref.packId)?.lessons.find((l) => l.id === ref.lessonId);
  if (!lesson || !lesson.steps.some((s) => s.id === ref.stepId)) return progress;
  let ended = false;
  const next = withLesson(progress, ref, (lp) => {
    let { steps, skipped } = lp;
    if (how === 'done') {
      if (own(steps, ref.stepId) === undefined) steps = idMap(steps, { [ref.stepId]: now });
      if (own(skipped, ref.stepId) !== undefined) {
        skipped = idMap(skipped);
        delete skipped[ref.stepId];
      }
    } else if (own(steps, ref.stepId) === undefined && own(skipped, ref.stepId) === undefined) {
      skipped = idMap(skipped, { [ref.stepId]: now });
    }
    const updated: LessonProgress = { ...lp, startedAt: lp.startedAt ?? now, steps, ...(skipped ? { skipped } : {}) };
    const allDone = lesson.steps.every((s) => own(steps, s.id) !== undefined);
    const allPassed = lesson.steps.every((s) => stepPassed(updated, s.id));
    if (allDone && lp.completedAt === undefined) updated.completedAt = now;
    else if (!allDone && allPassed && lp.completedAt === undefined) updated.skippedAt = now;
    ended = allPassed;
    return updated;
  });
  const wasActive = next.active?.packId === ref.packId && next.active.lessonId === ref.lessonId;
  if (ended && wasActive) return { ...next, active: null };
  // The next step starts at the beginning of its walk.
  return wasActive && next.active?.walk ? { ...next, active: { packId: ref.packId, lessonId: ref.lessonId } } : next;
}

/** The learner finished a micro-step of the current step's walk: the walk goes on from `index`. */
export function advanceWalk(progress: Progress, ref: TaskRef & { stepId: string }, index: number): Progress {
  const active = progress.active;
  if (!active || active.packId !== ref.packId || active.lessonId !== ref.lessonId) return progress;
  return { ...progress, active: { packId: ref.packId, lessonId: ref.lessonId, walk: { stepId: ref.stepId, index: Math.max(0, Math.floor(index)) } } };
}

/** Start a lesson again from its first step (its completion and retrieval history are kept). */
export function restartLesson(progress: Progress, ref: TaskRef, now: number): Progress {
  const next = withLesson(progress, ref, (lp) => {
    const { skipped: _skips, skippedAt: _ended, ...rest } = lp;
    return { ...rest, steps: idMap(), startedAt: now };
  });
  return { ...next, active: { packId: ref.packId, lessonId: ref.lessonId } };
}

export function answerRetrieval(progress: Progress, ref: TaskRef, answer: { q: number; recalled: boolean }, now: number): Progress {
  return withLesson(progress, ref, (lp) => ({ ...lp, retrieval: [...lp.retrieval, { at: now, q: answer.q, recalled: answer.recalled }] }));
}

export function dismissHint(progress: Progress, ref: TaskRef, now: number): Progress {
  return withLesson(progress, ref, (lp) => ({ ...lp, hintDismissedAt: now }));
}

/** The learner's own fade choice for a skill ("show hints again" = 'full'). */
export function setHintLevel(progress: Progress, packId: string, skill: string, level: FadeLevel, now: number): Progress {
  const pack = own(progress.packs, packId) ?? emptyPack();
  return { ...progress, packs: idMap(progress.packs, { [packId]: { ...pack, skills: idMap(pack.skills, { [skill]: { level, at: now } }) } }) };
}

/** Undo fading and dismissal for one lesson's hint: it shows as a full card again. */
export function showHintAgain(progress: Progress, packs: readonly Pack[], ref: TaskRef, now: number): Progress {
  const lesson = packs.find((p) => p.id === ref.packId)?.lessons.find((l) => l.id === ref.lessonId);
  const skill = lesson?.skill ?? ref.lessonId;
  const cleared = withLesson(progress, ref, (lp) => {
    const { hintDismissedAt: _gone, ...rest } = lp;
    return rest;
  });
  return setHintLevel(cleared, ref.packId, skill, 'full', now);
}

/**
 * "Back" in a guided task: the step counts as neither done nor skipped again, and its walk starts over (the
 * lesson's completion, if any, is kept).
 */
export function reopenStep(progress: Progress, ref: TaskRef & { stepId: string }): Progress {
  const lp = lessonProgress(progress, ref);
  if (!lp || !stepPassed(lp, ref.stepId)) return progress;
  const next = withLesson(progress, ref, (current) => {
    const steps = idMap(current.steps);
    delete steps[ref.stepId];
    const skipped = idMap(current.skipped);
    delete skipped[ref.stepId];
    const { skippedAt: _ended, ...rest } = current;
    return { ...rest, steps, skipped };
  });
  const active = next.active;
  return active?.packId === ref.packId && active.lessonId === ref.lessonId ? { ...next, active: { packId: ref.packId, lessonId: ref.lessonId } } : next;
}
