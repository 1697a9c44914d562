// The one structural schema of a lesson pack (valibot: small enough for the extension's bundles).
// pack.schema.json is generated from it (`npm run pack -- schema`); semantic checks live in ./validate.ts.
import * as v from 'valibot';
import { NETWORKS } from '../sites/types';
import { ID_RE, MAX_ID_LENGTH, MAX_PACK_ID_LENGTH, PACK_ID_RE } from './ids';
import { LIMITS } from './limits';
import { MODES, PATHS } from './types';

export { ID_RE, PACK_ID_RE };
export const SEMVER_RE = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
export const LOCALE_RE = /^[a-z]{2,3}(?:-[A-Z]{2})?$/;
export const ANCHOR_NAME_RE = /^(?:linkedin|x|facebook|youtube)(?:\.[A-Za-z0-9_-]+)+$/;
/** An ARIA role token: it is put inside an attribute selector (`[role~="…"]`), so letters only. */
export const ROLE_RE = /^[a-z]+$/;

const d = v.description;

const textOf = (max: number) =>
  v.pipe(
    v.record(v.pipe(v.string(), v.regex(LOCALE_RE)), v.pipe(v.string(), v.minLength(1), v.maxLength(max))),
    v.maxEntries(LIMITS.locales),
    d(`Text in every locale the pack declares, e.g. { en: "…", fr: "…" }, at most ${max} characters each. Plain text; **strong**, *emphasis* and [label](https://…) links only.`),
  );
export const TextSchema = textOf(LIMITS.text);
const TitleSchema = textOf(LIMITS.title);

const Id = (what: string) =>
  v.pipe(v.string(), v.regex(ID_RE), v.maxLength(MAX_ID_LENGTH), d(`Stable ${what} id (letters, digits, - and _). Progress is keyed by it: never rename.`));
const AnchorRef = v.pipe(v.string(), v.maxLength(LIMITS.anchorName), d('An anchor name of the lesson network (built in: lessons/sites), or one this pack adds under `anchors`.'));
const DoneTarget = (desc: string) => v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.anchorName), d(desc));
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

const SIGNALS = [
  v.strictObject({ click: DoneTarget('"anchor" (the step anchor) or an anchor name') }),
  v.strictObject({ url: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.urlPattern), d('A pathname pattern such as "/in/*" (** only as a whole segment)')) }),
  v.strictObject({ appears: DoneTarget('An anchor name') }),
  v.strictObject({ submit: DoneTarget('"anchor" (the step anchor) or an anchor name') }),
  v.strictObject({ input: DoneTarget('"anchor" or an anchor name: a field the learner types into (its text is never read)') }),
  v.strictObject({ gone: DoneTarget('An anchor name (a dialog, a menu) that was on the page and is gone') }),
] as const;
const SIGNALS_HELP = '{ click: anchor|NAME } | { url: "/path/*" } | { appears: NAME } | { submit: anchor|NAME } | { input: anchor|NAME } | { gone: NAME }';

export const DoneSchema = v.pipe(
  v.union([v.literal('manual'), ...SIGNALS]),
  d(`How the step completes: manual | ${SIGNALS_HELP}`),
);

/** One micro-step of a walk: a real control, a short text, the learner's action that ends it. */
export const WalkItemSchema = v.strictObject({
  anchor: v.optional(AnchorRef),
  text: TextSchema,
  done: v.pipe(v.union([...SIGNALS]), d(`The action that ends this micro-step: ${SIGNALS_HELP}`)),
});

export const StepSchema = v.strictObject({
  id: Id('step'),
  mode: v.pipe(v.picklist(MODES), d('Kolb mode: CE concrete experience, RO reflective observation, AC abstract conceptualisation, AE active experimentation')),
  anchor: v.optional(AnchorRef),
  text: TextSchema,
  hint: v.optional(pathRecord(TextSchema, 'Path-specific tone for this step')),
  example: v.optional(TextSchema),
  after: v.optional(
    v.pipe(
      v.string(),
      d('The id of the step whose result this one reads ("What comes up?" after a search): every path keeps it after that step.'),
    ),
  ),
  walk: v.optional(
    v.pipe(
      v.array(WalkItemSchema),
      v.minLength(2),
      v.maxLength(LIMITS.walk),
      d('A short walk over the real controls (2–8 micro-steps, in order): the step completes when its last one does. A walk step has no `done`.'),
    ),
  ),
  done: v.optional(DoneSchema),
});

export const RetrievalSchema = v.strictObject({ q: TextSchema, a: TextSchema });

const NameMatch = v.picklist(['exact', 'start', 'word']);

