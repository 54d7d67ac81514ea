// Payments: allocated to the oldest due instalment first, paid totals to the fen, more than is due refused or held as
// credit, credit spent, reversal undoing everything, access of the order, bad input named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Payment } from '@guanxi/contracts';
import { orders } from '../orders/orders.schema.ts';
import {
  buildOrder,
  buildReceivablesWorld,
  getPlan,
  newCustomer,
  pay,
  savePlan,
  type ReceivablesWorld,
} from './receivables.testSetup.ts';

let w: ReceivablesWorld;
beforeAll(async () => {
  w = await buildReceivablesWorld();
});
afterAll(() => w.t.close());

const paidTotal = async (orderId: string) =>
  (await w.t.db.select({ paid: orders.paidTotal }).from(orders).where(eq(orders.id, orderId)))[0]!.paid;

async function threeInstalments() {
  const customer = await newCustomer(w.rep);
  const order = await buildOrder(w, w.rep, customer.id, '1000.00');
  // Listed out of date order: the March one is position 1, the January one position 3.
  await savePlan(w.rep, order.id, [
    ['2026-03-01', '500.00'],
    ['2026-02-01', '300.00'],
    ['2026-01-01', '200.00'],
  ]);
  return { customer, order };
}

describe('POST /payments', () => {
  it('pays the oldest due instalment first and keeps the paid total to the fen', async () => {
    const { customer, order } = await threeInstalments();
    const res = await pay(w.rep, { customerId: customer.id, orderId: order.id, amount: '350.55', reference: '工行回单 0012' });
    expect(res.statusCode).toBe(201);
    const payment = res.json() as Payment;
    expect(payment.number).toMatch(/^RC2026-\d{6}$/);
    // 200.00 to January (paid), 150.55 to February (partial), nothing to March.
    expect(payment.allocations.map((a) => [a.dueDate, a.amount])).toEqual([
      ['2026-01-01', '200.00'],
      ['2026-02-01', '150.55'],
    ]);
    const plan = await getPlan(w.rep, order.id);
    expect(plan.instalments.map((i) => [i.dueDate, i.paidAmount, i.outstanding, i.status, i.paidAt])).toEqual([
      ['2026-03-01', '0.00', '500.00', 'open', null],
      ['2026-02-01', '150.55', '149.45', 'partial', null],
      ['2026-01-01', '200.00', '0.00', 'paid', '2026-02-01'],
    ]);
    expect(plan.paidTotal).toBe('350.55');
    expect(await paidTotal(order.id)).toBe('350.55');
  });

  it('without an order pays the customer’s oldest instalments across orders', async () => {
    const customer = await newCustomer(w.rep);
    const a = await buildOrder(w, w.rep, customer.id, '100.00');
    const b = await buildOrder(w, w.rep, customer.id, '100.00');
    await savePlan(w.rep, a.id, [['2026-03-01', '100.00']]);
    await savePlan(w.rep, b.id, [['2026-02-01', '100.00']]);
    const res = await pay(w.rep, { customerId: customer.id, amount: '150.00' });
    expect(res.statusCode).toBe(201);
    expect(res.json().allocations.map((x: { orderNumber: string; amount: string }) => [x.orderNumber, x.amount])).toEqual([
      [b.number, '100.00'],
      [a.number, '50.00'],
    ]);
    expect([await paidTotal(a.id), await paidTotal(b.id)]).toEqual(['50.00', '100.00']);
  });

  it('takes explicit allocations as given', async () => {
    const { customer, order } = await threeInstalments();
    const plan = await getPlan(w.rep, order.id);
    const march = plan.instalments[0]!;
    const res = await pay(w.rep, {
      customerId: customer.id,
      orderId: order.id,
      amount: '100.00',
      allocations: [{ instalmentId: march.id, amount: '100.00' }],
    });
    expect(res.statusCode).toBe(201);
    expect((await getPlan(w.rep, order.id)).instalments[0]).toMatchObject({ paidAmount: '100.00', status: 'partial' });
    const over = await pay(w.rep, {
      customerId: customer.id,
      orderId: order.id,
      amount: '500.00',
      allocations: [{ instalmentId: march.id, amount: '400.01' }],
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({ code: 'ALLOCATION_EXCEEDS_OUTSTANDING', outstanding: '400.00' });
  });

  it('refuses more than is due (409 naming the outstanding amount) unless the excess is held as credit', async () => {
    const { customer, order } = await threeInstalments();
    const refused = await pay(w.rep, { customerId: customer.id, orderId: order.id, amount: '1000.01' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'PAYMENT_EXCEEDS_DUE', outstanding: '1000.00', excess: '0.01' });
    expect(refused.json().error.message).toContain('1,000.00');
    expect(await paidTotal(order.id)).toBe('0.00');

    const held = await pay(w.rep, { customerId: customer.id, orderId: order.id, amount: '1200.00', holdExcessAsCredit: true });
    expect(held.statusCode).toBe(201);
    expect(held.json()).toMatchObject({ amount: '1200.00', creditAmount: '200.00' });
    expect(await paidTotal(order.id)).toBe('1000.00');
    const card = (await w.rep.client.get(`/api/v1/customers/${customer.id}/receivables`)).json();
    expect(card).toMatchObject({ outstanding: '0.00', overdue: '0.00', credit: '200.00', nextDue: null });

    // The credit pays the next order; more than the credit is refused.
    const next = await buildOrder(w, w.rep, customer.id, '150.00');
    await savePlan(w.rep, next.id, [['2026-04-01', '150.00']]);
    const tooMuch = await pay(w.rep, { customerId: customer.id, orderId: next.id, amount: '200.01', method: 'credit' });
    expect(tooMuch.statusCode).toBe(409);
    const fromCredit = await pay(w.rep, { customerId: customer.id, orderId: next.id, amount: '150.00', method: 'credit' });
    expect(fromCredit.statusCode).toBe(201);
    const after = (await w.rep.client.get(`/api/v1/customers/${customer.id}/receivables`)).json();
    expect(after.credit).toBe('50.00');
    const short = await pay(w.rep, { customerId: customer.id, amount: '60.00', method: 'credit', holdExcessAsCredit: false });
    expect(short.statusCode).toBe(409);
    expect(short.json().error.code).toBe('PAYMENT_EXCEEDS_DUE');

    // Reversing the over-payment would take back credit already spent.
    const reverse = await w.rep.client.post(`/api/v1/payments/${held.json().id}/reverse`);
    expect(reverse.statusCode).toBe(409);
    expect(reverse.json().error.code).toBe('CREDIT_IN_USE');
  });

  it('reversal undoes the allocations, paid totals and statuses; a second reversal is refused', async () => {
    const { customer, order } = await threeInstalments();
    const first = (await pay(w.rep, { customerId: customer.id, orderId: order.id, amount: '250.00' })).json() as Payment;
    await pay(w.rep, { customerId: customer.id, orderId: order.id, amount: '100.00' });
    expect(await paidTotal(order.id)).toBe('350.00');
    const res = await w.rep.client.post(`/api/v1/payments/${first.id}/reverse`);
    expect(res.statusCode).toBe(200);
    expect(res.json().reversedAt).not.toBeNull();
    expect(await paidTotal(order.id)).toBe('100.00');
    const plan = await getPlan(w.rep, order.id);
    // What is left is the second payment: 100.00 on February (January had been paid by the first).
    expect(plan.instalments.map((i) => [i.dueDate, i.paidAmount, i.status, i.paidAt])).toEqual([
      ['2026-03-01', '0.00', 'open', null],
      ['2026-02-01', '100.00', 'partial', null],
      ['2026-01-01', '0.00', 'open', null],
    ]);
    expect((await w.rep.client.post(`/api/v1/payments/${first.id}/reverse`)).json().error.code).toBe('PAYMENT_ALREADY_REVERSED');
    const list = (await w.rep.client.get(`/api/v1/payments?orderId=${order.id}`)).json().items as Payment[];
    expect(list).toHaveLength(2);
    expect(list.filter((p) => p.reversedAt)).toHaveLength(1);
  });

  it('names bad input and writes nothing', async () => {
    const { customer, order } = await threeInstalments();
    const bad = await pay(w.rep, {
      customerId: customer.id,
      orderId: order.id,
      amount: '10.001',
      allocations: [{ instalmentId: customer.id, amount: '0' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['amount', 'allocations.0.amount']);
    const shape = await pay(w.rep, {
      customerId: customer.id,
      orderId: order.id,
      amount: '10.00',
      method: 'gold',
      receivedOn: '昨天',
    });
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['method', 'receivedOn']);
    const other = await newCustomer(w.rep);
    const wrongCustomer = await pay(w.rep, { customerId: other.id, orderId: order.id, amount: '10.00' });
    expect(wrongCustomer.json().error.details[0]).toMatchObject({ field: 'orderId', code: 'PAYMENT_ORDER_CUSTOMER' });
    const notOpen = await pay(w.rep, {
      customerId: customer.id,
      orderId: order.id,
      amount: '10.00',
      allocations: [{ instalmentId: customer.id, amount: '10.00' }],
    });
    expect(notOpen.json().error.details[0]).toMatchObject({ field: 'allocations.0.instalmentId', code: 'ALLOCATION_NOT_OPEN' });
    expect(await paidTotal(order.id)).toBe('0.00');
  });

  it("follows the order's access: hidden → 404, read-only → 403, also for reversal and lists", async () => {
    const { customer, order } = await threeInstalments();
    const payment = (await pay(w.rep, { customerId: customer.id, orderId: order.id, amount: '10.00' })).json() as Payment;
    expect((await pay(w.westRep, { customerId: customer.id, orderId: order.id, amount: '10.00' })).statusCode).toBe(404);
    expect((await pay(w.auditor, { customerId: customer.id, orderId: order.id, amount: '10.00' })).statusCode).toBe(403);
    expect((await w.westManager.client.post(`/api/v1/payments/${payment.id}/reverse`)).statusCode).toBe(404);
    expect((await w.auditor.client.post(`/api/v1/payments/${payment.id}/reverse`)).statusCode).toBe(403);
    expect((await w.westRep.client.get(`/api/v1/payments?orderId=${order.id}`)).statusCode).toBe(404);
    expect((await w.westRep.client.get(`/api/v1/payments?customerId=${customer.id}`)).statusCode).toBe(404);
    expect((await w.auditor.client.get(`/api/v1/payments?customerId=${customer.id}`)).json().items).toHaveLength(1);
    // The east manager may reverse a payment of his rep's order.
    expect((await w.eastManager.client.post(`/api/v1/payments/${payment.id}/reverse`)).statusCode).toBe(200);
  });

  it('previews the allocation without recording anything', async () => {
    const { customer, order } = await threeInstalments();
    const res = await w.rep.client.post('/api/v1/payments/preview', {
      customerId: customer.id,
      orderId: order.id,
      amount: '1100.00',
      receivedOn: '2026-02-01',
      method: 'bank',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outstanding: '1000.00', excess: '100.00', availableCredit: '0.00' });
    expect(res.json().allocations.map((a: { amount: string }) => a.amount)).toEqual(['200.00', '300.00', '500.00']);
    expect(await paidTotal(order.id)).toBe('0.00');
  });
});
