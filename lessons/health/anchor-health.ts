// Content health: the controls (anchors) lessons needed and the page did not offer. When a lesson needs an anchor on
// a page of the right kind and the content script cannot find it within its wait, it tells the background
// (`tw:anchor-missing`); the background checks the message, keeps a small local record (anchor, network, page kind,
// pack id and version, lesson, step, extension version, count, first and last seen: no URL, no page content) that
// Diagnostics shows, and, with an LRS configured, sends a daily summary (at most one statement per anchor per day).
// Pure: no browser API; the background supplies packs, clock, ids and the actor.
import { ANCHOR_NAME_RE, ID_RE, PACK_ID_RE, SEMVER_RE } from '../pack/schema';
import { PAGE_KINDS, type LearningPath, type Pack } from '../pack/types';
import { NETWORKS, type Network } from '../sites/types';
import { ACTIVITY_BASE, EXTENSION, activity, isPathName, lessonIri, packIri, stepIri, ACTIVITY_TYPES, type Activity, type Actor, type Statement } from '../xapi/statements';

import { ANCHOR_MISSING, type AnchorMissing } from './anchor-missing';

export { ANCHOR_MISSING, type AnchorMissing, type AnchorMissingMessage } from './anchor-missing';

const MESSAGE_KEYS = ['type', 'anchor', 'network', 'pageKind', 'packId', 'packVersion', 'lessonId', 'stepId'];
const isShortString = (raw: unknown, max = 120): raw is string => typeof raw === 'string' && raw.length > 0 && raw.length <= max;

/**
 * The message, well-formed, or null: exactly the expected keys, ids in the pack format's shapes, an anchor of that
 * network, a page kind that network knows. Nothing else (a URL, page text) can ride along.
 */
export function parseAnchorMissing(raw: unknown): AnchorMissing | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const m = raw as Record<string, unknown>;
  if (m.type !== ANCHOR_MISSING) return null;
  if (Object.keys(m).some((key) => !MESSAGE_KEYS.includes(key))) return null;
  const { anchor, network, pageKind, packId, packVersion, lessonId, stepId } = m;
  if (!(NETWORKS as readonly unknown[]).includes(network)) return null;
  const net = network as Network;
  if (!isShortString(anchor, 200) || !ANCHOR_NAME_RE.test(anchor) || !anchor.startsWith(`${net}.`)) return null;
  if (!isShortString(pageKind) || !PAGE_KINDS[net].includes(pageKind)) return null;
  if (!isShortString(packId) || !PACK_ID_RE.test(packId)) return null;
  if (!isShortString(packVersion, 64) || !SEMVER_RE.test(packVersion)) return null;
  if (!isShortString(lessonId) || !ID_RE.test(lessonId)) return null;
  if (!(stepId === null || stepId === undefined || (isShortString(stepId) && ID_RE.test(stepId)))) return null;
  return { anchor, network: net, pageKind, packId, packVersion, lessonId, stepId: (stepId as string | null | undefined) ?? null };
}

/** Anchors a step needs on the page: its own, its walk's, and those its signals name (a click, a form, a field). */
function stepAnchors(step: Pack['lessons'][number]['steps'][number]): string[] {
  const out: string[] = [];
  const named = (rule: unknown) => {
    if (typeof rule !== 'object' || rule === null) return;
    for (const key of ['click', 'submit', 'input'] as const) {
      const target = (rule as Record<string, unknown>)[key];
      if (typeof target === 'string' && target !== 'anchor') out.push(target);
    }
  };
  if (step.anchor) out.push(step.anchor);
  named(step.done);
  for (const item of step.walk ?? []) {
    if (item.anchor) out.push(item.anchor);
    named(item.done);
  }
  return out;
}

/**
 * Does the report name a lesson in use that really needs that anchor there? The pack in use (any version: the
 * report may predate an update by seconds), the lesson of that network on that page kind, the step that names the
 * anchor (or the lesson's hint anchor). A report that names nothing real is not recorded.
 */
export function reportMatchesPacks(report: AnchorMissing, packs: readonly Pack[]): boolean {
  const lesson = packs.find((p) => p.id === report.packId)?.lessons.find((l) => l.id === report.lessonId);
  if (!lesson || lesson.network !== report.network || !lesson.pages.includes(report.pageKind)) return false;
  if (report.stepId === null) return lesson.hintAnchor === report.anchor || lesson.steps.some((s) => stepAnchors(s).includes(report.anchor));
  const step = lesson.steps.find((s) => s.id === report.stepId);
  return step !== undefined && (stepAnchors(step).includes(report.anchor) || lesson.hintAnchor === report.anchor);
}