const Phrase = v.pipe(v.string(), v.maxLength(LIMITS.phrase));
const LocalizedOrList = v.union([
  v.pipe(
    v.record(v.pipe(v.string(), v.regex(LOCALE_RE)), Phrase),
    v.maxEntries(LIMITS.phrases),
    v.check((r) => 'en' in r && 'fr' in r),
  ),
  v.pipe(v.array(Phrase), v.maxLength(LIMITS.phrases)),
]);
/** A selector run by querySelectorAll on the page; its syntax is checked by the validator (./selector.ts). */
const Selector = (desc: string) => v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.selector), d(desc));
const Why = v.optional(v.pipe(v.string(), v.maxLength(LIMITS.why)));

export const AnchorStrategySchema = v.union([
  v.strictObject({ css: Selector('A CSS selector on stable markup (data-testid, id, custom element, href shape)'), why: Why }),
  v.strictObject({
    role: v.pipe(v.string(), v.regex(ROLE_RE), v.maxLength(LIMITS.role), d('An ARIA role, e.g. button')),
    name: LocalizedOrList,
    exact: v.optional(v.boolean()),
    match: v.optional(NameMatch),
    why: Why,
  }),
  v.strictObject({ text: LocalizedOrList, tag: v.optional(Selector('A CSS selector for the candidates (default: buttons and links)')), match: v.optional(NameMatch), why: Why }),
]);

export const LessonSchema = v.strictObject({
  id: Id('lesson'),
  network: v.picklist(NETWORKS),
  pages: v.pipe(v.array(v.pipe(v.string(), v.maxLength(LIMITS.pageKind))), v.minLength(1), v.maxLength(LIMITS.pages), d('Page kinds of the network where the lesson applies')),
  skill: v.optional(v.pipe(v.string(), v.regex(ID_RE), v.maxLength(MAX_ID_LENGTH), d('Groups lessons for hint fading; defaults to the lesson id'))),
  title: TitleSchema,
  why: v.pipe(TextSchema, d('Why it matters, in one line')),
  practiseSafely: v.pipe(TextSchema, d('A safe way to practise (Only me, Unlisted, a private List, notify network off)')),
  example: TextSchema,
  steps: v.pipe(v.array(StepSchema), v.minLength(4), v.maxLength(LIMITS.steps), d('At least one step per Kolb mode')),
  order: v.optional(
    pathRecord(v.pipe(v.array(v.pipe(v.string(), v.maxLength(MAX_ID_LENGTH))), v.maxLength(LIMITS.steps)), 'Step ids in order, per path; must name every step once'),
  ),
  hints: v.pipe(
    v.strictObject({ experimenter: TextSchema, analyst: TextSchema, thinker: TextSchema, maker: TextSchema }),
    d('One hint per path, shown beside the lesson anchor before the task starts'),
  ),
  hintAnchor: v.optional(AnchorRef),
  retrieval: v.pipe(v.array(RetrievalSchema), v.minLength(1), v.maxLength(LIMITS.retrieval), d('Short questions asked about 2, 7 and 21 days after the lesson')),
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
  $schema: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.schemaUrl))),
  schema: v.pipe(v.literal(1), d('Pack format version: 1')),
  id: v.pipe(v.string(), v.regex(PACK_ID_RE), v.maxLength(MAX_PACK_ID_LENGTH), d('Stable pack id, reverse-DNS-like: acme.linkedin-prospecting')),
  version: v.pipe(v.string(), v.regex(SEMVER_RE), v.maxLength(LIMITS.version), d('Semantic version, quoted: "1.2.0"')),
  locales: v.optional(
    v.pipe(v.array(v.pipe(v.string(), v.regex(LOCALE_RE))), v.minLength(1), v.maxLength(LIMITS.locales), d('Locales every text must have; default [en, fr]')),
  ),
  title: TitleSchema,
  description: v.optional(TextSchema),
  author: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.author))),
  settings: v.optional(SettingsSchema),
  anchors: v.optional(
    v.pipe(
      v.record(
        v.pipe(v.string(), v.maxLength(LIMITS.anchorName)),
        v.pipe(v.array(AnchorStrategySchema), v.minLength(1), v.maxLength(LIMITS.strategies)),
      ),
      v.maxEntries(LIMITS.anchors),
      d('Anchors this pack adds or repairs: name → ordered strategies'),
    ),
  ),
  lessons: v.pipe(v.array(LessonSchema), v.maxLength(LIMITS.lessons)),
});

/** A file holding only a list of lessons (the default pack's per-network files). */
export const LessonListSchema = v.array(LessonSchema);
