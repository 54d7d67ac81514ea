// Two payments for the last 100 元 of an order at once on real PostgreSQL: the customer's lock and the instalment rows
// locked in id order let exactly one be allocated; the other gets 409 PAYMENT_EXCEEDS_DUE and writes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeOn } from '../../../../test/harness/onlyOn.ts';
import { orders } from '../orders/orders.schema.ts';
import { payments } from './receivables.schema.ts';
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

describeOn('postgres', 'concurrent payments', 'PGlite runs one statement at a time, so nothing is concurrent there', () => {
  it('two payments for the last 100.00 at once: one 201, one 409, paid total 1000.00', async () => {
    const customer = await newCustomer(w.rep);
    const order = await buildOrder(w, w.rep, customer.id, '1000.00');
    await savePlan(w.rep, order.id, [
      ['2026-01-01', '400.00'],
      ['2026-02-01', '600.00'],
    ]);
    expect((await pay(w.rep, { customerId: customer.id, orderId: order.id, amount: '900.00' })).statusCode).toBe(201);
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([
        pay(w.rep, { customerId: customer.id, orderId: order.id, amount: '100.00' }),
        pay(w.eastManager, { customerId: customer.id, amount: '100.00' }),
      ]);
      const codes = results.map((r) => r.statusCode).sort();
      if (round === 0) {
        expect(codes).toEqual([201, 409]);
        expect(results.find((r) => r.statusCode === 409)!.json().error).toMatchObject({
          code: 'PAYMENT_EXCEEDS_DUE',
          outstanding: '0.00',
        });
      } else expect(codes).toEqual([409, 409]);
    }
    const [row] = await w.t.db.select({ paid: orders.paidTotal }).from(orders).where(eq(orders.id, order.id));
    expect(row!.paid).toBe('1000.00');
    expect((await getPlan(w.rep, order.id)).instalments.map((i) => i.status)).toEqual(['paid', 'paid']);
    expect(await w.t.db.select({ id: payments.id }).from(payments).where(eq(payments.customerId, customer.id))).toHaveLength(2);
  });
});
