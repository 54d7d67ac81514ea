// Server-side sessions: the cookie holds a random secret, the database holds its hash, the CSRF token and
// both timeouts (idle and absolute).
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/db.ts';
import { fixedStatement, param } from '../db/namedStatements.ts';
import { actorRowSql, type ActorRow } from '../access/actor.ts';
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
  | { state: 'valid'; sessionId: string; userId: string; csrfToken: string; user: ActorRow | undefined }
  | { state: 'expired' }
  | { state: 'missing' };

type SessionRow = {
  user_id: string;
  csrf_token: string;
  expires_at: string | Date;
  last_seen_at: string | Date;
} & Partial<ActorRow>;

// $1 session id, $2 now, $3 the idle cutoff, $4 a minute ago. The idle timeout slides at most once a minute.
const findSession = fixedStatement<SessionRow>(
  'guanxi_session',
  () => sql`
    WITH found AS (
      SELECT ${sessions.userId} AS user_id, ${sessions.csrfToken} AS csrf_token, ${sessions.expiresAt} AS expires_at,
             ${sessions.lastSeenAt} AS last_seen_at
      FROM ${sessions} WHERE ${sessions.id} = ${param(1)}
    ), touched AS (
      UPDATE ${sessions} SET last_seen_at = ${param(2)}
      FROM found
      WHERE ${sessions.id} = ${param(1)} AND found.expires_at > ${param(2)} AND found.last_seen_at > ${param(3)}
        AND found.last_seen_at < ${param(4)}
    )
    SELECT found.*, actor.* FROM found LEFT JOIN LATERAL (${actorRowSql(sql`found.user_id`)}) actor ON true`,
);

/**
 * Finds the session of a cookie and slides its idle timeout; expired sessions are deleted. `user` is what the
 * session's Actor is built from (actorFromRow), read in the same round trip; undefined when the user is gone.
 */
export async function touchSession(
  database: Pick<Database, 'db' | 'pool'>,
  cookieValue: string,
  timeouts: SessionTimeouts,
): Promise<SessionLookup> {
  const sessionId = sha256(cookieValue);
  const idleCutoff = new Date(Date.now() - timeouts.idleMinutes * 60_000);
  const now = new Date();
  const [found] = await findSession(database.pool, [sessionId, now, idleCutoff, new Date(now.getTime() - 60_000)]);
  const row = found && {
    userId: found.user_id,
    csrfToken: found.csrf_token,
    expiresAt: new Date(found.expires_at),
    lastSeenAt: new Date(found.last_seen_at),
  };
  if (!row) return { state: 'missing' };
  if (row.expiresAt <= now || row.lastSeenAt <= idleCutoff) {
    await database.db.delete(sessions).where(eq(sessions.id, sessionId));
    return { state: 'expired' };
  }
  return {
    state: 'valid',
    sessionId,
    userId: row.userId,
    csrfToken: row.csrfToken,
    user: found.actor_id ? (found as ActorRow) : undefined,
  };
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
