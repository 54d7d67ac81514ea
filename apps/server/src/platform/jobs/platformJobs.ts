// The platform's own housekeeping jobs (expired sessions, login counters, old idempotency keys, finished jobs) and the start of
// the app's job runner.
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/db.ts';
import { purgeExpiredSessions } from '../auth/sessions.ts';
import { purgeLoginThrottle } from '../auth/loginThrottle.ts';
import type { JobRunner } from './jobs.runner.ts';

export const PLATFORM_JOBS = {
  purgeSessions: 'platform.purge-expired-sessions',
  purgeIdempotencyKeys: 'platform.purge-idempotency-keys',
  purgeFinishedJobs: 'platform.purge-finished-jobs',
  purgeLoginThrottle: 'platform.purge-login-throttle',
} as const;

/** Idempotency keys only need to outlive a client's retries. */
export async function purgeOldIdempotencyKeys(db: DbOrTx): Promise<void> {
  await db.execute(sql`DELETE FROM idempotency_keys WHERE created_at < now() - interval '24 hours'`);
}

/** Finished jobs stay a week for inspection; failed ones keep their last_error that long. */
export async function purgeFinishedJobs(db: DbOrTx): Promise<void> {
  await db.execute(sql`DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < now() - interval '7 days'`);
}

export function registerPlatformJobs(app: FastifyInstance, runner: JobRunner): void {
  const timeouts = { idleMinutes: app.config.sessionIdleMinutes, absoluteHours: app.config.sessionAbsoluteHours };
  runner
    .register(PLATFORM_JOBS.purgeSessions, (_payload, { db }) => purgeExpiredSessions(db, timeouts))
    .schedule(PLATFORM_JOBS.purgeSessions, 15 * 60)
    .register(PLATFORM_JOBS.purgeIdempotencyKeys, (_payload, { db }) => purgeOldIdempotencyKeys(db))
    .schedule(PLATFORM_JOBS.purgeIdempotencyKeys, 60 * 60)
    .register(PLATFORM_JOBS.purgeFinishedJobs, (_payload, { db }) => purgeFinishedJobs(db))
    .schedule(PLATFORM_JOBS.purgeFinishedJobs, 6 * 60 * 60)
    // Failed sign-ins against made-up usernames would otherwise leave a row each behind.
    .register(PLATFORM_JOBS.purgeLoginThrottle, (_payload, { db }) => purgeLoginThrottle(db))
    .schedule(PLATFORM_JOBS.purgeLoginThrottle, 30 * 60);
}

/** Registers the platform jobs on `app.jobs` and starts it; modules have registered their own handlers by now. */
export function startPlatformJobs(app: FastifyInstance): { runner: JobRunner; stop(): Promise<void> } {
  const runner = app.jobs;
  registerPlatformJobs(app, runner);
  runner.start();
  return { runner, stop: () => runner.stop() };
}
