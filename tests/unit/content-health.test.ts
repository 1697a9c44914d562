// Content health: the `tw:anchor-missing` message is checked, recorded locally without anything from the page, and
// summarised for the LRS at most once per anchor per day, as valid xAPI.
import 'fake-indexeddb/auto';
import validateStatement from '@learninglocker/xapi-validation';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendHealthSummaries } from '../../components/health/background';
import { clearHealth, readHealth, recordReport } from '../../components/health/record';
import { idbStore } from '../../components/packs/db';
import { localArea } from '../../components/state/area';
import type { OutboxItem } from '../../components/xapi/outbox';
import { DEFAULT_PACK } from '../../lessons/default-pack';
import {
  ANCHOR_HEALTH_KEY,
  ANCHOR_MISSING_VERB,
  MAX_REPORTS,
  anchorSummaryStatement,
  dueSummaries,
  emptyHealth,
  markSummarized,
  parseAnchorMissing,
  recordAnchorMissing,
  reportMatchesPacks,
  sanitizeHealth,
  type AnchorMissing,
} from '../../lessons/health/anchor-health';
import { accountActor } from '../../lessons/xapi/statements';

// li-event-posting's step 4 needs linkedin.feed.startPost on the feed (the default pack).
const lesson = DEFAULT_PACK.lessons.find((l) => l.id === 'li-event-posting')!;
const step = lesson.steps.find((s) => s.anchor === 'linkedin.feed.startPost')!;
const MESSAGE = {
  type: 'tw:anchor-missing',
  anchor: 'linkedin.feed.startPost',
  network: 'linkedin',
  pageKind: 'feed',
  packId: DEFAULT_PACK.id,
  packVersion: DEFAULT_PACK.version,
  lessonId: lesson.id,
  stepId: step.id,
} as const;
const { type: _type, ...REPORT_FIELDS } = MESSAGE;
const REPORT: AnchorMissing = { ...REPORT_FIELDS };
const FEED = 'https://www.linkedin.com/feed/?trk=secret-campaign';
const DAY = Date.UTC(2026, 2, 10, 9);
const HOUR = 3_600_000;

describe('the tw:anchor-missing message', () => {
  it('accepts exactly the expected shape', () => {
    expect(parseAnchorMissing(MESSAGE)).toEqual(REPORT);
    expect(parseAnchorMissing({ ...MESSAGE, stepId: null })).toEqual({ ...REPORT, stepId: null });
  });

  it.each([
    ['another type', { ...MESSAGE, type: 'tw:guide' }],
    ['an extra field (a URL)', { ...MESSAGE, url: FEED }],
    ['an extra field (page text)', { ...MESSAGE, text: 'Jane Doe posted…' }],
    ['an unknown network', { ...MESSAGE, network: 'myspace' }],
    ['an anchor of another network', { ...MESSAGE, anchor: 'x.nav.home' }],
    ['a selector for an anchor', { ...MESSAGE, anchor: 'linkedin.feed button' }],
    ['a page kind the network does not know', { ...MESSAGE, pageKind: 'watch' }],
    ['a pack id with a slash', { ...MESSAGE, packId: 'a/b' }],
    ['a version that is not semver', { ...MESSAGE, packVersion: '1.0' }],
    ['a lesson id with a slash', { ...MESSAGE, lessonId: 'l/x' }],
    ['a huge step id', { ...MESSAGE, stepId: 'x'.repeat(500) }],
    ['a number for a string', { ...MESSAGE, lessonId: 3 }],
    ['not an object', 'tw:anchor-missing'],
    ['an array', [MESSAGE]],
  ])('rejects %s', (_what, message) => {
    expect(parseAnchorMissing(message)).toBeNull();
  });

  it('is recorded only for a lesson in use that needs that anchor on that page kind', () => {
    expect(reportMatchesPacks(REPORT, [DEFAULT_PACK])).toBe(true);
    expect(reportMatchesPacks({ ...REPORT, pageKind: 'profile' }, [DEFAULT_PACK])).toBe(false);
    expect(reportMatchesPacks({ ...REPORT, anchor: 'linkedin.nav.me' }, [DEFAULT_PACK])).toBe(false);
    expect(reportMatchesPacks({ ...REPORT, lessonId: 'nope' }, [DEFAULT_PACK])).toBe(false);
    expect(reportMatchesPacks({ ...REPORT, packId: 'other.pack' }, [DEFAULT_PACK])).toBe(false);
    // Without a step: the lesson's hint anchor or an anchor one of its steps needs.
    expect(reportMatchesPacks({ ...REPORT, stepId: null }, [DEFAULT_PACK])).toBe(true);
  });
});

