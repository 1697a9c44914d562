import validateStatement from '@learninglocker/xapi-validation';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { memoryStore } from '../../components/packs/db';
import { localArea } from '../../components/state/area';
import { exportStatements } from '../../components/xapi/export';
import { ACTOR_KEY, type FactRecord } from '../../components/xapi/identity';
import { backoffDelay, createOutbox, type OutboxItem } from '../../components/xapi/outbox';
import { accountActor, buildStatements, statementsToCsv, VERBS, type Statement } from '../../lessons/xapi/statements';
import { tinyPack } from './packs-helpers';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const pack = tinyPack('acme.sales');
const FACTS = {
  'started:acme.sales/headline': { at: Date.UTC(2026, 0, 5, 9) },
  'progress:acme.sales/headline/s0': { at: Date.UTC(2026, 0, 5, 9, 1) },
  'progress:acme.sales/headline/s3': { at: Date.UTC(2026, 0, 5, 9, 2) },
  'completed:acme.sales/headline': { at: Date.UTC(2026, 0, 5, 9, 3) },
  'recall:acme.sales/headline/1767650000000-0': { at: Date.UTC(2026, 0, 7), q: 0, recalled: true },
  'recall:acme.sales/headline/1767650000001-0': { at: Date.UTC(2026, 0, 8), q: 0, recalled: false },
  // A pack the learner removed: still exported, without names.
  'progress:gone.pack/l1/s1': { at: Date.UTC(2026, 0, 2) },
  // Not progress: never exported.
  'dismissed:acme.sales/headline': { at: 1 },
  'note:acme.sales/headline': { text: 'private journal', updatedAt: 1 },
  learner: { guideEnabled: true },
};

const ids = new Map<string, string>();
const idFor = (key: string) => {
  if (!ids.has(key)) ids.set(key, crypto.randomUUID());
  return ids.get(key)!;
};
const actor = accountActor('8d3c7a4e-2f61-4b0a-9c1d-3e5f7a9b1c2d', 'https://lms.corp.example');

export function expectValid(statement: Statement) {
  const warnings = validateStatement(statement);
  expect(warnings.map((w) => JSON.stringify(w)), JSON.stringify(statement, null, 1)).toEqual([]);
}

describe('xAPI statements', () => {
  const statements = buildStatements({ facts: FACTS, packs: [pack], actor, idFor });

  it('one statement per progress fact, every one valid per xAPI 1.0.3 (@learninglocker/xapi-validation)', () => {
    expect(statements).toHaveLength(7);
    for (const s of statements) expectValid(s);
  });

  it('covers each kind the product emits: attempted, completed (step and lesson), answered (recalled or not)', () => {
    const kinds = new Set(statements.map((s) => `${s.verb.id} ${s.object.definition?.type}`));
    expect(kinds).toEqual(
      new Set([
        `${VERBS.attempted.id} http://adlnet.gov/expapi/activities/lesson`,
        `${VERBS.completed.id} http://adlnet.gov/expapi/activities/lesson`,
        `${VERBS.completed.id} http://adlnet.gov/expapi/activities/interaction`,
        `${VERBS.answered.id} http://adlnet.gov/expapi/activities/question`,
      ]),
    );
    expect(statements.filter((s) => s.verb.id === VERBS.answered.id).map((s) => s.result?.success)).toEqual([true, false]);
  });

  it('uses a pseudonymous account actor, UUID v4 ids and activity IRIs under the pack id', () => {
    for (const s of statements) {
      expect(s.id).toMatch(UUID_V4);
      expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://lms.corp.example', name: '8d3c7a4e-2f61-4b0a-9c1d-3e5f7a9b1c2d' } });
    }
    expect(statements.map((s) => s.object.id)).toContain('https://trainingwheels.app/xapi/packs/acme.sales/lessons/headline/steps/s3');
    const step = statements.find((s) => s.object.id.endsWith('/steps/s3'))!;
    expect(step.context.contextActivities.parent?.[0]!.id).toBe('https://trainingwheels.app/xapi/packs/acme.sales/lessons/headline');
    expect(step.context.contextActivities.grouping[0]!.id).toBe('https://trainingwheels.app/xapi/packs/acme.sales');
    expect(JSON.stringify(statements)).not.toContain('private journal');
  });

  it('the same facts always give the same statements (ids kept per fact)', () => {
    expect(buildStatements({ facts: FACTS, packs: [pack], actor, idFor })).toEqual(statements);
  });

  it('CSV: a header, one row per statement, quoting and no spreadsheet formulas', () => {
    const csv = statementsToCsv(statements, 'fr');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('statement_id,timestamp,learner,verb,pack_id,pack_version,lesson_id,step_id,question,network,title,success,skipped,path');
    expect(lines).toHaveLength(8);
    expect(lines.find((l) => l.includes(',s3,'))).toMatch(/,completed,acme\.sales,1\.0\.0,headline,s3,,linkedin,étape 3,,false,$/);
    const tricky = buildStatements({ facts: { 'started:p/l': { at: 0 } }, packs: [{ ...tinyPack('p', '1.0.0', ['l']), lessons: [{ ...tinyPack('p', '1.0.0', ['l']).lessons[0]!, title: { en: '=HYPERLINK("x"), "y"', fr: 'f' } }] }], actor, idFor });
    expect(statementsToCsv(tricky, 'en')).toContain(`"'=HYPERLINK(""x""), ""y"""`);
  });
});

