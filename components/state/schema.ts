// The learner's stored state: keys in storage.local, their shapes, and sanitizers that turn anything read from
// storage into a well-formed value (saying whether they had to). Pure: no browser API, so the background, the
// extension's pages and the tests can all use it (the networks' tabs never read storage and do not carry it).
//
// Layout (schema version 2). Each concern has its own key, and progress is event-sourced: every fact (a step
// done, a lesson started or completed, a retrieval answer) is its own key, written once. Two tabs completing steps
// at the same moment write different keys, so neither is lost; the in-memory `Progress` (lessons/engine) is a fold
// of those keys, and an update made with the engine's pure reducers is written back as the facts that changed.
//   schemaVersion                   2
//   learner                         LearnerState: guide switches, language, path (v1 kept the switches under `settings`)
//   activeTask                      ActiveTask | null: the task the learner chose to continue
//   presets                         Presets | null: trainer presets (pack settings or enterprise policy)
//   notices                         Notice[]: messages for the learner (e.g. "stored data was repaired")
//   progress:<pack>/<lesson>/<step> { at }: step completed
//   started:<pack>/<lesson>         { at }: lesson started
//   completed:<pack>/<lesson>       { at }: lesson completed (starts the retrieval schedule)
//   dismissed:<pack>/<lesson>       { at }: the learner closed the lesson's hint
//   recall:<pack>/<lesson>/<id>     { at, q, recalled }: one retrieval answer
//   skipped:<pack>/<lesson>[/<step>] { at }: the learner skipped the lesson (or the step): never a completion
//   fade:<pack>/<skill>             { level, at }: the learner's own fade choice for a skill
//   note:<pack>/<lesson>            Note: the learner's journal for that lesson
//   corrupt-backup-<timestamp>      CorruptBackup: originals of values that had to be repaired
import { NETWORKS, type Network } from '../../lessons/sites/types';
import { PATHS, type LearningPath } from '../../lessons/pack/types';
import { isPackId, isStableId } from '../../lessons/pack/ids';
import { FADE_LEVELS, emptyProgress, idMap, type FadeLevel, type LessonProgress, type PackProgress, type Progress } from '../../lessons/engine/progress';
import type { LocalePreference } from '../i18n-core';

export const SCHEMA_VERSION = 2;

export const KEY = {
  schemaVersion: 'schemaVersion',
  learner: 'learner',
  activeTask: 'activeTask',
  presets: 'presets',
  notices: 'notices',
  /** Schema v1: the guide switches, before they were folded into `learner`. */
  legacySettings: 'settings',
  /** WXT's version marker of the v1 `settings` item. */
  legacySettingsMeta: 'settings$',
} as const;

/** Progress facts: prefix → how many id segments follow it ("pack/lesson/step" = 3; a skip is of a lesson or a step). */
export type FactPrefix = 'progress:' | 'started:' | 'completed:' | 'dismissed:' | 'recall:' | 'fade:' | 'skipped:';
export const FACT_PREFIXES: Readonly<Record<FactPrefix, number | readonly number[]>> = {
  'progress:': 3,
  'started:': 2,
  'completed:': 2,
  'dismissed:': 2,
  'recall:': 3,
  'fade:': 2,
  'skipped:': [2, 3],
};

export const PREFIX = {
  note: 'note:',
  backup: 'corrupt-backup-',
} as const;

export type PathSource = 'quiz' | 'chosen' | 'preset';

export interface LearnerState {
  /** The guide everywhere. */
  guideEnabled: boolean;
  /** Networks the learner switched off one by one. */
  disabledNetworks: Network[];
  /** 'auto' follows the browser's language. */
  locale: LocalePreference;
  /** Entry path: a starting point, not a label. Null until the learner answered the quiz or picked one. */
  path: LearningPath | null;
  /** Second-highest quiz score: supplies about one hint in four. */
  secondaryPath: LearningPath | null;
  /** Flat quiz scores (max − min ≤ 1). */
  balanced: boolean;
  pathSource: PathSource | null;
  /** The path each quiz answer pointed to, by item (null = item not answered). */
  answers: Array<LearningPath | null> | null;
  pathSetAt: number | null;
}

export const DEFAULT_LEARNER: LearnerState = {
  guideEnabled: true,
  disabledNetworks: [],
  locale: 'auto',
  path: null,
  secondaryPath: null,
  balanced: false,
  pathSource: null,
  answers: null,
  pathSetAt: null,
};

