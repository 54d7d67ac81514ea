// Profit and expenses to the fen (hand-calculated), the approval chain for a discounted order (profit shown to the
// approver first), and bad expense input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderProfit, OrderProgress } from '@guanxi/contracts';
import { approvalSteps } from '../commerce.schema.ts';
import { buildOrdersWorld, makeOrder, STAGE, type OrdersWorld } from './orders.testSetup.ts';

let w: OrdersWorld;
beforeAll(async () => {
  w = await buildOrdersWorld();
});
afterAll(() => w.t.close());

const profitOf = async (id: string) => (await w.rep.client.get(`/api/v1/orders/${id}/profit`)).json() as OrderProfit;

describe('profit and expenses', () => {
  it('predicts before delivery and counts the delivered part after, expenses included', async () => {
    // 10 × 120.00 with 9 % tax inside: tax 1200 × 9/109 = 99.08, net 1100.92; cost 10 × 80.00 = 800.00.
    // 4 × 45.50 = 182.00: tax 15.03, net 166.97; cost 4 × 30.25 = 121.00. Net revenue 1267.89, cost 921.00.
    const order = await makeOrder(w.rep.client, {
      customerId: w.customer.id,
      lines: [
        { productId: w.products.book.id, quantity: '10', unitPrice: '120.00' },
        { productId: w.products.atlas.id, quantity: '4', unitPrice: '45.50' },
      ],
    });
    expect((await profitOf(order.id)).predicted).toEqual({
      revenue: '1267.89',
      cost: '921.00',
      expenses: '0.00',
      profit: '346.89',
      marginPercent: '27.36',
    });
    const freight = await w.rep.client.post(`/api/v1/orders/${order.id}/expenses`, {
      kind: 'freight',
      amount: '50.00',
      note: '顺丰',
    });
    expect(freight.statusCode).toBe(201);
    await w.rep.client.post(`/api/v1/orders/${order.id}/expenses`, { kind: 'customs', amount: '12.34' });
    const wrong = (await w.rep.client.post(`/api/v1/orders/${order.id}/expenses`, { kind: 'other', amount: '99.00' })).json();
    expect((await w.rep.client.delete(`/api/v1/orders/${order.id}/expenses/${wrong.id}`)).statusCode).toBe(204);
    const expenses = (await w.rep.client.get(`/api/v1/orders/${order.id}/expenses`)).json().items as {
      kind: string;
      amount: string;
    }[];
    expect(expenses.map((e) => [e.kind, e.amount]).sort()).toEqual([
      ['customs', '12.34'],
      ['freight', '50.00'],
    ]);
    expect((await w.rep.client.get(`/api/v1/orders/${order.id}`)).json().expenseTotal).toBe('62.34');
    // 1267.89 − 921.00 − 62.34 = 284.55; 284.55 ÷ 1267.89 = 22.44 %.
    let profit = await profitOf(order.id);
    expect(profit.predicted).toMatchObject({ expenses: '62.34', profit: '284.55', marginPercent: '22.44' });
    expect(profit.actual).toBeNull();

    // Deliver 5 of the 10 books: revenue 1100.92 × 5/10 = 550.46, cost 5 × 80.00 = 400.00;
    // 550.46 − 400.00 − 62.34 = 88.12, 88.12 ÷ 550.46 = 16.01 %.
    await w.rep.client.post(`/api/v1/orders/${order.id}/submit`);
    await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.stocking}/complete`, {});
    await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.shipped}/complete`, {});
    const lines = (await w.rep.client.get(`/api/v1/orders/${order.id}/lines`)).json().lines as { id: string }[];
    await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.received}/complete`, {
      lines: [{ orderLineId: lines[0]!.id, quantity: '5' }],
    });
    profit = await profitOf(order.id);
    expect(profit.actual).toEqual({
      revenue: '550.46',
      cost: '400.00',
      expenses: '62.34',
      profit: '88.12',
      marginPercent: '16.01',
    });
    await w.rep.client.post(`/api/v1/orders/${order.id}/stages/${STAGE.received}/complete`, {});
    expect((await profitOf(order.id)).actual).toMatchObject({ revenue: '1267.89', cost: '921.00', profit: '284.55' });
  });

  it('refuses bad expenses with the field named and writes nothing', async () => {
    const order = await makeOrder(w.rep.client, {
      customerId: w.customer.id,
      lines: [{ productId: w.products.tyre.id, quantity: '1', unitPrice: '399.00' }],
    });
    const zero = await w.rep.client.post(`/api/v1/orders/${order.id}/expenses`, { kind: 'freight', amount: '0' });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().error.details).toEqual([
      expect.objectContaining({ field: 'amount', code: 'EXPENSE_AMOUNT_NOT_POSITIVE' }),
    ]);
    const fraction = await w.rep.client.post(`/api/v1/orders/${order.id}/expenses`, { kind: 'freight', amount: '1.234' });
    expect(fraction.json().error.details[0]).toMatchObject({ field: 'amount', code: 'QUOTE_AMOUNT_DECIMALS' });
    const kind = await w.rep.client.post(`/api/v1/orders/${order.id}/expenses`, { kind: 'bribe', amount: '10.00' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details[0].field).toBe('kind');
    expect((await w.rep.client.get(`/api/v1/orders/${order.id}/expenses`)).json().items).toEqual([]);
  });

  it('sends a discount beyond the rep’s limit to the manager, who sees the profit and approves', async () => {
    await w.t.db.insert(approvalSteps).values({ position: 1, name: '分公司经理审批', roleId: w.roles.manager });
    // 2 × 399.00 list, sold at 10 % off: the largest discount is 10 %, the rep's limit 0 %.
    const order = await makeOrder(w.rep.client, {
      customerId: w.customer.id,
      lines: [
        {
          productId: w.products.tyre.id,
          quantity: '2',
          unitPrice: '399.00',
          listPrice: '399.00',
          discount: { kind: 'percent', value: '10' },
        },
      ],
    });
    expect(order.effectiveDiscountPercent).toBe('10.00');
    const submitted = (await w.rep.client.post(`/api/v1/orders/${order.id}/submit`)).json() as OrderProgress;
    expect(submitted.status).toBe('pendingApproval');
    expect(submitted.stages[0]!.status).toBe('pending');
    // The approver sees the predicted profit first: 718.20 with 13 % tax inside → net 635.58; cost 500.00.
    const profit = (await w.eastManager.client.get(`/api/v1/orders/${order.id}/profit`)).json() as OrderProfit;
    expect(profit.predicted).toMatchObject({ revenue: '635.58', cost: '500.00', profit: '135.58' });
    // Lines are fixed once submitted.
    const locked = await w.rep.client.put(
      `/api/v1/orders/${order.id}/lines`,
      { lines: [] },
      { 'if-match': `"${submitted.version}"` },
    );
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('ORDER_LOCKED');

    const decided = await w.eastManager.client.post(`/api/v1/approvals/order/${order.id}/decision`, {
      decision: 'approve',
      comment: '同意',
    });
    expect(decided.statusCode).toBe(200);
    const p = (await w.rep.client.get(`/api/v1/orders/${order.id}/progress`)).json() as OrderProgress;
    expect(p.status).toBe('approved');
    expect(p.stages[0]).toMatchObject({ id: STAGE.approved, status: 'done', completedByName: '李娜' });
    expect(p.events.find((e) => e.stageId === STAGE.approved)!.note).toBe('同意');
  });
});
