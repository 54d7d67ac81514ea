// The job queue: `enqueueJob` writes a row (inside the caller's transaction if it has one), and a `JobRunner`
// claims due rows with FOR UPDATE SKIP LOCKED, runs their handlers, retries with backoff and runs schedules.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../db/db.ts';
import { newId } from '../db/columns.ts';
import { jobs } from './jobs.schema.ts';

export type JobPayload = Record<string, unknown>;

export interface EnqueueOptions {
  /** Not before this time; default now. */
  runAt?: Date;
  /** While a job with this key is queued or running, enqueueing another with the same key does nothing. */
  dedupeKey?: string;
  /** Attempts before the job is marked `failed`; default 5. */
  maxAttempts?: number;
}

/** Queues a job and returns its id, or null when a queued or running job already holds `dedupeKey`. */
export async function enqueueJob(
  db: DbOrTx,
  name: string,
  payload: JobPayload = {},
  options: EnqueueOptions = {},
): Promise<string | null> {
  const [row] = await db
    .insert(jobs)
    .values({
      id: newId(),
      name,
      payload,
      runAt: options.runAt ?? new Date(),
      maxAttempts: options.maxAttempts ?? 5,
      dedupeKey: options.dedupeKey ?? null,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey, where: sql`status in ('queued', 'running')` })
    .returning({ id: jobs.id });
  return row?.id ?? null;
}

/**
 * Removes the queued job holding `dedupeKey`, e.g. a reminder whose time changed or whose task was completed.
 * A job already running finishes. Returns whether a job was removed.
 */
export async function cancelQueuedJob(db: DbOrTx, dedupeKey: string): Promise<boolean> {
  const removed = await db
    .delete(jobs)
    .where(sql`${jobs.dedupeKey} = ${dedupeKey} AND ${jobs.status} = 'queued'`)
    .returning({ id: jobs.id });
  return removed.length > 0;
}

/** Thrown by a handler when retrying cannot help (bad payload, record gone): the job fails at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface JobContext {
  jobId: string;
  name: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  db: Db;
  log: JobLogger;
  /** Aborted when the attempt times out; long handlers check it between steps. */
  signal: AbortSignal;
}

export type JobHandler<P = JobPayload> = (payload: P, context: JobContext) => Promise<void>;

export interface JobRunnerOptions {
  db: Db;
  pollMs: number;
  log?: JobLogger;
  /** A job whose lock was not refreshed for this long belongs to a dead process and is run again. */
  lockTimeoutMs?: number;
  /** Jobs run at the same time by this runner, so one long import does not hold up every reminder. */
  concurrency?: number;
  /** Delay before retry n (1-based); default 5 s doubling up to 1 h. */
  backoffMs?: (attempt: number) => number;
  workerId?: string;
  /** Told of every finished attempt, e.g. to count outcomes in metrics. */
  onAttempt?: (name: string, outcome: JobOutcome, seconds: number) => void;
}

export type JobOutcome = 'done' | 'retry' | 'failed';

interface Registered {
  handler: JobHandler<unknown>;
  payload?: z.ZodType;
  timeoutMs: number;
}

export interface RegisterOptions<S extends z.ZodType> {
  /** A payload that does not parse fails the job at once, without retries. */
  payload?: S;
  /** An attempt running longer fails (and is retried); default 30 minutes. */
  timeoutMs?: number;
}

type ClaimedJob = {
  id: string;
  name: string;
  payload: JobPayload;
  attempts: number;
  max_attempts: number;
};

const silentLog: JobLogger = { info() {}, warn() {}, error() {} };
const defaultBackoff = (attempt: number): number => Math.min(5_000 * 2 ** (attempt - 1), 3_600_000);
const errorText = (err: unknown): string => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 4000);

