// Login throttling and temporary lockout, kept in the `login_throttle` table so every server process sharing
// the database sees the same counters. Failures are counted per username and per client IP.
import { eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/db.ts';
import { AppError } from '../http/errors.ts';
import { loginThrottle } from './auth.schema.ts';

/** The numbers of the policy, in one place. */
export const LOGIN_LIMITS = {
  /** Failures for one username within the window that lock it. */
  userMaxFailures: 5,
  /** Failures from one IP address within the window that block it. */
  ipMaxFailures: 30,
  windowMinutes: 15,
  lockMinutes: 15,
} as const;

type ThrottleKind = 'user' | 'ip';

const LIMIT_OF: Record<ThrottleKind, { maxFailures: number; code: string }> = {
  user: { maxFailures: LOGIN_LIMITS.userMaxFailures, code: 'ACCOUNT_LOCKED' },
  ip: { maxFailures: LOGIN_LIMITS.ipMaxFailures, code: 'RATE_LIMITED' },
};

export const throttleKey = (kind: ThrottleKind, value: string): string => `${kind}:${value}`;

export interface LoginSubject {
  username: string;
  ip: string;
}

const keysOf = (subject: LoginSubject): Record<ThrottleKind, string> => ({
  user: throttleKey('user', subject.username),
  ip: throttleKey('ip', subject.ip),
});

export class LoginLockedError extends AppError {
  constructor(
    readonly kind: ThrottleKind,
    readonly seconds: number,
  ) {
    super(LIMIT_OF[kind].code, 429, undefined, { seconds }, { 'retry-after': String(seconds) });
  }
}

/** Throws 429 (ACCOUNT_LOCKED or RATE_LIMITED, with Retry-After) when the username or the IP is locked. */
export async function assertLoginAllowed(db: DbOrTx, subject: LoginSubject): Promise<void> {
  const keys = keysOf(subject);
  const rows = await db
    .select({
      key: loginThrottle.key,
      // Computed by the database so that several servers with skewed clocks agree.
      secondsLeft: sql<number>`ceil(extract(epoch from (${loginThrottle.lockedUntil} - now())))::int`,
    })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, [keys.user, keys.ip]));
  // The username lock is checked first: it is the one the user can do something about.
  for (const kind of ['user', 'ip'] as const) {
    const row = rows.find((r) => r.key === keys[kind]);
    if (row && row.secondsLeft !== null && row.secondsLeft > 0) throw new LoginLockedError(kind, row.secondsLeft);
  }
}

/**
 * Counts one failure against the username and the IP in a single atomic upsert per key, so concurrent
 * attempts on several servers cannot slip past the limit. A window older than `windowMinutes` restarts.
 */
export async function recordLoginFailure(db: DbOrTx, subject: LoginSubject): Promise<{ userFailures: number }> {
  const keys = keysOf(subject);
  let userFailures = 0;
  for (const kind of ['user', 'ip'] as const) {
    const window = sql.raw(`interval '${LOGIN_LIMITS.windowMinutes} minutes'`);
    const lock = sql.raw(`interval '${LOGIN_LIMITS.lockMinutes} minutes'`);
    const max = LIMIT_OF[kind].maxFailures;
    const stale = sql`login_throttle.window_started_at < now() - ${window}`;
    const failures = sql`CASE WHEN ${stale} THEN 1 ELSE login_throttle.failures + 1 END`;
    const [row] = await db
      .insert(loginThrottle)
      .values({ key: keys[kind], failures: 1, windowStartedAt: sql`now()` })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures,
          windowStartedAt: sql`CASE WHEN ${stale} THEN now() ELSE login_throttle.window_started_at END`,
          lockedUntil: sql`CASE WHEN ${failures} >= ${max} THEN now() + ${lock} ELSE login_throttle.locked_until END`,
        },
      })
      .returning({ failures: loginThrottle.failures });
    if (kind === 'user') userFailures = row?.failures ?? 0;
  }
  return { userFailures };
}

/** A successful sign-in forgets the username's failures (the IP's stay: one IP may try many names). */
export async function clearLoginFailures(db: DbOrTx, username: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, throttleKey('user', username)));
}

/** Drops counters whose window and lock are both over; run by a periodic job. */
export async function purgeLoginThrottle(db: DbOrTx): Promise<void> {
  const window = sql.raw(`interval '${LOGIN_LIMITS.windowMinutes} minutes'`);
  await db
    .delete(loginThrottle)
    .where(
      sql`${loginThrottle.windowStartedAt} < now() - ${window} AND (${loginThrottle.lockedUntil} IS NULL OR ${loginThrottle.lockedUntil} < now())`,
    );
}