export interface ActiveTask {
  packId: string;
  lessonId: string;
  network: Network;
  /** The step to resume at; absent = the first step not done yet, in the learner's order. */
  stepId?: string;
  /** Where the learner is in the walk of a step: the micro-step to do next (absent: the walk's start). */
  walk?: { stepId: string; index: number };
  startedAt: number;
}

/** Trainer presets. The trainers' issue fills `presets` from a pack's settings or from enterprise policy. */
export interface Presets {
  entryPath?: LearningPath;
  perNetwork?: Partial<Record<Network, LearningPath>>;
  skipQuestionnaire?: boolean;
  /** false = the learner cannot change path. Default true. */
  learnerCanSwitch?: boolean;
  /** Where the presets come from (a pack id, "policy"): shown to the learner when switching is locked. */
  source?: string;
}

export interface Note {
  text: string;
  updatedAt: number;
}

export interface Notice {
  id: string;
  at: number;
  kind: 'repaired';
  /** Storage keys whose value had to be repaired. */
  keys: string[];
  /** Where the originals are kept. */
  backupKey: string;
}

export interface CorruptBackup {
  at: number;
  originals: Record<string, unknown>;
}

/** A step: progress is keyed by pack id + lesson id + step id. */
export interface StepRef {
  packId: string;
  lessonId: string;
  stepId: string;
}

export const noteKey = (packId: string, lessonId: string) => `${PREFIX.note}${packId}/${lessonId}`;

// ---- sanitizers -------------------------------------------------------------------------------------------------

export interface Sanitized<T> {
  value: T;
  /** The stored value existed but had to be changed to be usable. */
  repaired: boolean;
}

const isRecord = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);
export const isPath = (raw: unknown): raw is LearningPath => (PATHS as readonly unknown[]).includes(raw);
const isNetwork = (raw: unknown): raw is Network => (NETWORKS as readonly unknown[]).includes(raw);
const isTime = (raw: unknown): raw is number => typeof raw === 'number' && Number.isFinite(raw) && raw >= 0;

/** Field by field: keeps what is well-formed, replaces the rest by its default and reports it. */
export function sanitizeLearner(raw: unknown): Sanitized<LearnerState> {
  if (raw === undefined || raw === null) return { value: { ...DEFAULT_LEARNER }, repaired: false };
  if (!isRecord(raw)) return { value: { ...DEFAULT_LEARNER }, repaired: true };
  let repaired = false;
  const pick = <T>(ok: boolean, value: T, fallback: T): T => {
    if (ok) return value;
    repaired = true;
    return fallback;
  };
  const networks = Array.isArray(raw.disabledNetworks) ? raw.disabledNetworks : null;
  const disabledNetworks = networks ? [...new Set(networks.filter(isNetwork))] : [];
  if (!networks || disabledNetworks.length !== networks.length) repaired = true;
  const answersOk = raw.answers === null || (Array.isArray(raw.answers) && raw.answers.length <= 20 && raw.answers.every((a) => a === null || isPath(a)));
  const value: LearnerState = {
    guideEnabled: pick(typeof raw.guideEnabled === 'boolean', raw.guideEnabled as boolean, DEFAULT_LEARNER.guideEnabled),
    disabledNetworks,
    locale: pick(raw.locale === 'en' || raw.locale === 'fr' || raw.locale === 'auto', raw.locale as LocalePreference, 'auto'),
    path: pick(raw.path === null || isPath(raw.path), raw.path as LearningPath | null, null),
    secondaryPath: pick(raw.secondaryPath === null || isPath(raw.secondaryPath), raw.secondaryPath as LearningPath | null, null),
    balanced: pick(typeof raw.balanced === 'boolean', raw.balanced as boolean, false),
    pathSource: pick(
      raw.pathSource === null || raw.pathSource === 'quiz' || raw.pathSource === 'chosen' || raw.pathSource === 'preset',
      raw.pathSource as PathSource | null,
      null,
    ),
    answers: pick(answersOk, raw.answers as LearnerState['answers'], null),
    pathSetAt: pick(raw.pathSetAt === null || isTime(raw.pathSetAt), raw.pathSetAt as number | null, null),
  };
  return { value, repaired };
}

