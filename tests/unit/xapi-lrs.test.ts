// End to end against a real xAPI LRS: Learning Locker's statements service (npm xapi-statements 5.0.1), in memory,
// bound to 127.0.0.1 by a preload (it has no host setting). The outbox sends with Node's fetch, as the worker
// does with its own; the LRS validates every statement (400 on an invalid one) and rejects a reused id with another
// body (409).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStore } from '../../components/packs/db';
import type { FactRecord } from '../../components/xapi/identity';
import { createOutbox, type OutboxItem } from '../../components/xapi/outbox';
import { accountActor, type Statement } from '../../lessons/xapi/statements';
import { startLrs, type Lrs } from '../support/lrs-server';
import { tinyPack } from './packs-helpers';

let lrs: Lrs;
let endpoint = '';

async function lrsStatements(): Promise<Statement[]> {
  const r = await fetch(`${endpoint}/statements?limit=100`, { headers: { 'X-Experience-API-Version': '1.0.3' } });
  return ((await r.json()) as { statements: Statement[] }).statements;
}

const pack = tinyPack('acme.sales');
const FACTS = {
  'started:acme.sales/headline': { at: Date.UTC(2026, 0, 5, 9) },
  'progress:acme.sales/headline/s0': { at: Date.UTC(2026, 0, 5, 9, 1) },
  'progress:acme.sales/headline/s1': { at: Date.UTC(2026, 0, 5, 9, 2) },
  'progress:acme.sales/headline/s2': { at: Date.UTC(2026, 0, 5, 9, 3) },
  'progress:acme.sales/headline/s3': { at: Date.UTC(2026, 0, 5, 9, 4) },
  'completed:acme.sales/headline': { at: Date.UTC(2026, 0, 5, 9, 5) },
  'recall:acme.sales/headline/1767650000000-0': { at: Date.UTC(2026, 0, 7), q: 0, recalled: true },
};
const actor = accountActor('0b6f7c4e-2f61-4b0a-9c1d-3e5f7a9b1c2d', 'https://lms.corp.example');

describe('outbox → real LRS (xapi-statements 5.0.1 on 127.0.0.1)', () => {
  beforeAll(async () => {
    lrs = await startLrs();
    endpoint = lrs.endpoint;
  }, 30_000);
  afterAll(async () => {
    await lrs?.close();
  });

  it('delivers every statement once, survives the LRS going down, and never duplicates', async () => {
    const outboxStore = memoryStore<OutboxItem>();
    const factStore = memoryStore<FactRecord>();
    let clock = Date.now();
    const make = () => createOutbox({ outbox: outboxStore, facts: factStore, fetch: (u, i) => fetch(u, i), now: () => clock });
    const config = { endpoint, username: 'key', password: 'secret' };

    const box = make();
    expect(await box.enqueueFacts(FACTS, [pack], actor)).toBe(7);
    expect(await box.flush(config)).toMatchObject({ sent: 7, pending: 0 });
    const stored = await lrsStatements();
    expect(stored).toHaveLength(7);
    expect(new Set(stored.map((s) => s.actor.account.name))).toEqual(new Set([actor.account.name]));

    // The LRS goes down; a new fact waits in the outbox, across a "worker restart".
    await lrs.stop();
    const withMore = { ...FACTS, 'recall:acme.sales/headline/1767650000001-0': { at: Date.UTC(2026, 0, 8), q: 0, recalled: false } };
    expect(await make().enqueueFacts(withMore, [pack], actor)).toBe(1);
    const down = await make().flush(config);
    expect(down.pending).toBe(1);
    expect(down.lastError).toBeTruthy();

    // Back up (a new, empty in-memory LRS): due after backoff, the waiting statement goes, once.
    await lrs.restart();
    clock += 60 * 60_000;
    expect(await make().flush(config)).toMatchObject({ sent: 1, pending: 0, rejected: 0 });
    const after = await lrsStatements();
    expect(after).toHaveLength(1);
    expect(after[0]!.result?.success).toBe(false);

    // Sending a statement again that the LRS has: same id, same body → accepted or 409, never a second copy.
    const replay = await fetch(`${endpoint}/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' },
      body: JSON.stringify([{ ...after[0]!, result: { success: true } }]),
    });
    expect(replay.status).toBe(409);
    expect(await lrsStatements()).toHaveLength(1);
  }, 60_000);

  it('the LRS accepts every kind of statement (it validates them: 400 on an invalid one)', async () => {
    const bad = await fetch(`${endpoint}/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' },
      body: JSON.stringify([{ actor, verb: { id: 'not an iri' }, object: { id: 'x' } }]),
    });
    expect(bad.status).toBe(400);
    const box = createOutbox({ outbox: memoryStore<OutboxItem>(), facts: memoryStore<FactRecord>(), fetch: (u, i) => fetch(u, i) });
    const skips = { 'skipped:acme.sales/other': { at: 4 }, 'skipped:acme.sales/headline/s2': { at: 5 } };
    await box.enqueueFacts({ ...FACTS, ...skips, 'progress:removed.pack/l/s': { at: 3 } }, [pack], actor, 'thinker');
    expect(await box.flush({ endpoint })).toMatchObject({ sent: 10, rejected: 0 });
    // Skips are stored as "exited" with completion false, and every statement carries the path.
    const exited = await fetch(`${endpoint}/statements?verb=${encodeURIComponent('http://adlnet.gov/expapi/verbs/exited')}`, { headers: { 'X-Experience-API-Version': '1.0.3' } });
    const skipped = ((await exited.json()) as { statements: Statement[] }).statements;
    expect(skipped.map((s) => [s.object.id.replace(/^.*\/packs\//, ''), s.result?.completion, s.context.extensions['https://trainingwheels.app/xapi/extensions/path']]).sort()).toEqual([
      ['acme.sales/lessons/headline/steps/s2', false, 'thinker'],
      ['acme.sales/lessons/other', false, 'thinker'],
    ]);
  }, 30_000);
});
