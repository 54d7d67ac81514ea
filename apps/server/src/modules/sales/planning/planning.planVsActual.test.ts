// Plan vs actual through the HTTP API: revenue of won deals (no orders here) to the fen, new customers and visits done in the period, rolled
// up from teams to the branch and the head office; a branch manager sees the branch, another branch's manager gets
// 404 for it; drill filters open exactly the deals behind a figure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanVsActual } from '@guanxi/contracts';
import { buildDeal, buildPlanningWorld, buildVisit, type PlanningWorld } from './planning.testSetup.ts';

describe('plan vs actual', () => {
  let w: PlanningWorld;
  beforeAll(async () => {
    w = await buildPlanningWorld();
    const a = await buildDeal(w, w.rep1, '30000.50');
    await buildDeal(w, w.rep1, '12000.25');
    await buildDeal(w, w.rep1, '9999.99', '输单');
    await buildDeal(w, w.rep1, '50000.00', '商务谈判');
    const b = await buildDeal(w, w.rep2, '8000.00');
    await buildDeal(w, w.westRep, '5000.01');
    await buildVisit(w.rep1, a.customerId, 'done');
    await buildVisit(w.rep1, a.customerId, 'done');
    await buildVisit(w.rep1, a.customerId, 'planned');
    await buildVisit(w.rep2, b.customerId, 'done');
    const m = w.eastManager.client;
    const target = async (body: Record<string, unknown>) => {
      const res = await m.post('/api/v1/sales-targets', { period: w.quarter, ...body });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json();
    };
    const branch = await target({ metric: 'revenue', orgUnitId: w.east.id, value: '100000.00' });
    const split = await m.post(`/api/v1/sales-targets/${branch.id}/split`, {
      children: [
        { orgUnitId: w.east1.id, value: '60000.00' },
        { orgUnitId: w.east2.id, value: '40000.00' },
      ],
    });
    if (split.statusCode !== 200) throw new Error(split.body);
    await target({ metric: 'revenue', userId: w.rep1.id, value: '50000.00' });
    await target({ metric: 'visits', userId: w.rep1.id, value: '4' });
    // Team 2 has no visits target of its own: the branch's comes from its teams' (here: team 1's people only).
    await target({ metric: 'new_customers', orgUnitId: w.east1.id, value: '8' });
  });
  afterAll(async () => w?.t.close());

  const get = async (who: PlanningWorld['admin'], query: string) => {
    const res = await who.client.get(`/api/v1/sales-plan-vs-actual?period=${w.quarter}${query}`);
    return { status: res.statusCode, body: res.json() as PlanVsActual };
  };

  it('roll the branch up from its teams, to the fen, with targets and attainment', async () => {
    const { status, body } = await get(w.eastManager, '');
    expect(status).toBe(200);
    expect(body.period).toMatchObject({ period: w.quarter, kind: 'quarter' });
    expect(body.unit).toMatchObject({
      kind: 'unit',
      orgUnitId: w.east.id,
      name: '东区分公司',
      revenue: { target: '100000.00', actual: '50000.75', attainment: 50 },
      newCustomers: { target: '8', actual: '5' },
      visits: { target: '4', actual: '3' },
    });
    expect(body.children.map((c) => [c.name, c.revenue.target, c.revenue.actual, c.revenue.attainment, c.visits.actual])).toEqual(
      [
        ['东区一组', '60000.00', '42000.75', 70, '2'],
        ['东区二组', '40000.00', '8000.00', 20, '1'],
      ],
    );
    // The branch's own people: the manager, with nothing of their own.
    expect(body.people.map((p) => [p.name, p.revenue.actual])).toEqual([['李娜', '0.00']]);
  });

  it('show a team’s people with their own targets', async () => {
    const { body } = await get(w.eastManager, `&orgUnitId=${w.east1.id}`);
    expect(body.unit.newCustomers).toMatchObject({ target: '8', actual: '4', attainment: 50 });
    const rep = body.people.find((p) => p.userId === w.rep1.id)!;
    expect(rep).toMatchObject({
      name: '王芳',
      revenue: { target: '50000.00', actual: '42000.75', attainment: 84 },
      visits: { target: '4', actual: '2', attainment: 50 },
    });
    // Without orders the figure drills to the two won deals of the rep in the quarter (with orders: the orders,
    // planning.orderRevenue.test.ts).
    const list = await w.eastManager.client.get(
      `/api/v1/opportunities?${new URLSearchParams(rep.revenue.drill.query).toString()}`,
    );
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .items.map((o: { amount: string }) => o.amount)
        .sort(),
    ).toEqual(['12000.25', '30000.50']);
    const visits = await w.eastManager.client.get(`/api/v1/activities?${new URLSearchParams(rep.visits.drill.query).toString()}`);
    expect(visits.json().items).toHaveLength(2);
  });

  it('the head office sees both branches; another branch’s manager gets 404 for the east', async () => {
    const { body } = await get(w.admin, `&orgUnitId=${w.rootId}`);
    expect(body.unit.revenue.actual).toBe('55000.76');
    expect(body.children.map((c) => [c.name, c.revenue.actual])).toEqual([
      ['东区分公司', '50000.75'],
      ['西区分公司', '5000.01'],
    ]);
    expect((await get(w.westManager, `&orgUnitId=${w.east.id}`)).status).toBe(404);
    expect((await get(w.westManager, `&orgUnitId=${w.east1.id}`)).status).toBe(404);
    const west = await get(w.westManager, '');
    expect(west.body.unit).toMatchObject({ name: '西区分公司', revenue: { actual: '5000.01', target: null } });
    // A rep (read scope: their unit) sees their team alone, not the branch.
    expect((await get(w.rep1, `&orgUnitId=${w.east.id}`)).status).toBe(404);
    const team = await get(w.rep1, '');
    expect(team.body.unit.revenue.actual).toBe('42000.75');
    expect(team.body.children).toEqual([]);
  });

  it('refuse a malformed period with 400 naming it', async () => {
    const res = await w.admin.client.get('/api/v1/sales-plan-vs-actual?period=2026-13');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toContain('period');
  });
});