export function sanitizeActiveTask(raw: unknown): Sanitized<ActiveTask | null> {
  if (raw === undefined || raw === null) return { value: null, repaired: false };
  if (isRecord(raw) && isPackId(raw.packId) && isStableId(raw.lessonId) && isNetwork(raw.network) && isTime(raw.startedAt)) {
    const task: ActiveTask = { packId: raw.packId, lessonId: raw.lessonId, network: raw.network, startedAt: raw.startedAt };
    if (isStableId(raw.stepId)) task.stepId = raw.stepId;
    const walk = raw.walk;
    if (isRecord(walk) && isStableId(walk.stepId) && typeof walk.index === 'number' && Number.isInteger(walk.index) && walk.index >= 0 && walk.index < 64)
      task.walk = { stepId: walk.stepId, index: walk.index };
    return { value: task, repaired: (raw.stepId !== undefined && task.stepId === undefined) || (raw.walk !== undefined && task.walk === undefined) };
  }
  return { value: null, repaired: true };
}

export function sanitizePresets(raw: unknown): Sanitized<Presets | null> {
  if (raw === undefined || raw === null) return { value: null, repaired: false };
  if (!isRecord(raw)) return { value: null, repaired: true };
  let repaired = false;
  const presets: Presets = {};
  if (raw.entryPath !== undefined) {
    if (isPath(raw.entryPath)) presets.entryPath = raw.entryPath;
    else repaired = true;
  }
  if (raw.perNetwork !== undefined) {
    if (isRecord(raw.perNetwork)) {
      const perNetwork: Partial<Record<Network, LearningPath>> = {};
      for (const [network, path] of Object.entries(raw.perNetwork)) {
        if (isNetwork(network) && isPath(path)) perNetwork[network] = path;
        else repaired = true;
      }
      presets.perNetwork = perNetwork;
    } else repaired = true;
  }
  for (const flag of ['skipQuestionnaire', 'learnerCanSwitch'] as const) {
    if (raw[flag] === undefined) continue;
    if (typeof raw[flag] === 'boolean') presets[flag] = raw[flag];
    else repaired = true;
  }
  if (raw.source !== undefined) {
    if (typeof raw.source === 'string') presets.source = raw.source;
    else repaired = true;
  }
  return { value: presets, repaired };
}

export function sanitizeNotices(raw: unknown): Sanitized<Notice[]> {
  if (raw === undefined || raw === null) return { value: [], repaired: false };
  if (!Array.isArray(raw)) return { value: [], repaired: true };
  const notices = raw.filter(
    (n): n is Notice =>
      isRecord(n) &&
      typeof n.id === 'string' &&
      isTime(n.at) &&
      n.kind === 'repaired' &&
      Array.isArray(n.keys) &&
      n.keys.every((k) => typeof k === 'string') &&
      typeof n.backupKey === 'string',
  );
  return { value: notices, repaired: notices.length !== raw.length };
}

export function sanitizeNote(raw: unknown): Sanitized<Note | null> {
  if (raw === undefined || raw === null) return { value: null, repaired: false };
  if (isRecord(raw) && typeof raw.text === 'string' && isTime(raw.updatedAt)) return { value: { text: raw.text, updatedAt: raw.updatedAt }, repaired: false };
  // A bare string is still the learner's text: keep it rather than lose it.
  if (typeof raw === 'string') return { value: { text: raw, updatedAt: 0 }, repaired: true };
  return { value: null, repaired: true };
}

// ---- progress facts ---------------------------------------------------------------------------------------------

/**
 * A parsed fact key: its prefix and id segments (pack, lesson, step / pack, lesson / pack, skill …). Every segment
 * must match the pack format's id patterns (lessons/pack/ids.ts): a key such as `completed:any.pack/__proto__`,
 * written by a hostile import or by hand, is not a fact and is never folded.
 */
export function parseFactKey(key: string): { prefix: FactPrefix; ids: string[] } | null {
  for (const prefix of Object.keys(FACT_PREFIXES) as FactPrefix[]) {
    if (!key.startsWith(prefix)) continue;
    const ids = key.slice(prefix.length).split('/');
    const segments = FACT_PREFIXES[prefix];
    const countOk = typeof segments === 'number' ? ids.length === segments : segments.includes(ids.length);
    return countOk && isPackId(ids[0]) && ids.slice(1).every(isStableId) ? { prefix, ids } : null;
  }
  return null;
}

