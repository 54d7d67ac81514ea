// Server-side sessions: the cookie holds a random secret, the database holds its hash, the CSRF token and
// both timeouts (idle and absolute).
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/db.ts';
import { sessions } from './auth.schema.ts';

export const SESSION_COOKIE = 'gx_session';

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

export async function createSession(
  db: DbOrTx,
  userId: string,
  timeouts: SessionTimeouts,
  meta: { ip?: string; userAgent?: string } = {},
): Promise<{ cookieValue: string; csrfToken: string; sessionId: string; expiresAt: Date }> {
  const cookieValue = randomSecret();
  const csrfToken = randomSecret();
  const sessionId = sha256(cookieValue);
  const expiresAt = new Date(Date.now() + timeouts.absoluteHours * 3_600_000);
  await db.insert(sessions).values({
    id: sessionId,
    userId,
    csrfToken,
    expiresAt,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { cookieValue, csrfToken, sessionId, expiresAt };
}

export type SessionLookup =
  { state: 'valid'; sessionId: string; userId: string; csrfToken: string } | { state: 'expired' } | { state: 'missing' };

/** Finds the session of a cookie and slides its idle timeout; expired sessions are deleted. */
export async function touchSession(db: DbOrTx, cookieValue: string, timeouts: SessionTimeouts): Promise<SessionLookup> {
  const sessionId = sha256(cookieValue);
  const idleCutoff = new Date(Date.now() - timeouts.idleMinutes * 60_000);
  const now = new Date();
  // Only write last_seen_at once a minute, so reads do not turn every request into a write.
  const [touched] = await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(
      and(
        eq(sessions.id, sessionId),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleCutoff),
        lt(sessions.lastSeenAt, new Date(now.getTime() - 60_000)),
      ),
    )
    .returning({ userId: sessions.userId, csrfToken: sessions.csrfToken });
  if (touched) return { state: 'valid', sessionId, ...touched };
  const [row] = await db
    .select({
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  if (!row) return { state: 'missing' };
  if (row.expiresAt <= now || row.lastSeenAt <= idleCutoff) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return { state: 'expired' };
  }
  return { state: 'valid', sessionId, userId: row.userId, csrfToken: row.csrfToken };
}

export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user (disabled, password changed), optionally keeping the caller's own. */
export async function deleteUserSessions(db: DbOrTx, userId: string, exceptSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined));
}

export async function purgeExpiredSessions(db: DbOrTx, timeouts: SessionTimeouts): Promise<void> {
  const idleCutoff = new Date(Date.now() - timeouts.idleMinutes * 60_000);
  await db.delete(sessions).where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, idleCutoff)));
}
