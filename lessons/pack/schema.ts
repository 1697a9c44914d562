// The one structural schema of a lesson pack (valibot: small enough for the extension's bundles).
// pack.schema.json is generated from it (`npm run pack -- schema`); semantic checks live in ./validate.ts.
import * as v from 'valibot';
import { NETWORKS } from '../sites/types';
import { MODES, PATHS } from './types';

export const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const PACK_ID_RE = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
export const SEMVER_RE = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
export const LOCALE_RE = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;
export const ANCHOR_NAME_RE = /^(?:linkedin|x|facebook|youtube)(?:\.[A-Za-z0-9_-]+)+$/;

const d = v.description;

export const TextSchema = v.pipe(
  v.record(v.pipe(v.string(), v.regex(LOCALE_RE)), v.pipe(v.string(), v.minLength(1))),
  d('Text in every locale the pack declares, e.g. { en: "…", fr: "…" }. Plain text; **strong**, *emphasis* and [label](https://…) links only.'),
);

const Id = (what: string) => v.pipe(v.string(), v.regex(ID_RE), d(`Stable ${what} id (letters, digits, - and _). Progress is keyed by it: never rename.`));
const AnchorRef = v.pipe(v.string(), d('An anchor name of the lesson network (built in: lessons/sites), or one this pack adds under `anchors`.'));
const PathPick = v.picklist(PATHS);

const pathRecord = <T extends v.GenericSchema>(item: T, desc: string) =>
  v.pipe(
    v.strictObject({
      experimenter: v.optional(item),
      analyst: v.optional(item),
      thinker: v.optional(item),
      maker: v.optional(item),
    }),
    d(desc),
  );

export const DoneSchema = v.pipe(
  v.union([
    v.literal('manual'),
    v.strictObject({ click: v.pipe(v.string(), v.minLength(1), d('"anchor" (the step anchor) or an anchor name')) }),
    v.strictObject({ url: v.pipe(v.string(), v.minLength(1), d('A pathname pattern such as "/in/*"')) }),
    v.strictObject({ appears: v.pipe(v.string(), v.minLength(1), d('An anchor name')) }),
    v.strictObject({ submit: v.pipe(v.string(), v.minLength(1), d('"anchor" (the step anchor) or an anchor name')) }),
  ]),
  d('How the step completes: manual | { click: anchor|NAME } | { url: "/path/*" } | { appears: NAME } | { submit: anchor|NAME }'),
);

export const StepSchema = v.strictObject({
  id: Id('step'),
  mode: v.pipe(v.picklist(MODES), d('Kolb mode: CE concrete experience, RO reflective observation, AC abstract conceptualisation, AE active experimentation')),
  anchor: v.optional(AnchorRef),
  text: TextSchema,
  hint: v.optional(pathRecord(TextSchema, 'Path-specific tone for this step')),
  example: v.optional(TextSchema),
  done: DoneSchema,
});

export const RetrievalSchema = v.strictObject({ q: TextSchema, a: TextSchema });

const NameMatch = v.picklist(['exact', 'start', 'word']);

const LocalizedOrList = v.union([
  v.pipe(v.record(v.pipe(v.string(), v.regex(LOCALE_RE)), v.string()), v.check((r) => 'en' in r && 'fr' in r)),
  v.array(v.string()),
]);

export const AnchorStrategySchema = v.union([
  v.strictObject({ css: v.pipe(v.string(), v.minLength(1)), why: v.optional(v.string()) }),
  v.strictObject({
    role: v.pipe(v.string(), v.minLength(1)),
    name: LocalizedOrList,
    exact: v.optional(v.boolean()),
    match: v.optional(NameMatch),
    why: v.optional(v.string()),
  }),
  v.strictObject({ text: LocalizedOrList, tag: v.optional(v.string()), match: v.optional(NameMatch), why: v.optional(v.string()) }),
]);

export const LessonSchema = v.strictObject({
  id: Id('lesson'),
  network: v.picklist(NETWORKS),
  pages: v.pipe(v.array(v.string()), v.minLength(1), d('Page kinds of the network where the lesson applies')),
  skill: v.optional(v.pipe(v.string(), v.regex(ID_RE), d('Groups lessons for hint fading; defaults to the lesson id'))),
  title: TextSchema,
  why: v.pipe(TextSchema, d('Why it matters, in one line')),
  practiseSafely: v.pipe(TextSchema, d('A safe way to practise (Only me, Unlisted, a private List, notify network off)')),
  example: TextSchema,
  steps: v.pipe(v.array(StepSchema), v.minLength(4), d('At least one step per Kolb mode')),
  order: v.optional(pathRecord(v.array(v.string()), 'Step ids in order, per path; must name every step once')),
  hints: v.pipe(
    v.strictObject({ experimenter: TextSchema, analyst: TextSchema, thinker: TextSchema, maker: TextSchema }),
    d('One hint per path, shown beside the lesson anchor before the task starts'),
  ),
  hintAnchor: v.optional(AnchorRef),
  retrieval: v.pipe(v.array(RetrievalSchema), v.minLength(1), d('Short questions asked about 2, 7 and 21 days after the lesson')),
});

export const SettingsSchema = v.strictObject({
  entryPath: v.optional(PathPick),
  perNetwork: v.optional(
    v.strictObject({
      linkedin: v.optional(PathPick),
      x: v.optional(PathPick),
      facebook: v.optional(PathPick),
      youtube: v.optional(PathPick),
    }),
  ),
  skipQuestionnaire: v.optional(v.boolean()),
  learnerCanSwitch: v.optional(v.boolean()),
});

export const PackSchema = v.strictObject({
  $schema: v.optional(v.string()),
  schema: v.pipe(v.literal(1), d('Pack format version: 1')),
  id: v.pipe(v.string(), v.regex(PACK_ID_RE), d('Stable pack id, reverse-DNS-like: acme.linkedin-prospecting')),
  version: v.pipe(v.string(), v.regex(SEMVER_RE), d('Semantic version, quoted: "1.2.0"')),
  locales: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(LOCALE_RE))), v.minLength(1), d('Locales every text must have; default [en, fr]'))),
  title: TextSchema,
  description: v.optional(TextSchema),
  author: v.optional(v.string()),
  settings: v.optional(SettingsSchema),
  anchors: v.optional(
    v.pipe(v.record(v.string(), v.pipe(v.array(AnchorStrategySchema), v.minLength(1))), d('Anchors this pack adds or repairs: name → ordered strategies')),
  ),
  lessons: v.array(LessonSchema),
});

/** A file holding only a list of lessons (the default pack's per-network files). */
export const LessonListSchema = v.array(LessonSchema);
