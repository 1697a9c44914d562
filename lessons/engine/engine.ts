// What to show where: given packs, learner and page, the hints and the current step of the active task.
// Pure and deterministic: the clock comes in as `now`, nothing is read from the environment.
import { OWN_PROFILE_ANCHORS } from '../sites/index';
import type { Network, ProfileOwner } from '../sites/types';
import { stepEnd, type DoneRule, type KolbMode, type LearningPath, type Lesson, type Pack, type PackSettings, type Signal, type Text } from '../pack/types';
import { stepPassed, type ActiveRef, type FadeLevel, type LessonProgress, type PackProgress, type Progress } from './progress';

export const DAY_MS = 86_400_000;
/** Retrieval cards fall due this many days after the lesson is completed (PEDAGOGY: about D+2, D+7, D+21). */
export const RETRIEVAL_DAYS = [2, 7, 21] as const;
/** Performance points at which a skill's hints become a beacon, then hide. */
export const FADE_THRESHOLDS = { beacon: 1, hidden: 3 } as const;

export interface LearnerInput {
  /** Primary path (questionnaire or chosen); null/undefined → trainer preset, then experimenter. */
  path?: LearningPath | null;
  /**
   * Where `path` came from: the questionnaire or the learner's own pick ('quiz', 'chosen') outranks a trainer's
   * per-network preset; a path written from the trainer's entry path ('preset') or none does not.
   */
  pathSource?: 'quiz' | 'chosen' | 'preset' | null;
  secondaryPath?: LearningPath | null;
  locale: string;
  progress: Progress;
}

export interface PageInput {
  network: Network;
  pageKind: string | null;
  /** On a profile page, whose it is (null or absent: not known). */
  owner?: ProfileOwner;
}

export interface GuideInput {
  packs: readonly Pack[];
  learner: LearnerInput;
  /** Trainer presets (pack settings and/or enterprise policy, merged by the caller). */
  presets?: PackSettings;
  page: PageInput;
  now: number;
}

export interface HintCard {
  /** Stable key: `${packId}/${lessonId}`. */
  key: string;
  packId: string;
  lessonId: string;
  skill: string;
  level: Exclude<FadeLevel, 'hidden'>;
  anchor: string | null;
  /** The path whose hint this is; `fromSecondary` when it comes from the secondary path. */
  path: LearningPath;
  fromSecondary: boolean;
  title: string;
  text: string;
  why: string;
  example: string;
  practiseSafely: string;
  started: boolean;
  completed: boolean;
  /** Ended with a skipped step and not completed since. */
  skipped: boolean;
}

/** One micro-step of a walk, in the learner's language. */
export interface WalkStep {
  anchor: string | null;
  text: string;
  done: Signal;
}

export interface TaskStep {
  packId: string;
  lessonId: string;
  stepId: string;
  mode: KolbMode;
  /** 0-based position in the learner's order, and the number of steps. */
  index: number;
  total: number;
  anchor: string | null;
  /** How the whole step ends (a walk: its last micro-step's rule). */
  done: DoneRule;
  /** The step's walk over the real controls (empty: none), and where the learner is in it. */
  walk: WalkStep[];
  walkIndex: number;
  path: LearningPath;
  lessonTitle: string;
  why: string;
  practiseSafely: string;
  text: string;
  /** The path's hint for this step, if any (null once the skill's hints have faded). */
  hint: string | null;
  /** "Show me an example first": the step's example, else the lesson's. */
  example: string;
  level: FadeLevel;
}

export interface RetrievalCard {
  packId: string;
  lessonId: string;
  lessonTitle: string;
  /** Which review this is: 0 (D+2), 1 (D+7), 2 (D+21). */
  review: number;
  /** Index of the question in the lesson's `retrieval`, to pass back to answerRetrieval. */
  q: number;
  question: string;
  answer: string;
  dueAt: number;
}

export interface Guide {
  /** The path in force on this network. */
  path: LearningPath;
  hints: HintCard[];
  task: TaskStep | null;
  /** The active task continues on another page kind of this network. */
  /** The active task goes on elsewhere: on these page kinds, or (`ownProfile`) on the learner's own profile. */
  resume: { packId: string; lessonId: string; pages: string[]; ownProfile?: boolean } | null;
  retrieval: RetrievalCard[];
  /** Lessons of this page whose hints have faded out: for a "show hints again" control. */
  faded: Array<{ packId: string; lessonId: string; skill: string }>;
}

