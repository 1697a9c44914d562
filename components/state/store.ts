// THE learner store: one zustand (vanilla) store per context — popup, options, welcome, background — bound to
// storage.local (the networks' tabs hold none: they ask the background, components/state/guide-service.ts). storage.local is the single source of truth; each store is a cache of it
// that every context keeps current through storage.onChanged, so a change made anywhere reaches every open context.
//
// Writes are small and never clobber another context's work:
//   - progress is event-sourced (see ./schema.ts): `updateProgress(reducer)` runs one of the engine's pure
//     reducers (completeStep, startTask, answerRetrieval…) on the in-memory Progress and writes only the facts
//     that changed, each under its own key. Two tabs completing steps at the same moment write different keys;
//   - the learner record (switches, language, path) is a read-modify-write of the fields that change, under a
//     lock (Web Locks across extension pages and the worker), applied to what is stored *now*, not to this
//     context's possibly stale copy;
//   - notes are one key per lesson; the active task is one key.
// No React here: the background imports this module.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Network } from '../../lessons/sites/types';
import type { LearningPath, Pack } from '../../lessons/pack/types';
import type { Progress } from '../../lessons/engine/progress';
import { secondaryFromAnswers } from '../../lessons/learner/scoring';
import type { LocalePreference } from '../i18n-core';
import { localArea, withLock, type Area } from './area';
import {
  KEY,
  applyStoredKey,
  dataFromSnapshot,
  emptyData,
  factsFromProgress,
  noteKey,
  progressFromFacts,
  sanitizeLearner,
  sanitizeNotices,
  type ActiveTask,
  type LearnerData,
  type LearnerState,
  type PathSource,
  type StepRef,
} from './schema';

export interface PathChoice {
  path: LearningPath;
  source: PathSource;
  secondaryPath?: LearningPath | null;
  balanced?: boolean;
  answers?: Array<LearningPath | null> | null;
}

export interface LearnerActions {
  setGuideEnabled(on: boolean): Promise<void>;
  setNetworkEnabled(network: Network, on: boolean): Promise<void>;
  setLocale(locale: LocalePreference): Promise<void>;
  /** Sets the learner's path (quiz result, direct pick, or trainer preset). */
  choosePath(choice: PathChoice): Promise<void>;
  /**
   * Applies a pure Progress reducer (lessons/engine/progress.ts) and writes the facts it changed. `active` is not
   * written from here: use setActiveTask, which carries the network the content script needs.
   */
  updateProgress(reducer: (progress: Progress) => Progress): Promise<void>;
  /** Records a completed step (set-once: the first completion time is kept). Cheap: one key. */
  recordStepDone(ref: StepRef): Promise<void>;
  /** The task the learner continues (the content script reacts to it); null clears it. */
  setActiveTask(task: Omit<ActiveTask, 'startedAt'> | null): Promise<void>;
  saveNote(packId: string, lessonId: string, text: string): Promise<void>;
  dismissNotice(id: string): Promise<void>;
}

export interface LearnerStoreState extends LearnerData, LearnerActions {
  /** False until the first read from storage finished. */
  ready: boolean;
}

export type LearnerStore = StoreApi<LearnerStoreState> & {
  /** Resolves once the store holds what storage holds. */
  ready: Promise<void>;
  /** Stops following storage changes. */
  dispose(): void;
};

export interface LearnerStoreOptions {
  area?: Area;
  now?: () => number;
  /**
   * The packs in use, when this context knows them: a lesson whose steps are all done but that has no `completed`
   * fact (two tabs finished its last two steps at the same instant, neither saw the other) then counts as
   * completed at its last step's time. Deterministic, so every context agrees.
   */
  packs?: () => readonly Pack[];
}

