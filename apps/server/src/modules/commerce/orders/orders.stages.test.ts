// An order through its stages over HTTP: submit within the limit → approved and 已审批 done; skipping ahead refused;
// a tracking stage in parts (more than is left refused); the expected arrival moves with each completion; delivery
// sets the delivered quantities; reopen only with the right; two people completing one stage at once — one wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderProgress } from '@guanxi/contracts';
import { buildOrdersWorld, makeOrder, STAGE, type OrdersWorld } from './orders.testSetup.ts';
import { addDays } from './orders.stagePlan.ts';
import { today } from './orders.progress.ts';

let w: OrdersWorld;
beforeAll(async () => {
  w = await buildOrdersWorld();
});
afterAll(() => w.t.close());

const progressOf = async (orderId: string) =>
  (await w.rep.client.get(`/api/v1/orders/${orderId}/progress`)).json() as OrderProgress;
const stageOf = (p: OrderProgress, id: string) => p.stages.find((s) => s.id === id)!;

async function bookOrder(orderDate: string) {
  return makeOrder(w.rep.client, {
    customerId: w.customer.id,
    orderDate,
    lines: [
      { productId: w.products.book.id, quantity: '10', unitPrice: '120.00' },
      { productId: w.products.atlas.id, quantity: '4', unitPrice: '45.50' },
    ],
  });
}

