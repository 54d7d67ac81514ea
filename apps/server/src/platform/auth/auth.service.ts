// Rules of signing in and of the signed-in user's own account: credentials check with throttling, the "me"
// view, locale and password changes. No HTTP here; the routes log and answer.
import { eq, sql } from 'drizzle-orm';
import type { Locale, Me } from '@guanxi/contracts';
import type { Db, DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { orgUnits, roles, userRoles, users } from '../access/access.schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './loginThrottle.ts';
import { deleteUserSessions, randomSecret } from './sessions.ts';

// Unknown usernames are verified against this hash, so they cost the same argon2 time as a wrong password.
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (): Promise<string> => (dummyHash ??= hashPassword(randomSecret()));

export type LoginOutcome =
  { ok: true; userId: string } | { ok: false; reason: 'unknown_user' | 'wrong_password' | 'disabled'; userId: string | null };

/**
 * Checks a username and password. Throws LoginLockedError (429) while the username or IP is locked; counts
 * every failure and clears the username's count on success. Unknown, wrong and disabled take the same time.
 */
export async function checkCredentials(db: Db, input: { username: string; password: string; ip: string }): Promise<LoginOutcome> {
  const subject = { username: input.username, ip: input.ip };
  await assertLoginAllowed(db, subject);
  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.username, input.username));
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (user && passwordOk && user.active) {
    await clearLoginFailures(db, input.username);
    return { ok: true, userId: user.id };
  }
  await recordLoginFailure(db, subject);
  const reason = !user ? 'unknown_user' : !passwordOk ? 'wrong_password' : 'disabled';
  return { ok: false, reason, userId: user?.id ?? null };
}

/** The signed-in user as the web app needs it: profile, org unit, roles, merged permissions, CSRF token. */
export async function getMe(db: DbOrTx, actor: Actor): Promise<Me> {
  const [row] = await db
    .select({
      email: users.email,
      mobile: users.mobile,
      orgUnitName: orgUnits.name,
    })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(users.id, actor.userId));
  if (!row) throw new AppError('UNAUTHENTICATED', 401);
  const granted = await db
    .select({ key: roles.key, name: roles.name })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(eq(userRoles.userId, actor.userId))
    .orderBy(roles.key);
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      email: row.email,
      mobile: row.mobile,
      orgUnitId: actor.orgUnitId,
      orgUnitName: row.orgUnitName,
      locale: actor.locale,
      roles: granted,
      isAdmin: actor.isAdmin,
      permissions: actor.permissions,
    },
    csrfToken: actor.csrfToken ?? null,
  };
}

export async function setOwnLocale(db: Db, actor: Actor, locale: Locale): Promise<void> {
  if (locale === actor.locale) return;
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ locale, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.userId));
    await recordAudit(tx, actor, {
      recordType: 'user',
      recordId: actor.userId,
      action: 'update',
      changes: [{ field: 'locale', old: actor.locale, new: locale }],
    });
  });
}

/**
 * Stores a new password hash and ends the user's sessions (all but `keepSessionId`). The audit entry
 * names the action only: a password, or its hash, never enters the audit log.
 */
export async function setUserPassword(
  tx: DbOrTx,
  actor: Actor,
  userId: string,
  passwordHash: string,
  options: { action: 'password_change' | 'password_reset'; keepSessionId?: string },
): Promise<void> {
  await tx.update(users).set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() }).where(eq(users.id, userId));
  await deleteUserSessions(tx, userId, options.keepSessionId);
  await recordAudit(tx, actor, { recordType: 'user', recordId: userId, action: options.action });
}

export type PasswordChangeOutcome = { ok: true } | { ok: false; reason: 'wrong_password' };

/**
 * The signed-in user changes their own password. The current password is checked under the login
 * throttle, so a stolen session cannot be used to guess it; other sessions end, the caller's stays.
 */
export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; ip: string },
): Promise<PasswordChangeOutcome> {
  const subject = { username: actor.username, ip: input.ip };
  await assertLoginAllowed(db, subject);
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!(await verifyPassword(user?.passwordHash ?? null, input.currentPassword))) {
    await recordLoginFailure(db, subject);
    return { ok: false, reason: 'wrong_password' };
  }
  assertPasswordPolicy(input.newPassword, actor.username, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setUserPassword(tx, actor, actor.userId, passwordHash, { action: 'password_change', keepSessionId: actor.sessionId });
  });
  return { ok: true };
}
