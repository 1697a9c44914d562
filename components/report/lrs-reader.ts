// Reads a class's statements from the trainer's LRS with the standard xAPI API: GET /statements filtered by `since`,
// `verb`, `activity` and `related_activities`, following `more` page after page. Streaming: each page goes to the
// caller (the class report folds it) and is dropped before the next is asked for, so at most one page per verb is
// held at a time however long the class's history. `fetch` is injected (tests, the benchmark).
import { VERBS, XAPI_VERSION, packIri } from '../../lessons/xapi/statements';
import { ANCHOR_MISSING_VERB } from '../../lessons/health/anchor-health';
import type { FetchLike } from '../packs/subscribe';
import { authHeader } from '../xapi/outbox';

export interface LrsCredentials {
  /** The xAPI base, e.g. https://lrs.example.com/data/xAPI */
  endpoint: string;
  username: string;
  password: string;
}

export interface StatementQuery {
  /** ISO 8601: statements stored since then. */
  since?: string;
  verb?: string;
  activity?: string;
  relatedActivities?: boolean;
  /** Statements per page asked for (the LRS may return fewer). */
  limit?: number;
}

export type ReadFailure = 'auth' | 'forbidden' | 'http' | 'network' | 'format' | 'other-origin';

export class LrsReadError extends Error {
  constructor(
    readonly failure: ReadFailure,
    readonly detail = '',
  ) {
    super(`${failure}${detail ? `: ${detail}` : ''}`);
  }
}

export interface ReadStats {
  pages: number;
  statements: number;
  /** The largest page held at once (statements): what "streamed" means in memory. */
  largestPage: number;
}

export const DEFAULT_PAGE_SIZE = 1000;

export function statementsUrl(endpoint: string, query: StatementQuery): string {
  const url = new URL(`${endpoint.replace(/\/+$/, '')}/statements`);
  if (query.since) url.searchParams.set('since', query.since);
  if (query.verb) url.searchParams.set('verb', query.verb);
  if (query.activity) url.searchParams.set('activity', query.activity);
  if (query.relatedActivities) url.searchParams.set('related_activities', 'true');
  url.searchParams.set('limit', String(query.limit ?? DEFAULT_PAGE_SIZE));
  return url.toString();
}

/** Every statement matching `query`, page by page, to `onPage`. Throws LrsReadError. */
export async function streamStatements(
  credentials: LrsCredentials,
  query: StatementQuery,
  onPage: (statements: unknown[]) => void,
  { fetch, signal }: { fetch: FetchLike; signal?: AbortSignal },
): Promise<ReadStats> {
  const origin = new URL(credentials.endpoint).origin;
  const stats: ReadStats = { pages: 0, statements: 0, largestPage: 0 };
  let next: string | null = statementsUrl(credentials.endpoint, query);
  while (next) {
    let response: Response;
    try {
      response = await fetch(next, {
        headers: { 'X-Experience-API-Version': XAPI_VERSION, Accept: 'application/json', ...authHeader(credentials) },
        credentials: 'omit',
        cache: 'no-store',
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new LrsReadError('network', error instanceof Error ? error.message : String(error));
    }
    if (response.status === 401) throw new LrsReadError('auth');
    if (response.status === 403) throw new LrsReadError('forbidden');
    if (!response.ok) throw new LrsReadError('http', `HTTP ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new LrsReadError('format', error instanceof Error ? error.message : String(error));
    }
    const result = body as { statements?: unknown; more?: unknown };
    if (typeof body !== 'object' || body === null || !Array.isArray(result.statements)) throw new LrsReadError('format', 'no statements array');
    const page = result.statements as unknown[];
    stats.pages++;
    stats.statements += page.length;
    stats.largestPage = Math.max(stats.largestPage, page.length);
    onPage(page);
    // `more` is relative to the LRS's server (xAPI 1.0.3 §4.2). Credentials never go to another origin.
    const more = typeof result.more === 'string' && result.more !== '' ? new URL(result.more, credentials.endpoint) : null;
    if (more && more.origin !== origin) throw new LrsReadError('other-origin', more.origin);
    next = more && page.length > 0 ? more.toString() : null;
  }
  return stats;
}

/** The verbs a class report reads: one stream each, in parallel. */
export const REPORT_VERBS = [VERBS.attempted.id, VERBS.completed.id, VERBS.exited.id, VERBS.answered.id, ANCHOR_MISSING_VERB.id] as const;

export interface ClassQuery {
  /** Only this pack's statements (activity = the pack, related activities included); none = every Training Wheels statement. */
  packId?: string;
  since?: string;
  limit?: number;
}

/**
 * Reads what a class report needs, one stream per verb, handing every statement to `add` as its page arrives.
 * Without a pack, statements of other products on the same LRS are read and ignored by the report.
 */
export async function readClassStatements(
  credentials: LrsCredentials,
  query: ClassQuery,
  add: (statement: unknown) => void,
  options: { fetch: FetchLike; signal?: AbortSignal; onProgress?: (read: number) => void },
): Promise<ReadStats> {
  let read = 0;
  const all = await Promise.all(
    REPORT_VERBS.map((verb) =>
      streamStatements(
        credentials,
        {
          verb,
          ...(query.since ? { since: query.since } : {}),
          ...(query.packId ? { activity: packIri(query.packId), relatedActivities: true } : {}),
          ...(query.limit ? { limit: query.limit } : {}),
        },
        (page) => {
          for (const statement of page) add(statement);
          read += page.length;
          options.onProgress?.(read);
        },
        options,
      ),
    ),
  );
  return all.reduce((sum, s) => ({ pages: sum.pages + s.pages, statements: sum.statements + s.statements, largestPage: Math.max(sum.largestPage, s.largestPage) }), {
    pages: 0,
    statements: 0,
    largestPage: 0,
  });
}
