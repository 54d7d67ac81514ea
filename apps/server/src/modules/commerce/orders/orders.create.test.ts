// createOrder: lines computed to the fen, products' supplier and cost copied, number, stage states with expected
// dates, audit and search entries — and bad lines refused with every field named, nothing written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createOrder } from './orders.create.ts';
import { orderLines, orders, orderStageStates } from './orders.schema.ts';
import { buildOrdersWorld, type OrdersWorld } from './orders.testSetup.ts';
import { addDays } from './orders.stagePlan.ts';

let w: OrdersWorld;
beforeAll(async () => {
  w = await buildOrdersWorld();
});
afterAll(() => w.t.close());

describe('createOrder', () => {
  it('stores the lines and totals to the fen, copies supplier and cost, plans every stage', async () => {
    const actor = await w.rep.actor();
    // Hand calculation, prices with tax, per line:
    //   3 × 120.00 = 360.00, 10% off → 36.00, subtotal 324.00
    //   7 × 45.50 = 318.50, less 18.50 → 300.00
    //   total discount 24.00 shared 324 : 300 → 12.46 and 11.54 (12.4615…, 11.5384…: largest remainder)
    //   bases 311.54 and 288.46 = 600.00 gross; tax 9%: 311.54 × 9/109 = 25.7235 → net 285.82, tax 25.72;
    //   288.46 × 9/109 = 23.8177 → net 264.64, tax 23.82. Net 550.46, tax 49.54.
    //   cost 3 × 80.00 + 7 × 30.25 = 451.75.
    const order = await w.t.db.transaction((tx) =>
      createOrder(tx, actor, {
        customerId: w.customer.id,
        orderDate: '2026-03-02',
        memo: '春季教材',
        totalDiscount: { kind: 'amount', value: '24.00' },
        lines: [
          {
            productId: w.products.book.id,
            name: '',
            quantity: '3',
            unitPrice: '120.00',
            listPrice: '120.00',
            discount: { kind: 'percent', value: '10' },
            taxRate: '9',
          },
          {
            productId: w.products.atlas.id,
            name: '世界地图册（精装）',
            quantity: '7',
            unitPrice: '45.50',
            discount: { kind: 'amount', value: '18.50' },
            taxRate: '9',
          },
        ],
      }),
    );
    expect(order.number).toMatch(/^SO2026-\d{6}$/);
    const [row] = await w.t.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({
      status: 'draft',
      subtotal: '624.00',
      discountTotal: '24.00',
      netTotal: '550.46',
      taxTotal: '49.54',
      grossTotal: '600.00',
      costTotal: '451.75',
      ownerId: w.rep.id,
      currentStageId: '01930000-0000-7000-8000-000000000111',
      // 已审批 0 + 备货 3 + 已发货 1 + 已签收 3 days after the order date.
      expectedArrivalDate: addDays('2026-03-02', 7),
    });
    // The largest discount off the list price: line 1, (360 − 311.54) ÷ 360 = 13.46 %; line 2 has no list price.
    expect(row!.effectiveDiscountPercent).toBe('13.46');
    const lines = await w.t.db.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(orderLines.position);
    expect(lines.map((l) => [l.name, l.sku, l.supplier, l.unitCost, l.totalDiscountShare, l.net, l.tax, l.gross])).toEqual([
      ['中国历史地图集', 'BK-001', '中华书局', '80.00', '12.46', '285.82', '25.72', '311.54'],
      ['世界地图册（精装）', 'BK-002', '中华书局', '30.25', '11.54', '264.64', '23.82', '288.46'],
    ]);
    const states = await w.t.db
      .select()
      .from(orderStageStates)
      .where(eq(orderStageStates.orderId, order.id))
      .orderBy(orderStageStates.position);
    expect(states.map((s) => [s.status, s.expectedDate])).toEqual([
      ['pending', '2026-03-02'],
      ['pending', '2026-03-05'],
      ['pending', '2026-03-06'],
      ['pending', '2026-03-09'],
      ['pending', '2026-04-08'],
    ]);
    // Found by a product's SKU in the global search, and audited.
    const found = (await w.rep.client.get('/api/v1/search?q=BK-002')).json() as {
      groups: { type: string; items: { id: string }[] }[];
    };
    expect(JSON.stringify(found)).toContain(order.id);
    const audit = await w.t.db.execute(sql`SELECT action FROM audit_log WHERE record_type = 'order' AND record_id = ${order.id}`);
    expect(audit.rows).toEqual([{ action: 'create' }]);
  });

  it('refuses bad lines naming each field, and writes nothing', async () => {
    const actor = await w.rep.actor();
    const before = await w.t.db.select({ n: sql<number>`count(*)::int` }).from(orders);
    const err = await w.t.db
      .transaction((tx) =>
        createOrder(tx, actor, {
          customerId: w.customer.id,
          lines: [
            { name: '一', quantity: '0', unitPrice: '1.00', taxRate: '13' },
            { name: '二', quantity: '1', unitPrice: '1.001', taxRate: '13' },
            { name: '三', quantity: '1', unitPrice: '5.00', taxRate: '13', discount: { kind: 'percent', value: '120' } },
            { productId: '01930000-0000-7000-8000-0000000000ff', name: '', quantity: '1', unitPrice: '5.00', taxRate: '13' },
          ],
        }),
      )
      .catch((e: unknown) => e as { code: string; details: { field: string; code: string }[] });
    expect((err as { code: string }).code).toBe('VALIDATION_FAILED');
    const fields = (err as { details: { field: string }[] }).details.map((d) => d.field).sort();
    expect(fields).toEqual([
      'lines.0.quantity',
      'lines.1.unitPrice',
      'lines.2.discount.value',
      'lines.3.name',
      'lines.3.productId',
    ]);
    const after = await w.t.db.select({ n: sql<number>`count(*)::int` }).from(orders);
    expect(after).toEqual(before);
  });
});
