// Test-only: a company of two branches (east with a team, west) with a manager per branch, reps, a purchaser who reads
// every order, an administrator, products of two suppliers, and helpers to make orders through the real API.
import type { RolePermissions } from '@guanxi/contracts';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../../test/factories/access.ts';
import { buildCustomer } from '../../../../test/factories/customers.ts';
import { loadActor } from '../../../platform/access/actor.ts';
import type { Actor } from '../../../platform/http/context.ts';

const every = (scope: string, overrides: Record<string, string> = {}) => ({
  read: scope,
  create: scope,
  update: scope,
  delete: scope,
  assign: scope,
  export: scope,
  ...overrides,
});
const none = every('none');

export interface Person {
  id: string;
  name: string;
  client: TestClient;
  actor(): Promise<Actor>;
}

export const STANDARD_TYPE = '01930000-0000-7000-8000-000000000101';
export const IMPORT_TYPE = '01930000-0000-7000-8000-000000000102';
export const STAGE = {
  approved: '01930000-0000-7000-8000-000000000111',
  stocking: '01930000-0000-7000-8000-000000000112',
  shipped: '01930000-0000-7000-8000-000000000113',
  received: '01930000-0000-7000-8000-000000000114',
  paid: '01930000-0000-7000-8000-000000000115',
  importApproved: '01930000-0000-7000-8000-000000000121',
  importPurchasing: '01930000-0000-7000-8000-000000000122',
  customs: '01930000-0000-7000-8000-000000000123',
};

export interface OrdersWorld {
  t: TestApp;
  admin: Person;
  eastManager: Person;
  rep: Person;
  rep2: Person;
  westRep: Person;
  purchaser: Person;
  products: { book: { id: string }; atlas: { id: string }; tyre: { id: string }; loose: { id: string } };
  customer: { id: string };
  westCustomer: { id: string };
  roles: { manager: string; rep: string };
}

export async function buildOrdersWorld(): Promise<OrdersWorld> {
  const t = await createTestApp();
  const a = await buildAdmin(t.db);
  const east = await buildOrgUnit(t.db, { parentId: a.root.id, name: '东区分公司' });
  const east1 = await buildOrgUnit(t.db, { parentId: east.id, name: '东区一组' });
  const west = await buildOrgUnit(t.db, { parentId: a.root.id, name: '西区分公司' });
  const catalogue = { product: every('none', { read: 'all' }) };
  const manager = await buildRole(t.db, { permissions: { '*': every('unit-and-below'), ...catalogue } as RolePermissions });
  const rep = await buildRole(t.db, {
    permissions: {
      '*': every('own', { read: 'unit', assign: 'none', export: 'none' }),
      ...catalogue,
      orderStageReopen: none,
    } as RolePermissions,
  });
  const purchaser = await buildRole(t.db, {
    permissions: { '*': none, order: every('none', { read: 'all' }), ...catalogue } as RolePermissions,
  });
  const person = async (orgUnitId: string, roleId: string | null, displayName: string, id?: string): Promise<Person> => {
    const userId = id ?? (await buildUser(t.db, { orgUnitId, roleIds: roleId ? [roleId] : [], displayName })).id;
    return {
      id: userId,
      name: displayName,
      client: await t.as(userId),
      actor: async () => (await loadActor(t.db, userId, { source: 'api', requestId: null, via: 'system' }))!,
    };
  };
  const admin = await person(a.root.id, null, a.user.displayName, a.user.id);
  const product = async (fields: Record<string, unknown>) => {
    const res = await admin.client.post('/api/v1/products', { unit: 'piece', ...fields });
    if (res.statusCode !== 201) throw new Error(`product: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const world: OrdersWorld = {
    t,
    admin,
    eastManager: await person(east.id, manager.id, '李娜'),
    rep: await person(east1.id, rep.id, '王芳'),
    rep2: await person(east1.id, rep.id, '孙丽'),
    westRep: await person(west.id, rep.id, '刘洋'),
    purchaser: await person(a.root.id, purchaser.id, '采购周敏'),
    products: {
      book: await product({
        sku: 'BK-001',
        name: '中国历史地图集',
        listPrice: '120.00',
        standardCost: '80.00',
        taxRate: '0.09',
        supplier: '中华书局',
      }),
      atlas: await product({
        sku: 'BK-002',
        name: '世界地图册',
        listPrice: '45.50',
        standardCost: '30.25',
        taxRate: '0.09',
        supplier: '中华书局',
      }),
      tyre: await product({
        sku: 'TY-100',
        name: '轮胎 205/55R16',
        listPrice: '399.00',
        standardCost: '250.00',
        taxRate: '0.13',
        supplier: '米其林',
      }),
      loose: await product({ sku: 'MISC-1', name: '包装服务', listPrice: '10.00', taxRate: '0.06' }),
    },
    customer: { id: '' },
    westCustomer: { id: '' },
    roles: { manager: manager.id, rep: rep.id },
  };
  world.customer = await buildCustomer(world.rep.client, { name: '北京东区邮政局' });
  world.westCustomer = await buildCustomer(world.westRep.client, { name: '成都西区书店' });
  return world;
}

/** An order made through POST /api/v1/orders/direct; fails the test on anything but 201. */
export async function makeOrder(
  client: TestClient,
  body: Record<string, unknown>,
): Promise<Record<string, unknown> & { id: string; number: string; version: number }> {
  const res = await client.post('/api/v1/orders/direct', body);
  if (res.statusCode !== 201) throw new Error(`order: ${res.statusCode} ${res.body}`);
  return res.json();
}
