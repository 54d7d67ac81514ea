// Receivables aging on a fixed as-of day against a hand calculation: the buckets' edges (due on the day is current,
// 30 days is 1–30, 31 is 31–60, 90 is 61–90, 91 is over 90), a partial payment, totals per customer, owner and unit,
// each caller's reach (the company, a branch, a rep's own; another branch's unit → 404), and the drill to the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgingReport, ReceivableInstalmentsPage } from '@guanxi/contracts';
import {
  buildOrder,
  buildReceivablesWorld,
  newCustomer,
  pay,
  savePlan,
  type Person,
  type ReceivablesWorld,
} from './receivables.testSetup.ts';

let w: ReceivablesWorld;
const customers: Record<string, string> = {};
const ids: Record<string, string> = {};
const AS_OF = '2026-06-30';

beforeAll(async () => {
  w = await buildReceivablesWorld();
  const c1 = await newCustomer(w.rep, '甲书店有限公司');
  const c2 = await newCustomer(w.rep2, '乙图书公司');
  const c3 = await newCustomer(w.westRep, '丙文化公司');
  Object.assign(customers, { c1: c1.id, c2: c2.id, c3: c3.id });
  const a = await buildOrder(w, w.rep, c1.id, '2100.00');
  await savePlan(w.rep, a.id, [
    ['2026-07-15', '1000.00'], // current
    ['2026-06-30', '500.00'], // due on the day: current
    ['2026-06-29', '300.00'], // 1 day: 1–30
    ['2026-05-31', '200.00'], // 30 days: 1–30
    ['2026-05-30', '100.00'], // 31 days: 31–60, half paid below
  ]);
  const b = await buildOrder(w, w.rep2, c2.id, '1000.00');
  Object.assign(ids, { a: a.id, b: b.id });
  await savePlan(w.rep2, b.id, [
    ['2026-04-01', '400.00'], // 90 days: 61–90
    ['2026-03-31', '600.00'], // 91 days: over 90
  ]);
  const d = await buildOrder(w, w.westRep, c3.id, '700.00');
  await savePlan(w.westRep, d.id, [['2026-01-01', '700.00']]);
  // 50.00 goes to order A's oldest instalment (30 May): 50.00 left in 31–60.
  const paid = await pay(w.rep, { customerId: c1.id, orderId: a.id, amount: '50.00' });
  expect(paid.statusCode).toBe(201);
  ids.payment = paid.json().id;
});
afterAll(() => w.t.close());

async function aging(p: Person, query: string): Promise<AgingReport> {
  const res = await p.client.get(`/api/v1/receivables/aging?asOf=${AS_OF}&${query}`);
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as AgingReport;
}

const row = (r: AgingReport) =>
  Object.fromEntries(
    r.groups.map((g) => [
      g.label,
      [g.figures.current, g.figures.d1_30, g.figures.d31_60, g.figures.d61_90, g.figures.d90plus, g.figures.total],
    ]),
  );

