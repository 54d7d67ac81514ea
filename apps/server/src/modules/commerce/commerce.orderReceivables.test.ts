// What an order owes follows the order: approved, it owes its total as one instalment due 30 days after the order
// date (until a plan of its own replaces it); reassigned, its receivables move to the new owner in aging; an approved
// order cannot be deleted (cancel it, with a reason, before delivery or payment), a draft can — and owes nothing then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgingReport } from '@guanxi/contracts';
import { addDays } from './quotes/quotes.hooks.ts';
import { buildQuotesWorld, created, ok, type QuotesWorld } from './quotes/quotes.testSetup.ts';

describe('an order’s receivables', () => {
  let w: QuotesWorld;
  beforeAll(async () => {
    w = await buildQuotesWorld();
  });
  afterAll(() => w.t.close());

  const newOrder = async () =>
    created(
      await w.rep1.client.post('/api/v1/orders/direct', {
        customerId: w.customer,
        orderDate: '2026-11-02',
        lines: [{ productId: w.products.service, quantity: '3', unitPrice: '100.00' }],
      }),
    );

  it('owes its total from approval, follows its owner, and is not deleted once approved', async () => {
    const order = await newOrder();
    expect(ok<{ instalments: unknown[] }>(await w.rep1.client.get(`/api/v1/orders/${order.id}/instalments`)).instalments).toEqual(
      [],
    );
    expect(ok<{ status: string }>(await w.rep1.client.post(`/api/v1/orders/${order.id}/submit`)).status).toBe('approved');
    const plan = ok<{ instalments: { dueDate: string; amount: string }[] }>(
      await w.rep1.client.get(`/api/v1/orders/${order.id}/instalments`),
    );
    expect(plan.instalments.map((i) => [i.dueDate, i.amount])).toEqual([[addDays('2026-11-02', 30), '300.00']]);

    const current = ok<{ version: number; access: Record<string, boolean> }>(
      await w.rep1.client.get(`/api/v1/orders/${order.id}`),
    );
    expect(current.access).toMatchObject({ edit: true, delete: false });
    const refused = await w.eastManager.client.delete(`/api/v1/orders/${order.id}`, { 'if-match': String(current.version) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ORDER_NOT_DELETABLE');

    ok(await w.eastManager.client.post(`/api/v1/orders/${order.id}/assign`, { ownerId: w.rep2.id }));
    const byOwner = ok<AgingReport>(await w.eastManager.client.get('/api/v1/receivables/aging?groupBy=owner'));
    expect(byOwner.groups.find((g) => g.key === w.rep2.id)?.figures.total).toBe('300.00');
    expect(byOwner.groups.some((g) => g.key === w.rep1.id)).toBe(false);
  });

  it('is cancelled with a reason before delivery or payment, and then owes nothing', async () => {
    const order = await newOrder();
    ok(await w.rep1.client.post(`/api/v1/orders/${order.id}/submit`));
    const noReason = await w.rep1.client.post(`/api/v1/orders/${order.id}/cancel`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].field).toBe('reason');
    expect(
      ok<{ status: string }>(await w.rep1.client.post(`/api/v1/orders/${order.id}/cancel`, { reason: '客户撤单' })).status,
    ).toBe('cancelled');
    const plan = ok<{ instalments: { status: string }[] }>(await w.rep1.client.get(`/api/v1/orders/${order.id}/instalments`));
    expect(plan.instalments.map((i) => i.status)).toEqual(['cancelled']);
    const again = await w.rep1.client.post(`/api/v1/orders/${order.id}/cancel`, { reason: '再取消' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ORDER_NOT_CANCELLABLE');

    // Once money came in, it is a refund, not a cancellation.
    const paidOrder = await newOrder();
    ok(await w.rep1.client.post(`/api/v1/orders/${paidOrder.id}/submit`));
    const paid = await w.rep1.client.post('/api/v1/payments', {
      customerId: w.customer,
      orderId: paidOrder.id,
      amount: '10.00',
      receivedOn: '2026-11-20',
      method: 'bank',
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect((await w.rep1.client.post(`/api/v1/orders/${paidOrder.id}/cancel`, { reason: '客户撤单' })).statusCode).toBe(409);
  });

  it('a deleted draft owes nothing', async () => {
    const order = await newOrder();
    const removed = await w.rep1.client.delete(`/api/v1/orders/${order.id}`, { 'if-match': String(order.version) });
    expect(removed.statusCode).toBe(204);
  });
});
