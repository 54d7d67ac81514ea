// Sales targets through the HTTP API: managers plan their branch and below (not another branch, not as a rep),
// negative or fractional values and overlapping periods are refused naming the field, a unit's target splits to its
// teams and people without the parts exceeding it, and every refused write leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesTarget } from '@guanxi/contracts';
import { buildPlanningWorld, type PlanningWorld } from './planning.testSetup.ts';

describe('sales targets', () => {
  let w: PlanningWorld;
  beforeAll(async () => {
    w = await buildPlanningWorld();
  });
  afterAll(async () => w?.t.close());

  const list = async (query: string) =>
    ((await w.admin.client.get(`/api/v1/sales-targets?${query}`)).json().items as SalesTarget[]).map((t) => [
      t.orgUnitName,
      t.userName,
      t.period,
      t.metric,
      t.value,
    ]);

  it('a branch manager sets targets for the branch, its teams and people; not for another branch; a rep for none', async () => {
    const res = await w.eastManager.client.post('/api/v1/sales-targets', {
      period: w.year,
      metric: 'revenue',
      orgUnitId: w.east.id,
      value: '1200000.50',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      period: w.year,
      periodKind: 'year',
      startDate: `${w.year}-01-01`,
      endDate: `${w.year}-12-31`,
      orgUnitName: '东区分公司',
      userId: null,
      value: '1200000.50',
      childrenTotal: '0.00',
      parentId: null,
      version: 1,
    });
    const person = await w.eastManager.client.post('/api/v1/sales-targets', {
      period: w.year,
      metric: 'visits',
      userId: w.rep1.id,
      value: '120',
    });
    expect(person.statusCode, person.body).toBe(201);
    expect(person.json()).toMatchObject({ orgUnitId: w.east1.id, userName: '王芳', value: '120.00' });

    const foreign = await w.westManager.client.post('/api/v1/sales-targets', {
      period: w.year,
      metric: 'new_customers',
      orgUnitId: w.east.id,
      value: '10',
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('TARGET_OUT_OF_SCOPE');
    const byRep = await w.rep1.client.post('/api/v1/sales-targets', {
      period: w.year,
      metric: 'visits',
      userId: w.rep1.id,
      value: '500',
    });
    expect(byRep.statusCode).toBe(403);
    // The west manager neither reads the east's target nor finds it in a list.
    expect((await w.westManager.client.get(`/api/v1/sales-targets/${res.json().id}`)).statusCode).toBe(404);
    const westList = (await w.westManager.client.get(`/api/v1/sales-targets?period=${w.year}`)).json().items;
    expect(westList).toEqual([]);
    // The rep sees their own target.
    const repList = (await w.rep1.client.get(`/api/v1/sales-targets?period=${w.year}&metric=visits`)).json().items;
    expect(repList.map((t: SalesTarget) => t.value)).toEqual(['120.00']);
  });

  it('refuse negative, fractional counts, three decimals and overlapping periods, writing nothing', async () => {
    const post = (body: Record<string, unknown>) =>
      w.eastManager.client.post('/api/v1/sales-targets', {
        period: w.quarter,
        metric: 'revenue',
        orgUnitId: w.east2.id,
        ...body,
      });
    const negative = await post({ value: '-1.00' });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details).toEqual([expect.objectContaining({ field: 'value', code: 'TARGET_NEGATIVE' })]);
    const fen = await post({ value: '10.005' });
    expect(fen.json().error.details[0]).toMatchObject({ field: 'value', code: 'TOO_MANY_DECIMALS' });
    const half = await post({ metric: 'new_customers', value: '2.5' });
    expect(half.json().error.details[0]).toMatchObject({ field: 'value', code: 'TARGET_COUNT_NOT_WHOLE' });
    const badPeriod = await post({ period: '2026-Q5', value: '1' });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().error.details[0].field).toBe('period');

    expect((await post({ value: '90000' })).statusCode).toBe(201);
    // The month inside the quarter overlaps it; another category or another metric does not.
    const overlap = await post({ period: w.month, value: '30000' });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error).toMatchObject({
      code: 'TARGET_OVERLAP',
      details: [expect.objectContaining({ field: 'period' })],
    });
    const same = await post({ value: '1' });
    expect(same.json().error.code).toBe('TARGET_OVERLAP');
    expect((await post({ period: w.month, category: '集邮', value: '30000' })).statusCode).toBe(201);
    // Two managers setting the same slot at once: one target is written, the other gets 409.
    const race = await Promise.all([
      post({ metric: 'new_customers', category: '邮政储蓄', value: '5' }),
      w.admin.client.post('/api/v1/sales-targets', {
        period: w.month,
        metric: 'new_customers',
        category: '邮政储蓄',
        orgUnitId: w.east2.id,
        value: '2',
      }),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await list(`orgUnitId=${w.east2.id}&metric=new_customers&category=${encodeURIComponent('邮政储蓄')}`)).toHaveLength(1);
    expect((await post({ period: w.month, metric: 'visits', value: '30' })).statusCode).toBe(201);
    expect((await list(`orgUnitId=${w.east2.id}&metric=revenue`)).sort()).toEqual([
      ['东区二组', null, w.month, 'revenue', '30000.00'],
      ['东区二组', null, w.quarter, 'revenue', '90000.00'],
    ]);
  });

  it('split a branch target to its teams and people; the parts never exceed it', async () => {
    const parent = (
      await w.eastManager.client.post('/api/v1/sales-targets', {
        period: w.quarter,
        metric: 'new_customers',
        orgUnitId: w.east.id,
        value: '100',
      })
    ).json() as SalesTarget;
    const split = (children: Record<string, unknown>[]) =>
      w.eastManager.client.post(`/api/v1/sales-targets/${parent.id}/split`, { children });

    const tooMuch = await split([
      { orgUnitId: w.east1.id, value: '60' },
      { orgUnitId: w.east2.id, value: '41' },
    ]);
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().error.code).toBe('TARGET_SPLIT_EXCEEDS_PARENT');
    expect(await list(`parentId=${parent.id}`)).toEqual([]);

    const notBelow = await w.admin.client.post(`/api/v1/sales-targets/${parent.id}/split`, {
      children: [{ orgUnitId: w.west.id, value: '1' }],
    });
    expect(notBelow.statusCode).toBe(400);
    expect(notBelow.json().error.details[0]).toMatchObject({ field: 'children.0.orgUnitId', code: 'TARGET_SPLIT_NOT_BELOW' });
    const outOfScope = await w.westManager.client.post(`/api/v1/sales-targets/${parent.id}/split`, {
      children: [{ orgUnitId: w.east1.id, value: '1' }],
    });
    expect(outOfScope.statusCode).toBe(404);

    const ok = await split([
      { orgUnitId: w.east1.id, value: '60' },
      { orgUnitId: w.east2.id, value: '30' },
      { userId: w.eastManager.id, value: '10' },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().parent).toMatchObject({ childrenTotal: '100.00', value: '100.00' });
    expect(ok.json().children.map((c: SalesTarget) => [c.orgUnitName, c.userName, c.value, c.parentId])).toEqual([
      ['东区分公司', '李娜', '10.00', parent.id],
      ['东区一组', null, '60.00', parent.id],
      ['东区二组', null, '30.00', parent.id],
    ]);
    // Splitting again changes the listed parts in place.
    const again = await split([{ orgUnitId: w.east2.id, value: '25' }]);
    expect(again.json().parent.childrenTotal).toBe('95.00');

    const team1 = ok.json().children.find((c: SalesTarget) => c.orgUnitId === w.east1.id) as SalesTarget;
    const raise = await w.eastManager.client.patch(`/api/v1/sales-targets/${team1.id}`, { value: '66' }, { 'if-match': '1' });
    expect(raise.statusCode).toBe(422);
    expect(raise.json().error.code).toBe('TARGET_SPLIT_EXCEEDS_PARENT');
    const fits = await w.eastManager.client.patch(`/api/v1/sales-targets/${team1.id}`, { value: '65' }, { 'if-match': '1' });
    expect(fits.statusCode, fits.body).toBe(200);
    expect(fits.json()).toMatchObject({ value: '65.00', version: 2 });
    const stale = await w.eastManager.client.patch(`/api/v1/sales-targets/${team1.id}`, { value: '1' }, { 'if-match': '1' });
    expect(stale.statusCode).toBe(412);

    const lower = await w.eastManager.client.patch(`/api/v1/sales-targets/${parent.id}`, { value: '99' }, { 'if-match': '1' });
    expect(lower.statusCode).toBe(422);
    expect(lower.json().error.code).toBe('TARGET_BELOW_CHILDREN');
    const remove = await w.eastManager.client.delete(`/api/v1/sales-targets/${parent.id}`, { 'if-match': '1' });
    expect(remove.statusCode).toBe(409);
    expect(remove.json().error.code).toBe('TARGET_HAS_CHILDREN');

    // A team's own target of the same period, set before, is a conflict for a split part.
    const other = (
      await w.eastManager.client.post('/api/v1/sales-targets', {
        period: w.quarter,
        metric: 'visits',
        orgUnitId: w.east1.id,
        value: '40',
      })
    ).json() as SalesTarget;
    const visitsParent = (
      await w.eastManager.client.post('/api/v1/sales-targets', {
        period: w.quarter,
        metric: 'visits',
        orgUnitId: w.east.id,
        value: '100',
      })
    ).json() as SalesTarget;
    const clash = await w.eastManager.client.post(`/api/v1/sales-targets/${visitsParent.id}/split`, {
      children: [
        { userId: w.eastManager.id, value: '20' },
        { orgUnitId: w.east1.id, value: '40' },
      ],
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({
      code: 'TARGET_OVERLAP',
      details: [expect.objectContaining({ field: 'children.1' })],
    });
    expect(await list(`parentId=${visitsParent.id}`)).toEqual([]);
    expect(other.parentId).toBeNull();
  });
});
