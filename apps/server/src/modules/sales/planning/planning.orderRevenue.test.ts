// Revenue in plan vs actual once orders exist: sold orders of the period count (gross, to the fen), a won deal an
// order carries counts once — as its order — and drafts or cancelled orders do not count; the drill opens the orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { PlanVsActual } from '@guanxi/contracts';
import { orders } from '../../commerce/orders/orders.schema.ts';
import { buildDeal, buildPlanningWorld, expectCreated, type Person, type PlanningWorld } from './planning.testSetup.ts';

describe('plan vs actual with orders', () => {
  let w: PlanningWorld;
  const order = async (rep: Person, customerId: string, lines: [string, string][], extra: Record<string, unknown> = {}) =>
    expectCreated(
      await rep.client.post('/api/v1/orders/direct', {
        customerId,
        lines: lines.map(([quantity, unitPrice]) => ({ name: '服务费', quantity, unitPrice, taxRate: '6' })),
        ...extra,
      }),
    );
  // Approval is its own part (the approvals tests): here an order is put straight into the state a decision leaves.
  const setStatus = (id: string, status: string) => w.t.db.update(orders).set({ status }).where(eq(orders.id, id));

  beforeAll(async () => {
    w = await buildPlanningWorld();
    const deal = await buildDeal(w, w.rep1, '30000.50');
    await buildDeal(w, w.rep1, '12000.25');
    // The first deal's order: 3 × 10,333.33 = 30,999.99 (prices include tax), sold.
    const carried = await order(w.rep1, deal.customerId, [['3', '10333.33']], { opportunityId: deal.id });
    await setStatus(carried.id, 'approved');
    // An order without a deal: 2 × 617.28 = 1,234.56, in progress.
    const direct = await order(w.rep1, deal.customerId, [['2', '617.28']]);
    await setStatus(direct.id, 'inProgress');
    // Not sold: a draft, and a cancelled order.
    await order(w.rep1, deal.customerId, [['1', '99999.00']]);
    const cancelled = await order(w.rep1, deal.customerId, [['1', '88888.00']]);
    await setStatus(cancelled.id, 'cancelled');
  });
  afterAll(async () => w?.t.close());

  it('count sold orders and the won deals no order carries, each once', async () => {
    const res = await w.eastManager.client.get(`/api/v1/sales-plan-vs-actual?period=${w.quarter}&orgUnitId=${w.east1.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as PlanVsActual;
    const rep = body.people.find((p) => p.userId === w.rep1.id)!;
    // 30,999.99 + 1,234.56 + 12,000.25 (the deal without an order) = 44,234.80; the carried deal's 30,000.50 is gone.
    expect(rep.revenue.actual).toBe('44234.80');
    expect(body.unit.revenue.actual).toBe('44234.80');

    const drilled = await w.eastManager.client.get(`/api/v1/orders?${new URLSearchParams(rep.revenue.drill.query).toString()}`);
    expect(drilled.statusCode, drilled.body).toBe(200);
    expect(
      drilled
        .json()
        .items.map((o: { grossTotal: string }) => o.grossTotal)
        .sort(),
    ).toEqual(['1234.56', '30999.99']);
  });

  it('count the lines of a product category and the categories below it', async () => {
    const res = await w.eastManager.client.get(
      `/api/v1/sales-plan-vs-actual?period=${w.quarter}&orgUnitId=${w.east1.id}&category=${encodeURIComponent('图书')}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    // The orders above have free lines (no product): nothing of the category.
    expect((res.json() as PlanVsActual).unit.revenue.actual).toBe('0.00');
  });

  it('a scorecard’s results use the same revenue and drill to the orders', async () => {
    const res = await w.eastManager.client.get(`/api/v1/sales-scorecards?period=${w.quarter}&orgUnitId=${w.east1.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().people.find((p: { userId: string }) => p.userId === w.rep1.id);
    const results = row.components.find((c: { key: string }) => c.key === 'results');
    expect(results.numbers.actual).toBe('44234.80');
    expect(results.drill.map((d: { label: string }) => d.label)).toContain('sold');
  });
});