/** Resolve a text in the learner's locale, falling back to English, then to any locale. */
export function localize(text: Text | undefined, locale: string): string {
  if (!text) return '';
  const base = locale.split('-')[0] ?? locale;
  return text[locale] ?? text[base] ?? text.en ?? Object.values(text)[0] ?? '';
}

/**
 * The path in force on a network: a locked trainer preset; else the path the learner chose or found with the
 * questionnaire; else the trainer's preset for this network, then the entry path; else a path written from a preset;
 * else experimenter.
 */
export function effectivePath(learner: Pick<LearnerInput, 'path' | 'pathSource'>, presets: PackSettings | undefined, network: Network): LearningPath {
  const preset = presets?.perNetwork?.[network] ?? presets?.entryPath;
  if (presets?.learnerCanSwitch === false && preset) return preset;
  const own = learner.path && (learner.pathSource === 'quiz' || learner.pathSource === 'chosen') ? learner.path : null;
  return own ?? preset ?? learner.path ?? 'experimenter';
}

/**
 * Kolb modes in the order each path enters the cycle (PEDAGOGY): the order a lesson without its own takes. The Maker
 * sets the goal (AC), does it (CE), measures (RO), then adjusts (AE: the next, better try).
 */
export const MODE_ORDER: Record<LearningPath, readonly KolbMode[]> = {
  experimenter: ['CE', 'RO', 'AC', 'AE'],
  analyst: ['RO', 'AC', 'AE', 'CE'],
  thinker: ['AC', 'AE', 'CE', 'RO'],
  maker: ['AC', 'CE', 'RO', 'AE'],
};

/**
 * Step ids in the order a path takes them: the lesson's order for that path, else its steps sorted by the path's mode
 * order (steps of one mode keep their listed order).
 */
export function stepOrder(lesson: Lesson, path: LearningPath): string[] {
  const listed = lesson.steps.map((s) => s.id);
  const wanted = lesson.order?.[path];
  if (!wanted) {
    const rank = (mode: KolbMode) => MODE_ORDER[path].indexOf(mode);
    return keepAfter(lesson, [...lesson.steps].sort((a, b) => rank(a.mode) - rank(b.mode)).map((s) => s.id));
  }
  // Packs are validated, but stay total on a bad one: unknown ids dropped, missing ones appended.
  const seen = new Set<string>();
  const out = wanted.filter((id) => listed.includes(id) && !seen.has(id) && (seen.add(id), true));
  return keepAfter(lesson, [...out, ...listed.filter((id) => !seen.has(id))]);
}

/**
 * A step that reads another's result (`after`: "What comes up?" after the search) goes just after that step when
 * an order would ask it first: the Kolb order of a path with no order of its own (the validator refuses such an
 * explicit order). A cycle of `after`s (refused too) is left as it is.
 */
function keepAfter(lesson: Lesson, order: string[]): string[] {
  const out = [...order];
  for (let pass = 0; pass < out.length; pass++) {
    const late = lesson.steps.find((s) => s.after && out.indexOf(s.id) >= 0 && out.indexOf(s.id) < out.indexOf(s.after));
    if (!late) break;
    out.splice(out.indexOf(late.id), 1);
    out.splice(out.indexOf(late.after!) + 1, 0, late.id);
  }
  return out;
}

export const skillOf = (lesson: Lesson): string => lesson.skill ?? lesson.id;

/**
 * Fading on performance, per skill: one point per completed lesson of the skill and per retrieval answer
 * recalled, minus one per answer not recalled. 0 → full card, 1–2 → beacon, 3+ → hidden. A learner's own choice
 * (e.g. "show again") holds until the next practice event of that skill.
 */
export function fadeLevel(pack: Pack, skill: string, pp: PackProgress | undefined): FadeLevel {
  let score = 0;
  let lastEvent = -Infinity;
  for (const lesson of pack.lessons) {
    if (skillOf(lesson) !== skill) continue;
    const lp = pp?.lessons[lesson.id];
    if (!lp) continue;
    if (lp.completedAt !== undefined) {
      score += 1;
      lastEvent = Math.max(lastEvent, lp.completedAt);
    }
    for (const a of lp.retrieval) {
      score += a.recalled ? 1 : -1;
      lastEvent = Math.max(lastEvent, a.at);
    }
  }
  const override = pp?.skills[skill];
  if (override && override.at >= lastEvent) return override.level;
  if (score >= FADE_THRESHOLDS.hidden) return 'hidden';
  if (score >= FADE_THRESHOLDS.beacon) return 'beacon';
  return 'full';
}

