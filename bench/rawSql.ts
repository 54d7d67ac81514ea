// Raw SQL side of a bench run: a workload's main query sent through one pg connection, one at a time, as many
// times as its HTTP run completed requests. PGlite is reached exactly as the server reaches it (worker thread,
// Unix socket), after the server has stopped, so the comparison isolates what HTTP, auth and the kit add.
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { summarize, type LatencySummary } from './stats.ts';
import type { RawQuery } from './workloads/workload.ts';

export interface RawResult extends LatencySummary {
  runs: number;
}

export async function runRawSql(
  client: pg.PoolClient,
  runs: number,
  queryFor: (iteration: number) => RawQuery,
): Promise<RawResult> {
  // A few untimed runs first, as the HTTP side had its warm-up.
  for (let i = 0; i < Math.min(10, runs); i++) {
    const { text, params } = queryFor(i);
    await client.query(text, params);
  }
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { text, params } = queryFor(i);
    const started = performance.now();
    await client.query(text, params);
    timings.push(performance.now() - started);
  }
  return { runs, ...summarize(timings) };
}
