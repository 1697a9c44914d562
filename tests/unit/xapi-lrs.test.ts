// End to end against a real xAPI LRS: Learning Locker's statements service (npm xapi-statements 5.0.1), in memory,
// bound to 127.0.0.1 by a preload (it has no host setting). The outbox sends with Node's fetch, as the worker
// does with its own; the LRS validates every statement (400 on an invalid one) and rejects a reused id with another
// body (409).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStore, type KeyValueStore } from '../../components/packs/db';
import { statementIds, type FactRecord } from '../../components/xapi/identity';
import { createOutbox, type OutboxItem } from '../../components/xapi/outbox';
import { accountActor, type Statement } from '../../lessons/xapi/statements';
import { tinyPack } from './packs-helpers';

const ROOT = resolve(__dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

let lrs: ChildProcess | null = null;
let endpoint = '';
let dataDir = '';

async function startLrs(port: number) {
  const child = spawn(process.execPath, ['-r', join(__dirname, 'xapi-lrs-loopback.cjs'), join(ROOT, 'node_modules/xapi-statements/dist/index.js')], {
    // The service writes access logs under ./storage of its working directory: keep them in the temp folder.
    cwd: dataDir,
    env: {
      ...process.env,
      MODELS_REPO: 'memory',
      STORAGE_REPO: 'local',
      FS_LOCAL_STORAGE_DIR: dataDir,
      AUTH_REPO: 'test',
      EVENTS_REPO: 'test',
      EXPRESS_PORT: String(port),
      WINSTON_CLOUDWATCH_ENABLED: 'false',
    },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${endpoint}/statements`, { headers: { 'X-Experience-API-Version': '1.0.3' } });
      if (r.ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('the LRS did not start');
}

async function lrsStatements(): Promise<Statement[]> {
  const r = await fetch(`${endpoint}/statements?limit=1000`, { headers: { 'X-Experience-API-Version': '1.0.3' } });
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
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
    endpoint = `http://127.0.0.1:${port}/xAPI`;
    dataDir = mkdtempSync(join(tmpdir(), 'tw-lrs-'));
    lrs = await startLrs(port);
  }, 30_000);
  afterAll(() => {
    lrs?.kill();
    rmSync(dataDir, { recursive: true, force: true });
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
    lrs!.kill();
    await new Promise((r) => setTimeout(r, 300));
    const withMore = { ...FACTS, 'recall:acme.sales/headline/1767650000001-0': { at: Date.UTC(2026, 0, 8), q: 0, recalled: false } };
    expect(await make().enqueueFacts(withMore, [pack], actor)).toBe(1);
    const down = await make().flush(config);
    expect(down.pending).toBe(1);
    expect(down.lastError).toBeTruthy();

    // Back up (a new, empty in-memory LRS): due after backoff, the waiting statement goes, once.
    lrs = await startLrs(port);
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

  // Issue 15, item 6: a crash between the two writes of enqueueFacts (the outbox entry, then the mark on the fact)
  // gave the fact a new random id at the next start, and the LRS a second statement.
  it('a crash between queuing a statement and marking its fact never gives the LRS a second copy', async () => {
    const crashActor = accountActor('5a0c2b6e-8d7f-4e1a-b3c9-1f2e3d4c5b6a', 'https://lms.corp.example');
    const outboxStore = memoryStore<OutboxItem>();
    const factStore = memoryStore<FactRecord>();
    const config = { endpoint };
    // The worker is killed right after the outbox write: the mark on the fact never lands.
    const crashing: KeyValueStore<FactRecord> = { ...factStore, set: async () => Promise.reject(new Error('worker stopped')) };
    await expect(createOutbox({ outbox: outboxStore, facts: crashing, fetch: (u, i) => fetch(u, i) }).enqueueFacts(FACTS, [pack], crashActor)).rejects.toThrow();
    // The next start queues every fact, the crashed one included, and sends them.
    const restarted = createOutbox({ outbox: outboxStore, facts: factStore, fetch: (u, i) => fetch(u, i) });
    await restarted.enqueueFacts(FACTS, [pack], crashActor);
    expect(await restarted.flush(config)).toMatchObject({ pending: 0, rejected: 0 });
    const mine = (await lrsStatements()).filter((st) => st.actor.account.name === crashActor.account.name);
    expect(mine).toHaveLength(Object.keys(FACTS).length);
    expect(new Set(mine.map((st) => st.object.id + st.verb.id + st.timestamp)).size).toBe(mine.length);
  }, 30_000);

  it('the export and the outbox, racing, give a fact the same statement id (the outbox takes the export’s lock)', async () => {
    const slow = memoryStore<FactRecord>();
    const store: KeyValueStore<FactRecord> = { ...slow, set: async (k, v) => (await new Promise((r) => setTimeout(r, 5)), slow.set(k, v)) };
    const box = createOutbox({ outbox: memoryStore<OutboxItem>(), facts: store, fetch: (u, i) => fetch(u, i) });
    const keys = Object.keys(FACTS);
    const [exported] = await Promise.all([statementIds(store, keys, actor.account.name), box.enqueueFacts(FACTS, [pack], actor)]);
    const queued = new Map((await box.pending()).map((item) => [item.factKey, item.statement.id]));
    for (const key of keys) expect(queued.get(key), key).toBe(exported.get(key));
    for (const key of keys) expect((await slow.get(key))?.id).toBe(exported.get(key));
  });

  // Issue 15, item 10: a 307/308 from the endpoint resent the statements (and the credentials) to another address.
  it('never follows a redirect from the LRS endpoint: nothing reaches the other address', async () => {
    let redirected = 0;
    const trap = createHttpServer((req, res) => {
      redirected++;
      res.writeHead(307, { Location: `${endpoint}/statements` });
      res.end();
    });
    await new Promise<void>((ok) => trap.listen(0, '127.0.0.1', ok));
    const trapEndpoint = `http://127.0.0.1:${(trap.address() as { port: number }).port}/xAPI`;
    const redirectActor = accountActor('7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f', 'https://lms.corp.example');
    try {
      const box = createOutbox({ outbox: memoryStore<OutboxItem>(), facts: memoryStore<FactRecord>(), fetch: (u, i) => fetch(u, i) });
      await box.enqueueFacts(FACTS, [pack], redirectActor);
      const status = await box.flush({ endpoint: trapEndpoint, username: 'key', password: 'secret' });
      expect(redirected).toBeGreaterThan(0);
      expect(status).toMatchObject({ sent: 0, pending: Object.keys(FACTS).length });
      expect(status.lastError).toMatch(/redirect refused/);
      expect((await lrsStatements()).filter((st) => st.actor.account.name === redirectActor.account.name)).toEqual([]);
    } finally {
      trap.close();
    }
  }, 30_000);

  it('the LRS accepts every kind of statement (it validates them: 400 on an invalid one)', async () => {
    const bad = await fetch(`${endpoint}/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' },
      body: JSON.stringify([{ actor, verb: { id: 'not an iri' }, object: { id: 'x' } }]),
    });
    expect(bad.status).toBe(400);
    const box = createOutbox({ outbox: memoryStore<OutboxItem>(), facts: memoryStore<FactRecord>(), fetch: (u, i) => fetch(u, i) });
    await box.enqueueFacts({ ...FACTS, 'progress:removed.pack/l/s': { at: 3 } }, [pack], actor);
    expect(await box.flush({ endpoint })).toMatchObject({ sent: 8, rejected: 0 });
  }, 30_000);
});