describe('the local record', () => {
  it('counts sightings with first and last seen, per pack version and extension version', () => {
    let health = emptyHealth();
    health = recordAnchorMissing(health, REPORT, '0.1.0', DAY);
    health = recordAnchorMissing(health, REPORT, '0.1.0', DAY + HOUR);
    health = recordAnchorMissing(health, { ...REPORT, packVersion: '1.0.1' }, '0.1.0', DAY + 2 * HOUR);
    expect(health.reports).toEqual([
      { ...REPORT, extensionVersion: '0.1.0', count: 2, firstSeen: DAY, lastSeen: DAY + HOUR, summarized: 0 },
      { ...REPORT, packVersion: '1.0.1', extensionVersion: '0.1.0', count: 1, firstSeen: DAY + 2 * HOUR, lastSeen: DAY + 2 * HOUR, summarized: 0 },
    ]);
    expect(Object.keys(health.reports[0]!).sort()).toEqual(
      ['anchor', 'count', 'extensionVersion', 'firstSeen', 'lastSeen', 'lessonId', 'network', 'packId', 'packVersion', 'pageKind', 'stepId', 'summarized'].sort(),
    );
  });

  it('stays bounded: the report seen longest ago goes first', () => {
    let health = emptyHealth();
    for (let i = 0; i < MAX_REPORTS + 25; i++) health = recordAnchorMissing(health, { ...REPORT, packVersion: `1.0.${i}` }, '0.1.0', DAY + i);
    expect(health.reports).toHaveLength(MAX_REPORTS);
    expect(health.reports.some((r) => r.packVersion === '1.0.0')).toBe(false);
    expect(health.reports.some((r) => r.packVersion === `1.0.${MAX_REPORTS + 24}`)).toBe(true);
  });

  it('a damaged stored record loses only its damaged entries', () => {
    const good = recordAnchorMissing(emptyHealth(), REPORT, '0.1.0', DAY).reports[0]!;
    expect(sanitizeHealth({ reports: [good, { ...good, count: -1 }, { ...good, anchor: '<img>' }, 'x'], summaries: { 'linkedin.feed.startPost': 'yesterday' } })).toEqual({
      reports: [good],
      summaries: {},
    });
    expect(sanitizeHealth('garbage')).toEqual(emptyHealth());
  });
});

