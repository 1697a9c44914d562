// The lesson pack, as the runtime sees it (after YAML → JSON and validation).
// The valibot schema in ./schema.ts is the source of truth; these types mirror it for readers.
import type { AnchorStrategy, Network } from '../sites/types';

export const PATHS = ['experimenter', 'analyst', 'thinker', 'maker'] as const;
export type LearningPath = (typeof PATHS)[number];

/** Kolb's four modes: Concrete Experience, Reflective Observation, Abstract Conceptualisation, Active Experimentation. */
export const MODES = ['CE', 'RO', 'AC', 'AE'] as const;
export type KolbMode = (typeof MODES)[number];

/** Text in every locale the pack declares (`locales`, default [en, fr]). */
export type Text = Record<string, string>;

export type DoneRule =
  | 'manual' // the learner presses Done
  | { click: 'anchor' | string } // a click on the step's anchor, or on the named anchor
  | { url: string } // the URL matches this pattern (a URLPattern-like pathname pattern, e.g. "/in/*")
  | { appears: string } // the named anchor appears on the page
  | { submit: 'anchor' | string }; // a form containing the anchor is sent

export interface Step {
  id: string;
  mode: KolbMode;
  anchor?: string; // an anchor name of the lesson's network (ANCHORS.md), or one the pack adds
  text: Text; // what to do, for everyone
  hint?: Partial<Record<LearningPath, Text>>; // path-specific tone
  example?: Text; // "show me an example first"
  done: DoneRule;
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
  /** Step order per path; a path left out uses the pack's default order (steps as listed). Must name every step. */
  order?: Partial<Record<LearningPath, string[]>>;
  /** One hint per path shown beside the lesson's main anchor, before a task is started. */
  hints: Record<LearningPath, Text>;
  hintAnchor?: string;
  retrieval: Array<{ q: Text; a: Text }>;
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
