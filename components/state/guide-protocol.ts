// What a content script and the background say to each other. The background holds the packs and the learner's
// state (switches and language included) and runs the engine; a content script sends its page and gets back only
// what to show there (or that the guide is off), sends the learner's actions back, and is told when something it
// shows may have changed. So a tab carries no pack, no engine and no storage layer (it never reads storage, and is
// never sent the learner's whole record on each write), and every progress write goes through one writer.
// Types and guards only: both sides import this.
import type { Guide } from '../../lessons/engine/engine';
import type { AnchorStrategy, Network } from '../../lessons/sites/types';
import type { AnchorOverride } from '../../lessons/sites/merge';
import type { Locale } from '../i18n-core';

export const GUIDE_REQUEST = 'tw:guide';
export const GUIDE_ACTION = 'tw:guide-action';
/** Background → tabs: the switches, the language, the packs or the progress changed; ask again. */
export const GUIDE_CHANGED = 'tw:guide-changed';

export interface GuideRequest {
  type: typeof GUIDE_REQUEST;
  network: Network;
  pageKind: string | null;
}

export type GuideReply = { on: false } | GuideShown;

export interface GuideShown {
  on: true;
  /** The learner's language for the guide (their choice, else the browser's). */
  locale: Locale;
  guide: Guide;
  /** The active task's title when it continues on another page kind of this network. */
  resumeTitle: string | null;
  /** The packs' additions and repairs of anchors, in pack order (merged over the network's registry). */
  anchorOverrides: Array<Record<string, AnchorOverride | AnchorStrategy[]>>;
}

export type GuideActionBody =
  | { kind: 'start'; packId: string; lessonId: string; network: Network }
  /** The step was done (its signal, or the Done button) or skipped. */
  | { kind: 'done'; packId: string; lessonId: string; stepId: string }
  /** Back to the step before the current one. */
  | { kind: 'back'; packId: string; lessonId: string; network: Network }
  | { kind: 'stop' }
  | { kind: 'dismiss'; packId: string; lessonId: string }
  | { kind: 'showAgain'; packId: string; skill: string }
  | { kind: 'answer'; packId: string; lessonId: string; q: number; recalled: boolean };

export interface GuideAction {
  type: typeof GUIDE_ACTION;
  action: GuideActionBody;
}

export interface GuideActionReply {
  /** The action completed the lesson (time for a short "well done"). */
  completed?: boolean;
}

const typed = (message: unknown, type: string) => typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
export const isGuideRequest = (message: unknown): message is GuideRequest => typed(message, GUIDE_REQUEST);
export const isGuideAction = (message: unknown): message is GuideAction => typed(message, GUIDE_ACTION);
export const isGuideChanged = (message: unknown): boolean => typed(message, GUIDE_CHANGED);
