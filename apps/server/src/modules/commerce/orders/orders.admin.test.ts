// Order types saved whole by administrators (stages with lead times and milestones; a used stage only deactivated),
// a draft's lines saved whole, order search (period, amount, customer, owner, memo, product) with each caller's reach,
// and bad input of direct orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderType } from '@guanxi/contracts';
import { buildOrdersWorld, makeOrder, STANDARD_TYPE, type OrdersWorld } from './orders.testSetup.ts';
import { addDays } from './orders.stagePlan.ts';

let w: OrdersWorld;
beforeAll(async () => {
  w = await buildOrdersWorld();
});
afterAll(() => w.t.close());

const typeInput = (t: OrderType) => ({
  name: t.name,
  isDefault: t.isDefault,
  active: t.active,
  stages: t.stages.map(({ id, name, leadTimeDays, milestone, tracksQuantity, isArrival, active }) => ({
    id,
    name,
    leadTimeDays,
    milestone,
    tracksQuantity,
    isArrival,
    active,
  })),
});

describe('order types', () => {
  it('are read by everyone and saved whole by administrators; a stage with orders is deactivated, never removed', async () => {
    const types = (await w.rep.client.get('/api/v1/order-types')).json().items as OrderType[];
    expect(types.map((t) => t.name)).toEqual(['标准订单', '进口订单']);
    const standard = types.find((t) => t.id === STANDARD_TYPE)!;
    expect(standard.stages.map((s) => s.name)).toEqual(['已审批', '备货', '已发货', '已签收', '已回款']);
    const body = typeInput(standard);
    expect(
      (await w.rep.client.put(`/api/v1/order-types/${STANDARD_TYPE}`, body, { 'if-match': `"${standard.version}"` })).statusCode,
    ).toBe(403);

    const bad = await w.admin.client.put(
      `/api/v1/order-types/${STANDARD_TYPE}`,
      {
        ...body,
        stages: body.stages.map((s, i) =>
          i === 2 ? { ...s, leadTimeDays: -1 } : i === 4 ? { ...s, milestone: 'delivered' } : s,
        ),
      },
      { 'if-match': `"${standard.version}"` },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toContain('stages.2.leadTimeDays');
    const twice = await w.admin.client.put(
      `/api/v1/order-types/${STANDARD_TYPE}`,
      { ...body, stages: body.stages.map((s, i) => (i === 4 ? { ...s, milestone: 'delivered' } : s)) },
      { 'if-match': `"${standard.version}"` },
    );
    expect(twice.json().error.details).toEqual([
      expect.objectContaining({ field: 'stages.4.milestone', code: 'ORDER_MILESTONE_TWICE' }),
    ]);

    // An order stands in the type: 已发货 may not be removed, only deactivated.
    await makeOrder(w.rep.client, {
      customerId: w.customer.id,
      lines: [{ productId: w.products.book.id, quantity: '1', unitPrice: '120.00' }],
    });
    const removed = await w.admin.client.put(
      `/api/v1/order-types/${STANDARD_TYPE}`,
      { ...body, stages: body.stages.filter((s) => s.name !== '已发货') },
      { 'if-match': `"${standard.version}"` },
    );
    expect(removed.statusCode).toBe(409);
    expect(removed.json().error.code).toBe('ORDER_STAGE_IN_USE');

    const saved = await w.admin.client.put(
      `/api/v1/order-types/${STANDARD_TYPE}`,
      {
        ...body,
        stages: [
          ...body.stages.map((s) =>
            s.name === '已发货' ? { ...s, active: false } : s.name === '备货' ? { ...s, leadTimeDays: 5 } : s,
          ),
          { name: '回访', leadTimeDays: 7, milestone: null, tracksQuantity: false, isArrival: false, active: true },
        ],
      },
      { 'if-match': `"${standard.version}"` },
    );
    expect(saved.statusCode).toBe(200);
    expect((saved.json() as OrderType).stages.map((s) => [s.name, s.active])).toContainEqual(['已发货', false]);
    // A stale version is refused.
    expect(
      (await w.admin.client.put(`/api/v1/order-types/${STANDARD_TYPE}`, body, { 'if-match': `"${standard.version}"` }))
        .statusCode,
    ).toBe(412);
    // New orders leave the inactive stage out and count the new lead times: 0 + 5 + 3 to 已签收.
    const order = await makeOrder(w.rep.client, {
      customerId: w.customer.id,
      orderDate: '2026-05-04',
      lines: [{ productId: w.products.book.id, quantity: '1', unitPrice: '120.00' }],
    });
    expect(order.expectedArrivalDate).toBe(addDays('2026-05-04', 8));
    const progress = (await w.rep.client.get(`/api/v1/orders/${order.id}/progress`)).json();
    expect(progress.stages.map((s: { name: string }) => s.name)).toEqual(['已审批', '备货', '已签收', '已回款', '回访']);
  });
});

describe('lines of a draft', () => {
  it('are saved whole with new totals; bad lines are named; stale versions refused', async () => {
    const order = await makeOrder(w.rep.client, {
      customerId: w.customer.id,
      lines: [{ productId: w.products.book.id, quantity: '1', unitPrice: '120.00' }],
    });
    // 3 × 399.00 = 1197.00 less 7.00 = 1190.00 (13 % inside: tax 136.90, net 1053.10) + 2 × 10.00 = 20.00 (6 %: 1.13,
    // 18.87): gross 1210.00, tax 138.03.
    const res = await w.rep.client.put(
      `/api/v1/orders/${order.id}/lines`,
      {
        lines: [
          { productId: w.products.tyre.id, quantity: '3', unitPrice: '399.00', discount: { kind: 'amount', value: '7.00' } },
          { name: '包装', quantity: '2', unitPrice: '10.00', taxRate: '6' },
        ],
      },
      { 'if-match': `"${order.version}"` },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().totals).toMatchObject({
      grossTotal: '1210.00',
      taxTotal: '138.03',
      netTotal: '1071.97',
      costTotal: '750.00',
    });
    expect(res.json().lines.map((l: { supplier: string | null; taxRate: string }) => [l.supplier, l.taxRate])).toEqual([
      ['米其林', '13'],
      [null, '6'],
    ]);
    const bad = await w.rep.client.put(
      `/api/v1/orders/${order.id}/lines`,
      {
        lines: [
          { name: '坏', quantity: '-1', unitPrice: '1.00', taxRate: '13' },
          { name: '', quantity: '1', unitPrice: 'abc', taxRate: '13' },
        ],
      },
      { 'if-match': `"${res.json().version}"` },
    );
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['lines.0.quantity', 'lines.1.name', 'lines.1.unitPrice']);
    expect(
      (await w.rep.client.put(`/api/v1/orders/${order.id}/lines`, { lines: [] }, { 'if-match': `"${order.version}"` }))
        .statusCode,
    ).toBe(412);
    expect((await w.rep.client.get(`/api/v1/orders/${order.id}`)).json().grossTotal).toBe('1210.00');
  });

  it('refuses a direct order without lines, with an unknown customer, or with another branch’s customer', async () => {
    const empty = await w.rep.client.post('/api/v1/orders/direct', { customerId: w.customer.id, lines: [] });
    expect(empty.json().error.details).toEqual([expect.objectContaining({ field: 'lines', code: 'ORDER_LINES_REQUIRED' })]);
    const hidden = await w.rep.client.post('/api/v1/orders/direct', {
      customerId: w.westCustomer.id,
      lines: [{ name: '一', quantity: '1', unitPrice: '1.00', taxRate: '13' }],
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.details[0].field).toBe('customerId');
  });
});

describe('order search', () => {
  it('filters by period, amount, customer, owner and memo, finds by product, within each caller’s reach', async () => {
    const a = await makeOrder(w.rep.client, {
      customerId: w.customer.id,
      orderDate: '2026-02-10',
      memo: '春节前备货',
      lines: [{ productId: w.products.tyre.id, quantity: '10', unitPrice: '399.00' }],
    });
    const b = await makeOrder(w.rep.client, {
      customerId: w.customer.id,
      orderDate: '2026-04-10',
      lines: [{ productId: w.products.atlas.id, quantity: '1', unitPrice: '45.50' }],
    });
    const c = await makeOrder(w.westRep.client, {
      customerId: w.westCustomer.id,
      orderDate: '2026-02-11',
      lines: [{ productId: w.products.tyre.id, quantity: '1', unitPrice: '399.00' }],
    });
    const ids = async (who: typeof w.rep, query: string) =>
      ((await who.client.get(`/api/v1/orders${query}`)).json().items as { id: string }[]).map((o) => o.id);
    expect(await ids(w.admin, '?filter[orderDate][between]=2026-02-01,2026-02-28')).toEqual(expect.arrayContaining([a.id, c.id]));
    expect(await ids(w.admin, '?filter[orderDate][between]=2026-02-01,2026-02-28')).not.toContain(b.id);
    expect(await ids(w.admin, '?filter[grossTotal][gte]=3000&filter[grossTotal][lte]=4000')).toEqual([a.id]);
    expect(await ids(w.admin, `?filter[customerId][eq]=${w.westCustomer.id}`)).toEqual([c.id]);
    expect(await ids(w.admin, `?filter[ownerId][eq]=${w.westRep.id}`)).toEqual([c.id]);
    expect(await ids(w.admin, '?filter[memo][contains]=春节')).toEqual([a.id]);
    // By product: the kit's list narrowed to orders with a line of it; the east rep does not see the west order.
    expect(
      (await ids(w.admin, `/by-product?productId=${w.products.tyre.id}&filter[orderDate][between]=2026-02-01,2026-02-28`)).sort(),
    ).toEqual([a.id, c.id].sort());
    expect(
      await ids(w.rep, `/by-product?productId=${w.products.tyre.id}&filter[orderDate][between]=2026-02-01,2026-02-28`),
    ).toEqual([a.id]);
    expect((await w.rep.client.get('/api/v1/orders/by-product?productId=nope')).statusCode).toBe(400);
    // The global search finds the order by its product's name, for those who may read it.
    const search = async (who: typeof w.rep) =>
      JSON.stringify((await who.client.get(`/api/v1/search?q=${encodeURIComponent('世界地图册')}`)).json());
    expect(await search(w.rep)).toContain(b.id);
    expect(await search(w.westRep)).not.toContain(b.id);
  });
});