const sameFact = (a: Record<string, unknown> | undefined, b: Record<string, unknown>) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/** A store bound to storage. Reads once, then follows storage.onChanged. */
export function createLearnerStore(options: LearnerStoreOptions = {}): LearnerStore {
  const area = options.area ?? localArea();
  const now = options.now ?? Date.now;

  const fold = (data: Pick<LearnerData, 'facts' | 'activeTask'>): Progress => {
    const progress = progressFromFacts(data.facts, data.activeTask);
    const packs = options.packs?.() ?? [];
    for (const pack of packs) {
      const pp = progress.packs[pack.id];
      if (!pp) continue;
      for (const lesson of pack.lessons) {
        const lp = pp.lessons[lesson.id];
        if (!lp || lp.completedAt !== undefined || lesson.steps.length === 0) continue;
        const times = lesson.steps.map((s) => lp.steps[s.id]);
        if (times.every((t) => t !== undefined)) lp.completedAt = Math.max(...(times as number[]));
      }
    }
    return progress;
  };

  const updateLearner = (change: (learner: LearnerState) => LearnerState) => {
    // Shown at once (a radio or switch must not spring back while storage answers), then applied to what is stored.
    store.setState((s) => ({ learner: change(s.learner) }));
    return withLock(KEY.learner, async () => {
      const stored = sanitizeLearner((await area.get(KEY.learner))[KEY.learner]).value;
      const next = change(stored);
      store.setState({ learner: next });
      await area.set({ [KEY.learner]: next });
    });
  };

  /** Writes `facts` (and removes `removed`) and mirrors them in memory at once. */
  const writeFacts = async (facts: Record<string, Record<string, unknown>>, removed: string[]) => {
    const state = store.getState();
    const nextFacts = { ...state.facts, ...facts };
    for (const key of removed) delete nextFacts[key];
    store.setState({ facts: nextFacts, progress: fold({ facts: nextFacts, activeTask: state.activeTask }) });
    if (Object.keys(facts).length) await area.set(facts);
    if (removed.length) await area.remove(removed);
  };

  const actions: LearnerActions = {
    setGuideEnabled: (on) => updateLearner((l) => ({ ...l, guideEnabled: on })),
    setNetworkEnabled: (network, on) =>
      updateLearner((l) => {
        const others = l.disabledNetworks.filter((n) => n !== network);
        return { ...l, disabledNetworks: on ? others : [...others, network] };
      }),
    setLocale: (locale) => updateLearner((l) => ({ ...l, locale })),
    choosePath: (choice) =>
      updateLearner((l) => ({
        ...l,
        path: choice.path,
        pathSource: choice.source,
        // A pick after the questionnaire gets its second voice from the answers (never the picked path itself); a new
        // quiz or preset says its own.
        secondaryPath:
          choice.secondaryPath !== undefined
            ? choice.secondaryPath
            : choice.source === 'chosen'
              ? secondaryFromAnswers(choice.path, choice.answers !== undefined ? choice.answers : l.answers)
              : null,
        balanced: choice.balanced ?? (choice.source === 'chosen' ? l.balanced : false),
        answers: choice.answers !== undefined ? choice.answers : l.answers,
        pathSetAt: now(),
      })),
    async updateProgress(reducer) {
      const state = store.getState();
      const before = state.facts;
      const after = factsFromProgress(reducer(state.progress));
      const changed: Record<string, Record<string, unknown>> = {};
      for (const [key, value] of Object.entries(after)) if (!sameFact(before[key], value)) changed[key] = value;
      // Only facts this reducer saw and dropped are removed (restartLesson clears steps); facts another context
      // wrote meanwhile are not in `before`, so they are never removed by accident.
      const removed = Object.keys(before).filter((key) => !(key in after) && !key.startsWith('completed:'));
      await writeFacts(changed, removed);
    },
    async recordStepDone(ref) {
      const key = `progress:${ref.packId}/${ref.lessonId}/${ref.stepId}`;
      if (store.getState().facts[key]) return;
      await writeFacts({ [key]: { at: now() } }, []);
    },
    async setActiveTask(task) {
      const activeTask: ActiveTask | null = task ? { ...task, startedAt: now() } : null;
      store.setState((s) => ({ activeTask, progress: fold({ facts: s.facts, activeTask }) }));
      if (activeTask) await area.set({ [KEY.activeTask]: activeTask });
      else await area.remove(KEY.activeTask);
    },
    async saveNote(packId, lessonId, text) {
      const rest = `${packId}/${lessonId}`;
      const notes = { ...store.getState().notes };
      if (text.trim() === '') {
        delete notes[rest];
        store.setState({ notes });
        await area.remove(noteKey(packId, lessonId));
        return;
      }
      const note = { text, updatedAt: now() };
      store.setState({ notes: { ...notes, [rest]: note } });
      await area.set({ [noteKey(packId, lessonId)]: note });
    },
    dismissNotice: (id) =>
      withLock(KEY.notices, async () => {
        const stored = sanitizeNotices((await area.get(KEY.notices))[KEY.notices]).value;
        const notices = stored.filter((n) => n.id !== id);
        store.setState({ notices });
        if (notices.length) await area.set({ [KEY.notices]: notices });
        else await area.remove(KEY.notices);
      }),
  };

  const store = createStore<LearnerStoreState>()(() => ({ ...emptyData(), ...actions, ready: false }));

  // Follow changes first, then read: a change landing while we read is applied after the snapshot, not lost.
  const pending: Array<Record<string, { newValue?: unknown }>> = [];
  let hydrated = false;
  const applyChanges = (changes: Record<string, { newValue?: unknown }>) => {
    const state = store.getState();
    const data: LearnerData = { ...state, facts: { ...state.facts }, notes: { ...state.notes } };
    for (const [key, change] of Object.entries(changes)) applyStoredKey(data, key, change.newValue);
    data.progress = fold(data);
    const { learner, activeTask, presets, notices, facts, progress, notes } = data;
    store.setState({ learner, activeTask, presets, notices, facts, progress, notes });
  };
  const unwatch = area.watch((changes) => {
    if (hydrated) applyChanges(changes);
    else pending.push(changes);
  });
  const ready = area.get(null).then((snapshot) => {
    const { data } = dataFromSnapshot(snapshot);
    data.progress = fold(data);
    store.setState({ ...data, ready: true });
    hydrated = true;
    for (const changes of pending.splice(0)) applyChanges(changes);
  });

  return Object.assign(store, { ready, dispose: unwatch });
}

let shared: LearnerStore | null = null;

/** The store of this context (created on first use). */
export function getLearnerStore(options?: LearnerStoreOptions): LearnerStore {
  shared ??= createLearnerStore(options);
  return shared;
}

export type { ActiveTask, LearnerData, LearnerState, Presets, StepRef } from './schema';
