// fast-check generators of valid packs and plausible progress, shared by the engine property tests.
import fc from 'fast-check';
import { MODES, PAGE_KINDS, PATHS, type Lesson, type Pack, type Text } from '../../lessons/pack/types';
import { NETWORKS, type Network } from '../../lessons/sites/types';
import { emptyProgress, type Progress } from '../../lessons/engine/progress';

const t = (s: string): Text => ({ en: s, fr: `${s} (fr)` });
export const DAY = 86_400_000;
export const T0 = Date.UTC(2026, 0, 5);

export const lessonArb = (id: string, network?: Network): fc.Arbitrary<Lesson> =>
  (network ? fc.constant(network) : fc.constantFrom(...NETWORKS)).chain((net) =>
    fc
      .tuple(
        fc.subarray([...PAGE_KINDS[net]], { minLength: 1 }),
        fc.shuffledSubarray([...MODES], { minLength: 4, maxLength: 4 }),
        fc.array(fc.constantFrom(...MODES), { maxLength: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
      )
      .chain(([pages, modes, extra, nRetrieval, withSkill]) => {
        const allModes = [...modes, ...extra];
        const ids = allModes.map((_, i) => `s${i}`);
        const perm = fc.shuffledSubarray(ids, { minLength: ids.length, maxLength: ids.length });
        return fc
          .record({
            experimenter: fc.option(perm, { nil: undefined }),
            analyst: fc.option(perm, { nil: undefined }),
            thinker: fc.option(perm, { nil: undefined }),
            maker: fc.option(perm, { nil: undefined }),
          })
          .map((order): Lesson => {
            const lesson: Lesson = {
              id,
              network: net,
              pages,
              title: t(`title ${id}`),
              why: t('why'),
              practiseSafely: t('safe'),
              example: t('example'),
              steps: allModes.map((mode, i) => ({
                id: ids[i]!,
                mode,
                ...(i % 2 === 0 ? { anchor: `${net}.nav.home` } : {}),
                text: t(`step ${i}`),
                hint: { analyst: t(`analyst step ${i}`) },
                done: 'manual' as const,
              })),
              order: Object.fromEntries(Object.entries(order).filter(([, v]) => v !== undefined)),
              hints: Object.fromEntries(PATHS.map((p) => [p, t(`${p} hint ${id}`)])) as Lesson['hints'],
              retrieval: Array.from({ length: nRetrieval }, (_, i) => ({ q: t(`q${i}`), a: t(`a${i}`) })),
            };
            if (withSkill) lesson.skill = `skill-${id.length % 3}`;
            return lesson;
          });
      }),
  );

export const packArb = (opts: { id?: string; network?: Network; min?: number; max?: number } = {}): fc.Arbitrary<Pack> =>
  fc.integer({ min: opts.min ?? 1, max: opts.max ?? 10 }).chain((n) =>
    fc.tuple(...Array.from({ length: n }, (_, i) => lessonArb(`l${i}`, opts.network))).map(
      (lessons): Pack => ({ schema: 1, id: opts.id ?? 'test.pack', version: '1.0.0', title: t('pack'), lessons }),
    ),
  );

/** Progress in any plausible state: untouched, part-done, completed with some retrieval answers, dismissed. */
export const progressArb = (packs: readonly Pack[]): fc.Arbitrary<Progress> => {
  const lessons = packs.flatMap((p) => p.lessons.map((l) => ({ pack: p, lesson: l })));
  return fc
    .tuple(
      fc.array(fc.record({ state: fc.nat(4), steps: fc.nat(8), answers: fc.nat(4), recalled: fc.boolean(), dismissed: fc.boolean() }), {
        minLength: lessons.length,
        maxLength: lessons.length,
      }),
      fc.option(fc.nat(Math.max(0, lessons.length - 1)), { nil: null }),
    )
    .map(([states, activeIdx]) => {
      const pr = emptyProgress();
      lessons.forEach(({ pack, lesson }, i) => {
        const s = states[i]!;
        if (s.state === 0) return;
        const pp = (pr.packs[pack.id] ??= { lessons: {}, skills: {} });
        const steps: Record<string, number> = {};
        const n = s.state >= 3 ? lesson.steps.length : Math.min(s.steps, lesson.steps.length);
        lesson.steps.slice(0, n).forEach((st, j) => (steps[st.id] = T0 + j));
        pp.lessons[lesson.id] = {
          startedAt: T0,
          steps,
          retrieval: s.state >= 3 ? Array.from({ length: Math.min(3, s.answers) }, (_, k) => ({ at: T0 + (k + 2) * 7 * DAY, q: 0, recalled: s.recalled })) : [],
          ...(s.state >= 3 ? { completedAt: T0 + 100 } : {}),
          ...(s.dismissed && s.state === 4 ? { hintDismissedAt: T0 + 200 } : {}),
        };
      });
      const a = activeIdx === null ? undefined : lessons[activeIdx];
      if (a) pr.active = { packId: a.pack.id, lessonId: a.lesson.id };
      return pr;
    });
};

export const pageArb: fc.Arbitrary<{ network: Network; pageKind: string | null }> = fc
  .constantFrom(...NETWORKS)
  .chain((network) => fc.record({ network: fc.constant(network), pageKind: fc.oneof(fc.constantFrom(...PAGE_KINDS[network]), fc.constant(null), fc.constant('unknown')) }));
