// The sales dashboard through the HTTP API: how far the period's opportunities got (funnel), the open pipeline by
// stage and owner, win rate, average days to win and the leaderboard — only of the caller's branch, to the fen, each
// drilling to its deals; another branch's manager gets 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { SalesDashboard } from '@guanxi/contracts';
import { opportunities } from '../sales.schema.ts';
import { todayIn } from './planning.periods.ts';
import { buildDeal, buildPlanningWorld, type PlanningWorld } from './planning.testSetup.ts';

describe('sales dashboard', () => {
  let w: PlanningWorld;
  let slow: string;
  let quick: string;
  beforeAll(async () => {
    w = await buildPlanningWorld();
    const today = todayIn(w.t.config.timeZone);
    slow = (await buildDeal(w, w.rep1, '30000.00')).id;
    await buildDeal(w, w.rep1, '5000.00', '方案报价', { expectedCloseDate: today });
    await buildDeal(w, w.rep1, '2000.00', '输单');
    quick = (await buildDeal(w, w.rep2, '10000.00')).id;
    await buildDeal(w, w.rep2, '1000.00', '初步接洽', { expectedCloseDate: today });
    await buildDeal(w, w.westRep, '99999.00');
  });
  afterAll(async () => w?.t.close());

  const get = async (who: PlanningWorld['admin'], query = '') => {
    const res = await who.client.get(`/api/v1/sales-dashboard?period=${w.quarter}${query}`);
    return { status: res.statusCode, body: res.json() as SalesDashboard };
  };

  it('funnel, pipeline by stage and owner, win rate and leaderboard of the branch', async () => {
    const { status, body } = await get(w.eastManager);
    expect(status).toBe(200);
    expect(body.pipelineId).toBe(w.pipeline.id);
    expect(body.funnel.map((f) => [f.name, f.reached, f.amount])).toEqual([
      ['初步接洽', 5, '48000.00'],
      ['需求确认', 3, '45000.00'],
      ['方案报价', 3, '45000.00'],
      ['商务谈判', 2, '40000.00'],
      ['赢单', 2, '40000.00'],
    ]);
    expect(body.pipelineByStageOwner.map((r) => [r.stageName, r.ownerName, r.count, r.amount])).toEqual([
      ['初步接洽', '孙丽', 1, '1000.00'],
      ['方案报价', '王芳', 1, '5000.00'],
    ]);
    expect(body.winRate).toMatchObject({ won: 2, lost: 1, rate: 66.7 });
    expect(body.leaderboard.map((l) => [l.rank, l.name, l.won, l.revenue])).toEqual([
      [1, '王芳', 1, '30000.00'],
      [2, '孙丽', 1, '10000.00'],
    ]);
    // The funnel's 方案报价 drills to the deals created this period now at or past it.
    const drill = body.funnel[2]!.drill;
    const list = await w.eastManager.client.get(`/api/v1/opportunities?${new URLSearchParams(drill.query).toString()}`);
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .items.map((o: { amount: string }) => o.amount)
        .sort(),
    ).toEqual(['10000.00', '30000.00', '5000.00']);
  });

  it('average days from creation to won', async () => {
    await w.t.db.execute(
      sql`UPDATE ${opportunities} SET created_at = closed_at - interval '36 hours' WHERE ${eq(opportunities.id, slow)}`,
    );
    await w.t.db.execute(
      sql`UPDATE ${opportunities} SET created_at = closed_at - interval '12 hours' WHERE ${eq(opportunities.id, quick)}`,
    );
    const { body } = await get(w.eastManager);
    expect(body.cycle).toMatchObject({ won: 2, averageDays: 1 });
  });

  it('head office sees the west’s deal lead the board; the west manager gets 404 for the east', async () => {
    const all = await get(w.admin, `&orgUnitId=${w.rootId}`);
    expect(all.body.leaderboard[0]).toMatchObject({ rank: 1, name: '刘洋', revenue: '99999.00' });
    expect((await get(w.westManager, `&orgUnitId=${w.east.id}`)).status).toBe(404);
    const west = await get(w.westManager);
    expect(west.body.leaderboard.map((l) => l.name)).toEqual(['刘洋']);
    expect(west.body.winRate).toMatchObject({ won: 1, lost: 0, rate: 100 });
  });
});
