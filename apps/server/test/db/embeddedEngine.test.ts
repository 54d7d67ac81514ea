// Proves that the embedded engine keeps the HTTP event loop free: PGlite runs in a worker thread, so a slow query
// delays only the queries queued behind it (in arrival order), never timers or routes that do not touch the database.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/testApp.ts';
import { describeOn } from '../harness/onlyOn.ts';

const SLOW_QUERY = 'SELECT pg_sleep(1.5)';

/** Largest delay of a 10 ms interval timer while `work` runs: how long the event loop was unable to run callbacks. */
async function maxTimerLag<T>(work: () => Promise<T>): Promise<{ result: T; lagMs: number }> {
  let last = performance.now();
  let lagMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last - 10);
    last = now;
  }, 10);
  try {
    return { result: await work(), lagMs };
  } finally {
    clearInterval(timer);
  }
}

describeOn('pglite', 'embedded engine and the event loop', 'a PostgreSQL server runs queries in its own processes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // The first request compiles the route's serializers on the main thread; that is not what is measured here.
    await t.anonymous.get('/api/v1/nothing-here');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers routes and fires timers while a slow query runs', async () => {
    const { result, lagMs } = await maxTimerLag(async () => {
      const started = performance.now();
      const slow = t.database.pool.query(SLOW_QUERY).then(() => performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const requestStarted = performance.now();
      const response = await t.anonymous.get('/api/v1/nothing-here');
      const routeMs = performance.now() - requestStarted;
      return { slowMs: await slow, routeMs, status: response.statusCode };
    });
    console.log(
      `[guanxi] event loop: slow query ${Math.round(result.slowMs)} ms, route answered in ${result.routeMs.toFixed(1)} ms, max timer lag ${lagMs.toFixed(1)} ms`,
    );
    expect(result.slowMs).toBeGreaterThanOrEqual(1400);
    expect(result.status).toBe(404);
    expect(result.routeMs).toBeLessThan(200);
    // Were PGlite on this thread, timers would stall for the whole 1.5 s; the margin absorbs a busy CI machine.
    expect(lagMs).toBeLessThan(500);
  });

  it('runs queued queries in the order they arrived', async () => {
    const finished: number[] = [];
    const queued = [SLOW_QUERY, ...Array.from({ length: 8 }, () => 'SELECT 1')].map((sql, arrival) =>
      t.database.pool.query<{ at: string }>(`${sql.replace('SELECT', 'SELECT clock_timestamp()::text AS at,')}`).then((res) => {
        finished.push(arrival);
        return res.rows[0]!.at;
      }),
    );
    const startedAt = await Promise.all(queued);
    expect(finished).toEqual([...finished].sort((a, b) => a - b));
    // The engine saw them in arrival order too: each one's clock reading is later than the one before.
    expect(startedAt).toEqual([...startedAt].sort());
  });
});
