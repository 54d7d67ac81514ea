// Rules of managing users: listing and finding them, creating and changing them (optimistic concurrency,
// audited, never leaving the organisation without an active administrator), resetting passwords, tokens.
import { and, asc, count, eq, exists, gt, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createUserSchema, updateUserSchema, User, UserSummary } from '@guanxi/contracts';
import type { Db, DbOrTx, Tx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/http/context.ts';
import { AppError, fieldError, notFound, staleVersion } from '../../platform/http/errors.ts';
import { orgUnits, roles, userRoles, users } from '../../platform/access/access.schema.ts';
import { likeEscape } from '../../platform/access/recordAccess.ts';
import { diffFields, recordAudit } from '../../platform/audit/audit.service.ts';
import { setUserPassword } from '../../platform/auth/auth.service.ts';
import { assertPasswordPolicy, hashPassword } from '../../platform/auth/passwords.ts';
import { deleteUserSessions } from '../../platform/auth/sessions.ts';
import { listApiTokens, revokeApiToken, type ApiTokenView } from '../../platform/auth/tokens.ts';

export type CreateUserInput = z.output<typeof createUserSchema>;
export type UpdateUserInput = z.output<typeof updateUserSchema>;

/** The fields whose changes the audit log records; the password hash is deliberately not one of them. */
const AUDITED_FIELDS = ['username', 'displayName', 'email', 'mobile', 'orgUnitId', 'roleIds', 'active', 'locale'];

// Serialises every change that could remove the last administrator, across transactions and servers.
const LAST_ADMIN_LOCK = 0x6775_0001;

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  mobile: users.mobile,
  orgUnitId: users.orgUnitId,
  active: users.active,
  locale: users.locale,
  version: users.version,
};

type UserRow = Pick<typeof users.$inferSelect, keyof typeof userColumns>;

const toUser = (row: UserRow, roleIds: string[]): User => ({ ...row, locale: row.locale as User['locale'], roleIds });

const toSummary = (row: UserRow): UserSummary => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  orgUnitId: row.orgUnitId,
  active: row.active,
});

async function roleIdsOf(db: DbOrTx, userIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return map;
  const rows = await db
    .select({ userId: userRoles.userId, roleId: userRoles.roleId })
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.roleId));
  for (const row of rows) map.get(row.userId)?.push(row.roleId);
  return map;
}

// The cursor is the last username of the page (usernames are unique), wrapped so clients treat it as opaque.
const encodeCursor = (username: string): string => Buffer.from(JSON.stringify({ u: username })).toString('base64url');

function decodeCursor(cursor: string): string {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && 'u' in value && typeof value.u === 'string') return value.u;
  } catch {
    // Falls through to the error below.
  }
  throw new AppError('INVALID_CURSOR', 400);
}

export interface UserListFilter {
  q?: string;
  orgUnitId?: string;
  active?: boolean;
  limit: number;
  cursor?: string;
}

/** Users by username; every signed-in user may list them (owner pickers), administrators see every field. */
export async function findUsers(
  db: DbOrTx,
  actor: Actor,
  filter: UserListFilter,
): Promise<{ items: (User | UserSummary)[]; nextCursor: string | null }> {
  const pattern = filter.q ? `%${likeEscape(filter.q)}%` : undefined;
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(
      and(
        pattern ? or(ilike(users.username, pattern), ilike(users.displayName, pattern)) : undefined,
        filter.orgUnitId ? eq(users.orgUnitId, filter.orgUnitId) : undefined,
        filter.active === undefined ? undefined : eq(users.active, filter.active),
        filter.cursor ? gt(users.username, decodeCursor(filter.cursor)) : undefined,
      ),
    )
    .orderBy(asc(users.username))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const nextCursor = rows.length > filter.limit ? encodeCursor(page[page.length - 1]!.username) : null;
  if (!actor.isAdmin) return { items: page.map(toSummary), nextCursor };
  const roleMap = await roleIdsOf(
    db,
    page.map((r) => r.id),
  );
  return { items: page.map((r) => toUser(r, roleMap.get(r.id) ?? [])), nextCursor };
}