// ---- the local record -------------------------------------------------------------------------------------------

/** storage.local key of the record. */
export const ANCHOR_HEALTH_KEY = 'anchorHealth';
/** At most this many distinct reports are kept; the one seen longest ago goes first. */
export const MAX_REPORTS = 200;

export interface AnchorReport extends AnchorMissing {
  extensionVersion: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  /** How many of `count` a daily summary already carried to the LRS. */
  summarized: number;
}

export interface AnchorHealth {
  reports: AnchorReport[];
  /** Anchor → the last UTC day (YYYY-MM-DD) a summary statement about it was queued. */
  summaries: Record<string, string>;
  /** When the last summary run queued statements (ms), for Diagnostics. */
  lastSummaryAt?: number;
}

export const emptyHealth = (): AnchorHealth => ({ reports: [], summaries: {} });

const reportKey = (r: AnchorMissing & { extensionVersion: string }) =>
  [r.anchor, r.network, r.pageKind, r.packId, r.packVersion, r.lessonId, r.stepId ?? '', r.extensionVersion].join('\u0000');

const isTime = (raw: unknown): raw is number => typeof raw === 'number' && Number.isFinite(raw) && raw >= 0;
const isCount = (raw: unknown): raw is number => typeof raw === 'number' && Number.isInteger(raw) && raw >= 0;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The stored record, well-formed (a damaged entry is dropped, never a crash). */
export function sanitizeHealth(raw: unknown): AnchorHealth {
  if (typeof raw !== 'object' || raw === null) return emptyHealth();
  const r = raw as Record<string, unknown>;
  const reports: AnchorReport[] = [];
  for (const entry of Array.isArray(r.reports) ? r.reports.slice(0, MAX_REPORTS) : []) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    const base = parseAnchorMissing({ type: ANCHOR_MISSING, anchor: e.anchor, network: e.network, pageKind: e.pageKind, packId: e.packId, packVersion: e.packVersion, lessonId: e.lessonId, stepId: e.stepId });
    if (!base || !isShortString(e.extensionVersion, 40) || !isCount(e.count) || e.count < 1 || !isTime(e.firstSeen) || !isTime(e.lastSeen)) continue;
    const summarized = isCount(e.summarized) ? Math.min(e.summarized, e.count) : 0;
    reports.push({ ...base, extensionVersion: e.extensionVersion, count: e.count, firstSeen: e.firstSeen, lastSeen: e.lastSeen, summarized });
  }
  const summaries: Record<string, string> = {};
  if (typeof r.summaries === 'object' && r.summaries !== null)
    for (const [anchor, day] of Object.entries(r.summaries)) if (ANCHOR_NAME_RE.test(anchor) && typeof day === 'string' && DAY_RE.test(day)) summaries[anchor] = day;
  return { reports, summaries, ...(isTime(r.lastSummaryAt) ? { lastSummaryAt: r.lastSummaryAt } : {}) };
}

/** The record with one more sighting (a new entry, or count + 1 and last seen now). */
export function recordAnchorMissing(health: AnchorHealth, report: AnchorMissing, extensionVersion: string, now: number): AnchorHealth {
  const key = reportKey({ ...report, extensionVersion });
  const existing = health.reports.find((r) => reportKey(r) === key);
  let reports: AnchorReport[];
  if (existing) reports = health.reports.map((r) => (r === existing ? { ...r, count: r.count + 1, lastSeen: Math.max(r.lastSeen, now) } : r));
  else {
    reports = [...health.reports, { ...report, extensionVersion, count: 1, firstSeen: now, lastSeen: now, summarized: 0 }];
    if (reports.length > MAX_REPORTS) reports = [...reports].sort((a, b) => b.lastSeen - a.lastSeen).slice(0, MAX_REPORTS);
  }
  return { ...health, reports };
}

export const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/** One anchor's reports not yet carried by a summary. */
export interface SummaryGroup {
  anchor: string;
  network: Network;
  day: string;
  /** Each report with `count` = the sightings since the last summary. */
  reports: AnchorReport[];
}

/** Anchors with sightings no summary carried yet and no summary today: at most one statement per anchor per day. */
export function dueSummaries(health: AnchorHealth, now: number): SummaryGroup[] {
  const day = utcDay(now);
  const groups = new Map<string, SummaryGroup>();
  for (const r of health.reports) {
    if (r.count <= r.summarized || health.summaries[r.anchor] === day) continue;
    const group = groups.get(r.anchor) ?? { anchor: r.anchor, network: r.network, day, reports: [] };
    group.reports.push({ ...r, count: r.count - r.summarized });
    groups.set(r.anchor, group);
  }
  return [...groups.values()].sort((a, b) => a.anchor.localeCompare(b.anchor));
}

