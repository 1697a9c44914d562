// Questionnaire scoring: PEDAGOGY.md's rules as examples, then properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUESTIONNAIRE, scoreQuestionnaire, shuffledOptions, type PathCode } from '../../lessons/learner';
import { secondaryFromAnswers } from '../../lessons/learner/scoring';
import { CODE_TO_PATH } from '../../lessons/learner/questionnaire';
import { PATHS } from '../../lessons/pack/types';

type Ans = PathCode | null;
const codes = ['E', 'A', 'T', 'M'] as const;

describe('questionnaire data', () => {
  it('has 7 items, each with one option per path, in French and English', () => {
    expect(QUESTIONNAIRE.map((i) => i.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const item of QUESTIONNAIRE) {
      expect(item.options.map((o) => o.code).sort()).toEqual(['A', 'E', 'M', 'T']);
      for (const t of [item.prompt, ...item.options.map((o) => o.text)]) {
        expect(t.en).toBeTruthy();
        expect(t.fr).toBeTruthy();
      }
    }
  });
  it('shuffles options stably per seed, losing none', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(6), (seed, i) => {
        const item = QUESTIONNAIRE[i]!;
        expect(shuffledOptions(item, seed)).toEqual(shuffledOptions(item, seed));
        expect(shuffledOptions(item, seed).map((o) => o.code).sort()).toEqual(['A', 'E', 'M', 'T']);
      }),
    );
  });
});

describe('scoring rules', () => {
  it('primary = highest score, secondary = next', () => {
    const r = scoreQuestionnaire(['E', 'E', 'E', 'E', 'A', 'A', 'T']);
    expect(r).toMatchObject({ primary: 'experimenter', secondary: 'analyst', balanced: false, decidedBy: 'score', needsChoice: false });
    expect(r.scores).toEqual({ experimenter: 4, analyst: 2, thinker: 1, maker: 0 });
  });
  it("a tie goes to item 1's answer when it is among the tied", () => {
    expect(scoreQuestionnaire(['A', 'E', 'E', 'E', 'A', 'A', 'M'])).toMatchObject({ primary: 'analyst', decidedBy: 'item1', secondary: 'experimenter' });
  });
  it("else to item 7's answer", () => {
    expect(scoreQuestionnaire(['M', 'E', 'E', 'E', 'A', 'A', 'A'])).toMatchObject({ primary: 'analyst', decidedBy: 'item7', secondary: 'experimenter' });
  });
  it('else the learner picks among the tied paths; skipping → trainer default, then item 1', () => {
    const answers: Ans[] = ['T', 'E', 'E', 'A', 'A', null, null]; // T1 E2 A2 M0: not flat, E/A tied, items 1 and 7 do not decide
    expect(scoreQuestionnaire(answers)).toMatchObject({ primary: null, needsChoice: true, tied: ['experimenter', 'analyst'] });
    expect(scoreQuestionnaire(answers, { choice: 'analyst' })).toMatchObject({ primary: 'analyst', decidedBy: 'learner', secondary: 'experimenter' });
    expect(scoreQuestionnaire(answers, { choice: null, trainerDefault: 'maker' })).toMatchObject({ primary: 'maker', decidedBy: 'trainer' });
    expect(scoreQuestionnaire(answers, { choice: null })).toMatchObject({ primary: 'thinker', decidedBy: 'item1-fallback' });
  });
  it('flat scores (max − min ≤ 1) are balanced; the same chain picks the entry path', () => {
    expect(scoreQuestionnaire(['M', 'E', 'E', 'A', 'A', 'T', 'M'])).toMatchObject({ balanced: true, primary: 'maker', decidedBy: 'item1', secondary: 'experimenter' });
    expect(scoreQuestionnaire([null, 'E', 'A', 'T', 'M', 'E', 'A'])).toMatchObject({ balanced: true, primary: 'analyst', decidedBy: 'item7' });
  });
  it('a skipped questionnaire uses the trainer default, else asks', () => {
    expect(scoreQuestionnaire([], { trainerDefault: 'thinker' })).toMatchObject({ primary: 'thinker', decidedBy: 'trainer', balanced: false });
    expect(scoreQuestionnaire([])).toMatchObject({ primary: null, needsChoice: true, tied: [...PATHS] });
  });
});

describe('scoring properties', () => {
  const answersArb = fc.array(fc.option(fc.constantFrom(...codes), { nil: null }), { maxLength: 7 });
  it('is total and consistent', () => {
    fc.assert(
      fc.property(answersArb, fc.option(fc.constantFrom(...PATHS), { nil: undefined }), (answers, trainerDefault) => {
        const r = scoreQuestionnaire(answers, trainerDefault ? { trainerDefault } : {});
        const values = PATHS.map((p) => r.scores[p]);
        expect(values.reduce((a, b) => a + b, 0)).toBe(r.answered);
        expect(r.balanced).toBe(r.answered > 0 && Math.max(...values) - Math.min(...values) <= 1);
        expect(r.needsChoice).toBe(r.primary === null);
        if (r.primary) {
          expect(r.secondary).not.toBe(r.primary);
          if (!r.balanced && r.decidedBy !== 'trainer') expect(r.scores[r.primary]).toBe(Math.max(...values));
        } else {
          expect(r.tied.length).toBeGreaterThan(1);
          for (const p of r.tied) {
            const resolved = scoreQuestionnaire(answers, { choice: p });
            expect(resolved.primary).toBe(p);
          }
        }
        expect(scoreQuestionnaire(answers, trainerDefault ? { trainerDefault } : {})).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives everyone with answers a second voice: balanced profiles and hand-picked paths included', () => {
    fc.assert(
      fc.property(answersArb, fc.constantFrom(...PATHS), (answers, picked) => {
        const asPaths = answers.map((a) => (a ? CODE_TO_PATH[a] : null));
        const r = scoreQuestionnaire(answers, { choice: null });
        const others = PATHS.filter((p) => p !== r.primary && r.scores[p] > 0);
        // The quiz's own result, balanced or not.
        if (r.primary) expect(r.secondary === null).toBe(others.length === 0);
        // A path picked by hand afterwards: the best other path of the answers, never the picked one.
        const second = secondaryFromAnswers(picked, asPaths);
        const scoreOf = (p: string) => asPaths.slice(0, 7).filter((a) => a === p).length;
        const rest = PATHS.filter((p) => p !== picked && scoreOf(p) > 0);
        if (rest.length === 0) expect(second).toBeNull();
        else {
          expect(second).not.toBe(picked);
          expect(scoreOf(second!)).toBe(Math.max(...rest.map(scoreOf)));
        }
        expect(secondaryFromAnswers(picked, null)).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });
});
