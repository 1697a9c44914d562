// A real xAPI LRS for tests and benchmarks: Learning Locker's statements service (npm xapi-statements 5.0.1), in
// memory, bound to 127.0.0.1 by a preload (it has no host setting). With `credentials`, Basic auth is checked for
// real (AUTH_REPO=fetch against a tiny client-info endpoint started here): wrong credentials get 401.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

export interface Lrs {
  /** The xAPI base: http://127.0.0.1:PORT/xAPI */
  endpoint: string;
  port: number;
  child: ChildProcess;
  /** Stops the service (the in-memory statements go with it). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  /** Ends everything and removes the temporary folder. */
  close(): Promise<void>;
}

/** The client-info endpoint LL asks (AUTH_REPO=fetch): one client with every scope, for one key and secret. */
function clientInfoServer(port: number, username: string, password: string): Promise<Server> {
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const server = createHttpServer((request, response) => {
    if (request.headers.authorization !== expected) {
      response.writeHead(404).end(); // LL answers its client 401 for an unknown client
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({
        _id: '5988f0f00000000000000123',
        title: 'tests',
        organisation: '5988f0f00000000000000000',
        lrs_id: '5988f0f00000000000000001',
        isTrusted: true,
        scopes: ['all'],
        authority: { objectType: 'Agent', name: 'tests', mbox: 'mailto:tests@example.org' },
      }),
    );
  });
  return new Promise((ok) => server.listen({ port, host: '127.0.0.1' }, () => ok(server)));
}

export async function startLrs({ credentials }: { credentials?: { username: string; password: string } } = {}): Promise<Lrs> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}/xAPI`;
  const dataDir = mkdtempSync(join(tmpdir(), 'tw-lrs-'));
  let clientInfo: Server | null = null;
  const env: Record<string, string> = {
    MODELS_REPO: 'memory',
    STORAGE_REPO: 'local',
    FS_LOCAL_STORAGE_DIR: dataDir,
    AUTH_REPO: 'test',
    EVENTS_REPO: 'test',
    EXPRESS_PORT: String(port),
    WINSTON_CLOUDWATCH_ENABLED: 'false',
  };
  if (credentials) {
    const infoPort = await freePort();
    clientInfo = await clientInfoServer(infoPort, credentials.username, credentials.password);
    env.AUTH_REPO = 'fetch';
    env.LL_CLIENT_INFO_ENDPOINT = `http://127.0.0.1:${infoPort}/auth/client/info`;
  }
  const headers: Record<string, string> = { 'X-Experience-API-Version': '1.0.3' };
  if (credentials) headers.Authorization = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;

  const spawnOne = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, ['-r', join(ROOT, 'tests/unit/xapi-lrs-loopback.cjs'), join(ROOT, 'node_modules/xapi-statements/dist/index.js')], {
      // The service writes access logs under ./storage of its working directory: keep them in the temp folder.
      cwd: dataDir,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    // Another test may have taken the same free port in between: only this child saying it holds the port counts.
    const listening = new Promise<boolean>((ok) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes(`tw-lrs-listening ${port}`)) ok(true);
      });
      child.once('exit', () => ok(false));
    });
    const timeout = new Promise<boolean>((ok) => setTimeout(() => ok(false), 15_000));
    if (!(await Promise.race([listening, timeout]))) {
      child.kill();
      throw new Error(`the LRS did not start on port ${port}`);
    }
    child.stdout!.resume();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      try {
        const r = await fetch(`${endpoint}/statements?limit=1`, { headers });
        if (r.ok) return child;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill();
    throw new Error('the LRS did not answer');
  };
  const stopChild = (child: ChildProcess) =>
    new Promise<void>((ok) => {
      if (child.exitCode !== null || child.signalCode !== null) return ok();
      child.once('exit', () => ok());
      child.kill();
    });

  const lrs: Lrs = {
    endpoint,
    port,
    child: await spawnOne(),
    async stop() {
      await stopChild(lrs.child);
    },
    async restart() {
      await stopChild(lrs.child);
      lrs.child = await spawnOne();
    },
    async close() {
      await stopChild(lrs.child);
      await new Promise<void>((ok) => (clientInfo ? clientInfo.close(() => ok()) : ok()));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return lrs;
}

/** POSTs statements in batches (LL's body limit is 5 MB). */
export async function postStatements(endpoint: string, statements: readonly unknown[], { batch = 500, authorization }: { batch?: number; authorization?: string } = {}): Promise<void> {
  for (let i = 0; i < statements.length; i += batch) {
    const r = await fetch(`${endpoint}/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3', ...(authorization ? { Authorization: authorization } : {}) },
      body: JSON.stringify(statements.slice(i, i + batch)),
    });
    if (!r.ok) throw new Error(`the LRS refused a batch: HTTP ${r.status} ${(await r.text()).slice(0, 300)}`);
  }
}
