// A customer merge takes the source's commerce along: its own price list (the engine then prices the target with it),
// its orders with their instalments (aging shows them under the target) and its payments, each counted in the
// target's merge entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgingReport } from '@guanxi/contracts';
import { buildCustomer } from '../../../test/factories/customers.ts';
import { buildQuotesWorld, created, ok, type QuotesWorld } from './quotes/quotes.testSetup.ts';

describe('customer merge with commerce', () => {
  let w: QuotesWorld;
  beforeAll(async () => {
    w = await buildQuotesWorld();
  });
  afterAll(() => w.t.close());

  it('moves price lists, orders, instalments and payments to the surviving customer', async () => {
    const rep = w.rep1.client;
    const source = await buildCustomer(rep, { name: '北京东区邮政局（朝阳）' });
    const target = ok<{ id: string; version: number }>(await rep.get(`/api/v1/customers/${w.customer}`));
    await created(
      await w.admin.client.post('/api/v1/price-lists', {
        name: '朝阳邮政专属价',
        kind: 'customer',
        customerId: source.id,
        items: [{ productId: w.products.service, breaks: [{ minQuantity: '1', unitPrice: '88.00' }] }],
      }),
    );
    const order = await created(
      await rep.post('/api/v1/orders/direct', {
        customerId: source.id,
        lines: [{ productId: w.products.service, quantity: '2', unitPrice: '88.00' }],
      }),
    );
    const plan = ok<{ version: number }>(await rep.get(`/api/v1/orders/${order.id}/instalments`));
    ok(
      await rep.put(
        `/api/v1/orders/${order.id}/instalments`,
        { instalments: [{ name: '全款', dueDate: '2026-01-15', amount: '176.00' }] },
        { 'if-match': String(plan.version) },
      ),
    );
    const paid = await rep.post('/api/v1/payments', {
      customerId: source.id,
      orderId: order.id,
      amount: '76.00',
      receivedOn: '2026-01-20',
      method: 'bank',
    });
    expect(paid.statusCode, paid.body).toBe(201);

    const sourceNow = ok<{ version: number }>(await rep.get(`/api/v1/customers/${source.id}`));
    const merged = await w.eastManager.client.post(`/api/v1/customers/${target.id}/merge`, {
      sourceId: source.id,
      version: target.version,
      sourceVersion: sourceNow.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);

    expect(ok<{ customerId: string }>(await rep.get(`/api/v1/orders/${order.id}`)).customerId).toBe(target.id);
    const aging = ok<AgingReport>(await w.eastManager.client.get('/api/v1/receivables/aging?groupBy=customer'));
    expect(aging.groups.find((g) => g.key === target.id)?.figures.total).toBe('100.00');
    expect(aging.groups.some((g) => g.key === source.id)).toBe(false);
    const payments = ok<{ items: { amount: string }[] }>(await rep.get(`/api/v1/payments?customerId=${target.id}`));
    expect(payments.items.map((p) => p.amount)).toEqual(['76.00']);
    // The customer's own price now prices the surviving customer.
    const priced = ok<{ lines: { unitPrice: string; source: { kind: string } }[] }>(
      await rep.post('/api/v1/pricing/quote-lines', {
        customerId: target.id,
        lines: [{ productId: w.products.service, quantity: '1' }],
      }),
    );
    expect(priced.lines[0]).toMatchObject({ unitPrice: '88.00', source: { kind: 'customerList' } });
    const history = ok<{ items: { action: string; changes: { field: string; new: unknown }[] }[] }>(
      await w.eastManager.client.get(`/api/v1/customers/${target.id}/history`),
    );
    const entry = history.items.find((h) => h.action === 'merge')!;
    expect(Object.fromEntries(entry.changes.map((c) => [c.field, c.new]))).toMatchObject({
      'priceList.customerId': 1,
      'instalment.customerId': 1,
      'payment.customerId': 1,
    });
  });
});
