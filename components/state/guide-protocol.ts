// What a content script and the background say to each other. The background holds the packs and the learner's
// state (switches and language included) and runs the engine; a content script sends its page and gets back only
// what to show there (or that the guide is off), sends the learner's actions back, and is told when something it
// shows may have changed. So a tab carries no pack, no engine and no storage layer (it never reads storage, and is
// never sent the learner's whole record on each write), and every progress write goes through one writer.
// Types and guards only: both sides import this.
import type { Guide } from '../../lessons/engine/engine';
import { isPackId, isStableId } from '../../lessons/pack/ids';
import { NETWORKS, type AnchorStrategy, type Network, type ProfileOwner } from '../../lessons/sites/types';
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
  /** On a profile page, whose it is, as the page shows it (null: not known, or not a profile). */
  owner: ProfileOwner;
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
  /** Pack id → version of the packs this page's lessons come from (a missing control is reported with it). */
  packVersions: Record<string, string>;
}

export type GuideActionBody =
  | { kind: 'start'; packId: string; lessonId: string; network: Network }
  /** The step was done: its signal, or the Done button. */
  | { kind: 'done'; packId: string; lessonId: string; stepId: string }
  /** The learner skipped the step: the task moves on, the step is recorded as skipped, never as done. */
  | { kind: 'skip'; packId: string; lessonId: string; stepId: string }
  /** A micro-step of the step's walk was done: the walk goes on at `index` (here, or in another tab after a reload). */
  | { kind: 'walk'; packId: string; lessonId: string; stepId: string; index: number }
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
  /** The action ended the lesson with skipped steps: it is recorded as skipped, not completed. */
  skipped?: boolean;
}

const typed = (message: unknown, type: string) => typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
export const isGuideChanged = (message: unknown): boolean => typed(message, GUIDE_CHANGED);

// ---- the background's checks of what a tab sends: every field, not only the type ------------------------------
// A tab is a page of a busy site; its content script is ours, but the page around it is not, and a message is the
// only way in to the learner's progress. Every message is checked whole: known keys only, ids that match the pack
// format's patterns (lessons/pack/ids.ts), a network of the four, small numbers.

const isRecord = (raw: unknown): raw is Record<string, unknown> => typeof raw === 'object' && raw !== null && !Array.isArray(raw);
const isNetwork = (raw: unknown): raw is Network => (NETWORKS as readonly unknown[]).includes(raw);
/** Page kinds as the site adapters name them (feed, profile, status …). */
const PAGE_KIND_RE = /^[a-z][a-z0-9-]{0,31}$/;
/** A walk has a few micro-steps (the pack format allows 8). */
const MAX_WALK = 16;
/** A lesson's retrieval questions are counted in tens at most. */
const MAX_QUESTION = 1_000;

/** Only these keys, each passing its check. */
function exactly(raw: unknown, checks: Record<string, (value: unknown) => boolean>): raw is Record<string, unknown> {
  if (!isRecord(raw)) return false;
  const keys = Object.keys(raw);
  return keys.length === Object.keys(checks).length && keys.every((key) => Object.hasOwn(checks, key) && checks[key]!(raw[key]));
}

const kind = (k: string) => (value: unknown) => value === k;

export const isGuideRequest = (message: unknown): message is GuideRequest =>
  exactly(message, {
    type: kind(GUIDE_REQUEST),
    network: isNetwork,
    pageKind: (v) => v === null || (typeof v === 'string' && PAGE_KIND_RE.test(v)),
    owner: (v) => v === null || v === 'self' || v === 'other',
  });

const ACTION_SHAPES: Record<GuideActionBody['kind'], Record<string, (value: unknown) => boolean>> = {
  start: { kind: kind('start'), packId: isPackId, lessonId: isStableId, network: isNetwork },
  done: { kind: kind('done'), packId: isPackId, lessonId: isStableId, stepId: isStableId },
  skip: { kind: kind('skip'), packId: isPackId, lessonId: isStableId, stepId: isStableId },
  walk: { kind: kind('walk'), packId: isPackId, lessonId: isStableId, stepId: isStableId, index: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_WALK },
  back: { kind: kind('back'), packId: isPackId, lessonId: isStableId, network: isNetwork },
  stop: { kind: kind('stop') },
  dismiss: { kind: kind('dismiss'), packId: isPackId, lessonId: isStableId },
  showAgain: { kind: kind('showAgain'), packId: isPackId, skill: isStableId },
  answer: {
    kind: kind('answer'),
    packId: isPackId,
    lessonId: isStableId,
    q: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_QUESTION,
    recalled: (v) => typeof v === 'boolean',
  },
};

/** The action of a well-formed GUIDE_ACTION message, or null. */
export function guideActionOf(message: unknown): GuideActionBody | null {
  if (!exactly(message, { type: kind(GUIDE_ACTION), action: isRecord })) return null;
  const action = message.action as Record<string, unknown>;
  const shape = typeof action.kind === 'string' && Object.hasOwn(ACTION_SHAPES, action.kind) ? ACTION_SHAPES[action.kind as GuideActionBody['kind']] : null;
  return shape && exactly(action, shape) ? (action as unknown as GuideActionBody) : null;
}

export const isGuideAction = (message: unknown): message is GuideAction => guideActionOf(message) !== null;