describe('skips and the learner\'s path', () => {
  const SKIPS = {
    'started:acme.sales/headline': { at: Date.UTC(2026, 0, 5, 9) },
    'progress:acme.sales/headline/s0': { at: Date.UTC(2026, 0, 5, 9, 1) },
    'skipped:acme.sales/headline/s1': { at: Date.UTC(2026, 0, 5, 9, 2) },
    'skipped:acme.sales/headline': { at: Date.UTC(2026, 0, 5, 9, 3) },
  };
  const statements = buildStatements({ facts: SKIPS, packs: [pack], actor, idFor, path: 'analyst' });
  const skips = statements.filter((s) => s.verb.id === VERBS.exited.id);

  it('a skipped step or lesson is an "exited" statement with result.completion false, never "completed"', () => {
    expect(statements).toHaveLength(4);
    for (const s of statements) expectValid(s);
    expect(skips.map((s) => s.object.id)).toEqual([
      'https://trainingwheels.app/xapi/packs/acme.sales/lessons/headline/steps/s1',
      'https://trainingwheels.app/xapi/packs/acme.sales/lessons/headline',
    ]);
    for (const s of skips) {
      expect(s.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/exited', display: { en: 'exited', fr: 'a quitté' } });
      expect(s.result).toEqual({ completion: false, extensions: { 'https://trainingwheels.app/xapi/extensions/skipped': true } });
    }
    // The step's skip names its lesson as parent, as a completed step does.
    expect(skips[0]!.context.contextActivities.parent?.[0]!.id).toBe('https://trainingwheels.app/xapi/packs/acme.sales/lessons/headline');
    expect(skips[1]!.context.contextActivities.parent).toBeUndefined();
    expect(statements.filter((s) => s.verb.id === VERBS.completed.id).map((s) => s.object.id)).toEqual(['https://trainingwheels.app/xapi/packs/acme.sales/lessons/headline/steps/s0']);
  });

  it('every statement carries the learner\'s path as a context extension (none before a path is known)', () => {
    for (const s of statements) expect(s.context.extensions['https://trainingwheels.app/xapi/extensions/path']).toBe('analyst');
    const pathless = buildStatements({ facts: SKIPS, packs: [pack], actor, idFor });
    for (const s of pathless) expect(s.context.extensions).not.toHaveProperty('https://trainingwheels.app/xapi/extensions/path');
  });

  it('CSV tells a skip apart (skipped column) and gives the path', () => {
    const lines = statementsToCsv(statements, 'en').trimEnd().split('\r\n').slice(1);
    expect(lines.map((l) => l.split(',').slice(3, 4).concat(l.split(',').slice(-2)).join(' '))).toEqual([
      'attempted false analyst',
      'completed false analyst',
      'exited true analyst',
      'exited true analyst',
    ]);
  });

  it('the export reads the path from the learner record (or the trainer\'s locked preset)', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ ...SKIPS, learner: { path: 'maker' } });
    const out = await exportStatements(localArea(), memoryStore<FactRecord>(), [pack]);
    expect(new Set(out.map((s) => s.context.extensions['https://trainingwheels.app/xapi/extensions/path']))).toEqual(new Set(['maker']));
    await fakeBrowser.storage.local.set({ presets: { entryPath: 'thinker', learnerCanSwitch: false, source: 'policy' } });
    const locked = await exportStatements(localArea(), memoryStore<FactRecord>(), [pack]);
    expect(new Set(locked.map((s) => s.context.extensions['https://trainingwheels.app/xapi/extensions/path']))).toEqual(new Set(['thinker']));
  });
});

describe('export from the options page', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps one actor and one id per fact across exports', async () => {
    await fakeBrowser.storage.local.set(FACTS);
    const factStore = memoryStore<FactRecord>();
    const first = await exportStatements(localArea(), factStore, [pack]);
    const second = await exportStatements(localArea(), factStore, [pack]);
    expect(second.map((s) => s.id)).toEqual(first.map((s) => s.id));
    expect(first[0]!.actor.account.homePage).toBe('https://trainingwheels.app/learners');
    expect(((await fakeBrowser.storage.local.get(ACTOR_KEY))[ACTOR_KEY] as { name: string }).name).toBe(first[0]!.actor.account.name);
    for (const s of first) expectValid(s);
  });
});

