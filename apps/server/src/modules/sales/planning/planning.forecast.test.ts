// The forecast through the HTTP API: open deals expected to close in the period by the category reps set, weighted
// to the fen, won deals of the period, rolled up from teams to branch to head office; another branch's manager gets
// 404; the weekly snapshot job stores the forecast once a week and the trend returns the snapshots and now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Forecast, ForecastTrend } from '@guanxi/contracts';
import { buildDeal, buildPlanningWorld, type PlanningWorld } from './planning.testSetup.ts';
import { forecastSnapshots } from './planning.schema.ts';
import { takeForecastSnapshot } from './planning.forecast.ts';
import { todayIn } from './planning.periods.ts';

describe('forecast', () => {
  let w: PlanningWorld;
  let today: string;
  let movable: { id: string };
  beforeAll(async () => {
    w = await buildPlanningWorld();
    today = todayIn(w.t.config.timeZone);
    const open = (
      rep: PlanningWorld['rep1'],
      amount: string,
      stage: string,
      forecastCategory?: string,
      expectedCloseDate = today,
    ) => buildDeal(w, rep, amount, stage, { expectedCloseDate, ...(forecastCategory ? { forecastCategory } : {}) });
    await open(w.rep1, '10000.00', '商务谈判', 'commit');
    movable = await open(w.rep1, '3333.33', '需求确认', 'best_case');
    await open(w.rep1, '1000.10', '初步接洽');
    await open(w.rep1, '5000.00', '方案报价', 'omitted');
    await open(w.rep1, '8888.00', '方案报价', 'commit', `${Number(w.year) + 1}-01-15`);
    await buildDeal(w, w.rep1, '2000.00');
    await open(w.rep2, '4000.00', '方案报价', 'commit');
    await open(w.westRep, '7000.00', '初步接洽');
  });
  afterAll(async () => w?.t.close());

  const get = async (who: PlanningWorld['admin'], query: string) => {
    const res = await who.client.get(`/api/v1/sales-forecast?period=${w.quarter}${query}`);
    return { status: res.statusCode, body: res.json() as Forecast };
  };

  it('sum each category and the weighted pipeline to the fen, rolled up from the teams', async () => {
    const { status, body } = await get(w.eastManager, '');
    expect(status).toBe(200);
    expect(body.unit).toMatchObject({
      name: '东区分公司',
      figures: {
        commit: { count: 2, amount: '14000.00' },
        bestCase: { count: 1, amount: '3333.33' },
        pipeline: { count: 1, amount: '1000.10' },
        closedWon: { count: 1, amount: '2000.00' },
        // 10000 × 75% + 3333.33 × 25% + 1000.10 × 10% + 4000 × 50% = 10433.3425
        weighted: '10433.34',
      },
    });
    expect(body.children.map((c) => [c.name, c.figures.commit.amount, c.figures.weighted])).toEqual([
      ['东区一组', '10000.00', '8433.34'],
      ['东区二组', '4000.00', '2000.00'],
    ]);
    const team = await get(w.eastManager, `&orgUnitId=${w.east1.id}`);
    const rep = team.body.people.find((p) => p.userId === w.rep1.id)!;
    expect(rep.figures).toMatchObject({ commit: { count: 1 }, closedWon: { amount: '2000.00' } });
    // The drill lists the rep's three open deals of the period (not the omitted one, not next year's).
    const list = await w.eastManager.client.get(`/api/v1/opportunities?${new URLSearchParams(rep.drill.open.query).toString()}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .items.map((o: { amount: string }) => o.amount)
        .sort(),
    ).toEqual(['1000.10', '10000.00', '3333.33']);
  });

  it('head office sees every branch; a branch manager does not see another branch', async () => {
    const all = await get(w.admin, `&orgUnitId=${w.rootId}`);
    expect(all.body.children.map((c) => [c.name, c.figures.pipeline.amount])).toEqual([
      ['东区分公司', '1000.10'],
      ['西区分公司', '7000.00'],
    ]);
    expect(all.body.unit.figures.pipeline).toEqual({ count: 2, amount: '8000.10' });
    expect((await get(w.westManager, `&orgUnitId=${w.east.id}`)).status).toBe(404);
    const west = await get(w.westManager, '');
    expect(west.body.unit.figures.weighted).toBe('700.00');
  });

  it('snapshot weekly through the job and show the trend: last week, this week and now', async () => {
    expect(await w.t.app.jobs.tick()).toBeGreaterThan(0);
    const stored = await w.t.db.select().from(forecastSnapshots).where(eq(forecastSnapshots.period, w.quarter));
    expect(stored.length).toBeGreaterThan(0);
    // The first snapshot becomes last week's; a second run in the same week writes nothing more.
    await w.t.db.execute(sql`UPDATE ${forecastSnapshots} SET week_start = week_start - 7`);
    const moved = await w.rep1.client.patch(
      `/api/v1/opportunities/${movable.id}`,
      { forecastCategory: 'commit' },
      { 'if-match': '2' },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await takeForecastSnapshot(w.t.db, w.t.config.timeZone)).toBeGreaterThan(0);
    expect(await takeForecastSnapshot(w.t.db, w.t.config.timeZone)).toBe(0);

    const res = await w.eastManager.client.get(`/api/v1/sales-forecast/trend?period=${w.quarter}`);
    expect(res.statusCode, res.body).toBe(200);
    const trend = res.json() as ForecastTrend;
    expect(trend.points.map((p) => [p.live, p.figures.commit.amount, p.figures.bestCase.amount])).toEqual([
      [false, '14000.00', '3333.33'],
      [false, '17333.33', '0.00'],
      [true, '17333.33', '0.00'],
    ]);
    expect(trend.points[2]!.week).toBe(today);
    const person = (
      await w.eastManager.client.get(
        `/api/v1/sales-forecast/trend?period=${w.quarter}&orgUnitId=${w.east1.id}&userId=${w.rep1.id}`,
      )
    ).json() as ForecastTrend;
    expect(person.points.map((p) => p.figures.commit.amount)).toEqual(['10000.00', '13333.33', '13333.33']);
    expect(
      (await w.westManager.client.get(`/api/v1/sales-forecast/trend?period=${w.quarter}&orgUnitId=${w.east.id}`)).statusCode,
    ).toBe(404);
  });
});
