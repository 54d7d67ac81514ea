// Purchase batches: open lines join their supplier's open batch when the order reaches purchasing, a rush order's go
// straight out in a closed batch of their own, marking an order rush later moves its waiting lines out; each caller
// sees only the lines of orders they may read; closing needs update rights on every order in it (or an administrator).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PurchaseBatch } from '@guanxi/contracts';
import { buildOrdersWorld, makeOrder, type OrdersWorld, type Person } from './orders.testSetup.ts';

let w: OrdersWorld;
beforeAll(async () => {
  w = await buildOrdersWorld();
});
afterAll(() => w.t.close());

const batches = async (who: Person, query = '') =>
  (await who.client.get(`/api/v1/purchase-batches${query}`)).json().items as PurchaseBatch[];
const approvedOrder = async (
  who: Person,
  customerId: string,
  lines: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
) => {
  const order = await makeOrder(who.client, { customerId, lines, ...extra });
  expect((await who.client.post(`/api/v1/orders/${order.id}/submit`)).json().status).toBe('approved');
  return order;
};

describe('purchase batches', () => {
  it('gathers lines per supplier, sends rush lines straight out, shows each caller what they may read, closes once', async () => {
    const book = { productId: w.products.book.id, quantity: '10', unitPrice: '120.00' };
    const tyre = { productId: w.products.tyre.id, quantity: '4', unitPrice: '399.00' };
    const loose = { productId: w.products.loose.id, quantity: '1', unitPrice: '10.00' };
    const first = await approvedOrder(w.rep, w.customer.id, [book, tyre, loose]);
    const second = await approvedOrder(w.rep, w.customer.id, [{ ...book, quantity: '3' }]);
    const west = await approvedOrder(w.westRep, w.westCustomer.id, [{ ...book, quantity: '7' }]);
    const rush = await approvedOrder(w.rep, w.customer.id, [{ ...book, quantity: '2' }], { rush: true });
    // A draft's lines wait for nothing yet.
    await makeOrder(w.rep.client, { customerId: w.customer.id, lines: [{ ...book, quantity: '99' }] });

    const open = await batches(w.purchaser, '?status=open');
    const bySupplier = Object.fromEntries(open.map((b) => [b.supplier, b]));
    expect(Object.keys(bySupplier).sort()).toEqual(['', '中华书局', '米其林']);
    expect(bySupplier['中华书局']!.number).toMatch(/^PB\d{4}-\d{6}$/);
    expect(bySupplier['中华书局']!.lines.map((l) => [l.orderNumber, l.quantity]).sort()).toEqual(
      [
        [first.number, '10'],
        [second.number, '3'],
        [west.number, '7'],
      ].sort(),
    );
    expect(bySupplier['米其林']!.lines.map((l) => l.orderNumber)).toEqual([first.number]);
    // The rush order went straight out: a closed batch of its own.
    const closed = await batches(w.purchaser, '?status=closed');
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ supplier: '中华书局', rush: true, status: 'closed' });
    expect(closed[0]!.lines.map((l) => l.orderNumber)).toEqual([rush.number]);

    // The west rep sees only his own line in the shared 中华书局 batch; the east rep not his.
    const westView = (await batches(w.westRep, '?status=open')).find((b) => b.supplier === '中华书局')!;
    expect(westView.lines.map((l) => l.orderNumber)).toEqual([west.number]);
    expect((await batches(w.westRep, '?status=open')).map((b) => b.supplier)).toEqual(['中华书局']);
    const eastView = (await batches(w.rep, '?status=open')).find((b) => b.supplier === '中华书局')!;
    expect(eastView.lines.map((l) => l.orderNumber).sort()).toEqual([first.number, second.number].sort());

    // Marking the second order rush moves its waiting line out into a closed batch of its own.
    const record = (await w.rep.client.get(`/api/v1/orders/${second.id}`)).json();
    expect(
      (await w.rep.client.patch(`/api/v1/orders/${second.id}`, { rush: true }, { 'if-match': `"${record.version}"` })).statusCode,
    ).toBe(200);
    const afterRush = await batches(w.purchaser, '?status=open');
    expect(
      afterRush
        .find((b) => b.supplier === '中华书局')!
        .lines.map((l) => l.orderNumber)
        .sort(),
    ).toEqual([first.number, west.number].sort());
    expect(
      (await batches(w.purchaser, '?status=closed')).find((b) => b.lines.some((l) => l.orderNumber === second.number)),
    ).toMatchObject({
      rush: true,
      status: 'closed',
    });

    // Closing: the east manager may not change the west order in it (403), the west rep cannot see a tyre batch (404).
    const books = bySupplier['中华书局']!;
    const tyres = bySupplier['米其林']!;
    expect((await w.eastManager.client.post(`/api/v1/purchase-batches/${books.id}/close`, {})).json().error.code).toBe(
      'BATCH_CLOSE_FORBIDDEN',
    );
    expect((await w.westRep.client.post(`/api/v1/purchase-batches/${tyres.id}/close`, {})).statusCode).toBe(404);
    expect((await w.purchaser.client.post(`/api/v1/purchase-batches/${tyres.id}/close`, {})).statusCode).toBe(403);
    const byManager = await w.eastManager.client.post(`/api/v1/purchase-batches/${tyres.id}/close`, {});
    expect(byManager.statusCode).toBe(200);
    expect(byManager.json()).toMatchObject({ status: 'closed', closedByName: '李娜' });
    expect((await w.eastManager.client.post(`/api/v1/purchase-batches/${tyres.id}/close`, {})).json().error.code).toBe(
      'BATCH_CLOSED',
    );
    expect((await w.admin.client.post(`/api/v1/purchase-batches/${books.id}/close`, {})).statusCode).toBe(200);

    // The next order of 中华书局 opens a new batch.
    const later = await approvedOrder(w.rep, w.customer.id, [{ ...book, quantity: '1' }]);
    const reopened = (await batches(w.rep, '?status=open')).find((b) => b.supplier === '中华书局')!;
    expect(reopened.id).not.toBe(books.id);
    expect(reopened.lines.map((l) => l.orderNumber)).toEqual([later.number]);
    // The order's lines name their batch.
    const lines = (await w.rep.client.get(`/api/v1/orders/${later.id}/lines`)).json().lines as { batchNumber: string }[];
    expect(lines[0]!.batchNumber).toBe(reopened.number);
  });

  it('puts an import order’s lines into batches when it reaches 采购 after approval', async () => {
    const order = await makeOrder(w.westRep.client, {
      customerId: w.westCustomer.id,
      orderTypeId: '01930000-0000-7000-8000-000000000102',
      lines: [{ productId: w.products.tyre.id, quantity: '8', unitPrice: '399.00' }],
    });
    await w.westRep.client.post(`/api/v1/orders/${order.id}/submit`);
    const mine = await batches(w.westRep, '?status=open');
    expect(mine.flatMap((b) => b.lines.map((l) => l.orderNumber))).toContain(order.number);
  });
});
