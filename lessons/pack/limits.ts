// Length and count limits of every field of a pack. A pack reaches every learner's tabs: a text is drawn on the
// page's main thread, a selector is run on every change of a busy page, a URL pattern at every navigation. Limits
// keep each of them small enough to cost nothing there, and the validator (and so `npm run pack -- validate`, the
// JSON Schemas and the options page) refuses a pack over them with the field named. The default pack uses about a
// third of each (its longest text is 303 characters).
export const LIMITS = {
  /** Every localized text except titles (why, hints, steps, examples, questions, answers). */
  text: 1_000,
  /** Pack and lesson titles. */
  title: 200,
  /** Locales in one text, and declared by a pack. */
  locales: 10,
  version: 64,
  author: 200,
  schemaUrl: 500,
  /** Anchor names (the pack's own, and every reference to one). */
  anchorName: 100,
  /** A CSS strategy, or the `tag` selector of a text strategy. */
  selector: 300,
  role: 40,
  /** One accessible name or visible text phrase of a strategy. */
  phrase: 200,
  /** Phrases of one strategy (one per language, or a list). */
  phrases: 10,
  /** A strategy's `why` note. */
  why: 500,
  /** A `done: { url }` pattern. */
  urlPattern: 200,
  /** `*` and `**` in one URL pattern. */
  urlWildcards: 6,
  pageKind: 32,
  pages: 10,
  lessons: 300,
  steps: 30,
  /** Micro-steps of one step's walk (at least 2). */
  walk: 8,
  retrieval: 20,
  /** Anchors a pack adds or repairs. */
  anchors: 200,
  /** Strategies of one anchor. */
  strategies: 10,
} as const;
