// Scorecards through the HTTP API: visits done vs planned, how complete the reps' customers are and revenue vs
// target, weighted 25/25/50 by default and as an administrator sets them (adding up to 100, else 400); people and
// teams ranked within the branch; each part drills to its records; another branch's manager gets 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScorecardRow, Scorecards } from '@guanxi/contracts';
import { buildContact, buildCustomer } from '../../../../test/factories/customers.ts';
import { buildDeal, buildPlanningWorld, buildVisit, type PlanningWorld } from './planning.testSetup.ts';

describe('scorecards', () => {
  let w: PlanningWorld;
  beforeAll(async () => {
    w = await buildPlanningWorld();
    const full = await buildCustomer(w.rep1.client, { name: '杭州市第一中学', province: '浙江省', industry: 'education' });
    await buildContact(w.rep1.client, full.id, { name: '周老师' });
    const id = await w.rep1.client.post(`/api/v1/customers/${full.id}/identifiers`, { type: 'mobile', value: '13800138000' });
    if (id.statusCode !== 201) throw new Error(id.body);
    await buildCustomer(w.rep1.client, { name: '空白客户' });
    const partial = await buildCustomer(w.rep2.client, { name: '宁波市图书馆', province: '浙江省' });
    await buildDeal(w, w.rep1, '30000.00', '赢单', { customerId: full.id });
    await buildDeal(w, w.rep2, '10000.00', '赢单', { customerId: partial.id });
    await buildVisit(w.rep1, full.id, 'done');
    await buildVisit(w.rep1, full.id, 'done');
    await buildVisit(w.rep1, full.id, 'planned');
    await buildVisit(w.rep2, partial.id, 'done');
    const target = await w.eastManager.client.post('/api/v1/sales-targets', {
      period: w.quarter,
      metric: 'revenue',
      userId: w.rep1.id,
      value: '60000.00',
    });
    if (target.statusCode !== 201) throw new Error(target.body);
  });
  afterAll(async () => w?.t.close());

  const get = async (who: PlanningWorld['admin'], query = '') => {
    const res = await who.client.get(`/api/v1/sales-scorecards?period=${w.quarter}${query}`);
    return { status: res.statusCode, body: res.json() as Scorecards };
  };
  const part = (row: ScorecardRow, key: string) => row.components.find((c) => c.key === key)!;

  it('score each rep from visits, customer information and revenue vs target, ranked in the branch', async () => {
    const { status, body } = await get(w.eastManager);
    expect(status).toBe(200);
    expect(body.weights).toEqual({ visits: 25, completeness: 25, results: 50 });
    const rep1 = body.people.find((p) => p.userId === w.rep1.id)!;
    // 25 × 2/3 + 25 × 4/8 + 50 × 30000/60000 = 16.67 + 12.5 + 25
    expect(rep1).toMatchObject({ name: '王芳', score: 54.17, rank: 1 });
    expect(part(rep1, 'visits')).toMatchObject({ weight: 25, rate: 0.6667, points: 16.67, numbers: { planned: 3, done: 2 } });
    expect(part(rep1, 'completeness')).toMatchObject({
      rate: 0.5,
      points: 12.5,
      numbers: { customers: 2, withPhone: 1, withRegion: 1, withIndustry: 1, withContact: 1 },
    });
    expect(part(rep1, 'results')).toMatchObject({ rate: 0.5, points: 25, numbers: { target: '60000.00', actual: '30000.00' } });
    // No revenue target: the results part scores nothing and says so.
    const rep2 = body.people.find((p) => p.userId === w.rep2.id)!;
    expect(rep2).toMatchObject({ score: 31.25, rank: 2 });
    expect(part(rep2, 'results')).toMatchObject({ rate: null, points: 0, numbers: { target: null, actual: '10000.00' } });
    expect(body.people.map((p) => [p.name, p.rank])).toEqual([
      ['王芳', 1],
      ['孙丽', 2],
      ['李娜', 3],
    ]);
    expect(body.teams.map((t) => [t.name, t.score, t.rank])).toEqual([
      ['东区一组', 54.17, 1],
      ['东区二组', 31.25, 2],
    ]);
    // Drill from the visits part to the rep's visits done.
    const done = part(rep1, 'visits').drill.find((d) => d.label === 'done')!.drill;
    const list = await w.eastManager.client.get(`/api/v1/activities?${new URLSearchParams(done.query).toString()}`);
    expect(list.json().items.map((a: { subject: string }) => a.subject)).toEqual(['上门拜访', '上门拜访']);
  });

  it('use the weights an administrator sets, which must add up to 100', async () => {
    const odd = await w.admin.client.put('/api/v1/sales-scorecard-weights', { visits: 30, completeness: 30, results: 30 });
    expect(odd.statusCode).toBe(400);
    expect(odd.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['visits', 'WEIGHTS_SUM'],
      ['completeness', 'WEIGHTS_SUM'],
      ['results', 'WEIGHTS_SUM'],
    ]);
    const over = await w.admin.client.put('/api/v1/sales-scorecard-weights', { visits: 0, completeness: 0, results: 101 });
    expect(over.json().error.details[0].field).toBe('results');
    const byManager = await w.eastManager.client.put('/api/v1/sales-scorecard-weights', {
      visits: 20,
      completeness: 20,
      results: 60,
    });
    expect(byManager.statusCode).toBe(403);
    const saved = await w.admin.client.put('/api/v1/sales-scorecard-weights', { visits: 20, completeness: 20, results: 60 });
    expect(saved.statusCode, saved.body).toBe(200);
    const { body } = await get(w.eastManager);
    expect(body.weights).toEqual({ visits: 20, completeness: 20, results: 60 });
    // 20 × 2/3 + 20 × 1/2 + 60 × 1/2 = 13.33 + 10 + 30
    expect(body.people.find((p) => p.userId === w.rep1.id)!.score).toBe(53.33);
    expect(body.people.find((p) => p.userId === w.rep2.id)!.score).toBe(25);
  });

  it('another branch’s manager gets 404 for the east; a rep sees their team only', async () => {
    expect((await get(w.westManager, `&orgUnitId=${w.east.id}`)).status).toBe(404);
    const team = await get(w.rep1);
    expect(team.body.unit.orgUnitId).toBe(w.east1.id);
    expect(team.body.people.map((p) => p.name)).toEqual(['王芳']);
  });

  it('show a rep the deals they won on a colleague’s account team beside their results, without scoring them twice', async () => {
    const before = (await get(w.eastManager)).body;
    const deal = await buildDeal(w, w.rep1, '5000.00', '赢单');
    const added = await w.eastManager.client.post(`/api/v1/opportunities/${deal.id}/shares`, {
      userId: w.rep2.id,
      access: 'edit',
      reason: 'team',
    });
    expect(added.statusCode, added.body).toBe(204);
    const { body } = await get(w.eastManager);
    const rep2 = body.people.find((p) => p.userId === w.rep2.id)!;
    expect(part(rep2, 'results').numbers).toMatchObject({ actual: '10000.00', teamCount: 1, teamActual: '5000.00' });
    expect(part(rep2, 'results').drill.find((d) => d.label === 'teamWon')!.drill).toEqual({
      recordType: 'opportunity',
      query: { 'filter[id][in]': deal.id },
    });
    // The score stays on the owner's revenue: rep2's is unchanged, rep1's grows by the deal.
    expect(rep2.score).toBe(before.people.find((p) => p.userId === w.rep2.id)!.score);
    const rep1 = body.people.find((p) => p.userId === w.rep1.id)!;
    expect(part(rep1, 'results').numbers).toMatchObject({ actual: '35000.00' });
    expect(part(rep1, 'results').numbers).not.toHaveProperty('teamCount');
    // The drill opens exactly that deal for the manager.
    const listed = await w.eastManager.client.get(`/api/v1/opportunities?filter[id][in]=${deal.id}`);
    expect(listed.json().items.map((i: { id: string }) => i.id)).toEqual([deal.id]);
  });
});
