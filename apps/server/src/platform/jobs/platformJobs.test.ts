// The platform's housekeeping jobs run on the app's runner as soon as it starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/harness/testApp.ts';
import { buildRootUnit, buildUser } from '../../../test/factories/access.ts';
import { createSession } from '../auth/sessions.ts';
import { loginThrottle, sessions } from '../auth/auth.schema.ts';
import { idempotencyKeys } from '../http/http.schema.ts';
import { jobs } from './jobs.schema.ts';
import { PLATFORM_JOBS, startPlatformJobs } from './platformJobs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('platform jobs', () => {
  it('purge expired sessions, stale sign-in counters, day-old idempotency keys and week-old finished jobs', async () => {
    const user = await buildUser(t.db, { orgUnitId: (await buildRootUnit(t.db)).id });
    const timeouts = { idleMinutes: 30, absoluteHours: 12 };
    const expired = await createSession(t.db, user.id, timeouts);
    const live = await createSession(t.db, user.id, timeouts);
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, expired.sessionId));
    const keyRow = { userId: user.id, method: 'POST', path: '/api/v1/x', requestHash: 'h' };
    await t.db.insert(idempotencyKeys).values([
      { ...keyRow, key: 'old', createdAt: new Date(Date.now() - 25 * 3600_000) },
      { ...keyRow, key: 'recent' },
    ]);
    const oldJob = { name: 'test.finished', status: 'done' as const };
    const [eightDays, oneDay] = await t.db
      .insert(jobs)
      .values([
        { ...oldJob, finishedAt: new Date(Date.now() - 8 * 86_400_000) },
        { ...oldJob, finishedAt: new Date(Date.now() - 86_400_000) },
      ])
      .returning({ id: jobs.id });

    await t.db.insert(loginThrottle).values([
      { key: 'user:made-up-name', failures: 1, windowStartedAt: new Date(Date.now() - 3600_000) },
      { key: 'user:recent-typo', failures: 1 },
    ]);

    const started = startPlatformJobs(t.app);
    try {
      await waitFor(async () => {
        const done = await t.db
          .select({ id: jobs.id })
          .from(jobs)
          .where(sql`${inArray(jobs.name, Object.values(PLATFORM_JOBS))} AND status = 'done'`);
        return done.length === Object.values(PLATFORM_JOBS).length;
      });
    } finally {
      await started.stop();
    }

    const sessionIds = (await t.db.select({ id: sessions.id }).from(sessions)).map((r) => r.id);
    expect(sessionIds).toContain(live.sessionId);
    expect(sessionIds).not.toContain(expired.sessionId);
    const keys = (await t.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys)).map((r) => r.key);
    expect(keys).toEqual(['recent']);
    const counters = (await t.db.select({ key: loginThrottle.key }).from(loginThrottle)).map((r) => r.key);
    expect(counters).toEqual(['user:recent-typo']);
    const jobIds = (await t.db.select({ id: jobs.id }).from(jobs)).map((r) => r.id);
    expect(jobIds).not.toContain(eightDays!.id);
    expect(jobIds).toContain(oneDay!.id);
  });
});
