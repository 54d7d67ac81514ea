// Data factories for the access model: org units, roles and users, inserted directly for speed.
import { eq } from 'drizzle-orm';
import type { RolePermissions } from '@guanxi/contracts';
import type { DbOrTx } from '../../src/platform/db/db.ts';
import { newId } from '../../src/platform/db/columns.ts';
import { orgUnits, roles, userRoles, users } from '../../src/platform/access/access.schema.ts';
import { hashPassword } from '../../src/platform/auth/passwords.ts';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function buildOrgUnit(db: DbOrTx, options: { name?: string; parentId?: string | null; code?: string } = {}) {
  const id = newId();
  let path = `/${id}/`;
  let depth = 0;
  if (options.parentId) {
    const [parent] = await db.select().from(orgUnits).where(eq(orgUnits.id, options.parentId));
    if (!parent) throw new Error(`no org unit ${options.parentId}`);
    path = `${parent.path}${id}/`;
    depth = parent.depth + 1;
  }
  const [row] = await db
    .insert(orgUnits)
    .values({
      id,
      name: options.name ?? unique('单位'),
      code: options.code ?? unique('U'),
      parentId: options.parentId ?? null,
      path,
      depth,
    })
    .returning();
  return row!;
}

/** A root for a test's own org tree; the real head office of the template stays untouched. */
export async function buildRootUnit(db: DbOrTx, name = unique('总部')) {
  return buildOrgUnit(db, { name, parentId: null });
}

export async function buildRole(
  db: DbOrTx,
  options: { key?: string; name?: string; permissions?: RolePermissions; isAdmin?: boolean } = {},
) {
  const [row] = await db
    .insert(roles)
    .values({
      key: options.key ?? unique('role_'),
      name: options.name ?? unique('角色'),
      isAdmin: options.isAdmin ?? false,
      permissions: options.permissions ?? {},
    })
    .returning();
  return row!;
}

export async function buildUser(
  db: DbOrTx,
  options: { orgUnitId: string; roleIds?: string[]; username?: string; displayName?: string; active?: boolean },
) {
  const [row] = await db
    .insert(users)
    .values({
      username: options.username ?? unique('user'),
      displayName: options.displayName ?? unique('用户'),
      orgUnitId: options.orgUnitId,
      passwordHash: await testPasswordHash(),
      active: options.active ?? true,
    })
    .returning();
  for (const roleId of options.roleIds ?? []) await db.insert(userRoles).values({ userId: row!.id, roleId });
  return row!;
}

/** An administrator in a fresh root unit. */
export async function buildAdmin(db: DbOrTx) {
  const root = await buildRootUnit(db);
  const role = await buildRole(db, {
    isAdmin: true,
    permissions: { '*': { read: 'all', create: 'all', update: 'all', delete: 'all', assign: 'all', export: 'all' } },
  });
  const user = await buildUser(db, { orgUnitId: root.id, roleIds: [role.id] });
  return { user, root, role };
}