export class JobRunner {
  readonly workerId: string;
  private readonly handlers = new Map<string, Registered>();
  private readonly schedules = new Map<string, number>();
  private readonly log: JobLogger;
  private readonly lockTimeoutMs: number;
  private readonly backoffMs: (attempt: number) => number;
  private schedulesSaved = false;
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly options: JobRunnerOptions) {
    this.log = options.log ?? silentLog;
    this.lockTimeoutMs = options.lockTimeoutMs ?? 15 * 60_000;
    this.backoffMs = options.backoffMs ?? defaultBackoff;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  /** Handles jobs named `name`; give a zod `payload` schema to receive a typed, validated payload. */
  register<S extends z.ZodType = z.ZodType<JobPayload>>(
    name: string,
    handler: JobHandler<z.output<S>>,
    options: RegisterOptions<S> = {},
  ): this {
    if (this.handlers.has(name)) throw new Error(`A handler for job "${name}" is already registered`);
    this.handlers.set(name, {
      handler: handler as JobHandler<unknown>,
      payload: options.payload,
      timeoutMs: options.timeoutMs ?? 30 * 60_000,
    });
    return this;
  }

  /** Enqueues a `name` job every `intervalSeconds` (first run as soon as the runner starts), once across all processes. */
  schedule(name: string, intervalSeconds: number): this {
    if (!Number.isInteger(intervalSeconds) || intervalSeconds < 1) throw new Error('intervalSeconds must be a positive integer');
    this.schedules.set(name, intervalSeconds);
    this.schedulesSaved = false;
    return this;
  }

  get registeredNames(): string[] {
    return [...this.handlers.keys()];
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const workers = Math.max(1, this.options.concurrency ?? 1);
    this.loops = Array.from({ length: workers }, (_, index) => this.pollLoop(index === 0));
  }

  /** Stops polling and waits for the jobs in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    for (const wake of this.sleepers) wake();
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** One round, for tests and scripts: enqueue due schedules, then run due jobs until none is left. Returns how many ran. */
  async tick(): Promise<number> {
    await this.failAbandonedJobs();
    await this.enqueueDueSchedules();
    let ran = 0;
    while (await this.runNext()) ran++;
    return ran;
  }

  /** One worker, the lead, also does the housekeeping of the queue each round. */
  private async pollLoop(lead: boolean): Promise<void> {
    while (this.running) {
      try {
        if (lead) {
          await this.failAbandonedJobs();
          await this.enqueueDueSchedules();
        }
        while (this.running && (await this.runNext()));
      } catch (err) {
        // The database may be briefly unreachable; the next round tries again.
        this.log.error({ err }, 'job polling failed');
      }
      if (this.running) await this.sleep(this.options.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  /** A job abandoned by a dead process on its last attempt is failed rather than run again. */
  private async failAbandonedJobs(): Promise<void> {
    const names = this.registeredNames;
    if (names.length === 0) return;
    const staleBefore = new Date(Date.now() - this.lockTimeoutMs);
    await this.options.db.execute(sql`
      UPDATE jobs SET status = 'failed', finished_at = now(), locked_by = NULL,
        last_error = coalesce(last_error || E'\n', '') || 'abandoned: the process running it stopped'
      WHERE status = 'running' AND locked_at < ${staleBefore} AND attempts >= max_attempts AND name IN ${names}`);
  }

  private async enqueueDueSchedules(): Promise<void> {
    if (this.schedules.size === 0) return;
    const { db } = this.options;
    if (!this.schedulesSaved) {
      for (const [name, seconds] of this.schedules) {
        // A changed interval takes effect now rather than after the old, possibly longer, one.
        await db.execute(sql`
          INSERT INTO job_schedules (name, interval_seconds, next_run_at) VALUES (${name}, ${seconds}, now())
          ON CONFLICT (name) DO UPDATE SET interval_seconds = excluded.interval_seconds,
            next_run_at = least(job_schedules.next_run_at, now() + make_interval(secs => excluded.interval_seconds))`);
      }
      this.schedulesSaved = true;
    }
    const names = [...this.schedules.keys()];
    const due = await db.execute<{ name: string }>(
      sql`SELECT name FROM job_schedules WHERE name IN ${names} AND next_run_at <= now()`,
    );
    for (const { name } of due.rows) {
      // The conditional UPDATE lets exactly one process advance a due schedule; a second one finds it no longer due.
      await db.transaction(async (tx) => {
        const advanced = await tx.execute(sql`
          UPDATE job_schedules SET last_run_at = now(), next_run_at = now() + make_interval(secs => interval_seconds)
          WHERE name = ${name} AND next_run_at <= now() RETURNING name`);
        if (advanced.rows.length) await enqueueJob(tx, name, {}, { dedupeKey: `schedule:${name}` });
      });
    }
  }

  /** Claims and runs one due job of a registered name; false when there is none. */
  async runNext(): Promise<boolean> {
    const names = this.registeredNames;
    if (names.length === 0) return false;
    const { db } = this.options;
    const staleBefore = new Date(Date.now() - this.lockTimeoutMs);
    const claimed = await db.execute<ClaimedJob>(sql`
      UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${this.workerId}, locked_at = now()
      WHERE id = (
        SELECT id FROM jobs
        WHERE name IN ${names}
          AND ((status = 'queued' AND run_at <= now()) OR (status = 'running' AND locked_at < ${staleBefore}))
        ORDER BY run_at, id
        FOR UPDATE SKIP LOCKED
        LIMIT 1)
      RETURNING id, name, payload, attempts, max_attempts`);
    const job = claimed.rows[0];
    if (!job) return false;
    await this.execute(job);
    return true;
  }

  private async execute(job: ClaimedJob): Promise<void> {
    const { db } = this.options;
    const registered = this.handlers.get(job.name)!;
    const controller = new AbortController();
    const context: JobContext = {
      jobId: job.id,
      name: job.name,
      attempt: job.attempts,
      maxAttempts: job.max_attempts,
      db,
      log: this.log,
      signal: controller.signal,
    };
    // Refreshing the lock while the handler runs tells other processes that this one is alive.
    const heartbeat = setInterval(
      () =>
        void db
          .execute(sql`UPDATE jobs SET locked_at = now() WHERE id = ${job.id} AND locked_by = ${this.workerId}`)
          .catch((err: unknown) => this.log.warn({ err, jobId: job.id }, 'job heartbeat failed')),
      Math.max(1000, this.lockTimeoutMs / 3),
    );
    let deadline: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      deadline = setTimeout(() => {
        // Rejected before the abort, so a handler that returns on abort does not count as done.
        reject(new Error(`timed out after ${registered.timeoutMs} ms`));
        controller.abort();
      }, registered.timeoutMs);
    });
    const started = performance.now();
    const report = (outcome: JobOutcome) => this.options.onAttempt?.(job.name, outcome, (performance.now() - started) / 1000);
    try {
      let payload: unknown = job.payload;
      if (registered.payload) {
        const parsed = registered.payload.safeParse(job.payload);
        if (!parsed.success) throw new PermanentJobError(`invalid payload: ${parsed.error.message}`);
        payload = parsed.data;
      }
      await Promise.race([registered.handler(payload, context), timedOut]);
    } catch (err) {
      const permanent = err instanceof PermanentJobError || job.attempts >= job.max_attempts;
      this.log.warn({ err, jobId: job.id, job: job.name, attempt: job.attempts, permanent }, 'job failed');
      const retryAt = new Date(Date.now() + this.backoffMs(job.attempts));
      // `locked_by` guards against a process that was taken for dead overwriting the outcome of the re-run.
      await db.execute(
        permanent
          ? sql`UPDATE jobs SET status = 'failed', finished_at = now(), last_error = ${errorText(err)}, locked_by = NULL
                WHERE id = ${job.id} AND locked_by = ${this.workerId}`
          : sql`UPDATE jobs SET status = 'queued', run_at = ${retryAt}, last_error = ${errorText(err)}, locked_by = NULL, locked_at = NULL
                WHERE id = ${job.id} AND locked_by = ${this.workerId}`,
      );
      report(permanent ? 'failed' : 'retry');
      return;
    } finally {
      clearInterval(heartbeat);
      clearTimeout(deadline);
    }
    await db.execute(sql`
      UPDATE jobs SET status = 'done', finished_at = now(), locked_by = NULL, locked_at = NULL
      WHERE id = ${job.id} AND locked_by = ${this.workerId}`);
    report('done');
  }
}