describe('GET /receivables/aging', () => {
  it('the whole company by customer: buckets and totals to the fen', async () => {
    const r = await aging(w.admin, 'groupBy=customer');
    expect(r.totals).toEqual({
      current: '1500.00',
      d1_30: '500.00',
      d31_60: '50.00',
      d61_90: '400.00',
      d90plus: '1300.00',
      overdue: '2250.00',
      total: '3750.00',
      count: 8,
    });
    expect(r.groups.map((g) => g.label)).toEqual(['甲书店有限公司', '乙图书公司', '丙文化公司']);
    expect(row(r)).toEqual({
      甲书店有限公司: ['1500.00', '500.00', '50.00', '0.00', '0.00', '2050.00'],
      乙图书公司: ['0.00', '0.00', '0.00', '400.00', '600.00', '1000.00'],
      丙文化公司: ['0.00', '0.00', '0.00', '0.00', '700.00', '700.00'],
    });
    expect(r.otherGroups).toBe(0);
    const top = await aging(w.admin, 'groupBy=customer&limit=1');
    expect(top.groups).toHaveLength(1);
    expect(top.otherGroups).toBe(2);
    expect(top.totals.total).toBe('3750.00');
  });

  it('by owner and by org unit (child units rolled up)', async () => {
    expect(row(await aging(w.admin, 'groupBy=owner'))).toMatchObject({
      王芳: ['1500.00', '500.00', '50.00', '0.00', '0.00', '2050.00'],
      孙丽: ['0.00', '0.00', '0.00', '400.00', '600.00', '1000.00'],
      刘洋: ['0.00', '0.00', '0.00', '0.00', '700.00', '700.00'],
    });
    const units = await aging(w.admin, 'groupBy=orgUnit');
    expect(row(units)).toEqual({
      东区分公司: ['1500.00', '500.00', '50.00', '400.00', '600.00', '3050.00'],
      西区分公司: ['0.00', '0.00', '0.00', '0.00', '700.00', '700.00'],
    });
  });

  it("a branch manager sees the branch only; another branch's unit answers 404", async () => {
    const east = await aging(w.eastManager, 'groupBy=customer');
    expect(east.unit?.name).toBe('东区分公司');
    expect(east.totals).toMatchObject({ d90plus: '600.00', total: '3050.00', count: 7 });
    expect(east.groups.map((g) => g.label)).not.toContain('丙文化公司');
    const west = await aging(w.westManager, 'groupBy=customer');
    expect(west.totals).toMatchObject({ d90plus: '700.00', total: '700.00', count: 1 });
    expect((await w.westManager.client.get(`/api/v1/receivables/aging?orgUnitId=${w.east.id}`)).statusCode).toBe(404);
    expect((await w.westManager.client.get(`/api/v1/receivables/instalments?orgUnitId=${w.east.id}`)).statusCode).toBe(404);
  });

  it('a rep sees their own instalments', async () => {
    const mine = await aging(w.rep, 'groupBy=customer');
    expect(mine.unit).toBeNull();
    expect(mine.totals).toMatchObject({ current: '1500.00', d1_30: '500.00', d31_60: '50.00', total: '2050.00', count: 5 });
  });

  it('every figure drills to the instalments behind it', async () => {
    const east = await aging(w.eastManager, 'groupBy=customer');
    const yi = east.groups.find((g) => g.label === '乙图书公司')!;
    const query = new URLSearchParams({ ...yi.drill, bucket: 'd90plus' });
    const page = (await w.eastManager.client.get(`/api/v1/receivables/instalments?${query}`)).json() as ReceivableInstalmentsPage;
    expect(page.items.map((i) => [i.dueDate, i.outstanding, i.daysOverdue, i.bucket, i.ownerName])).toEqual([
      ['2026-03-31', '600.00', 91, 'd90plus', '孙丽'],
    ]);
    // The 1–30 figure of the company: two instalments, paged one at a time.
    const first = (
      await w.admin.client.get(`/api/v1/receivables/instalments?asOf=${AS_OF}&bucket=d1_30&limit=1`)
    ).json() as ReceivableInstalmentsPage;
    expect(first.items.map((i) => [i.dueDate, i.daysOverdue])).toEqual([['2026-05-31', 30]]);
    const second = (
      await w.admin.client.get(`/api/v1/receivables/instalments?asOf=${AS_OF}&bucket=d1_30&limit=1&cursor=${first.nextCursor}`)
    ).json() as ReceivableInstalmentsPage;
    expect(second.items.map((i) => [i.dueDate, i.outstanding])).toEqual([['2026-06-29', '300.00']]);
    expect(second.nextCursor).toBeNull();
    const partial = (
      await w.rep.client.get(`/api/v1/receivables/instalments?asOf=${AS_OF}&bucket=d31_60`)
    ).json() as ReceivableInstalmentsPage;
    expect(partial.items.map((i) => [i.amount, i.paidAmount, i.outstanding, i.status])).toEqual([
      ['100.00', '50.00', '50.00', 'partial'],
    ]);
  });

  it('names bad parameters', async () => {
    const res = await w.admin.client.get('/api/v1/receivables/aging?groupBy=region&asOf=2026-13-01');
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['querystring.asOf', 'querystring.groupBy']);
  });
});

