// Shared setup of the user-administration tests: an app, an administrator, a branch, a sales role, a staff
// member, and small readers of what the tests assert on.
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { users } from '../../platform/access/access.schema.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { sessions } from '../../platform/auth/auth.schema.ts';

export async function buildUsersAdminFixture() {
  const t: TestApp = await createTestApp();
  const built = await buildAdmin(t.db);
  const rootId = built.root.id;
  const branchId = (await buildOrgUnit(t.db, { parentId: rootId, name: '上海分公司' })).id;
  const salesRoleId = (await buildRole(t.db, { name: '销售代表', permissions: { customer: { read: 'own' } } })).id;
  const admin: TestClient = await t.as(built.user.id);
  const staff: TestClient = await t.as((await buildUser(t.db, { orgUnitId: branchId, roleIds: [salesRoleId] })).id);
  return {
    t,
    admin,
    adminId: built.user.id,
    rootId,
    branchId,
    salesRoleId,
    staff,
    userRow: async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0],
    auditOf: (id: string) => t.db.select().from(auditLog).where(eq(auditLog.recordId, id)).orderBy(auditLog.at),
    sessionsOf: async (id: string) => (await t.db.select().from(sessions).where(eq(sessions.userId, id))).length,
    userCount: async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n,
    /** A valid create-user body in the branch with the sales role; a fresh username each time. */
    newUserBody: (overrides: Record<string, unknown> = {}) => ({
      username: `li.na.${Math.random().toString(36).slice(2, 8)}`,
      displayName: '李娜',
      email: 'li.na@example.cn',
      mobile: '13800138000',
      orgUnitId: branchId,
      roleIds: [salesRoleId],
      password: '海内存知己天涯若比邻',
      ...overrides,
    }),
  };
}

export type UsersAdminFixture = Awaited<ReturnType<typeof buildUsersAdminFixture>>;
