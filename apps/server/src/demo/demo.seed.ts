// Demo data for first start: an org tree (head office, three branches with teams), the standard roles, one user
// per role, so anyone can try every role, and their customers with contacts and activities. Runs once; GUANXI_DEMO=0 skips it.
import { eq, isNull, sql } from 'drizzle-orm';
import type { RolePermissions, Scope } from '@guanxi/contracts';
import type { Db } from '../platform/db/db.ts';
import { newId } from '../platform/db/columns.ts';
import { orgUnits, roles, userRoles, users } from '../platform/access/access.schema.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { FIRST_START_LOCK_KEY } from '../modules/admin/admin.bootstrap.ts';
import { seedDemoCustomers } from './demo.customers.ts';
import { seedDemoProducts } from './demo.products.ts';
import { commerceParts } from '../modules/commerce/commerce.module.ts';

export const DEMO_PASSWORD = 'guanxi-demo-2026';

const ACTIONS = ['read', 'create', 'update', 'delete', 'assign', 'export'];
const every = (scope: string, except: Record<string, string> = {}): RolePermissions => ({
  '*': Object.fromEntries(ACTIONS.map((a) => [a, except[a] ?? scope])),
});
/** The product catalogue is the company's: read by every role, maintained by head office (migration 0012 too). */
const catalogueReader = (exportScope: Scope): RolePermissions => ({
  product: { read: 'all', export: exportScope, create: 'none', update: 'none', delete: 'none', assign: 'none' },
});

/** Sales targets are set by managers: the others see their own unit's at most and change none. */
const targetReader = (read: Scope): RolePermissions => ({
  salesTarget: { read, create: 'none', update: 'none', delete: 'none', assign: 'none', export: 'none' },
});

/** The standard roles of a multi-branch company; administrators edit them in the role matrix. */
export const STANDARD_ROLES: { key: string; name: string; description: string; permissions: RolePermissions }[] = [
  {
    key: 'head_office_manager',
    name: '总部经理',
    description: '查看和管理全公司的记录。',
    permissions: every('all', { delete: 'unit-and-below' }),
  },
  {
    key: 'branch_manager',
    name: '分公司经理',
    description: '管理本分公司及下属团队的全部记录。',
    permissions: { ...every('unit-and-below'), ...catalogueReader('all') },
  },
  {
    key: 'sales_rep',
    name: '销售代表',
    description: '查看本团队的记录，维护自己负责的记录。',
    permissions: {
      ...every('own', { read: 'unit', assign: 'none', export: 'none' }),
      ...catalogueReader('none'),
      ...targetReader('unit'),
    },
  },
  {
    key: 'service_agent',
    name: '客服专员',
    description: '查找全公司的客户，处理本组的服务记录。',
    permissions: {
      ...every('unit', { read: 'all', delete: 'none', assign: 'none', export: 'none' }),
      ...catalogueReader('none'),
      ...targetReader('none'),
    },
  },
];

const TREE: { code: string; name: string; parent: string | null }[] = [
  { code: 'EAST', name: '东区分公司', parent: null },
  { code: 'EAST-S1', name: '东区销售一组', parent: 'EAST' },
  { code: 'EAST-S2', name: '东区销售二组', parent: 'EAST' },
  { code: 'WEST', name: '西区分公司', parent: null },
  { code: 'WEST-S1', name: '西区销售一组', parent: 'WEST' },
  { code: 'SOUTH', name: '南区分公司', parent: null },
  { code: 'SOUTH-CS', name: '南区客服组', parent: 'SOUTH' },
];

const DEMO_USERS = [
  { username: 'zhangwei', displayName: '张伟', unit: 'HQ', role: 'head_office_manager' },
  { username: 'lina', displayName: '李娜', unit: 'EAST', role: 'branch_manager' },
  { username: 'wangfang', displayName: '王芳', unit: 'EAST-S1', role: 'sales_rep' },
  { username: 'liuyang', displayName: '刘洋', unit: 'WEST-S1', role: 'sales_rep' },
  { username: 'chenjing', displayName: '陈静', unit: 'SOUTH-CS', role: 'service_agent' },
];

export async function seedDemoData(db: Db): Promise<{ created: boolean; usernames: string[]; password: string }> {
  const usernames = DEMO_USERS.map((u) => u.username);
  const [seeded] = await db.select({ id: users.id }).from(users).where(eq(users.username, DEMO_USERS[0]!.username));
  if (seeded) return { created: false, usernames, password: DEMO_PASSWORD };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const created = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${FIRST_START_LOCK_KEY})`);
    const [made] = await tx.select({ id: users.id }).from(users).where(eq(users.username, DEMO_USERS[0]!.username));
    if (made) return false;
    const [root] = await tx.select().from(orgUnits).where(isNull(orgUnits.parentId));
    if (!root) throw new Error('The head office must exist before demo data is seeded');
    const units = new Map<string, { id: string; path: string; depth: number }>([['HQ', root]]);
    for (const unit of TREE) {
      const parent = units.get(unit.parent ?? 'HQ')!;
      const id = newId();
      const row = {
        id,
        name: unit.name,
        code: unit.code,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
      };
      await tx.insert(orgUnits).values(row);
      units.set(unit.code, row);
    }
    const roleIds = new Map<string, string>();
    for (const role of STANDARD_ROLES) {
      const [existing] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.key, role.key));
      const id = existing?.id ?? (await tx.insert(roles).values(role).returning({ id: roles.id }))[0]!.id;
      roleIds.set(role.key, id);
    }
    for (const user of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({
          username: user.username,
          displayName: user.displayName,
          orgUnitId: units.get(user.unit)!.id,
          passwordHash,
          passwordChangedAt: new Date(),
        })
        .returning({ id: users.id });
      await tx.insert(userRoles).values({ userId: row!.id, roleId: roleIds.get(user.role)! });
    }
    await seedDemoCustomers(tx);
    await seedDemoProducts(tx);
    for (const part of commerceParts) await part.seedDemo?.(tx);
    return true;
  });
  return { created, usernames, password: DEMO_PASSWORD };
}
