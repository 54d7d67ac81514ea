// The customer's timeline: a payment received (and marked when reversed), an instalment fallen overdue, a dunning
// reminder; another branch's rep sees none of it (the customer itself is hidden from them: 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@guanxi/contracts';
import { todayIn } from '../../sales/planning/planning.periods.ts';
import { addDays } from './receivables.dates.ts';
import { runDunning } from './receivables.dunning.ts';
import { buildOrder, buildReceivablesWorld, newCustomer, pay, savePlan, type ReceivablesWorld } from './receivables.testSetup.ts';

let w: ReceivablesWorld;
beforeAll(async () => {
  w = await buildReceivablesWorld();
});
afterAll(() => w.t.close());

describe('receivables on the customer timeline', () => {
  it('shows payments, overdue instalments and dunning reminders', async () => {
    const today = todayIn(w.t.config.timeZone);
    const customer = await newCustomer(w.rep);
    const order = await buildOrder(w, w.rep, customer.id, '1500.00');
    await savePlan(w.rep, order.id, [
      [addDays(today, -12), '1000.00'],
      [addDays(today, 30), '500.00'],
    ]);
    const payment = (
      await pay(w.rep, { customerId: customer.id, orderId: order.id, amount: '400.00', reference: '回单 77' })
    ).json();
    await runDunning(w.t.db, w.t.app.events, w.t.config.timeZone);
    const res = await w.rep.client.get(`/api/v1/customers/${customer.id}/timeline?types=payment,instalmentOverdue,dunning`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as TimelineEntry[];
    expect(items.map((i) => [i.type, i.title]).sort()).toEqual([
      ['dunning', `催款 第 1 次：${order.number} 第 1 期`],
      ['instalmentOverdue', `逾期未付：${order.number} 第 1 期`],
      ['payment', `收款 ${payment.number} · 400.00 元`],
    ]);
    expect(items.find((i) => i.type === 'dunning')!.summary).toBe('逾期 12 天 · 未收 600.00 元');
    expect(items.find((i) => i.type === 'payment')).toMatchObject({ recordType: 'order', recordId: order.id, actorName: '王芳' });

    await w.rep.client.post(`/api/v1/payments/${payment.id}/reverse`);
    const after = (await w.rep.client.get(`/api/v1/customers/${customer.id}/timeline?types=payment`)).json()
      .items as TimelineEntry[];
    expect(after[0]!.title).toBe(`收款 ${payment.number} · 400.00 元（已冲销）`);
    expect((await w.westRep.client.get(`/api/v1/customers/${customer.id}/timeline`)).statusCode).toBe(404);
  });
});