describe('order stages', () => {
  it('advances in order, in parts, moving the expected arrival, and records who did what', async () => {
    const orderDate = addDays(today(), -20);
    const order = await bookOrder(orderDate);
    // Planned from the order date: 0 + 3 + 1 + 3 days to 已签收.
    expect(order.expectedArrivalDate).toBe(addDays(orderDate, 7));
    expect(order.status).toBe('draft');
    // Not approved yet: no stage may move.
    expect((await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.stocking}/complete`, {})).json().error.code).toBe(
      'ORDER_NOT_APPROVED',
    );

    const submitted = await w.rep.client.post(`/api/v1/orders/${order.id}/submit`);
    expect(submitted.statusCode).toBe(200);
    let p = submitted.json() as OrderProgress;
    expect(p.status).toBe('approved');
    expect(stageOf(p, STAGE.approved).status).toBe('done');
    // Approved today, 13 days after the plan wanted it: the arrival is pushed to today + 7.
    expect(p.expectedArrivalDate).toBe(addDays(today(), 7));
    expect(p.currentStageId).toBe(STAGE.stocking);

    // Skipping 备货 to 已发货 is refused.
    const skip = await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.shipped}/complete`, {});
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('STAGE_ORDER');

    // 备货 done today instead of in 3 days: the arrival is pulled to today + 4.
    p = (await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.stocking}/complete`, { note: '已备齐' })).json();
    expect(p.status).toBe('inProgress');
    expect(p.expectedArrivalDate).toBe(addDays(today(), 4));
    expect(stageOf(p, STAGE.shipped).expectedDate).toBe(addDays(today(), 1));

    const lines = (await w.rep.client.get(`/api/v1/orders/${order.id}/lines`)).json().lines as { id: string }[];
    const [books, atlases] = lines as [{ id: string }, { id: string }];
    // More than the line holds is refused, naming the line's field.
    const tooMany = await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.shipped}/complete`, {
      lines: [{ orderLineId: books.id, quantity: '11' }],
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details).toEqual([
      expect.objectContaining({ field: 'lines.0.quantity', code: 'STAGE_QUANTITY_EXCEEDS_REMAINING' }),
    ]);

    // Ship 6 of 10 books: partial; then 已签收 may take what was shipped, no more.
    p = (
      await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.shipped}/complete`, {
        note: '第一批',
        amount: '500.00',
        lines: [{ orderLineId: books.id, quantity: '6' }],
      })
    ).json();
    expect(stageOf(p, STAGE.shipped)).toMatchObject({ status: 'partial' });
    expect(stageOf(p, STAGE.shipped).lines).toEqual([
      { orderLineId: books.id, done: '6', remaining: '4' },
      { orderLineId: atlases.id, done: '0', remaining: '4' },
    ]);
    expect(stageOf(p, STAGE.received).lines.find((l) => l.orderLineId === books.id)!.remaining).toBe('6');
    const beyondShipped = await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.received}/complete`, {
      lines: [{ orderLineId: books.id, quantity: '7' }],
    });
    expect(beyondShipped.json().error.details[0]).toMatchObject({
      field: 'lines.0.quantity',
      code: 'STAGE_QUANTITY_EXCEEDS_REMAINING',
    });
    p = (
      await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.received}/complete`, {
        lines: [{ orderLineId: books.id, quantity: '5' }],
      })
    ).json();
    expect(stageOf(p, STAGE.received).status).toBe('partial');
    let got = (await w.rep.client.get(`/api/v1/orders/${order.id}/lines`)).json().lines as { deliveredQuantity: string }[];
    expect(got.map((l) => l.deliveredQuantity)).toEqual(['5', '0']);

    // The rest of the shipment (no lines: everything left), then everything received → delivered.
    p = (await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.shipped}/complete`, {})).json();
    expect(stageOf(p, STAGE.shipped).status).toBe('done');
    p = (await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.received}/complete`, { note: '客户签收' })).json();
    expect(stageOf(p, STAGE.received).status).toBe('done');
    // The arrival stage is done today: the expected arrival is that day.
    expect(p.expectedArrivalDate).toBe(today());
    got = (await w.rep.client.get(`/api/v1/orders/${order.id}/lines`)).json().lines;
    expect(got.map((l) => l.deliveredQuantity)).toEqual(['10', '4']);
    const record = (await w.rep.client.get(`/api/v1/orders/${order.id}`)).json();
    expect(record.deliveredAt).not.toBeNull();
    expect(record.currentStageId).toBe(STAGE.paid);

    // The events: who, the note, the amount and the quantity of each part.
    const shipEvents = p.events.filter((e) => e.stageId === STAGE.shipped);
    expect(shipEvents.find((e) => e.note === '第一批')).toMatchObject({ amount: '500.00', userName: '王芳', orderLineId: null });
    expect(
      shipEvents
        .filter((e) => e.orderLineId === books.id)
        .map((e) => e.quantity)
        .sort(),
    ).toEqual(['4', '6']);

    p = (await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.paid}/complete`, {})).json();
    expect(p.status).toBe('completed');
    expect(p.currentStageId).toBeNull();
  });

  it('reopens only with the right: a rep is refused, the manager moves the order back and delivery is undone', async () => {
    const order = await bookOrder(today());
    await w.rep.client.post(`/api/v1/orders/${order.id}/submit`);
    for (const stage of [STAGE.stocking, STAGE.shipped, STAGE.received])
      expect((await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${stage}/complete`, {})).statusCode).toBe(200);
    const refused = await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.shipped}/reopen`, { note: '退回' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('STAGE_REOPEN_FORBIDDEN');
    expect((await progressOf(order.id)).canReopen).toBe(false);

    const res = await w.eastManager.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.shipped}/reopen`, {
      note: '发错货，重新发',
    });
    expect(res.statusCode).toBe(200);
    const p = res.json() as OrderProgress;
    expect([STAGE.shipped, STAGE.received].map((s) => stageOf(p, s).status)).toEqual(['pending', 'pending']);
    expect(p.currentStageId).toBe(STAGE.shipped);
    expect(p.expectedArrivalDate).toBe(addDays(today(), 4));
    const record = (await w.rep.client.get(`/api/v1/orders/${order.id}`)).json();
    expect(record.deliveredAt).toBeNull();
    const lines = (await w.rep.client.get(`/api/v1/orders/${order.id}/lines`)).json().lines as { deliveredQuantity: string }[];
    expect(lines.map((l) => l.deliveredQuantity)).toEqual(['0', '0']);
    // The shipped stage takes its full quantities again.
    expect(stageOf(p, STAGE.shipped).lines.map((l) => l.remaining)).toEqual(['10', '4']);
  });

  it('of two people completing the same stage at once, one wins and the other gets STAGE_ALREADY_DONE', async () => {
    const order = await bookOrder(today());
    await w.rep.client.post(`/api/v1/orders/${order.id}/submit`);
    const url = `/api/v1/orders/${order.id}/stages/${STAGE.stocking}/complete`;
    const answers = await Promise.all([
      w.rep.client.post(url, { note: '王芳' }),
      w.eastManager.client.post(url, { note: '李娜' }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)!.json().error.code).toBe('STAGE_ALREADY_DONE');
    const p = await progressOf(order.id);
    expect(p.events.filter((e) => e.stageId === STAGE.stocking && e.orderLineId === null)).toHaveLength(1);
  });

  it('hides another branch’s order on every path (404) and refuses a reader without update (403)', async () => {
    const order = await bookOrder(today());
    for (const path of ['', '/progress', '/lines', '/expenses', '/profit'])
      expect((await w.westRep.client.get(`/api/v1/orders/${order.id}${path}`)).statusCode, path).toBe(404);
    expect((await w.westRep.client.post(`/api/v1/orders/${order.id}/submit`)).statusCode).toBe(404);
    expect((await w.westRep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.stocking}/complete`, {})).statusCode).toBe(
      404,
    );
    expect(
      (await w.westRep.client.post(`/api/v1/orders/${order.id}/expenses`, { kind: 'freight', amount: '1.00' })).statusCode,
    ).toBe(404);
    // A teammate reads the rep's order (unit) but may not change it (own).
    expect((await w.rep2.client.get(`/api/v1/orders/${order.id}/progress`)).statusCode).toBe(200);
    expect((await w.rep2.client.post(`/api/v1/orders/${order.id}/submit`)).statusCode).toBe(403);
  });
});
