// The LRS outbox: statements wait in IndexedDB until the LRS the trainer's policy names has them. It survives the
// worker being stopped (nothing is only in memory), retries with exponential backoff (an alarm wakes the worker),
// never duplicates (one id per fact, kept; an LRS answering 409 for an id already has that statement) and never
// loses one (a statement leaves the outbox only once the LRS accepted it; one the LRS rejects as invalid is kept
// and shown in Diagnostics). `fetch`, the stores and the clock are injected for tests.
import { statementFactKeys, statementForFact, XAPI_VERSION, type Actor, type Statement } from '../../lessons/xapi/statements';
import type { Pack } from '../../lessons/pack/types';
import type { KeyValueStore } from '../packs/db';
import type { FetchLike } from '../packs/subscribe';
import { withLock } from '../state/area';
import { FACTS_LOCK, derivedStatementId, type FactRecord } from './identity';

export interface OutboxItem {
  statement: Statement;
  factKey: string;
  attempts: number;
  /** Not before this time (ms). */
  nextAt: number;
  lastError?: string;
  /** The LRS said the statement itself is invalid (400): kept, not retried, reported. */
  rejected?: boolean;
}

export interface LrsConfig {
  /** The xAPI base, e.g. https://lrs.example.com/data/xAPI (statements are POSTed to `${endpoint}/statements`). */
  endpoint: string;
  username?: string;
  password?: string;
}

export interface OutboxStatus {
  at: number;
  pending: number;
  rejected: number;
  sent: number;
  lastSentAt?: number;
  lastError?: string;
  nextAttemptAt?: number;
  /** Firefox: the learner has not (yet) agreed to the data collection that sending means; statements wait. */
  waitingForConsent?: boolean;
}

/** storage.local: the outbox's last outcome (counts and times only), for Diagnostics. */
export const XAPI_STATUS_KEY = 'xapiStatus';
export const BATCH_SIZE = 50;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

export const backoffDelay = (attempts: number) => Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));

export interface OutboxDeps {
  outbox: KeyValueStore<OutboxItem>;
  facts: KeyValueStore<FactRecord>;
  fetch: FetchLike;
  now?: () => number;
}

function authHeader(config: LrsConfig): Record<string, string> {
  if (config.username === undefined && config.password === undefined) return {};
  const bytes = new TextEncoder().encode(`${config.username ?? ''}:${config.password ?? ''}`);
  return { Authorization: `Basic ${btoa(String.fromCharCode(...bytes))}` };
}

export function createOutbox({ outbox, facts, fetch, now = Date.now }: OutboxDeps) {
  let flushing: Promise<OutboxStatus> | null = null;

  /**
   * Queues a statement for every fact not queued before. Returns how many were added. Under the lock the export
   * takes, and with the id the export would give the fact (derived from it): a crash between the two writes below
   * queues the same statement again under the same id (one outbox entry, one LRS copy), never a second statement.
   */
  function enqueueFacts(stored: Record<string, unknown>, packs: readonly Pack[], actor: Actor): Promise<number> {
    return withLock(FACTS_LOCK, async () => {
      const known = new Map(await facts.entries());
      let added = 0;
      for (const key of statementFactKeys(stored)) {
        const record = known.get(key);
        if (record?.queuedAt !== undefined) continue;
        const id = record?.id ?? (await derivedStatementId(actor.account.name, key));
        const statement = statementForFact(key, stored[key], { packs, actor, idFor: () => id });
        if (!statement) continue;
        // Outbox first, then the mark: a crash in between re-queues under the same id (same key), never a second copy.
        await outbox.set(id, { statement, factKey: key, attempts: 0, nextAt: now() });
        await facts.set(key, { id, queuedAt: now() });
        added++;
      }
      return added;
    });
  }

  async function post(config: LrsConfig, statements: Statement[]): Promise<{ status: number } | { error: string }> {
    try {
      const response = await fetch(`${config.endpoint}/statements`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': XAPI_VERSION, ...authHeader(config) },
        body: JSON.stringify(statements),
        credentials: 'omit',
        // Never follow a redirect: a 307/308 would resend the statements (and the credentials) to another address.
        redirect: 'manual',
      });
      // Browsers answer a refused redirect with an opaque response (status 0); Node's fetch with the 3xx itself.
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        return { error: `redirect refused (HTTP ${response.status || '3xx'}): the LRS endpoint must answer itself` };
      }
      return { status: response.status };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  async function flushOnce(config: LrsConfig): Promise<OutboxStatus> {
    const items = (await outbox.entries()).map(([, item]) => item);
    let sent = 0;
    let lastError: string | undefined;
    let lastSentAt: number | undefined;
    const due = items.filter((i) => !i.rejected && i.nextAt <= now()).sort((a, b) => a.statement.timestamp.localeCompare(b.statement.timestamp));
    const retryLater = async (batch: OutboxItem[], error: string) => {
      lastError = error;
      for (const item of batch) {
        const attempts = item.attempts + 1;
        await outbox.set(item.statement.id, { ...item, attempts, nextAt: now() + backoffDelay(attempts), lastError: error });
      }
    };
    const delivered = async (batch: OutboxItem[]) => {
      for (const item of batch) await outbox.delete(item.statement.id);
      sent += batch.length;
      lastSentAt = now();
    };

    for (let start = 0; start < due.length; start += BATCH_SIZE) {
      const batch = due.slice(start, start + BATCH_SIZE);
      const answer = await post(config, batch.map((i) => i.statement));
      if ('error' in answer) {
        await retryLater(due.slice(start), answer.error); // the LRS is unreachable: the rest waits too
        break;
      }
      if (answer.status >= 200 && answer.status < 300) await delivered(batch);
      else if (answer.status === 400 || answer.status === 409) {
        // One bad (or already stored) statement fails the whole batch: send them one by one to tell which.
        for (const item of batch) {
          const single = await post(config, [item.statement]);
          if ('error' in single) await retryLater([item], single.error);
          else if ((single.status >= 200 && single.status < 300) || single.status === 409) await delivered([item]);
          else if (single.status === 400) {
            lastError = `HTTP 400 (${item.statement.id})`;
            await outbox.set(item.statement.id, { ...item, rejected: true, lastError });
          } else await retryLater([item], `HTTP ${single.status}`);
        }
      } else {
        await retryLater(due.slice(start), `HTTP ${answer.status}`);
        break;
      }
    }
    const remaining = (await outbox.entries()).map(([, item]) => item);
    const waiting = remaining.filter((i) => !i.rejected);
    const status: OutboxStatus = {
      at: now(),
      pending: waiting.length,
      rejected: remaining.length - waiting.length,
      sent,
      ...(lastSentAt !== undefined ? { lastSentAt } : {}),
      ...(lastError !== undefined ? { lastError } : {}),
    };
    if (waiting.length) status.nextAttemptAt = Math.min(...waiting.map((i) => i.nextAt));
    return status;
  }

  return {
    enqueueFacts,
    /** Sends what is due. Concurrent calls share one run. */
    flush(config: LrsConfig): Promise<OutboxStatus> {
      flushing ??= flushOnce(config).finally(() => {
        flushing = null;
      });
      return flushing;
    },
    async pending(): Promise<OutboxItem[]> {
      return (await outbox.entries()).map(([, item]) => item);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
