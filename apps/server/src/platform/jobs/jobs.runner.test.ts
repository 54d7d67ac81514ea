// The job queue against a real database: retries, failure, schedules, dedupe keys, stale locks, stop().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/db.ts';
import { createTestDatabase } from '../../../test/harness/testDatabase.ts';
import { enqueueJob, JobRunner, PermanentJobError, type JobRunnerOptions } from './jobs.runner.ts';
import { jobs } from './jobs.schema.ts';

let database: Database;
let seq = 0;
const uniqueName = (prefix: string) => `test.${prefix}.${seq++}`;
const runner = (options: Partial<JobRunnerOptions> = {}) =>
  new JobRunner({ db: database.db, pollMs: 20, backoffMs: () => 0, ...options });
const jobRow = async (id: string) => (await database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('job runner', () => {
  it('retries a failing job and keeps the last error until it succeeds', async () => {
    const name = uniqueName('flaky');
    const attempts: number[] = [];
    const r = runner().register(name, async (_payload, { attempt }) => {
      attempts.push(attempt);
      if (attempt < 3) throw new Error(`flaky ${attempt}`);
    });
    const id = (await enqueueJob(database.db, name, { n: 1 }))!;
    await r.tick();
    expect(attempts).toEqual([1, 2, 3]);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'done', attempts: 3, lockedBy: null });
    expect(row.lastError).toContain('flaky 2');
    expect(row.finishedAt).toBeInstanceOf(Date);
  });

  it('waits an exponentially growing delay before each retry', async () => {
    const name = uniqueName('backoff');
    const r = runner({ backoffMs: (attempt) => 60_000 * 2 ** (attempt - 1) }).register(name, async () => {
      throw new Error('down');
    });
    const id = (await enqueueJob(database.db, name))!;
    const before = Date.now();
    expect(await r.tick()).toBe(1);
    const row = await jobRow(id);
    expect(row.status).toBe('queued');
    expect(row.runAt.getTime() - before).toBeGreaterThanOrEqual(59_000);
    expect(await r.tick()).toBe(0);

    await database.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(eq(jobs.id, id));
    expect(await r.tick()).toBe(1);
    expect((await jobRow(id)).runAt.getTime() - Date.now()).toBeGreaterThan(110_000);
  });

  it('marks a job failed after maxAttempts with its error kept', async () => {
    const name = uniqueName('broken');
    let calls = 0;
    const r = runner().register(name, async () => {
      calls++;
      throw new Error('the mail server refused');
    });
    const id = (await enqueueJob(database.db, name, {}, { maxAttempts: 3 }))!;
    await r.tick();
    await r.tick();
    expect(calls).toBe(3);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.lastError).toContain('the mail server refused');
    expect(row.finishedAt).toBeInstanceOf(Date);
  });

  it('fails at once on a PermanentJobError or a payload that does not match the schema', async () => {
    const permanent = uniqueName('permanent');
    const typed = uniqueName('typed');
    const seen: number[] = [];
    const r = runner()
      .register(permanent, async () => {
        throw new PermanentJobError('customer was deleted');
      })
      .register(typed, async (payload) => void seen.push(payload.count), { payload: z.object({ count: z.number() }) });
    const a = (await enqueueJob(database.db, permanent))!;
    const b = (await enqueueJob(database.db, typed, { count: 'many' }))!;
    const c = (await enqueueJob(database.db, typed, { count: 7 }))!;
    await r.tick();
    expect(await jobRow(a)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await jobRow(b)).lastError).toContain('invalid payload');
    expect(await jobRow(c)).toMatchObject({ status: 'done' });
    expect(seen).toEqual([7]);
  });

  it('fails an attempt that runs past its timeout and aborts its signal', async () => {
    const name = uniqueName('hung');
    let aborted = false;
    const r = runner({ backoffMs: () => 60_000 }).register(
      name,
      (_payload, { signal }) =>
        new Promise<void>((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          });
        }),
      { timeoutMs: 50 },
    );
    const id = (await enqueueJob(database.db, name))!;
    await r.tick();
    expect(aborted).toBe(true);
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.lastError).toContain('timed out after 50 ms');
  });

  it('runs jobs side by side with concurrency > 1, so a long job does not hold up the others', async () => {
    const slow = uniqueName('slow-import');
    const quick = uniqueName('reminder');
    let release!: () => void;
    const quickDone = new Promise<void>((resolve) => (release = resolve));
    let slowFinished = false;
    const r = runner({ concurrency: 2 })
      .register(slow, async () => {
        await quickDone;
        slowFinished = true;
      })
      .register(quick, async () => release());
    await enqueueJob(database.db, slow);
    await enqueueJob(database.db, quick, {}, { runAt: new Date(Date.now() + 30) });
    r.start();
    await quickDone;
    await r.stop();
    expect(slowFinished).toBe(true);
  });

  it('queues a job at most once per dedupe key until it has finished', async () => {
    const name = uniqueName('dedupe');
    const first = await enqueueJob(database.db, name, {}, { dedupeKey: 'customer:42' });
    const second = await enqueueJob(database.db, name, {}, { dedupeKey: 'customer:42' });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    await runner()
      .register(name, async () => {})
      .tick();
    const third = await enqueueJob(database.db, name, {}, { dedupeKey: 'customer:42' });
    expect(third).toEqual(expect.any(String));
    expect(third).not.toBe(first);
  });

  it('enqueues inside the caller transaction: a rollback leaves no job', async () => {
    const name = uniqueName('tx');
    await database.db
      .transaction(async (tx) => {
        await enqueueJob(tx, name);
        throw new Error('rollback');
      })
      .catch(() => {});
    const rows = await database.db.select().from(jobs).where(eq(jobs.name, name));
    expect(rows).toHaveLength(0);
  });

  it('runs a schedule once per interval, even with several runners', async () => {
    const name = uniqueName('scheduled');
    let runs = 0;
    const make = () =>
      runner()
        .register(name, async () => void runs++)
        .schedule(name, 3600);
    const a = make();
    const b = make();
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toBe(1);
    const [schedule] = (
      await database.db.execute<{ next_run_at: Date }>(sql`SELECT next_run_at FROM job_schedules WHERE name = ${name}`)
    ).rows;
    expect(new Date(schedule!.next_run_at).getTime() - Date.now()).toBeGreaterThan(3500_000);

    // The interval has passed.
    await database.db.execute(sql`UPDATE job_schedules SET next_run_at = now() - interval '1 second' WHERE name = ${name}`);
    await Promise.all([a.tick(), b.tick()]);
    await Promise.all([a.tick(), b.tick()]);
    expect(runs).toBe(2);
  });

  it('runs again a job left running by a crashed process, and fails it if that was its last attempt', async () => {
    const name = uniqueName('stale');
    const ids: string[] = [];
    const r = runner({ lockTimeoutMs: 60_000 }).register(name, async (_p, { jobId }) => void ids.push(jobId));
    const stale = (await enqueueJob(database.db, name))!;
    const last = (await enqueueJob(database.db, name, {}, { maxAttempts: 1 }))!;
    const fresh = (await enqueueJob(database.db, name))!;
    const anHourAgo = new Date(Date.now() - 3600_000);
    await database.db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedBy: 'dead-process', lockedAt: anHourAgo })
      .where(sql`${jobs.id} IN (${stale}, ${last})`);
    await database.db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedBy: 'live-process', lockedAt: new Date() })
      .where(eq(jobs.id, fresh));

    await r.tick();
    expect(ids).toEqual([stale]);
    expect(await jobRow(stale)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await jobRow(last)).toMatchObject({ status: 'failed' });
    expect((await jobRow(last)).lastError).toContain('abandoned');
    expect(await jobRow(fresh)).toMatchObject({ status: 'running', lockedBy: 'live-process' });
  });

  it('leaves jobs of names it has no handler for to other runners', async () => {
    const name = uniqueName('other');
    const id = (await enqueueJob(database.db, name))!;
    expect(
      await runner()
        .register(uniqueName('mine'), async () => {})
        .tick(),
    ).toBe(0);
    expect(await jobRow(id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('polls once started, and stop() waits for the running job to finish', async () => {
    const name = uniqueName('slow');
    let release!: () => void;
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const r = runner().register(name, async () => {
      markStarted();
      await new Promise<void>((resolve) => (release = resolve));
    });
    r.start();
    const id = (await enqueueJob(database.db, name))!;
    await started;
    let stopped = false;
    const stopping = r.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await jobRow(id)).toMatchObject({ status: 'done' });
  });
});
