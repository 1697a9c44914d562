// Properties of the engine (fast-check): PEDAGOGY's promises hold for any pack, learner and page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeGuide, fadeLevel, hintPathFor, stepOrder, type GuideInput } from '../../lessons/engine/engine';
import { answerRetrieval, completeStep, emptyProgress, showHintAgain, startTask } from '../../lessons/engine/progress';
import { MODES, PATHS, type LearningPath } from '../../lessons/pack/types';
import { DAY, lessonArb, packArb, pageArb, progressArb, T0 } from './engine-arbitraries';

const pathArb = fc.constantFrom(...PATHS);

describe('engine properties', () => {
  it('every path meets every mode of a lesson, in the order it sets', () => {
    fc.assert(
      fc.property(lessonArb('l0'), pathArb, (lesson, path) => {
        const pack = { schema: 1 as const, id: 'p', version: '1.0.0', title: { en: 'p', fr: 'p' }, lessons: [lesson] };
        let progress = startTask(emptyProgress(), { packId: 'p', lessonId: 'l0' }, T0);
        const page = { network: lesson.network, pageKind: lesson.pages[0]! };
        const seen: string[] = [];
        for (let i = 0; i < 20; i++) {
          const g = computeGuide({ packs: [pack], learner: { path, locale: 'fr', progress }, page, now: T0 + i });
          if (!g.task) break;
          seen.push(g.task.stepId);
          expect(g.task.index).toBe(i);
          progress = completeStep(progress, [pack], { packId: 'p', lessonId: 'l0', stepId: g.task.stepId }, T0 + i);
        }
        expect(seen).toEqual(stepOrder(lesson, path));
        const modes = new Set(seen.map((id) => lesson.steps.find((s) => s.id === id)!.mode));
        expect(modes).toEqual(new Set(MODES));
        expect(progress.packs.p!.lessons.l0!.completedAt).toBeDefined();
        expect(progress.active).toBeNull();
        if (lesson.order?.[path]) expect(seen).toEqual(lesson.order[path]);
      }),
      { numRuns: 300 },
    );
  });

  const inputArb: fc.Arbitrary<GuideInput> = fc
    .tuple(packArb({ id: 'a' }), packArb({ id: 'b', max: 4 }))
    .chain((packs) =>
      fc.record({
        packs: fc.constant(packs),
        learner: fc.record({
          path: fc.option(pathArb, { nil: null }),
          secondaryPath: fc.option(pathArb, { nil: null }),
          locale: fc.constantFrom('en', 'fr', 'de', 'fr-CA'),
          progress: progressArb(packs),
        }),
        presets: fc.record({ entryPath: fc.option(pathArb, { nil: undefined }), learnerCanSwitch: fc.boolean() }, { requiredKeys: [] }),
        page: pageArb,
        now: fc.integer({ min: T0, max: T0 + 60 * DAY }),
      }),
    );

  it('never returns anything for another network or page kind', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const g = computeGuide(input);
        const lesson = (packId: string, lessonId: string) => input.packs.find((p) => p.id === packId)!.lessons.find((l) => l.id === lessonId)!;
        const here = (packId: string, lessonId: string) => {
          const l = lesson(packId, lessonId);
          return l.network === input.page.network && input.page.pageKind !== null && l.pages.includes(input.page.pageKind);
        };
        for (const h of g.hints) expect(here(h.packId, h.lessonId)).toBe(true);
        for (const r of g.retrieval) expect(here(r.packId, r.lessonId)).toBe(true);
        for (const f of g.faded) expect(here(f.packId, f.lessonId)).toBe(true);
        if (g.task) expect(here(g.task.packId, g.task.lessonId)).toBe(true);
        if (g.resume) expect(lesson(g.resume.packId, g.resume.lessonId).network).toBe(input.page.network);
        for (const h of g.hints) if (h.anchor) expect(h.anchor.startsWith(`${input.page.network}.`)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('the same input gives the same output, and the input is not mutated', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const copy = structuredClone(input);
        const a = computeGuide(input);
        const b = computeGuide(copy);
        expect(b).toEqual(a);
        expect(copy).toEqual(input);
        expect(JSON.parse(JSON.stringify(a))).toEqual(a); // plain data, safe to post between contexts
      }),
      { numRuns: 300 },
    );
  });

  it('about one hint in four comes from the secondary path, across lessons and days, never the same lessons', () => {
    fc.assert(
      fc.property(packArb({ network: 'linkedin', min: 8, max: 40 }), pathArb, pathArb, (pack, primary, secondary) => {
        fc.pre(primary !== secondary);
        for (const l of pack.lessons) l.pages = ['feed'];
        const guide = (now: number) => computeGuide({ packs: [pack], learner: { path: primary, secondaryPath: secondary, locale: 'en', progress: emptyProgress() }, page: { network: 'linkedin', pageKind: 'feed' }, now });
        let shown = 0;
        let voiced = 0;
        for (let day = 0; day < 16; day++) {
          const g = guide(T0 + day * DAY);
          expect(g.hints.length).toBe(pack.lessons.length);
          for (const h of g.hints) {
            expect(h.path).toBe(h.fromSecondary ? secondary : primary);
            expect(h.text).toBe(pack.lessons.find((l) => l.id === h.lessonId)!.hints[h.path].en);
            shown++;
            if (h.fromSecondary) voiced++;
          }
        }
        // ~25 % over 128–640 hints.
        expect(voiced / shown).toBeGreaterThan(0.15);
        expect(voiced / shown).toBeLessThan(0.35);
        // Over four months every lesson is heard in both voices: no lesson is tied to one.
        for (const lesson of pack.lessons) {
          const voices = new Set(Array.from({ length: 120 }, (_, day) => hintPathFor(`${pack.id}/${lesson.id}`, day, primary, secondary)));
          expect(voices.size).toBe(2);
        }
        // Within a day a hint keeps its voice: a second look gives the same cards.
        expect(guide(T0 + 3 * DAY + 10).hints.map((h) => h.path)).toEqual(guide(T0 + 3 * DAY + 5000).hints.map((h) => h.path));
      }),
      { numRuns: 40 },
    );
  }, 30_000);

  it('no secondary voice without a secondary path (or when it is the primary)', () => {
    fc.assert(
      fc.property(packArb({ network: 'x', min: 1, max: 12 }), pathArb, fc.option(pathArb, { nil: null }), fc.integer({ min: 0, max: 400 }), (pack, primary, secondary, day) => {
        fc.pre(secondary === null || secondary === primary);
        for (const l of pack.lessons) l.pages = ['home'];
        const g = computeGuide({ packs: [pack], learner: { path: primary, secondaryPath: secondary, locale: 'en', progress: emptyProgress() }, page: { network: 'x', pageKind: 'home' }, now: T0 + day * DAY });
        expect(g.hints.every((h) => !h.fromSecondary && h.path === primary)).toBe(true);
      }),
    );
  });

  it('the Maker goes goal → do → measure → adjust: a lesson without its own order ends with RO then AE', () => {
    fc.assert(
      fc.property(lessonArb('l0'), (lesson) => {
        const { order: _order, ...bare } = lesson;
        const modes = stepOrder(bare, 'maker').map((id) => bare.steps.find((s) => s.id === id)!.mode);
        expect(modes[0]).toBe('AC');
        const lastRo = modes.lastIndexOf('RO');
        const firstAe = modes.indexOf('AE');
        expect(lastRo).toBeLessThan(firstAe);
        expect(modes.at(-1)).toBe('AE');
        // Every path still meets every step once.
        for (const path of PATHS) expect([...stepOrder(bare, path)].sort()).toEqual(bare.steps.map((s) => s.id).sort());
      }),
    );
  });

  it('hints fade with practice (full → beacon → hidden), never come back without a reason, and can be undone', () => {
    const rank = { full: 0, beacon: 1, hidden: 2 } as const;
    fc.assert(
      fc.property(lessonArb('l0', 'youtube'), fc.array(fc.boolean(), { maxLength: 6 }), (lesson, recalls) => {
        const pack = { schema: 1 as const, id: 'p', version: '1.0.0', title: { en: 'p', fr: 'p' }, lessons: [lesson] };
        const skill = lesson.skill ?? lesson.id;
        let pr = emptyProgress();
        expect(fadeLevel(pack, skill, pr.packs.p)).toBe('full');
        for (const s of lesson.steps) pr = completeStep(pr, [pack], { packId: 'p', lessonId: 'l0', stepId: s.id }, T0);
        expect(fadeLevel(pack, skill, pr.packs.p)).toBe('beacon');
        let level = rank.beacon as number;
        let t = T0;
        for (const recalled of recalls) {
          t += 3 * DAY;
          pr = answerRetrieval(pr, { packId: 'p', lessonId: 'l0' }, { q: 0, recalled }, t);
          const next = rank[fadeLevel(pack, skill, pr.packs.p)];
          if (recalled) expect(next).toBeGreaterThanOrEqual(level);
          else expect(next).toBeLessThanOrEqual(level);
          level = next;
        }
        // Undo: "show again" brings the full card back at once.
        pr = showHintAgain(pr, [pack], { packId: 'p', lessonId: 'l0' }, t + 1);
        expect(fadeLevel(pack, skill, pr.packs.p)).toBe('full');
        const g = computeGuide({ packs: [pack], learner: { path: 'maker', locale: 'en', progress: pr }, page: { network: 'youtube', pageKind: lesson.pages[0]! }, now: t + 2 });
        expect(g.hints.map((h) => h.level)).toEqual(['full']);
      }),
      { numRuns: 200 },
    );
  });

  it('retrieval cards fall due at D+2, D+7 and D+21 after completion, then stop', () => {
    fc.assert(
      fc.property(lessonArb('l0', 'x'), fc.integer({ min: 0, max: 3 * DAY }), (lesson, lateness) => {
        const pack = { schema: 1 as const, id: 'p', version: '1.0.0', title: { en: 'p', fr: 'p' }, lessons: [lesson] };
        const page = { network: 'x' as const, pageKind: lesson.pages[0]! };
        let pr = emptyProgress();
        for (const s of lesson.steps) pr = completeStep(pr, [pack], { packId: 'p', lessonId: 'l0', stepId: s.id }, T0);
        const due = (now: number) => computeGuide({ packs: [pack], learner: { path: 'analyst', locale: 'en', progress: pr }, page, now }).retrieval;
        for (const [review, days] of [[0, 2], [1, 7], [2, 21]] as const) {
          expect(due(T0 + days * DAY - 1)).toEqual([]);
          const cards = due(T0 + days * DAY + lateness);
          expect(cards.map((c) => c.review)).toEqual([review]);
          expect(cards[0]!.q).toBe(review % lesson.retrieval.length);
          pr = answerRetrieval(pr, { packId: 'p', lessonId: 'l0' }, { q: cards[0]!.q, recalled: true }, T0 + days * DAY + lateness);
        }
        expect(due(T0 + 365 * DAY)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('a trainer lock wins; else the learner’s own path (questionnaire or pick); else the per-network preset', () => {
    fc.assert(
      fc.property(pathArb, pathArb, pathArb, fc.constantFrom('quiz', 'chosen', 'preset', null), (learnerPath, preset, entry, source) => {
        const pack = { schema: 1 as const, id: 'p', version: '1.0.0', title: { en: 'p', fr: 'p' }, lessons: [] };
        const base = { packs: [pack], page: { network: 'x' as const, pageKind: 'home' }, now: T0 };
        const learner = { path: learnerPath as LearningPath, pathSource: source as 'quiz' | 'chosen' | 'preset' | null, locale: 'en', progress: emptyProgress() };
        const own = source === 'quiz' || source === 'chosen';
        expect(computeGuide({ ...base, learner, presets: { perNetwork: { x: preset }, learnerCanSwitch: false } }).path).toBe(preset);
        // A learner who skipped the questionnaire holds the entry path the welcome page wrote: the network's preset wins.
        expect(computeGuide({ ...base, learner, presets: { entryPath: entry, perNetwork: { x: preset } } }).path).toBe(own ? learnerPath : preset);
        expect(computeGuide({ ...base, learner, presets: { entryPath: entry, perNetwork: { linkedin: preset } } }).path).toBe(own ? learnerPath : entry);
        expect(computeGuide({ ...base, learner: { ...learner, path: null }, presets: { entryPath: preset } }).path).toBe(preset);
        expect(computeGuide({ ...base, learner, presets: {} }).path).toBe(learnerPath);
      }),
    );
  });
});