/** A note key's "pack/lesson", or null when it is not one. */
export function parseNoteKey(key: string): string | null {
  if (!key.startsWith(PREFIX.note)) return null;
  const rest = key.slice(PREFIX.note.length);
  const [packId, lessonId, ...more] = rest.split('/');
  return more.length === 0 && isPackId(packId) && isStableId(lessonId) ? rest : null;
}

/** A key under a learner-data prefix that is not well-formed (a hostile or damaged entry): never folded, removed by repair. */
export function isMalformedLearnerKey(key: string): boolean {
  if (key.startsWith(PREFIX.note)) return parseNoteKey(key) === null;
  return (Object.keys(FACT_PREFIXES) as FactPrefix[]).some((prefix) => key.startsWith(prefix)) && parseFactKey(key) === null;
}

/** A fact's stored value, well-formed or null (unusable). */
export function sanitizeFact(prefix: FactPrefix, raw: unknown): Sanitized<Record<string, unknown> | null> {
  if (raw === undefined || raw === null) return { value: null, repaired: false };
  if (!isRecord(raw) || !isTime(raw.at)) return { value: null, repaired: true };
  if (prefix === 'recall:') {
    if (typeof raw.recalled !== 'boolean') return { value: null, repaired: true };
    const q = typeof raw.q === 'number' && Number.isInteger(raw.q) && raw.q >= 0 ? raw.q : 0;
    return { value: { at: raw.at, q, recalled: raw.recalled }, repaired: q !== raw.q };
  }
  if (prefix === 'fade:') {
    if (!(FADE_LEVELS as readonly unknown[]).includes(raw.level)) return { value: null, repaired: true };
    return { value: { level: raw.level, at: raw.at }, repaired: false };
  }
  return { value: { at: raw.at }, repaired: Object.keys(raw).some((k) => k !== 'at') };
}

/** Folds fact entries ("prefix:ids" → value) into the engine's Progress (maps without prototype: ids are only ids). */
export function progressFromFacts(facts: Record<string, Record<string, unknown>>, active: ActiveTask | null): Progress {
  const progress = emptyProgress();
  const pack = (packId: string): PackProgress => (progress.packs[packId] ??= { lessons: idMap(), skills: idMap() });
  const lesson = (packId: string, lessonId: string): LessonProgress => (pack(packId).lessons[lessonId] ??= { steps: idMap(), retrieval: [] });
  for (const [key, value] of Object.entries(facts)) {
    const parsed = parseFactKey(key);
    if (!parsed || !isRecord(value)) continue;
    const [packId, second, third] = parsed.ids as [string, string, string | undefined];
    const at = value.at as number;
    switch (parsed.prefix) {
      case 'progress:':
        lesson(packId, second).steps[third!] = at;
        break;
      case 'started:':
        lesson(packId, second).startedAt = at;
        break;
      case 'completed:':
        lesson(packId, second).completedAt = at;
        break;
      case 'dismissed:':
        lesson(packId, second).hintDismissedAt = at;
        break;
      case 'skipped:':
        if (third === undefined) lesson(packId, second).skippedAt = at;
        else (lesson(packId, second).skipped ??= idMap())[third] = at;
        break;
      case 'recall:':
        lesson(packId, second).retrieval.push({ at, q: value.q as number, recalled: value.recalled as boolean });
        break;
      case 'fade:':
        pack(packId).skills[second] = { level: value.level as FadeLevel, at };
        break;
    }
  }
  for (const pp of Object.values(progress.packs)) for (const lp of Object.values(pp.lessons)) lp.retrieval.sort((a, b) => a.at - b.at || a.q - b.q);
  progress.active = active ? { packId: active.packId, lessonId: active.lessonId, ...(active.walk ? { walk: { ...active.walk } } : {}) } : null;
  return progress;
}

