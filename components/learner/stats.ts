// Progress figures for the popup and the options page, computed from the engine's Progress and a pack.
import type { LessonProgress, Progress } from '../../lessons/engine/progress';
import { MODES, type KolbMode, type Lesson, type Pack } from '../../lessons/pack/types';
import type { Network } from '../../lessons/sites/types';

export interface LessonStats {
  done: number;
  total: number;
  completed: boolean;
  /** Steps the learner skipped (and has not done since): never counted as done. */
  skipped: number;
  /** The lesson ended with skipped steps and is not completed. */
  lessonSkipped: boolean;
  /** Kolb modes of the steps done: which parts of the learning cycle the learner went through. */
  modesDone: KolbMode[];
  lastActivity: number | null;
}

export function lessonStats(lesson: Lesson, lp: LessonProgress | undefined): LessonStats {
  const doneSteps = lesson.steps.filter((s) => lp?.steps[s.id] !== undefined);
  const skipped = lesson.steps.filter((s) => lp?.skipped?.[s.id] !== undefined && lp.steps[s.id] === undefined);
  const times = [
    ...Object.values(lp?.steps ?? {}),
    ...Object.values(lp?.skipped ?? {}),
    ...(lp?.retrieval ?? []).map((r) => r.at),
    ...[lp?.startedAt, lp?.completedAt, lp?.skippedAt].filter((t): t is number => t !== undefined),
  ];
  return {
    done: doneSteps.length,
    total: lesson.steps.length,
    completed: lp?.completedAt !== undefined,
    skipped: skipped.length,
    lessonSkipped: lp?.completedAt === undefined && lp?.skippedAt !== undefined,
    modesDone: MODES.filter((mode) => doneSteps.some((s) => s.mode === mode)),
    lastActivity: times.length ? Math.max(...times) : null,
  };
}

export interface NetworkStats {
  network: Network;
  lessons: Array<{ pack: Pack; lesson: Lesson; stats: LessonStats }>;
  lessonsDone: number;
  stepsDone: number;
  stepsTotal: number;
  lastActivity: number | null;
}

export function networkStats(packs: readonly Pack[], progress: Progress, network: Network): NetworkStats {
  const lessons = packs.flatMap((pack) =>
    pack.lessons.filter((l) => l.network === network).map((lesson) => ({ pack, lesson, stats: lessonStats(lesson, progress.packs[pack.id]?.lessons[lesson.id]) })),
  );
  const activity = lessons.map((l) => l.stats.lastActivity).filter((t): t is number => t !== null);
  return {
    network,
    lessons,
    lessonsDone: lessons.filter((l) => l.stats.completed).length,
    stepsDone: lessons.reduce((n, l) => n + l.stats.done, 0),
    stepsTotal: lessons.reduce((n, l) => n + l.stats.total, 0),
    lastActivity: activity.length ? Math.max(...activity) : null,
  };
}

/** The lessons that apply to a page kind of a network. */
export function lessonsForPage(packs: readonly Pack[], network: Network, pageKind: string | null): Array<{ pack: Pack; lesson: Lesson }> {
  if (!pageKind) return [];
  return packs.flatMap((pack) => pack.lessons.filter((l) => l.network === network && l.pages.includes(pageKind)).map((lesson) => ({ pack, lesson })));
}
