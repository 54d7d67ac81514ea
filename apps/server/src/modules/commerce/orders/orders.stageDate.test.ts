// A stage completed on its own day, entered later: the expected arrival counts from the day it happened (entered on
// Monday for Friday = entered on Friday), the progress and the customer's timeline show that day, and a day in the
// future, before the order date or before an earlier stage is refused with nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { OrderProgress } from '@guanxi/contracts';
import { buildOrdersWorld, makeOrder, STAGE, type OrdersWorld } from './orders.testSetup.ts';
import { addDays } from './orders.stagePlan.ts';
import { dayOf, lastMomentOf, today } from './orders.progress.ts';
import { orderStageEvents, orderStageStates } from './orders.schema.ts';

let w: OrdersWorld;
beforeAll(async () => {
  w = await buildOrdersWorld();
});
afterAll(() => w.t.close());

const stageOf = (p: OrderProgress, id: string) => p.stages.find((s) => s.id === id)!;
const progressOf = async (orderId: string) =>
  (await w.rep.client.get(`/api/v1/orders/${orderId}/progress`)).json() as OrderProgress;
const complete = (orderId: string, stageId: string, body: Record<string, unknown>) =>
  w.rep.client.post(`/api/v1/orders/${orderId}/stages/${stageId}/complete`, body);

/**
 * An order dated 20 days ago and approved `approvedDaysAgo` days ago. Approval completes 已审批 at the moment it is
 * given, so the approval is moved back in the database to stand for an order approved in the past.
 */
async function approvedOrder(approvedDaysAgo: number) {
  const order = await makeOrder(w.rep.client, {
    customerId: w.customer.id,
    orderDate: addDays(today(), -20),
    lines: [{ productId: w.products.book.id, quantity: '10', unitPrice: '120.00' }],
  });
  expect((await w.rep.client.post(`/api/v1/orders/${order.id}/submit`)).statusCode).toBe(200);
  const at = lastMomentOf(addDays(today(), -approvedDaysAgo));
  await w.t.db
    .update(orderStageStates)
    .set({ completedAt: at })
    .where(and(eq(orderStageStates.orderId, order.id), eq(orderStageStates.stageId, STAGE.approved)));
  await w.t.db
    .update(orderStageEvents)
    .set({ at })
    .where(and(eq(orderStageEvents.orderId, order.id), eq(orderStageEvents.stageId, STAGE.approved)));
  return order;
}

describe('the day a stage was completed', () => {
  it('counts the expected arrival from the day it happened, not the day it was entered', async () => {
    const onTime = await approvedOrder(10);
    const late = await approvedOrder(10);
    const friday = addDays(today(), -3);

    // 备货 entered today without a day: 备货 today, 已发货 +1, 已签收 +3 → today + 4.
    const now = (await complete(onTime.id, STAGE.stocking, {})).json() as OrderProgress;
    expect(now.expectedArrivalDate).toBe(addDays(today(), 4));

    // 备货 done 3 days ago, entered today: every later date is exactly 3 days earlier → today + 1.
    const res = await complete(late.id, STAGE.stocking, { occurredOn: friday, note: '周五已备齐' });
    expect(res.statusCode).toBe(200);
    const p = res.json() as OrderProgress;
    expect(p.expectedArrivalDate).toBe(addDays(today(), 1));
    expect(stageOf(p, STAGE.shipped).expectedDate).toBe(addDays(today(), -2));
    expect(stageOf(p, STAGE.received).expectedDate).toBe(addDays(today(), 1));
    expect(stageOf(p, STAGE.stocking)).toMatchObject({ status: 'done', completedOn: friday, completedByName: '王芳' });
    // The event: the day it happened, who entered it (the caller).
    const event = p.events.find((e) => e.stageId === STAGE.stocking && e.orderLineId === null)!;
    expect(event).toMatchObject({ on: friday, userName: '王芳', note: '周五已备齐', kind: 'complete' });
    expect(dayOf(new Date(event.at))).toBe(friday);

    // The same day as the stage before is allowed: 已发货 also on that day → 已签收 that day + 3.
    const shipped = (await complete(late.id, STAGE.shipped, { occurredOn: friday })).json() as OrderProgress;
    expect(shipped.expectedArrivalDate).toBe(addDays(friday, 3));
    // Dated back to the day: the arrival stage done 2 days ago makes that day the arrival.
    const received = (await complete(late.id, STAGE.received, { occurredOn: addDays(today(), -2) })).json() as OrderProgress;
    expect(received.expectedArrivalDate).toBe(addDays(today(), -2));
    const record = (await w.rep.client.get(`/api/v1/orders/${late.id}`)).json();
    expect(dayOf(new Date(record.deliveredAt))).toBe(addDays(today(), -2));

    // The customer's timeline shows 备货 completed on its day.
    const timeline = (await w.rep.client.get(`/api/v1/customers/${w.customer.id}/timeline?types=orderStage&limit=100`)).json();
    const entry = timeline.items.find(
      (i: { recordId: string; title: string }) => i.recordId === late.id && i.title.includes('备货'),
    );
    expect(dayOf(new Date(entry.at))).toBe(friday);
  });

  it('refuses a day in the future, before the order date or before the stage before, writing nothing', async () => {
    const order = await approvedOrder(10);
    const before = await progressOf(order.id);
    const versionBefore = (await w.rep.client.get(`/api/v1/orders/${order.id}`)).json().version;
    const refusals: [string, string][] = [
      [addDays(today(), 1), 'STAGE_DATE_IN_FUTURE'],
      [addDays(today(), -21), 'STAGE_DATE_BEFORE_ORDER'],
      // Approved 10 days ago: 备货 cannot be done 11 days ago.
      [addDays(today(), -11), 'STAGE_DATE_BEFORE_PREVIOUS'],
    ];
    for (const [occurredOn, code] of refusals) {
      const res = await complete(order.id, STAGE.stocking, { occurredOn, note: '不应写入' });
      expect(res.statusCode, occurredOn).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.details).toEqual([expect.objectContaining({ field: 'occurredOn', code })]);
    }
    const bad = await complete(order.id, STAGE.stocking, { occurredOn: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('occurredOn');
    // The messages say why, in the reader's language.
    const future = await w.rep.client.post(
      `/api/v1/orders/${order.id}/stages/${STAGE.stocking}/complete`,
      { occurredOn: addDays(today(), 1) },
      { 'accept-language': 'en' },
    );
    expect(future.json().error.details[0].message).toBe('The completion date cannot be later than today.');
    const previous = await complete(order.id, STAGE.stocking, { occurredOn: addDays(today(), -11) });
    expect(previous.json().error.details[0].message).toBe('完成日期不能早于前一阶段的完成日期。');

    // Nothing moved: the stage is still open, no event, the same expected dates, the order untouched.
    const after = await progressOf(order.id);
    expect(after).toEqual(before);
    expect(stageOf(after, STAGE.stocking).status).toBe('pending');
    expect((await w.rep.client.get(`/api/v1/orders/${order.id}`)).json().version).toBe(versionBefore);

    // Within the bounds it is taken: on the day of approval.
    const ok = await complete(order.id, STAGE.stocking, { occurredOn: addDays(today(), -10) });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as OrderProgress).expectedArrivalDate).toBe(addDays(today(), -6));
  });
});