/** When the next retrieval card of a completed lesson is due, or null (not completed, or all three done). */
export function nextRetrievalDue(lp: LessonProgress | undefined): { review: number; dueAt: number } | null {
  if (!lp || lp.completedAt === undefined) return null;
  const review = lp.retrieval.length;
  const days = RETRIEVAL_DAYS[review];
  if (days === undefined) return null;
  let dueAt = lp.completedAt + days * DAY_MS;
  const prev = lp.retrieval[review - 1];
  if (prev) dueAt = Math.max(dueAt, prev.at + DAY_MS); // a late answer never makes the next card due at once
  return { review, dueAt };
}

function retrievalCard(pack: Pack, lesson: Lesson, lp: LessonProgress | undefined, now: number, locale: string): RetrievalCard | null {
  const next = nextRetrievalDue(lp);
  if (!next || now < next.dueAt || lesson.retrieval.length === 0) return null;
  const q = next.review % lesson.retrieval.length;
  const item = lesson.retrieval[q]!;
  return {
    packId: pack.id,
    lessonId: lesson.id,
    lessonTitle: localize(lesson.title, locale),
    review: next.review,
    q,
    question: localize(item.q, locale),
    answer: localize(item.a, locale),
    dueAt: next.dueAt,
  };
}

/** Every retrieval card due now, across packs and networks (for the popup and options page), oldest first. */
export function dueRetrievals(packs: readonly Pack[], progress: Progress, now: number, locale: string): RetrievalCard[] {
  const out: RetrievalCard[] = [];
  for (const pack of uniquePacks(packs))
    for (const lesson of pack.lessons) {
      const card = retrievalCard(pack, lesson, progress.packs[pack.id]?.lessons[lesson.id], now, locale);
      if (card) out.push(card);
    }
  return out.sort((a, b) => a.dueAt - b.dueAt);
}

function uniquePacks(packs: readonly Pack[]): Pack[] {
  const seen = new Set<string>();
  return packs.filter((p) => !seen.has(p.id) && (seen.add(p.id), true));
}

/**
 * Which path voices a hint (a lesson's card or a step's hint): the secondary path for about one hint in four. The
 * draw hashes the hint's key with the day, so over the weeks every lesson and step is heard in both voices, no lesson
 * is tied to one, and within a day a hint keeps its voice (a reload does not change it).
 */
export function hintPathFor(key: string, day: number, primary: LearningPath, secondary: LearningPath | null | undefined): LearningPath {
  if (!secondary || secondary === primary) return primary;
  return fnv1a(`${key}|${day}`) % 4 === 0 ? secondary : primary;
}

/** FNV-1a, 32 bits: a small, well-spread, deterministic hash for the draw above. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A lesson that goes through the learner's own profile's edit controls (site knowledge: lessons/sites). */
export function needsOwnProfile(lesson: Lesson): boolean {
  const uses = (name: string | undefined) => name !== undefined && OWN_PROFILE_ANCHORS.has(name);
  return uses(lesson.hintAnchor) || lesson.steps.some((step) => uses(step.anchor) || (step.walk ?? []).some((item) => uses(item.anchor)));
}

/** On someone else's profile, a lesson about one's own does not run: its card would ring their headline. */
const elsewhereForOwner = (lesson: Lesson, page: PageInput) => page.owner === 'other' && needsOwnProfile(lesson);

function appliesHere(lesson: Lesson, page: PageInput): boolean {
  return lesson.network === page.network && page.pageKind !== null && lesson.pages.includes(page.pageKind) && !elsewhereForOwner(lesson, page);
}