describe('LRS outbox (fake LRS)', () => {
  function fakeLrs() {
    const received = new Map<string, Statement>();
    let mode: 'ok' | 'down' | 'reject-s3' | 'error500' = 'ok';
    const posts: number[] = [];
    const fetch = async (_url: string, init?: RequestInit) => {
      if (mode === 'down') throw new TypeError('Failed to fetch');
      if (mode === 'error500') return new Response('', { status: 500 });
      const batch = JSON.parse(String(init!.body)) as Statement[];
      posts.push(batch.length);
      if (mode === 'reject-s3' && batch.some((s) => s.object.id.endsWith('/s3'))) return new Response('bad', { status: 400 });
      for (const s of batch) if (received.has(s.id)) return new Response('conflict', { status: 409 });
      for (const s of batch) received.set(s.id, s);
      return new Response(JSON.stringify(batch.map((s) => s.id)), { status: 200 });
    };
    return { fetch, received, posts, setMode: (m: typeof mode) => (mode = m) };
  }
  const CONFIG = { endpoint: 'https://lrs.example/xAPI', username: 'k', password: 's' };

  it('survives the worker stopping, retries with backoff, never duplicates, never loses one', async () => {
    const lrs = fakeLrs();
    const outboxStore = memoryStore<OutboxItem>();
    const factStore = memoryStore<FactRecord>();
    let clock = 1_000_000;
    const make = () => createOutbox({ outbox: outboxStore, facts: factStore, fetch: lrs.fetch, now: () => clock });

    lrs.setMode('down');
    const first = make();
    expect(await first.enqueueFacts(FACTS, [pack], actor)).toBe(7);
    const down = await first.flush(CONFIG);
    expect(down).toMatchObject({ pending: 7, sent: 0, lastError: 'Failed to fetch', nextAttemptAt: clock + backoffDelay(1) });

    // The worker is stopped: a new outbox over the same (persisted) stores. Nothing is queued twice.
    const second = make();
    expect(await second.enqueueFacts(FACTS, [pack], actor)).toBe(0);
    lrs.setMode('ok');
    expect((await second.flush(CONFIG)).sent).toBe(0); // not due yet: backoff
    clock += backoffDelay(1);
    expect(await second.flush(CONFIG)).toMatchObject({ sent: 7, pending: 0 });
    expect(lrs.received.size).toBe(7);

    // A new fact later: only it is sent.
    const more = { ...FACTS, 'progress:acme.sales/headline/s1': { at: clock } };
    expect(await second.enqueueFacts(more, [pack], actor)).toBe(1);
    expect(await second.flush(CONFIG)).toMatchObject({ sent: 1 });
    expect(lrs.received.size).toBe(8);
  });

  it('backoff doubles up to six hours', () => {
    expect([1, 2, 3, 20].map(backoffDelay)).toEqual([30_000, 60_000, 120_000, 6 * 3600_000]);
  });

  it('a statement the LRS rejects is kept and reported; the rest of its batch goes through; 409 counts as delivered', async () => {
    const lrs = fakeLrs();
    const outbox = createOutbox({ outbox: memoryStore<OutboxItem>(), facts: memoryStore<FactRecord>(), fetch: lrs.fetch, now: () => 5 });
    await outbox.enqueueFacts(FACTS, [pack], actor);
    // One statement already reached the LRS (a crash after sending, before the outbox forgot it).
    const [early] = await outbox.pending();
    lrs.received.set(early!.statement.id, early!.statement);
    lrs.setMode('reject-s3');
    const status = await outbox.flush(CONFIG);
    expect(status).toMatchObject({ pending: 0, rejected: 1 });
    expect(lrs.received.size).toBe(6);
    expect((await outbox.pending()).map((i) => i.statement.object.id)).toEqual(['https://trainingwheels.app/xapi/packs/acme.sales/lessons/headline/steps/s3']);
  });

  it('a server error keeps everything for later', async () => {
    const lrs = fakeLrs();
    lrs.setMode('error500');
    const outbox = createOutbox({ outbox: memoryStore<OutboxItem>(), facts: memoryStore<FactRecord>(), fetch: lrs.fetch, now: () => 5 });
    await outbox.enqueueFacts(FACTS, [pack], actor);
    expect(await outbox.flush(CONFIG)).toMatchObject({ pending: 7, sent: 0, lastError: 'HTTP 500' });
  });
});