async function loadUser(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<User> {
  const query = db.select(userColumns).from(users).where(eq(users.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound();
  const roleMap = await roleIdsOf(db, [id]);
  return toUser(row, roleMap.get(id) ?? []);
}

export async function getUserById(db: DbOrTx, actor: Actor, id: string): Promise<User | UserSummary> {
  const user = await loadUser(db, id);
  return actor.isAdmin ? user : toSummary(user);
}

/** Org unit must exist and be active; roles must exist. Throws 400 naming the field, or 422 ORG_UNIT_INACTIVE. */
async function assertReferences(db: DbOrTx, refs: { orgUnitId?: string; roleIds?: string[] }): Promise<void> {
  if (refs.orgUnitId !== undefined) {
    const [unit] = await db.select({ active: orgUnits.active }).from(orgUnits).where(eq(orgUnits.id, refs.orgUnitId));
    if (!unit) throw fieldError('orgUnitId', 'not_found_reference', 'not_found_reference');
    if (!unit.active) {
      throw new AppError('ORG_UNIT_INACTIVE', 422, [
        { field: 'orgUnitId', code: 'ORG_UNIT_INACTIVE', message: 'ORG_UNIT_INACTIVE' },
      ]);
    }
  }
  if (refs.roleIds?.length) {
    const found = await db.select({ id: roles.id }).from(roles).where(inArray(roles.id, refs.roleIds));
    if (found.length !== refs.roleIds.length) throw fieldError('roleIds', 'not_found_reference', 'not_found_reference');
  }
}

const duplicateUsername = () =>
  new AppError('DUPLICATE_VALUE', 409, [{ field: 'username', code: 'duplicate', message: 'duplicate' }]);

const isUniqueViolation = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '23505';

const unique = (ids: string[]): string[] => [...new Set(ids)].sort();

export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<User> {
  const roleIds = unique(input.roleIds);
  await assertReferences(db, { orgUnitId: input.orgUnitId, roleIds });
  assertPasswordPolicy(input.password, input.username, 'password');
  // Names differing only in case would let one user pass for another in pickers and logs.
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`);
  if (taken) throw duplicateUsername();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          email: input.email ?? null,
          mobile: input.mobile || null,
          orgUnitId: input.orgUnitId,
          locale: input.locale ?? 'zh-CN',
          passwordHash,
          passwordChangedAt: new Date(),
        })
        .returning(userColumns);
      if (roleIds.length) await tx.insert(userRoles).values(roleIds.map((roleId) => ({ userId: row!.id, roleId })));
      const user = toUser(row!, roleIds);
      await recordAudit(tx, actor, {
        recordType: 'user',
        recordId: user.id,
        action: 'create',
        changes: diffFields({}, { ...user }, AUDITED_FIELDS),
      });
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateUsername();
    throw err;
  }
}

async function holdsAdminRole(tx: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ n: count() })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(userRoles.userId, userId), eq(roles.isAdmin, true)));
  return (row?.n ?? 0) > 0;
}

/** Throws 422 LAST_ADMIN unless some active administrator other than `userId` remains. */
async function assertAnotherActiveAdmin(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LAST_ADMIN_LOCK})`);
  const adminRole = tx
    .select({ one: sql`1` })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(userRoles.userId, users.id), eq(roles.isAdmin, true)));
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.active, true), ne(users.id, userId), exists(adminRole)));
  if ((row?.n ?? 0) === 0) throw new AppError('LAST_ADMIN', 422);
}

/**
 * Changes a user at the version the caller saw (412 otherwise). Disabling a user or moving their org unit
 * or roles ends their sessions, because their rights change under them.
 */
export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: UpdateUserInput,
): Promise<{ user: User; sessionsEnded: boolean }> {
  return db.transaction(async (tx) => {
    const before = await loadUser(tx, id, { forUpdate: true });
    if (before.version !== expectedVersion) throw staleVersion(before);
    const roleIds = input.roleIds === undefined ? before.roleIds : unique(input.roleIds);
    const after: User = {
      ...before,
      displayName: input.displayName ?? before.displayName,
      email: input.email === undefined ? before.email : input.email,
      mobile: input.mobile === undefined ? before.mobile : input.mobile || null,
      orgUnitId: input.orgUnitId ?? before.orgUnitId,
      active: input.active ?? before.active,
      locale: input.locale ?? before.locale,
      roleIds,
    };
    const changes = diffFields({ ...before }, { ...after }, AUDITED_FIELDS);
    if (changes.length === 0) return { user: before, sessionsEnded: false };
    const changed = new Set(changes.map((c) => c.field));
    await assertReferences(tx, {
      orgUnitId: changed.has('orgUnitId') ? after.orgUnitId : undefined,
      roleIds: changed.has('roleIds') ? roleIds : undefined,
    });
    const wasAdmin = before.active && (await holdsAdminRole(tx, id));
    if (changed.has('roleIds')) {
      await tx.delete(userRoles).where(eq(userRoles.userId, id));
      if (roleIds.length) await tx.insert(userRoles).values(roleIds.map((roleId) => ({ userId: id, roleId })));
    }
    if (wasAdmin && !(after.active && (await holdsAdminRole(tx, id)))) await assertAnotherActiveAdmin(tx, id);
    const [row] = await tx
      .update(users)
      .set({
        displayName: after.displayName,
        email: after.email,
        mobile: after.mobile,
        orgUnitId: after.orgUnitId,
        active: after.active,
        locale: after.locale,
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning({ version: users.version });
    await recordAudit(tx, actor, { recordType: 'user', recordId: id, action: 'update', changes });
    const sessionsEnded = changed.has('active') || changed.has('orgUnitId') || changed.has('roleIds');
    if (sessionsEnded) await deleteUserSessions(tx, id, id === actor.userId ? actor.sessionId : undefined);
    return { user: { ...after, version: row!.version }, sessionsEnded };
  });
}

/** An administrator sets a user's password; that user's sessions end (the administrator's own stays). */
export async function resetUserPassword(db: Db, actor: Actor, id: string, password: string): Promise<void> {
  const user = await loadUser(db, id);
  assertPasswordPolicy(password, user.username, 'password');
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await setUserPassword(tx, actor, id, passwordHash, {
      action: 'password_reset',
      keepSessionId: id === actor.userId ? actor.sessionId : undefined,
    });
  });
}

export async function listUserTokens(db: DbOrTx, id: string): Promise<ApiTokenView[]> {
  await loadUser(db, id);
  return listApiTokens(db, id);
}

export async function revokeUserToken(db: DbOrTx, id: string, tokenId: string): Promise<void> {
  if (!(await revokeApiToken(db, id, tokenId))) throw notFound();
}
