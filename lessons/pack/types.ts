// The lesson pack, as the runtime sees it (after YAML → JSON and validation).
// The valibot schema in ./schema.ts is the source of truth for the structure; ./validate.ts adds the checks a
// schema cannot express (ids, locales, anchors, Kolb modes, order, links, size). These types mirror it for readers.
import type { AnchorStrategy, Network } from '../sites/types';

export const PATHS = ['experimenter', 'analyst', 'thinker', 'maker'] as const;
export type LearningPath = (typeof PATHS)[number];

/** Kolb's four modes: Concrete Experience, Reflective Observation, Abstract Conceptualisation, Active Experimentation. */
export const MODES = ['CE', 'RO', 'AC', 'AE'] as const;
export type KolbMode = (typeof MODES)[number];

/** The current (and only) pack format version. */
export const PACK_SCHEMA_VERSION = 1;

/** Locales a pack declares when it says nothing. */
export const DEFAULT_LOCALES = ['en', 'fr'] as const;

/**
 * Text in every locale the pack declares (`locales`, default [en, fr]).
 * Plain text with a tiny safe subset: `**strong**`, `*emphasis*`, `[label](https://…)`. Never HTML (see ./richtext.ts).
 */
export type Text = Record<string, string>;

export type DoneRule =
  | 'manual' // the learner presses Done
  | { click: 'anchor' | string } // a click on the step's anchor, or on the named anchor
  | { url: string } // the URL matches this pattern (a URLPattern-like pathname pattern, e.g. "/in/*")
  | { appears: string } // the named anchor appears on the page
  | { submit: 'anchor' | string } // a form containing the anchor is sent
  | { input: 'anchor' | string } // the learner typed into the field (its text is never read)
  | { gone: string }; // the named element (a dialog, a menu) was on the page and is gone

/** The learner's actions that end a micro-step: every rule but `manual`. */
export type Signal = Exclude<DoneRule, 'manual'>;

/** One micro-step of a walk: a real control, a short text and the action that ends it. */
export interface WalkItem {
  anchor?: string;
  text: Text;
  done: Signal;
}

export interface Step {
  id: string;
  mode: KolbMode;
  anchor?: string; // an anchor name of the lesson's network (built in: lessons/sites), or one the pack adds
  text: Text; // what to do, for everyone
  hint?: Partial<Record<LearningPath, Text>>; // path-specific tone
  example?: Text; // "show me an example first"
  /** The step whose result this one reads ("What comes up?" after the search): every path's order keeps it after that one. */
  after?: string;
  /** A short walk over the real controls: the step completes when its last micro-step does (then `done` is absent). */
  walk?: WalkItem[];
  /** How a step without a walk completes (required then). */
  done?: DoneRule;
}

/** How a step ends: its own rule, or its walk's last micro-step. */
export function stepEnd(step: Pick<Step, 'done' | 'walk'>): DoneRule {
  return step.walk?.length ? step.walk[step.walk.length - 1]!.done : (step.done ?? 'manual');
}

/** A spaced retrieval card: a short question and its answer, shown ~2, 7 and 21 days after the lesson. */
export interface RetrievalItem {
  q: Text;
  a: Text;
}

export interface Lesson {
  id: string;
  network: Network;
  pages: string[]; // page kinds where it applies
  skill?: string; // groups lessons for fading; defaults to the lesson id
  title: Text;
  why: Text;
  practiseSafely: Text;
  example: Text;
  steps: Step[];
  /** Step order per path; a path left out takes the steps in its Kolb order (engine MODE_ORDER). Must name every step. */
  order?: Partial<Record<LearningPath, string[]>>;
  /** One hint per path shown beside the lesson's main anchor, before a task is started. */
  hints: Record<LearningPath, Text>;
  /** Where the lesson's hint card points; defaults to the first step (in the learner's order) that has an anchor. */
  hintAnchor?: string;
  retrieval: RetrievalItem[];
}

export interface PackSettings {
  entryPath?: LearningPath;
  perNetwork?: Partial<Record<Network, LearningPath>>;
  skipQuestionnaire?: boolean;
  learnerCanSwitch?: boolean;
}

export interface Pack {
  $schema?: string;
  schema: 1;
  id: string; // reverse-DNS-like, e.g. "trainingwheels.default"
  version: string; // semver
  locales?: string[]; // default ["en", "fr"]
  title: Text;
  description?: Text;
  author?: string;
  settings?: PackSettings;
  anchors?: Record<string, AnchorStrategy[]>;
  lessons: Lesson[];
}

/** Page kinds each network knows (the site adapters' `pageKinds`); a lesson's `pages` must use these. */
export const PAGE_KINDS: Record<Network, readonly string[]> = {
  linkedin: ['feed', 'profile', 'company', 'search', 'messaging', 'notifications', 'mynetwork', 'settings', 'analytics'],
  x: ['home', 'profile', 'status', 'explore', 'search', 'notifications', 'messages', 'bookmarks', 'settings'],
  facebook: ['feed', 'profile', 'page', 'groups', 'marketplace', 'watch', 'search', 'photo', 'settings'],
  youtube: ['home', 'watch', 'channel', 'results', 'shorts', 'settings'],
};

/**
 * Largest pack accepted, measured as UTF-8 bytes of its JSON. Packs live in `storage.local` (10 MB quota in
 * Chromium, more in Firefox) next to progress and other packs, and may arrive inline through an enterprise policy;
 * 1 MB is ~50× the default pack and leaves room for several packs.
 */
export const MAX_PACK_BYTES = 1_000_000;
