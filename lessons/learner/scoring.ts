// Questionnaire scoring (PEDAGOGY.md): one point per answer to its path; primary = highest, secondary = next.
// Ties: item 1's answer if among the tied, else item 7's, else the learner picks among the tied paths; if they
// skip, the trainer's default path, then item 1. Flat scores (max − min ≤ 1) → balanced, entry path by the same chain.
import { PATHS, type LearningPath } from '../pack/types';
import { CODE_TO_PATH, type PathCode } from './questionnaire';

/** One answer per item (index 0 = item 1); null/undefined = item not answered. */
export type Answers = ReadonlyArray<PathCode | null | undefined>;

export interface ScoreOptions {
  /** The trainer's preset entry path (pack settings or policy). */
  trainerDefault?: LearningPath | null;
  /**
   * The learner's pick among `tied` paths after a first call returned `needsChoice`:
   * a path, or null when they skipped the choice. Undefined = not asked yet.
   */
  choice?: LearningPath | null;
}

export type DecidedBy = 'score' | 'item1' | 'item7' | 'learner' | 'trainer' | 'item1-fallback' | 'default';

export interface ScoreResult {
  scores: Record<LearningPath, number>;
  answered: number;
  /** max − min ≤ 1: "polyvalent / balanced". */
  balanced: boolean;
  /** The entry path; null only while `needsChoice`. */
  primary: LearningPath | null;
  secondary: LearningPath | null;
  /** The paths the learner must choose among when `needsChoice`. */
  tied: LearningPath[];
  needsChoice: boolean;
  decidedBy: DecidedBy | null;
}

function pathOf(code: PathCode | null | undefined): LearningPath | null {
  return code && Object.prototype.hasOwnProperty.call(CODE_TO_PATH, code) ? CODE_TO_PATH[code] : null;
}

export function scoreQuestionnaire(answers: Answers, options: ScoreOptions = {}): ScoreResult {
  const scores: Record<LearningPath, number> = { experimenter: 0, analyst: 0, thinker: 0, maker: 0 };
  let answered = 0;
  for (const a of answers.slice(0, 7)) {
    const p = pathOf(a);
    if (p) {
      scores[p]++;
      answered++;
    }
  }
  const item1 = pathOf(answers[0]);
  const item7 = pathOf(answers[6]);
  const values = PATHS.map((p) => scores[p]);
  const max = Math.max(...values);
  const min = Math.min(...values);
  const balanced = answered > 0 && max - min <= 1;

  // Candidates for the entry path: the top scorers, or every path when the profile is flat or unanswered.
  const tied = answered === 0 || balanced ? [...PATHS] : PATHS.filter((p) => scores[p] === max);

  let primary: LearningPath | null = null;
  let decidedBy: DecidedBy | null = null;
  if (tied.length === 1) [primary, decidedBy] = [tied[0]!, 'score'];
  else if (item1 && tied.includes(item1)) [primary, decidedBy] = [item1, 'item1'];
  else if (item7 && tied.includes(item7)) [primary, decidedBy] = [item7, 'item7'];
  else if (options.choice && tied.includes(options.choice)) [primary, decidedBy] = [options.choice, 'learner'];
  else if (options.choice === null || answered === 0) {
    // The learner skipped choosing (or the whole questionnaire): trainer default, then item 1.
    if (options.trainerDefault) [primary, decidedBy] = [options.trainerDefault, 'trainer'];
    else if (item1) [primary, decidedBy] = [item1, 'item1-fallback'];
    else if (options.choice === null) [primary, decidedBy] = [tied[0]!, 'default'];
  }
  const needsChoice = primary === null;

  const secondary = primary ? secondaryFromAnswers(primary, answers.map(pathOf)) : null;
  return { scores, answered, balanced, primary, secondary, tied: needsChoice ? tied : [], needsChoice, decidedBy };
}

/**
 * The second voice beside a primary path, from the questionnaire's answers (as paths): the best-scoring other path
 * with at least one answer; ties go to item 1's answer, then item 7's, then the fixed order of PATHS (no need to ask
 * the learner about variety). Balanced profiles and paths picked by hand after the questionnaire get one too; no
 * answers, no secondary.
 */
export function secondaryFromAnswers(primary: LearningPath, answers: ReadonlyArray<LearningPath | null | undefined> | null): LearningPath | null {
  if (!answers) return null;
  const scores: Record<LearningPath, number> = { experimenter: 0, analyst: 0, thinker: 0, maker: 0 };
  for (const a of answers.slice(0, 7)) if (a && (PATHS as readonly string[]).includes(a)) scores[a]++;
  const rest = PATHS.filter((p) => p !== primary && scores[p] > 0);
  const best = Math.max(-1, ...rest.map((p) => scores[p]));
  const top = rest.filter((p) => scores[p] === best);
  const item1 = answers[0] ?? null;
  const item7 = answers[6] ?? null;
  return top.length === 0 ? null : item1 && top.includes(item1) ? item1 : item7 && top.includes(item7) ? item7 : top[0]!;
}