/** The facts that hold a Progress (the inverse of progressFromFacts, `active` aside). */
export function factsFromProgress(progress: Progress): Record<string, Record<string, unknown>> {
  const facts: Record<string, Record<string, unknown>> = {};
  for (const [packId, pp] of Object.entries(progress.packs)) {
    for (const [lessonId, lp] of Object.entries(pp.lessons)) {
      const base = `${packId}/${lessonId}`;
      for (const [stepId, at] of Object.entries(lp.steps)) facts[`progress:${base}/${stepId}`] = { at };
      if (lp.startedAt !== undefined) facts[`started:${base}`] = { at: lp.startedAt };
      if (lp.completedAt !== undefined) facts[`completed:${base}`] = { at: lp.completedAt };
      if (lp.hintDismissedAt !== undefined) facts[`dismissed:${base}`] = { at: lp.hintDismissedAt };
      if (lp.skippedAt !== undefined) facts[`skipped:${base}`] = { at: lp.skippedAt };
      for (const [stepId, at] of Object.entries(lp.skipped ?? {})) facts[`skipped:${base}/${stepId}`] = { at };
      for (const answer of lp.retrieval) facts[`recall:${base}/${answer.at}-${answer.q}`] = { at: answer.at, q: answer.q, recalled: answer.recalled };
    }
    for (const [skill, override] of Object.entries(pp.skills)) facts[`fade:${packId}/${skill}`] = { level: override.level, at: override.at };
  }
  // Only well-formed keys are ever written: an id that slipped into memory some other way stays there.
  for (const key of Object.keys(facts)) if (!parseFactKey(key)) delete facts[key];
  return facts;
}

// ---- the whole learner data -------------------------------------------------------------------------------------

/** Everything the learner has, in memory. */
export interface LearnerData {
  learner: LearnerState;
  activeTask: ActiveTask | null;
  presets: Presets | null;
  notices: Notice[];
  /** Progress facts as stored (key → sanitized value); `progress` is their fold. */
  facts: Record<string, Record<string, unknown>>;
  progress: Progress;
  /** "pack/lesson" → note */
  notes: Record<string, Note>;
}

export const emptyData = (): LearnerData => ({
  learner: { ...DEFAULT_LEARNER },
  activeTask: null,
  presets: null,
  notices: [],
  facts: idMap(),
  progress: emptyProgress(),
  notes: idMap(),
});

/**
 * Applies one stored key to the in-memory data (`raw` undefined = the key was removed). Unknown keys are ignored,
 * so other features can keep their own keys in the same area. Returns whether the value had to be repaired.
 * Call `refold` afterwards to bring `progress` up to date.
 */
export function applyStoredKey(data: LearnerData, key: string, raw: unknown): boolean {
  switch (key) {
    case KEY.learner: {
      const s = sanitizeLearner(raw);
      data.learner = s.value;
      return s.repaired;
    }
    case KEY.activeTask: {
      const s = sanitizeActiveTask(raw);
      data.activeTask = s.value;
      return s.repaired;
    }
    case KEY.presets: {
      const s = sanitizePresets(raw);
      data.presets = s.value;
      return s.repaired;
    }
    case KEY.notices: {
      const s = sanitizeNotices(raw);
      data.notices = s.value;
      return s.repaired;
    }
  }
  if (key.startsWith(PREFIX.note)) {
    const rest = parseNoteKey(key);
    if (rest === null) return false;
    const s = sanitizeNote(raw);
    if (s.value) data.notes[rest] = s.value;
    else delete data.notes[rest];
    return s.repaired;
  }
  const fact = parseFactKey(key);
  if (fact) {
    const s = sanitizeFact(fact.prefix, raw);
    if (s.value) data.facts[key] = s.value;
    else delete data.facts[key];
    return s.repaired;
  }
  return false;
}

export function refold(data: LearnerData): void {
  data.progress = progressFromFacts(data.facts, data.activeTask);
}

/** Is this key part of the learner's own data (what export carries and "delete everything" removes)? */
export function isLearnerDataKey(key: string): boolean {
  return key === KEY.learner || key === KEY.activeTask || key === KEY.notices || parseNoteKey(key) !== null || parseFactKey(key) !== null;
}

/** Builds the in-memory data from a whole storage snapshot. */
export function dataFromSnapshot(snapshot: Record<string, unknown>): { data: LearnerData; repairedKeys: string[] } {
  const data = emptyData();
  const repairedKeys: string[] = [];
  for (const [key, raw] of Object.entries(snapshot)) if (applyStoredKey(data, key, raw)) repairedKeys.push(key);
  refold(data);
  return { data, repairedKeys };
}

/** The storage entries that hold the learner's own data (the inverse of dataFromSnapshot). */
export function snapshotFromData(data: LearnerData): Record<string, unknown> {
  const out: Record<string, unknown> = { [KEY.learner]: data.learner, ...data.facts };
  if (data.activeTask) out[KEY.activeTask] = data.activeTask;
  if (data.notices.length) out[KEY.notices] = data.notices;
  for (const [rest, note] of Object.entries(data.notes)) out[PREFIX.note + rest] = note;
  return out;
}
