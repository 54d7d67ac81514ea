// Issue 6's walk-through through the API, every figure calculated by hand below: a rep quotes from the catalogue
// with a discount above her limit, the branch manager approves it, the PDF prints the customer and 大写金额 of the
// total, the customer's acceptance makes an order with the same totals, its stages advance to delivery while the
// expected arrival date moves, a first instalment falls overdue — in aging and dunned — and is paid late.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import type { AgingReport, OrderProgress, QuoteLines } from '@guanxi/contracts';
import { notifications } from '../../platform/events/events.schema.ts';
import { todayIn } from '../sales/planning/planning.periods.ts';
import { buildQuote, buildQuotesWorld, ok, type QuotesWorld } from './quotes/quotes.testSetup.ts';
import { DUNNING_NOTIFICATION, runDunning } from './receivables/receivables.dunning.ts';
import { addDays } from './quotes/quotes.hooks.ts';

type Row = Record<string, unknown> & { id: string; version: number; status: string };

describe('quote to cash', () => {
  let w: QuotesWorld;
  let today: string;
  beforeAll(async () => {
    w = await buildQuotesWorld();
    today = todayIn(w.t.config.timeZone);
  });
  afterAll(() => w.t.close());

  it('runs from a discounted quote to a late payment, to the fen', async () => {
    const rep = w.rep1.client;
    // 整车运输服务 3 × 100.00 less 15 % = 300.00 − 45.00 = 255.00 (13 % included: net 255 ÷ 1.13 = 225.66, tax 29.34);
    // 中国通史 2 × 56.91 (59.90 less the 5 % rule, 56.905 half up) = 113.82 (9 % included: net 104.42, tax 9.40).
    const { id: quoteId, lines } = await buildQuote(rep, w.customer, [
      { productId: w.products.service, quantity: '3', discount: { kind: 'percent', value: '15' } },
      { productId: w.products.book, quantity: '2' },
    ]);
    expect(lines.totals).toMatchObject({
      grossTotal: '368.82',
      netTotal: '330.08',
      taxTotal: '38.74',
      // The largest discount off list: the first line's 15 %, above a rep's 10 %.
      effectiveDiscountPercent: '15.00',
    });

    // Above her limit: the branch manager decides (and she may not).
    expect(ok<Row>(await rep.post(`/api/v1/quotes/${quoteId}/submit`)).status).toBe('pendingApproval');
    expect((await rep.post(`/api/v1/approvals/quote/${quoteId}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    ok(await w.eastManager.client.post(`/api/v1/approvals/quote/${quoteId}/decision`, { decision: 'approve', comment: '同意' }));
    expect(ok<Row>(await rep.get(`/api/v1/quotes/${quoteId}`))).toMatchObject({
      status: 'approved',
      approvedBy: w.eastManager.id,
    });

    // The PDF in Chinese with the total in capital numerals.
    const pdf = await rep.get(`/api/v1/quotes/${quoteId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true })).text;
    expect(text).toContain('北京东区邮政局');
    expect(text).toContain('整车运输服务');
    expect(text).toContain('叁佰陆拾捌元捌角贰分');

    // Sent and accepted: an order with the same lines and totals, approved by the quote's approval.
    ok(await rep.post(`/api/v1/quotes/${quoteId}/send`));
    const accepted = ok<Row & { orderId: string }>(await rep.post(`/api/v1/quotes/${quoteId}/accept`));
    const orderId = accepted.orderId;
    const order = ok<Row>(await rep.get(`/api/v1/orders/${orderId}`));
    expect(order).toMatchObject({ grossTotal: '368.82', netTotal: '330.08', taxTotal: '38.74' });
    const submitted = ok<Row>(await rep.post(`/api/v1/orders/${orderId}/submit`));
    expect(submitted.status).toBe('approved');

    // 标准订单: 已审批 (done on approval) → 备货 3 days → 已发货 1 → 已签收 3 (arrival) → 已回款.
    const progress = async () => ok<OrderProgress>(await rep.get(`/api/v1/orders/${orderId}/progress`));
    const stage = (p: OrderProgress, name: string) => p.stages.find((s) => s.name === name)!;
    let p = await progress();
    expect(p.expectedArrivalDate).toBe(addDays(today, 7));
    // 备货 done today, three days early: the arrival moves to today + 1 + 3.
    ok(await rep.post(`/api/v1/orders/${orderId}/stages/${stage(p, '备货').id}/complete`, { note: '备齐' }));
    p = await progress();
    expect(p.expectedArrivalDate).toBe(addDays(today, 4));
    // Shipped in two parts: one of the three transports first, then the rest.
    const shipped = stage(p, '已发货');
    const serviceLine = shipped.lines[0]!.orderLineId;
    ok(
      await rep.post(`/api/v1/orders/${orderId}/stages/${shipped.id}/complete`, {
        lines: [{ orderLineId: serviceLine, quantity: '1' }],
      }),
    );
    expect(stage(await progress(), '已发货').status).toBe('partial');
    ok(await rep.post(`/api/v1/orders/${orderId}/stages/${shipped.id}/complete`, {}));
    p = await progress();
    expect(stage(p, '已发货').status).toBe('done');
    ok(await rep.post(`/api/v1/orders/${orderId}/stages/${stage(p, '已签收').id}/complete`, { note: '客户签收' }));
    p = await progress();
    expect(stage(p, '已签收').status).toBe('done');
    expect(ok<Row>(await rep.get(`/api/v1/orders/${orderId}`)).deliveredAt).toBeTruthy();

    // Two instalments: 首付款 100.00 due 40 days ago (overdue), 尾款 268.82 in 30 days — together the gross total.
    const plan = ok<{ version: number }>(await rep.get(`/api/v1/orders/${orderId}/instalments`));
    ok(
      await rep.put(
        `/api/v1/orders/${orderId}/instalments`,
        {
          instalments: [
            { name: '首付款', dueDate: addDays(today, -40), amount: '100.00' },
            { name: '尾款', dueDate: addDays(today, 30), amount: '268.82' },
          ],
        },
        { 'if-match': String(plan.version) },
      ),
    );
    const aging = async () =>
      ok<AgingReport>(await w.eastManager.client.get(`/api/v1/receivables/aging?groupBy=customer`)).groups.find(
        (g) => g.key === w.customer,
      )!.figures;
    expect(await aging()).toMatchObject({ current: '268.82', d31_60: '100.00', overdue: '100.00', total: '368.82' });

    // The dunning run reminds the rep of the overdue instalment.
    expect(await runDunning(w.t.db, w.t.app.events, w.t.config.timeZone)).toBeGreaterThanOrEqual(1);
    const told = await w.t.db
      .select({ title: notifications.title })
      .from(notifications)
      .where(and(eq(notifications.userId, w.rep1.id), eq(notifications.kind, DUNNING_NOTIFICATION)));
    expect(told.map((n) => n.title).join('\n')).toMatch(/催款提醒：SO\d{4}-\d{6} 第 1 期 逾期 40 天，未收 100\.00 元/);

    // Paid late, today: out of aging; what remains is the 尾款, not yet due.
    const paid = await rep.post('/api/v1/payments', {
      customerId: w.customer,
      orderId,
      amount: '100.00',
      receivedOn: today,
      method: 'bank',
    });
    expect(paid.statusCode, paid.body).toBe(201);
    expect(await aging()).toMatchObject({ current: '268.82', overdue: '0.00', total: '268.82' });
    expect(ok<Row>(await rep.get(`/api/v1/orders/${orderId}`)).paidTotal).toBe('100.00');
    const lines2 = ok<QuoteLines>(await rep.get(`/api/v1/quotes/${quoteId}/lines`));
    expect(lines2.totals.grossTotal).toBe('368.82');
  });
});
