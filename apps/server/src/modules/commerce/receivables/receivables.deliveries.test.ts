// Delivery schedules: Σ per line within the line's quantity (bad input named), saved over the schedule's version, and
// the status of each delivery from the line's delivered quantity filled in date order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { DeliveryPlan } from '@guanxi/contracts';
import { todayIn } from '../../sales/planning/planning.periods.ts';
import { createOrder } from '../orders/orders.create.ts';
import { orderLines } from '../orders/orders.schema.ts';
import { addDays } from './receivables.dates.ts';
import { buildReceivablesWorld, newCustomer, type ReceivablesWorld } from './receivables.testSetup.ts';

let w: ReceivablesWorld;
let orderId: string;
let lines: { id: string }[];
beforeAll(async () => {
  w = await buildReceivablesWorld();
  const customer = await newCustomer(w.rep);
  const actor = await w.rep.actor();
  orderId = (
    await w.t.db.transaction((tx) =>
      createOrder(tx, actor, {
        customerId: customer.id,
        lines: [
          { name: '中国历史地图集', unit: '套', quantity: '100', unitPrice: '80.00', taxRate: '9' },
          { name: '英汉大词典', unit: '本', quantity: '2.5', unitPrice: '20.00', taxRate: '9' },
        ],
      }),
    )
  ).id;
  lines = await w.t.db
    .select({ id: orderLines.id })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.position));
});
afterAll(() => w.t.close());

const put = (body: unknown, version: number) =>
  w.rep.client.put(`/api/v1/orders/${orderId}/deliveries`, body, { 'if-match': String(version) });

describe('GET/PUT /orders/:id/deliveries', () => {
  it('refuses more than a line holds, naming the delivery that goes over, and bad quantities', async () => {
    const res = await put(
      {
        deliveries: [
          { orderLineId: lines[0]!.id, plannedDate: '2026-03-01', quantity: '60' },
          { orderLineId: lines[0]!.id, plannedDate: '2026-04-01', quantity: '40.0001' },
          { orderLineId: lines[1]!.id, plannedDate: '2026-03-01', quantity: '0' },
          { orderLineId: lines[1]!.id, plannedDate: '2026-03-01', quantity: '1.00001' },
          { orderLineId: orderId, plannedDate: '2026-03-01', quantity: '1' },
        ],
      },
      0,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`)).toEqual([
      'deliveries.2.quantity DELIVERY_PLAN_QUANTITY_NOT_POSITIVE',
      'deliveries.3.quantity DELIVERY_PLAN_QUANTITY_DECIMALS',
      'deliveries.4.orderLineId DELIVERY_PLAN_LINE_NOT_FOUND',
      'deliveries.1.quantity DELIVERIES_EXCEED_LINE',
    ]);
    expect(res.json().error.details[3].message).toBe('「中国历史地图集」计划交付合计 100.0001，超过订单数量 100。');
  });

  it('fills the delivered quantity in date order: delivered, partial, overdue, planned', async () => {
    const today = todayIn(w.t.config.timeZone);
    const saved = await put(
      {
        deliveries: [
          { orderLineId: lines[0]!.id, plannedDate: addDays(today, 20), quantity: '30' },
          { orderLineId: lines[0]!.id, plannedDate: addDays(today, -10), quantity: '40' },
          { orderLineId: lines[0]!.id, plannedDate: addDays(today, 5), quantity: '30' },
          { orderLineId: lines[1]!.id, plannedDate: addDays(today, -1), quantity: '2.5', note: '随第一批' },
        ],
      },
      0,
    );
    expect(saved.statusCode).toBe(200);
    expect((saved.json() as DeliveryPlan).version).toBe(1);
    // The orders part records 55 of the atlas delivered: 40 fill the earliest, 15 the next.
    await w.t.db.update(orderLines).set({ deliveredQuantity: '55' }).where(eq(orderLines.id, lines[0]!.id));
    const plan = (await w.rep.client.get(`/api/v1/orders/${orderId}/deliveries`)).json() as DeliveryPlan;
    expect(plan.deliveries.map((d) => [d.position, d.quantity, d.deliveredQuantity, d.status])).toEqual([
      [1, '30', '0', 'planned'],
      [2, '40', '40', 'delivered'],
      [3, '30', '15', 'partial'],
      [4, '2.5', '0', 'overdue'],
    ]);
    expect(plan.lines.map((l) => [l.quantity, l.deliveredQuantity, l.plannedQuantity])).toEqual([
      ['100', '55', '100'],
      ['2.5', '0', '2.5'],
    ]);
    const stale = await put({ deliveries: [] }, 0);
    expect(stale.statusCode).toBe(412);
    expect((await w.westRep.client.get(`/api/v1/orders/${orderId}/deliveries`)).statusCode).toBe(404);
    expect(
      (await w.auditor.client.put(`/api/v1/orders/${orderId}/deliveries`, { deliveries: [] }, { 'if-match': '1' })).statusCode,
    ).toBe(403);
  });
});
