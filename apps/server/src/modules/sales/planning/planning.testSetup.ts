// Test-only: an org tree of two branches (east with two teams, west with one) with a manager per branch and reps in
// the teams, and helpers to give them customers, won and open opportunities and visits through the real API.
import type { Pipeline } from '@guanxi/contracts';
import type { RolePermissions } from '@guanxi/contracts';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../../test/factories/access.ts';
import { buildCustomer } from '../../../../test/factories/customers.ts';
import { periodsContaining, todayIn } from './planning.periods.ts';

const every = (scope: string, overrides: Record<string, string> = {}): RolePermissions =>
  ({
    '*': { read: scope, create: scope, update: scope, delete: scope, assign: scope, export: scope, ...overrides },
  }) as RolePermissions;

export interface Person {
  id: string;
  name: string;
  client: TestClient;
}

export interface PlanningWorld {
  t: TestApp;
  admin: Person;
  rootId: string;
  east: { id: string };
  east1: { id: string };
  east2: { id: string };
  west: { id: string };
  west1: { id: string };
  eastManager: Person;
  westManager: Person;
  rep1: Person;
  rep2: Person;
  westRep: Person;
  pipeline: Pipeline;
  /** The current month, quarter and year in the organisation's time zone. */
  month: string;
  quarter: string;
  year: string;
  stage(name: string): string;
}

export async function buildPlanningWorld(): Promise<PlanningWorld> {
  const t = await createTestApp();
  const a = await buildAdmin(t.db);
  const rootId = a.root.id;
  const east = await buildOrgUnit(t.db, { parentId: rootId, name: '东区分公司' });
  const east1 = await buildOrgUnit(t.db, { parentId: east.id, name: '东区一组' });
  const east2 = await buildOrgUnit(t.db, { parentId: east.id, name: '东区二组' });
  const west = await buildOrgUnit(t.db, { parentId: rootId, name: '西区分公司' });
  const west1 = await buildOrgUnit(t.db, { parentId: west.id, name: '西区一组' });
  const manager = await buildRole(t.db, { permissions: every('unit-and-below') });
  const rep = await buildRole(t.db, { permissions: every('own', { read: 'unit', assign: 'none', export: 'none' }) });
  const person = async (orgUnitId: string, roleId: string, displayName: string): Promise<Person> => {
    const user = await buildUser(t.db, { orgUnitId, roleIds: [roleId], displayName });
    return { id: user.id, name: displayName, client: await t.as(user.id) };
  };
  const admin: Person = { id: a.user.id, name: a.user.displayName, client: await t.as(a.user.id) };
  const pipeline = ((await admin.client.get('/api/v1/pipelines')).json().items as Pipeline[]).find((p) => p.isDefault)!;
  const [month, quarter, year] = periodsContaining(todayIn(t.config.timeZone)) as [string, string, string];
  return {
    t,
    admin,
    rootId,
    east,
    east1,
    east2,
    west,
    west1,
    eastManager: await person(east.id, manager.id, '李娜'),
    westManager: await person(west.id, manager.id, '赵强'),
    rep1: await person(east1.id, rep.id, '王芳'),
    rep2: await person(east2.id, rep.id, '孙丽'),
    westRep: await person(west1.id, rep.id, '刘洋'),
    pipeline,
    month,
    quarter,
    year,
    stage: (name) => pipeline.stages.find((s) => s.name === name)!.id,
  };
}

export async function expectCreated(res: { statusCode: number; body: string; json(): unknown }) {
  if (res.statusCode !== 201) throw new Error(`expected 201, got ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown> & { id: string; version: number };
}

/** An opportunity of `amount` for a new customer of the rep (or `fields.customerId`), moved to `stage` (won closes it now). */
export async function buildDeal(
  w: PlanningWorld,
  rep: Person,
  amount: string,
  stage = '赢单',
  fields: Record<string, unknown> = {},
): Promise<{ id: string; customerId: string }> {
  const customer = fields.customerId ? { id: fields.customerId as string } : await buildCustomer(rep.client);
  const opp = await expectCreated(
    await rep.client.post('/api/v1/opportunities', { name: `商机${amount}`, customerId: customer.id, amount, ...fields }),
  );
  if (stage !== '初步接洽') {
    const moved = await rep.client.patch(
      `/api/v1/opportunities/${opp.id}`,
      { stageId: w.stage(stage), ...(stage === '输单' ? { lossReason: 'price' } : {}) },
      { 'if-match': String(opp.version) },
    );
    if (moved.statusCode !== 200) throw new Error(`move failed: ${moved.statusCode} ${moved.body}`);
  }
  return { id: opp.id, customerId: customer.id };
}

/** A visit of the rep to the customer: done now, or planned for now. */
export async function buildVisit(rep: Person, customerId: string, status: 'done' | 'planned') {
  const now = new Date().toISOString();
  return expectCreated(
    await rep.client.post('/api/v1/activities', {
      kind: 'visit',
      subject: status === 'done' ? '上门拜访' : '计划拜访',
      customerId,
      status,
      ...(status === 'done' ? { checkInAt: now } : { plannedAt: now }),
      occurredAt: now,
    }),
  );
}