describe('GET /customers/:id/receivables', () => {
  it('outstanding, overdue and the next due of the orders the caller may read; hidden customer → 404', async () => {
    const res = await w.rep.client.get(`/api/v1/customers/${customers.c1}/receivables`);
    expect(res.statusCode).toBe(200);
    const card = res.json();
    expect(card.outstanding).toBe('2050.00');
    expect(card.openCount).toBe(5);
    expect((await w.westRep.client.get(`/api/v1/customers/${customers.c1}/receivables`)).statusCode).toBe(404);
  });
});

// Last: it records payments and a reversal the figures above do not expect.
describe('aging on a past day', () => {
  it('on a past day counts what was paid by then: later payments, later reversals and later orders do not change it', async () => {
    // 乙's 600.00 (due 31 March) is paid on 10 July; 甲's 50.00 of 1 February is reversed now; an order dated 1 July
    // asks 80.00 by 15 June (an advance).
    const late = await pay(w.rep2, { customerId: customers.c2, orderId: ids.b, amount: '600.00', receivedOn: '2026-07-10' });
    expect(late.statusCode, late.body).toBe(201);
    expect((await w.rep.client.post(`/api/v1/payments/${ids.payment}/reverse`)).statusCode).toBe(200);
    const advance = await buildOrder(w, w.rep, customers.c1!, '80.00', '2026-07-01');
    await savePlan(w.rep, advance.id, [['2026-06-15', '80.00']]);

    // 30 June reads as before: the 600.00 was owed, the 50.00 paid, the advance not yet ordered.
    expect(row(await aging(w.admin, 'groupBy=customer'))).toEqual({
      甲书店有限公司: ['1500.00', '500.00', '50.00', '0.00', '0.00', '2050.00'],
      乙图书公司: ['0.00', '0.00', '0.00', '400.00', '600.00', '1000.00'],
      丙文化公司: ['0.00', '0.00', '0.00', '0.00', '700.00', '700.00'],
    });
    const drill = (
      await w.rep.client.get(`/api/v1/receivables/instalments?asOf=${AS_OF}&bucket=d31_60`)
    ).json() as ReceivableInstalmentsPage;
    expect(drill.items.map((i) => [i.amount, i.paidAmount, i.outstanding, i.status])).toEqual([
      ['100.00', '50.00', '50.00', 'partial'],
    ]);
    // 10 July: the 600.00 came in that day; 甲 owes the advance (25 days) and still had the 50.00 paid.
    const july = await w.admin.client.get('/api/v1/receivables/aging?asOf=2026-07-10&groupBy=customer');
    expect(row(july.json() as AgingReport)).toEqual({
      甲书店有限公司: ['1000.00', '880.00', '250.00', '0.00', '0.00', '2130.00'],
      乙图书公司: ['0.00', '0.00', '0.00', '0.00', '400.00', '400.00'],
      丙文化公司: ['0.00', '0.00', '0.00', '0.00', '700.00', '700.00'],
    });
    // Today: the reversal counts (甲 owes the whole 100.00 again), the 600.00 is paid.
    const now = (await w.admin.client.get('/api/v1/receivables/aging?groupBy=customer')).json() as AgingReport;
    expect(Object.fromEntries(now.groups.map((g) => [g.label, g.figures.total]))).toEqual({
      甲书店有限公司: '2180.00',
      乙图书公司: '400.00',
      丙文化公司: '700.00',
    });
  });
});
