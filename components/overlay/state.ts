// The overlay's state: the content script's guide controller owns the store (entrypoints/content/guide.ts), the
// renderer draws it (./overlay.ts) and calls its actions. No drawing here.
import type { Guide, HintCard, RetrievalCard } from '../../lessons/engine/engine';
import type { Locale } from '../i18n-core';

export type AnchorStatus = 'searching' | 'found' | 'missing';
export interface AnchorState {
  element: Element | null;
  status: AnchorStatus;
}

/** What the learner does in the overlay; the content script turns each into a stored progress change. */
export interface OverlayActions {
  start(packId: string, lessonId: string): void;
  done(): void;
  skip(): void;
  back(): void;
  stop(): void;
  dismissHint(hint: HintCard): void;
  showAgain(packId: string, skill: string): void;
  answer(card: RetrievalCard, recalled: boolean): void;
}

export interface OverlayUi {
  panelOpen: boolean;
  /** The learner minimised the card beside the control (until the step or page changes). */
  cardHidden: boolean;
  exampleOpen: boolean;
  /** A faded hint the learner opened from its beacon. */
  expandedHint: string | null;
  /** The task that just ended, for a short "well done" (or, skipped, a word that it does not count as done). */
  ended: { title: string; skipped: boolean } | null;
  /** Retrieval questions whose answer the learner asked to see (keys of ./panel.ts). */
  answersShown: string[];
}

export interface OverlayState {
  locale: Locale;
  theme: 'light' | 'dark';
  guide: Guide | null;
  resumeTitle: string | null;
  anchors: Record<string, AnchorState>;
  ui: OverlayUi;
  error: boolean;
  actions: OverlayActions;
}

/** The hint shown beside its control when no task runs: the one opened from its beacon, else the first full one not done. */
export const primaryHint = (guide: Guide, ui: OverlayUi): HintCard | undefined =>
  (ui.expandedHint ? guide.hints.find((h) => h.key === ui.expandedHint) : undefined) ?? guide.hints.find((h) => h.level === 'full' && !h.completed);

export const INITIAL_UI: OverlayUi = { panelOpen: false, cardHidden: false, exampleOpen: false, expandedHint: null, ended: null, answersShown: [] };