describe('the daily summary', () => {
  const actor = accountActor('8d3c7a4e-2f61-4b0a-9c1d-3e5f7a9b1c2d', 'https://lms.corp.example');

  it('one valid statement per anchor per day, with the sightings since the last one', () => {
    let health = emptyHealth();
    health = recordAnchorMissing(health, REPORT, '0.1.0', DAY);
    health = recordAnchorMissing(health, REPORT, '0.1.0', DAY + HOUR);
    health = recordAnchorMissing(health, { ...REPORT, lessonId: 'li-privacy-audience', stepId: lesson.steps[3]!.id }, '0.1.0', DAY + HOUR);
    health = recordAnchorMissing(health, { ...REPORT, anchor: 'linkedin.nav.search', lessonId: 'li-monitoring', stepId: 's4', pageKind: 'feed' }, '0.1.0', DAY + HOUR);
    const due = dueSummaries(health, DAY + 2 * HOUR);
    expect(due.map((g) => [g.anchor, g.reports.reduce((n, r) => n + r.count, 0)])).toEqual([
      ['linkedin.feed.startPost', 3],
      ['linkedin.nav.search', 1],
    ]);
    const statement = anchorSummaryStatement(due[0]!, { id: crypto.randomUUID(), actor, packs: [DEFAULT_PACK], path: 'maker' });
    expect(validateStatement(statement)).toEqual([]);
    expect(statement.verb.id).toBe(ANCHOR_MISSING_VERB.id);
    expect(statement.object.id).toBe('https://trainingwheels.app/xapi/anchors/linkedin.feed.startPost');
    expect(statement.context.contextActivities.grouping.map((a) => a.id)).toEqual(['https://trainingwheels.app/xapi/packs/trainingwheels.default']);
    expect(statement.context.contextActivities.parent!.map((a) => a.id.replace(/^.*\/lessons\//, ''))).toEqual(['li-event-posting', 'li-privacy-audience']);
    expect(statement.result?.extensions?.['https://trainingwheels.app/xapi/extensions/count']).toBe(3);
    expect(statement.context.extensions['https://trainingwheels.app/xapi/extensions/path']).toBe('maker');
    expect(JSON.stringify(statement)).not.toContain('secret-campaign');

    // Queued: nothing more today, even with new sightings; tomorrow only the new ones.
    health = markSummarized(health, due, DAY + 2 * HOUR);
    health = recordAnchorMissing(health, REPORT, '0.1.0', DAY + 3 * HOUR);
    expect(dueSummaries(health, DAY + 4 * HOUR)).toEqual([]);
    const tomorrow = dueSummaries(health, DAY + 24 * HOUR);
    expect(tomorrow.map((g) => [g.anchor, g.reports.map((r) => r.count)])).toEqual([['linkedin.feed.startPost', [1]]]);
  });
});

describe('in the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.unstubAllGlobals();
  });
  const deps = (senderNetwork: 'linkedin' | 'x' | null) => ({ senderNetwork, packs: [DEFAULT_PACK], extensionVersion: '0.1.0', now: DAY });

  it('records a report from a tab of that network; refuses the rest', async () => {
    const area = localArea();
    expect(await recordReport(area, MESSAGE, deps('linkedin'))).toEqual({ recorded: true });
    expect(await recordReport(area, MESSAGE, deps('x'))).toEqual({ recorded: false, reason: 'sender' });
    expect(await recordReport(area, MESSAGE, deps(null))).toEqual({ recorded: false, reason: 'sender' });
    expect(await recordReport(area, { ...MESSAGE, url: FEED }, deps('linkedin'))).toEqual({ recorded: false, reason: 'shape' });
    expect(await recordReport(area, { ...MESSAGE, lessonId: 'x-profile-bio' }, deps('linkedin'))).toEqual({ recorded: false, reason: 'unknown-lesson' });
    const health = await readHealth(area);
    expect(health.reports).toEqual([{ ...REPORT_FIELDS, extensionVersion: '0.1.0', count: 1, firstSeen: DAY, lastSeen: DAY, summarized: 0 }]);
    await clearHealth(area);
    expect(await fakeBrowser.storage.local.get(ANCHOR_HEALTH_KEY)).toEqual({});
  });

  it('queues the summary in the xAPI outbox only with an LRS in the policy, once per anchor per day', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline in this test')));
    const area = localArea();
    await recordReport(area, MESSAGE, deps('linkedin'));
    expect(await sendHealthSummaries(DAY + HOUR)).toBe(0); // no LRS: nothing leaves
    expect((await readHealth(area)).reports[0]!.summarized).toBe(0);

    await fakeBrowser.storage.managed.set({ xapiEndpoint: 'https://lrs.corp.example/xAPI' });
    expect(await sendHealthSummaries(DAY + HOUR)).toBe(1);
    await recordReport(area, MESSAGE, { ...deps('linkedin'), now: DAY + 2 * HOUR });
    expect(await sendHealthSummaries(DAY + 3 * HOUR)).toBe(0);
    const queued = (await idbStore<OutboxItem>('outbox').entries()).map(([, item]) => item).filter((i) => i.factKey.startsWith('anchor-health:'));
    expect(queued.map((i) => i.factKey)).toEqual(['anchor-health:linkedin.feed.startPost/2026-03-10']);
    expect(validateStatement(queued[0]!.statement)).toEqual([]);
    // The next day, the sighting since then.
    expect(await sendHealthSummaries(DAY + 25 * HOUR)).toBe(1);
  });
});
