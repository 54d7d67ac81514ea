// The contract every bench workload fulfils: what it prepares, which HTTP requests it sends, and the raw SQL
// it is compared with. Adding a workload = one file in this folder + one line in workloads/index.ts.
import type autocannon from 'autocannon';
import type { DatasetInfo } from '../dataset.ts';

export type Engine = 'pglite' | 'postgres';

/** A signed-in bench user: the session cookie and the CSRF token that cookie-authenticated writes send back. */
export interface Session {
  userId: string;
  cookie: string;
  csrfToken: string;
}

export interface BenchContext {
  baseUrl: string;
  engine: Engine;
  size: number;
  dataset: DatasetInfo;
  /** Signs a dataset user in (once per username) through POST /api/v1/auth/login. */
  signIn(username: string): Promise<Session>;
}

export interface RawQuery {
  text: string;
  params: unknown[];
}

export interface Workload<State = unknown> {
  /** Used by `--only` and in the table. */
  name: string;
  /** One line: what a request does and who sends it. */
  measures: string;
  /** Needs generated opportunities: left out of a run without `--opportunities N` unless named in `--only`. */
  needsOpportunities?: boolean;
  /** Needs generated orders and the catalogue: left out of a run without `--orders N` unless named in `--only`. */
  needsOrders?: boolean;
  /**
   * Untimed requests sent before the measured run (default 5 per connection): a workload rotating over many distinct
   * queries sends each once, so its measured run reads index pages as warm as the raw SQL run after it does.
   */
  warmupRequests?: number;
  /** Caps `--connections`, e.g. for CPU-bound argon2 logins. */
  maxConnections?: number;
  /** Runs once, after the server is up and before the requests: sign in, pick ids. */
  setup(ctx: BenchContext): Promise<State>;
  /** The requests autocannon sends; each connection cycles through them (use setupRequest to vary them). */
  requests(ctx: BenchContext, state: State): autocannon.Request[];
  /** The workload's main query as plain SQL, run `iteration` = 0, 1, 2… as many times as HTTP requests completed. */
  rawSql?(ctx: BenchContext, state: State, iteration: number): RawQuery;
  /** What the raw SQL leaves out compared with the HTTP request, shown in the output. */
  rawSqlNote?: string;
}

/** Keeps a workload's State type inside its own file while the runner handles a list of them. */
export const defineWorkload = <State>(workload: Workload<State>): Workload => workload as Workload;

/** Headers of a request sent as a signed-in user; `write` adds the CSRF token. */
export function sessionHeaders(session: Session, options: { write?: boolean } = {}): Record<string, string> {
  const headers: Record<string, string> = { cookie: session.cookie, accept: 'application/json' };
  if (options.write) {
    headers['x-csrf-token'] = session.csrfToken;
    headers['content-type'] = 'application/json';
  }
  return headers;
}

/** A counter shared by all connections, so requests spread over a list instead of every connection repeating it. */
export function roundRobin<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('roundRobin needs at least one item');
  let next = 0;
  return () => items[next++ % items.length]!;
}