/** The hints to show on this page and the current step of the active task, in order. */
export function computeGuide(input: GuideInput): Guide {
  const { learner, page, now } = input;
  const packs = uniquePacks(input.packs);
  const locale = learner.locale;
  const path = effectivePath(learner, input.presets, page.network);
  const secondary = learner.secondaryPath ?? null;
  const active: ActiveRef | null = learner.progress.active;

  let task: TaskStep | null = null;
  let resume: Guide['resume'] = null;
  const open: HintCard[] = [];
  const done: HintCard[] = [];
  const retrieval: RetrievalCard[] = [];
  const faded: Guide['faded'] = [];

  const day = Math.floor(now / DAY_MS);
  for (const pack of packs) {
    const pp = learner.progress.packs[pack.id];
    for (const lesson of pack.lessons) {
      if (lesson.network !== page.network) continue;
      const here = appliesHere(lesson, page);
      const lp = pp?.lessons[lesson.id];
      const skill = skillOf(lesson);
      const level = fadeLevel(pack, skill, pp);
      const hintPath = hintPathFor(`${pack.id}/${lesson.id}`, day, path, secondary);
      const isActive = active?.packId === pack.id && active.lessonId === lesson.id;

      if (isActive && lesson.steps.some((s) => !stepPassed(lp, s.id))) {
        if (here) {
          const voiceOf = (stepId: string) => hintPathFor(`${pack.id}/${lesson.id}/${stepId}`, day, path, secondary);
          task = currentStep(pack, lesson, lp, path, voiceOf, level, locale, active!.walk);
          continue; // the task replaces the lesson's hint card
        }
        resume = { packId: pack.id, lessonId: lesson.id, pages: [...lesson.pages], ...(elsewhereForOwner(lesson, page) ? { ownProfile: true } : {}) };
      }
      if (!here) continue;

      const card = retrievalCard(pack, lesson, lp, now, locale);
      if (card) retrieval.push(card);

      const dismissed = lp?.hintDismissedAt !== undefined && !(pp?.skills[skill]?.level === 'full' && pp.skills[skill]!.at >= lp.hintDismissedAt);
      if (dismissed) continue;
      if (level === 'hidden') {
        faded.push({ packId: pack.id, lessonId: lesson.id, skill });
        continue;
      }
      const order = stepOrder(lesson, path);
      const anchor = lesson.hintAnchor ?? order.map((id) => lesson.steps.find((s) => s.id === id)?.anchor).find((a) => a !== undefined) ?? null;
      const completed = lp?.completedAt !== undefined;
      (completed ? done : open).push({
        key: `${pack.id}/${lesson.id}`,
        packId: pack.id,
        lessonId: lesson.id,
        skill,
        level,
        anchor,
        path: hintPath,
        fromSecondary: hintPath !== path,
        title: localize(lesson.title, locale),
        text: localize(lesson.hints[hintPath], locale),
        why: localize(lesson.why, locale),
        example: localize(lesson.example, locale),
        practiseSafely: localize(lesson.practiseSafely, locale),
        started: lp?.startedAt !== undefined,
        completed,
        skipped: !completed && lp?.skippedAt !== undefined,
      });
    }
  }
  return { path, hints: [...open, ...done], task, resume, retrieval, faded };
}

function currentStep(
  pack: Pack,
  lesson: Lesson,
  lp: LessonProgress | undefined,
  path: LearningPath,
  voiceOf: (stepId: string) => LearningPath,
  level: FadeLevel,
  locale: string,
  walkAt: ActiveRef['walk'],
): TaskStep | null {
  const order = stepOrder(lesson, path);
  const index = order.findIndex((id) => !stepPassed(lp, id));
  if (index < 0) return null;
  const step = lesson.steps.find((s) => s.id === order[index])!;
  const walk = (step.walk ?? []).map((item) => ({ anchor: item.anchor ?? null, text: localize(item.text, locale), done: item.done }));
  const walkIndex = walk.length && walkAt?.stepId === step.id ? Math.min(walkAt.index, walk.length - 1) : 0;
  const stepHint = step.hint?.[voiceOf(step.id)] ?? step.hint?.[path];
  return {
    packId: pack.id,
    lessonId: lesson.id,
    stepId: step.id,
    mode: step.mode,
    index,
    total: order.length,
    anchor: step.anchor ?? null,
    done: stepEnd(step),
    walk,
    walkIndex,
    path,
    lessonTitle: localize(lesson.title, locale),
    why: localize(lesson.why, locale),
    practiseSafely: localize(lesson.practiseSafely, locale),
    text: localize(step.text, locale),
    hint: stepHint && level === 'full' ? localize(stepHint, locale) : null,
    example: localize(step.example ?? lesson.example, locale),
    level,
  };
}

/** Only the lessons of one network: what the background sends a content script, to keep messages small. */
export function slicePack(pack: Pack, network: Network): Pack {
  return { ...pack, lessons: pack.lessons.filter((l) => l.network === network) };
}

