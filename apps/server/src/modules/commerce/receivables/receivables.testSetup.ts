// Test-only: a company of two branches (east with a team, west) with a manager per branch and reps, customers of the
// reps, and helpers to make orders (createOrder, one line of the gross asked for) and instalment plans through the API.
import { eq } from 'drizzle-orm';
import type { InstalmentPlan, RolePermissions } from '@guanxi/contracts';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../../test/factories/access.ts';
import { buildCustomer } from '../../../../test/factories/customers.ts';
import { loadActor } from '../../../platform/access/actor.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { createOrder } from '../orders/orders.create.ts';
import { instalments } from './receivables.schema.ts';

const every = (scope: string, overrides: Record<string, string> = {}) => ({
  read: scope,
  create: scope,
  update: scope,
  delete: scope,
  assign: scope,
  export: scope,
  ...overrides,
});

export interface Person {
  id: string;
  name: string;
  client: TestClient;
  actor(): Promise<Actor>;
}

export interface ReceivablesWorld {
  t: TestApp;
  rootId: string;
  east: { id: string };
  east1: { id: string };
  west: { id: string };
  admin: Person;
  eastManager: Person;
  westManager: Person;
  rep: Person;
  rep2: Person;
  westRep: Person;
  /** A reader of every order who may change none. */
  auditor: Person;
}

export async function buildReceivablesWorld(): Promise<ReceivablesWorld> {
  const t = await createTestApp();
  const a = await buildAdmin(t.db);
  const east = await buildOrgUnit(t.db, { parentId: a.root.id, name: '东区分公司' });
  const east1 = await buildOrgUnit(t.db, { parentId: east.id, name: '东区一组' });
  const west = await buildOrgUnit(t.db, { parentId: a.root.id, name: '西区分公司' });
  const manager = await buildRole(t.db, { permissions: { '*': every('unit-and-below') } as RolePermissions });
  const rep = await buildRole(t.db, {
    permissions: { '*': every('own', { read: 'own', assign: 'none', export: 'none' }) } as RolePermissions,
  });
  const auditor = await buildRole(t.db, { permissions: { '*': every('none', { read: 'all' }) } as RolePermissions });
  const person = async (orgUnitId: string, roleId: string | null, displayName: string, id?: string): Promise<Person> => {
    const userId = id ?? (await buildUser(t.db, { orgUnitId, roleIds: roleId ? [roleId] : [], displayName })).id;
    return {
      id: userId,
      name: displayName,
      client: await t.as(userId),
      actor: async () => (await loadActor(t.db, userId, { source: 'api', requestId: null, via: 'system' }))!,
    };
  };
  return {
    t,
    rootId: a.root.id,
    east,
    east1,
    west,
    admin: await person(a.root.id, null, a.user.displayName, a.user.id),
    eastManager: await person(east.id, manager.id, '李娜'),
    westManager: await person(west.id, manager.id, '赵强'),
    rep: await person(east1.id, rep.id, '王芳'),
    rep2: await person(east1.id, rep.id, '孙丽'),
    westRep: await person(west.id, rep.id, '刘洋'),
    auditor: await person(a.root.id, auditor.id, '审计'),
  };
}

export const newCustomer = (p: Person, name?: string) => buildCustomer(p.client, name ? { name } : {});

/** An order of the person for `customerId` whose gross total is `gross` (one line, prices with tax). */
export async function buildOrder(
  w: ReceivablesWorld,
  p: Person,
  customerId: string,
  gross: string,
  orderDate = '2026-01-10',
): Promise<{ id: string; number: string }> {
  const actor = await p.actor();
  const order = await w.t.db.transaction((tx) =>
    createOrder(tx, actor, {
      customerId,
      orderDate,
      lines: [{ name: '教材', quantity: '1', unitPrice: gross, taxRate: '13' }],
    }),
  );
  // A plan the orders part may have written at creation is replaced by each test's own.
  await w.t.db.delete(instalments).where(eq(instalments.orderId, order.id));
  return order;
}

export async function getPlan(p: Person, orderId: string): Promise<InstalmentPlan> {
  const res = await p.client.get(`/api/v1/orders/${orderId}/instalments`);
  if (res.statusCode !== 200) throw new Error(`plan: ${res.statusCode} ${res.body}`);
  return res.json() as InstalmentPlan;
}

/** Saves instalments `[dueDate, amount][]` over the current plan; returns the plan. */
export async function savePlan(p: Person, orderId: string, items: [string, string][]): Promise<InstalmentPlan> {
  const plan = await getPlan(p, orderId);
  const res = await p.client.put(
    `/api/v1/orders/${orderId}/instalments`,
    { instalments: items.map(([dueDate, amount]) => ({ dueDate, amount })) },
    { 'if-match': String(plan.version) },
  );
  if (res.statusCode !== 200) throw new Error(`save plan: ${res.statusCode} ${res.body}`);
  return res.json() as InstalmentPlan;
}

export async function pay(p: Person, body: Record<string, unknown>) {
  return p.client.post('/api/v1/payments', { method: 'bank', receivedOn: '2026-02-01', ...body });
}