/** The record once these groups' statements are queued: their sightings count as summarized, today marked. */
export function markSummarized(health: AnchorHealth, groups: readonly SummaryGroup[], now: number): AnchorHealth {
  const anchors = new Set(groups.map((g) => g.anchor));
  const day = utcDay(now);
  const summaries = { ...health.summaries };
  for (const anchor of anchors) summaries[anchor] = day;
  return {
    reports: health.reports.map((r) => (anchors.has(r.anchor) ? { ...r, summarized: r.count } : r)),
    summaries,
    lastSummaryAt: groups.length ? now : health.lastSummaryAt,
  } as AnchorHealth;
}

// ---- the daily summary as xAPI ----------------------------------------------------------------------------------

/** The verb of a summary: the learner's browser did not find a control a lesson needed (not an ADL verb: none says it). */
export const ANCHOR_MISSING_VERB = { id: `${ACTIVITY_BASE}/verbs/missed-anchor`, display: { en: 'could not find', fr: "n'a pas trouvé" } } as const;
export const ANCHOR_ACTIVITY_TYPE = `${ACTIVITY_BASE}/activity-types/anchor`;
export const anchorIri = (anchor: string) => `${ACTIVITY_BASE}/anchors/${encodeURIComponent(anchor)}`;

/** What each summary statement lists, per lesson step, in `context.extensions[…/anchor-reports]`. */
export interface AnchorReportSummary {
  packId: string;
  packVersion: string;
  lessonId: string;
  stepId: string | null;
  pageKind: string;
  extensionVersion: string;
  count: number;
  firstSeen: string;
  lastSeen: string;
}

const unique = (activities: Activity[]) => [...new Map(activities.map((a) => [a.id, a])).values()];

/** One statement for one anchor's day: which lessons needed it, on which page kinds, how many times. */
export function anchorSummaryStatement(group: SummaryGroup, { id, actor, packs, path }: { id: string; actor: Actor; packs: readonly Pack[]; path?: LearningPath | null }): Statement {
  const lessonOf = (r: AnchorReport) => packs.find((p) => p.id === r.packId)?.lessons.find((l) => l.id === r.lessonId);
  const parents = unique(group.reports.map((r) => activity(lessonIri(r.packId, r.lessonId), ACTIVITY_TYPES.lesson, lessonOf(r)?.title)));
  const grouping = unique(group.reports.map((r) => activity(packIri(r.packId), ACTIVITY_TYPES.pack, packs.find((p) => p.id === r.packId)?.title)));
  const steps = unique(group.reports.filter((r) => r.stepId !== null).map((r) => activity(stepIri(r.packId, r.lessonId, r.stepId!), ACTIVITY_TYPES.step)));
  const reports: AnchorReportSummary[] = group.reports.map((r) => ({
    packId: r.packId,
    packVersion: r.packVersion,
    lessonId: r.lessonId,
    stepId: r.stepId,
    pageKind: r.pageKind,
    extensionVersion: r.extensionVersion,
    count: r.count,
    firstSeen: new Date(r.firstSeen).toISOString(),
    lastSeen: new Date(r.lastSeen).toISOString(),
  }));
  const total = group.reports.reduce((sum, r) => sum + r.count, 0);
  const extensions: Record<string, unknown> = {
    [EXTENSION('network')]: group.network,
    [EXTENSION('anchor-reports')]: reports,
    [EXTENSION('extension-version')]: group.reports[0]!.extensionVersion,
  };
  if (isPathName(path)) extensions[EXTENSION('path')] = path;
  return {
    id,
    actor,
    verb: { id: ANCHOR_MISSING_VERB.id, display: { ...ANCHOR_MISSING_VERB.display } },
    object: { objectType: 'Activity', id: anchorIri(group.anchor), definition: { type: ANCHOR_ACTIVITY_TYPE, name: { en: group.anchor } } },
    result: { extensions: { [EXTENSION('count')]: total } },
    context: {
      platform: 'Training Wheels',
      contextActivities: { parent: parents, grouping, ...(steps.length ? { other: steps } : {}) },
      extensions,
    },
    timestamp: new Date(Math.max(...group.reports.map((r) => r.lastSeen))).toISOString(),
  };
}

/** The outbox key of an anchor's summary of a day: the same key is never queued twice. */
export const summaryKey = (group: Pick<SummaryGroup, 'anchor' | 'day'>) => `anchor-health:${group.anchor}/${group.day}`;
