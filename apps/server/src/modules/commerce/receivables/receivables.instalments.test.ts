// Instalment plans: amounts add up to the order's gross total to the fen, an equal split puts the odd fen on the last
// instalment, a stale version is refused, paid instalments are protected, bad input is named, access is the order's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultInstalments, splitEqually } from './receivables.planMath.ts';
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

describe('plan arithmetic', () => {
  it('splits 100.00 in 3 as 33.33, 33.33, 33.34, a month apart (31 January → 28 February)', () => {
    expect(splitEqually('100.00', 3, '2026-01-31')).toEqual([
      { name: null, dueDate: '2026-01-31', amount: '33.33' },
      { name: null, dueDate: '2026-02-28', amount: '33.33' },
      { name: null, dueDate: '2026-03-31', amount: '33.34' },
    ]);
    expect(splitEqually('0.05', 4, '2026-05-01').map((i) => i.amount)).toEqual(['0.01', '0.01', '0.01', '0.02']);
  });
  it('the default plan is the gross total due 30 days after the order date', () => {
    expect(defaultInstalments({ orderDate: '2026-01-10', grossTotal: '12345.67' })).toEqual([
      { name: null, dueDate: '2026-02-09', amount: '12345.67' },
    ]);
  });
});

describe('GET/PUT /orders/:id/instalments', () => {
  it('saves a plan that adds up to the gross total to the fen, with customer, owner and unit from the order', async () => {
    const customer = await newCustomer(w.rep);
    const order = await buildOrder(w, w.rep, customer.id, '12345.67');
    const empty = await getPlan(w.rep, order.id);
    expect(empty).toMatchObject({ grossTotal: '12345.67', planTotal: '0.00', version: 0, canEdit: true, instalments: [] });
    const plan = await savePlan(w.rep, order.id, [
      ['2026-02-01', '5000.00'],
      ['2026-03-01', '7345.67'],
    ]);
    expect(plan.planTotal).toBe('12345.67');
    expect(plan.version).toBe(1);
    expect(plan.instalments.map((i) => [i.position, i.dueDate, i.amount, i.status])).toEqual([
      [1, '2026-02-01', '5000.00', 'open'],
      [2, '2026-03-01', '7345.67', 'open'],
    ]);
  });

  it('refuses a plan one fen short: 400 INSTALMENTS_TOTAL_MISMATCH naming `instalments` with both figures', async () => {
    const customer = await newCustomer(w.rep);
    const order = await buildOrder(w, w.rep, customer.id, '12345.67');
    const res = await w.rep.client.put(
      `/api/v1/orders/${order.id}/instalments`,
      { instalments: [{ dueDate: '2026-02-01', amount: '12345.66' }] },
      { 'if-match': '0' },
    );
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error).toMatchObject({ code: 'INSTALMENTS_TOTAL_MISMATCH', planTotal: '12345.66', grossTotal: '12345.67' });
    expect(error.details[0].field).toBe('instalments');
    expect(error.details[0].message).toContain('12,345.66');
    expect(error.details[0].message).toContain('12,345.67');
    expect((await getPlan(w.rep, order.id)).instalments).toEqual([]);
  });

  it('splits into N equal monthly instalments, the odd fen on the last', async () => {
    const customer = await newCustomer(w.rep);
    const order = await buildOrder(w, w.rep, customer.id, '1000.00');
    const res = await w.rep.client.put(
      `/api/v1/orders/${order.id}/instalments`,
      { split: { count: 3, firstDueDate: '2026-01-31' } },
      { 'if-match': '0' },
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().instalments.map((i: { dueDate: string; amount: string }) => [i.dueDate, i.amount])).toEqual([
      ['2026-01-31', '333.33'],
      ['2026-02-28', '333.33'],
      ['2026-03-31', '333.34'],
    ]);
  });

  it('names every bad field at once and writes nothing', async () => {
    const customer = await newCustomer(w.rep);
    const order = await buildOrder(w, w.rep, customer.id, '100.00');
    const res = await w.rep.client.put(
      `/api/v1/orders/${order.id}/instalments`,
      {
        instalments: [
          { dueDate: '2026-02-01', amount: '0' },
          { dueDate: '2026-03-01', amount: '10.005' },
          { dueDate: '2026-04-01', amount: '1e2' },
          { dueDate: '2026-05-01', amount: '-5.00' },
        ],
      },
      { 'if-match': '0' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`)).toEqual([
      'instalments.0.amount INSTALMENT_AMOUNT_NOT_POSITIVE',
      'instalments.1.amount INSTALMENT_AMOUNT_DECIMALS',
      'instalments.2.amount DECIMAL_INVALID',
      'instalments.3.amount INSTALMENT_AMOUNT_NOT_POSITIVE',
    ]);
    const bad = await w.rep.client.put(
      `/api/v1/orders/${order.id}/instalments`,
      { instalments: [{ dueDate: '2026-02-30', amount: '100.00' }] },
      { 'if-match': '0' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('instalments.0.dueDate');
    const tooMany = await w.rep.client.put(
      `/api/v1/orders/${order.id}/instalments`,
      { split: { count: 120, firstDueDate: '2026-01-31' } },
      { 'if-match': '0' },
    );
    expect(tooMany.statusCode).toBe(200);
    const tiny = await buildOrder(w, w.rep, customer.id, '0.05');
    const split = await w.rep.client.put(
      `/api/v1/orders/${tiny.id}/instalments`,
      { split: { count: 6, firstDueDate: '2026-01-31' } },
      { 'if-match': '0' },
    );
    expect(split.json().error.details[0]).toMatchObject({ field: 'split.count', code: 'INSTALMENT_AMOUNT_NOT_POSITIVE' });
    const both = await w.rep.client.put(
      `/api/v1/orders/${tiny.id}/instalments`,
      { split: { count: 1, firstDueDate: '2026-01-31' }, instalments: [] },
      { 'if-match': '0' },
    );
    expect(both.json().error.details[0]).toMatchObject({ field: 'instalments', code: 'INSTALMENT_PLAN_INPUT' });
  });

  it('refuses a save over a stale version (412 with the plan as it is now) and a missing If-Match (428)', async () => {
    const customer = await newCustomer(w.rep);
    const order = await buildOrder(w, w.rep, customer.id, '100.00');
    await savePlan(w.rep, order.id, [['2026-02-01', '100.00']]);
    const stale = await w.rep.client.put(
      `/api/v1/orders/${order.id}/instalments`,
      { instalments: [{ dueDate: '2026-03-01', amount: '100.00' }] },
      { 'if-match': '0' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.current.instalments[0].dueDate).toBe('2026-02-01');
    const none = await w.rep.client.put(`/api/v1/orders/${order.id}/instalments`, { instalments: [] });
    expect(none.statusCode).toBe(428);
  });

  it('keeps what was paid: a paid instalment is not removed (409) nor cut below its paid amount (409)', async () => {
    const customer = await newCustomer(w.rep);
    const order = await buildOrder(w, w.rep, customer.id, '300.00');
    const plan = await savePlan(w.rep, order.id, [
      ['2026-02-01', '100.00'],
      ['2026-03-01', '200.00'],
    ]);
    expect((await pay(w.rep, { customerId: customer.id, orderId: order.id, amount: '60.00' })).statusCode).toBe(201);
    const [first, second] = plan.instalments;
    const put = (instalments: unknown[]) =>
      w.rep.client.put(`/api/v1/orders/${order.id}/instalments`, { instalments }, { 'if-match': String(plan.version) });

    const removed = await put([{ dueDate: '2026-03-01', amount: '300.00', id: second!.id }]);
    expect(removed.statusCode).toBe(409);
    expect(removed.json().error.code).toBe('INSTALMENT_PAID');
    const below = await put([
      { id: first!.id, dueDate: '2026-02-01', amount: '50.00' },
      { id: second!.id, dueDate: '2026-03-01', amount: '250.00' },
    ]);
    expect(below.statusCode).toBe(409);
    expect(below.json().error).toMatchObject({ code: 'INSTALMENT_BELOW_PAID', details: [{ field: 'instalments.0.amount' }] });
    const split = await w.rep.client.put(
      `/api/v1/orders/${order.id}/instalments`,
      { split: { count: 2, firstDueDate: '2026-02-01' } },
      { 'if-match': String(plan.version) },
    );
    expect(split.statusCode).toBe(409);

    // Moving the paid instalment's date and amount (not below 60.00) is fine; it stays partly paid.
    const moved = await put([
      { id: first!.id, dueDate: '2026-02-15', amount: '60.00', name: '首付款' },
      { id: second!.id, dueDate: '2026-03-01', amount: '240.00' },
    ]);
    expect(moved.statusCode).toBe(200);
    expect(moved.json().instalments[0]).toMatchObject({ name: '首付款', amount: '60.00', paidAmount: '60.00', status: 'paid' });
  });

  it("follows the order's access: hidden → 404, read-only → 403", async () => {
    const customer = await newCustomer(w.rep);
    const order = await buildOrder(w, w.rep, customer.id, '100.00');
    expect((await w.westRep.client.get(`/api/v1/orders/${order.id}/instalments`)).statusCode).toBe(404);
    expect((await w.westManager.client.get(`/api/v1/orders/${order.id}/instalments`)).statusCode).toBe(404);
    expect((await w.eastManager.client.get(`/api/v1/orders/${order.id}/instalments`)).statusCode).toBe(200);
    const readOnly = await getPlan(w.auditor, order.id);
    expect(readOnly.canEdit).toBe(false);
    const put = await w.auditor.client.put(
      `/api/v1/orders/${order.id}/instalments`,
      { instalments: [{ dueDate: '2026-02-01', amount: '100.00' }] },
      { 'if-match': '0' },
    );
    expect(put.statusCode).toBe(403);
    const hidden = await w.westRep.client.put(
      `/api/v1/orders/${order.id}/instalments`,
      { instalments: [{ dueDate: '2026-02-01', amount: '100.00' }] },
      { 'if-match': '0' },
    );
    expect(hidden.statusCode).toBe(404);
  });
});
