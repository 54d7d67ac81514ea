// First start: make sure there is a head office, an administrator role and the `admin` user.
import { randomBytes } from 'node:crypto';
import { eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/db.ts';
import { newId } from '../../platform/db/columns.ts';
import { orgUnits, roles, userRoles, users } from '../../platform/access/access.schema.ts';
import { assertPasswordPolicy, hashPassword } from '../../platform/auth/passwords.ts';

export const ADMIN_ROLE_KEY = 'administrator';
/** Serialises first-start work (administrator, demo data) across server processes. */
export const FIRST_START_LOCK_KEY = 4_231_102;

/** Creates the root org unit, the administrator role and user when missing; returns a generated password once. */
export async function ensureAdministrator(
  db: Db,
  wantedPassword: string | undefined,
): Promise<{ createdPassword: string | null }> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
  if (existing) return { createdPassword: null };
  const password = wantedPassword ?? randomBytes(12).toString('base64url');
  assertPasswordPolicy(password, 'admin', 'GUANXI_ADMIN_PASSWORD');
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    // Several servers may start together against one database: the first one creates, the others find it made.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${FIRST_START_LOCK_KEY})`);
    const [made] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
    if (made) return false;
    let [root] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(isNull(orgUnits.parentId));
    if (!root) {
      const id = newId();
      [root] = await tx
        .insert(orgUnits)
        .values({ id, name: '总部', code: 'HQ', parentId: null, path: `/${id}/`, depth: 0 })
        .returning({ id: orgUnits.id });
    }
    let [role] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.key, ADMIN_ROLE_KEY));
    if (!role) {
      [role] = await tx
        .insert(roles)
        .values({
          key: ADMIN_ROLE_KEY,
          name: '系统管理员',
          description: '管理组织、用户、角色和自定义字段，可查看和修改全部记录。',
          isAdmin: true,
          permissions: { '*': { read: 'all', create: 'all', update: 'all', delete: 'all', assign: 'all', export: 'all' } },
        })
        .returning({ id: roles.id });
    }
    const [user] = await tx
      .insert(users)
      .values({ username: 'admin', displayName: '系统管理员', orgUnitId: root!.id, passwordHash, passwordChangedAt: new Date() })
      .returning({ id: users.id });
    await tx.insert(userRoles).values({ userId: user!.id, roleId: role!.id });
    return true;
  });
  return { createdPassword: created && !wantedPassword ? password : null };
}
