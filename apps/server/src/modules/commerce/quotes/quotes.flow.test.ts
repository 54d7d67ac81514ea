// A quote's way from draft to order: submitted within the rep's discount limit it is approved at once, above it
// waits for the branch manager (who approves through the approval chain) — nobody approves their own quote; an
// approved quote is locked (409 QUOTE_LOCKED: create a revision); revisions keep the history under one number; sent
// and accepted, it becomes an order with the same totals, once; past its validity date it expires and cannot be
// accepted; the customer's timeline and related list show it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuoteLines } from '@guanxi/contracts';
import { quotes } from './quotes.schema.ts';
import { orders } from '../orders/orders.schema.ts';
import { eq } from 'drizzle-orm';
import { buildQuote, buildQuotesWorld, ok, type QuotesWorld } from './quotes.testSetup.ts';

type Quote = Record<string, unknown> & { id: string; version: number; status: string };

describe('quote flow', () => {
  let w: QuotesWorld;
  beforeAll(async () => {
    w = await buildQuotesWorld();
  });
  afterAll(() => w.t.close());

  const act = (client = w.rep1.client, id: string, action: string) => client.post(`/api/v1/quotes/${id}/${action}`);
  const decide = (client: typeof w.rep1.client, id: string, decision: 'approve' | 'reject', comment?: string) =>
    client.post(`/api/v1/approvals/quote/${id}/decision`, { decision, ...(comment ? { comment } : {}) });
  const get = async (id: string, client = w.rep1.client) => ok<Quote>(await client.get(`/api/v1/quotes/${id}`));
  /** 2.99 ÷ 59.90 = 4.9916 % off list (the engine's 5 % rule on 中国通史), 5.00 rounded up: within a rep's 10 %. */
  const small = () => buildQuote(w.rep1.client, w.customer, [{ productId: w.products.book, quantity: '1' }]);
  /** 15 % off list: above a rep's limit, within a branch manager's 20 %. */
  const large = (client = w.rep1.client) =>
    buildQuote(client, w.customer, [
      { productId: w.products.service, quantity: '2', discount: { kind: 'percent', value: '15' } },
    ]);

  it('approves at once a discount within the rep’s limit; the approved quote is locked', async () => {
    const { id, lines } = await small();
    expect(lines.totals.effectiveDiscountPercent).toBe('5.00');
    const submitted = ok<Quote>(await act(undefined, id, 'submit'));
    expect(submitted).toMatchObject({ status: 'approved', approvedBy: w.rep1.id });
    const edit = await w.rep1.client.patch(
      `/api/v1/quotes/${id}`,
      { notes: '改一下' },
      { 'if-match': String(submitted.version) },
    );
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('QUOTE_LOCKED');
    const relines = await w.rep1.client.put(
      `/api/v1/quotes/${id}/lines`,
      { lines: [] },
      { 'if-match': String(submitted.version) },
    );
    expect(relines.statusCode).toBe(409);
    expect(relines.json().error.code).toBe('QUOTE_LOCKED');
    expect((await act(undefined, id, 'submit')).json().error.code).toBe('QUOTE_STATUS');
  });

  it('sends a larger discount to the branch manager, who approves it', async () => {
    const { id, lines } = await large();
    expect(lines.totals.effectiveDiscountPercent).toBe('15.00');
    expect(ok<Quote>(await act(undefined, id, 'submit')).status).toBe('pendingApproval');
    // Waiting for approval the quote cannot be sent or edited.
    expect((await act(undefined, id, 'send')).statusCode).toBe(409);
    const rounds = ok<{ rounds: { steps: { stepName: string; status: string }[] }[] }>(
      await w.eastManager.client.get(`/api/v1/approvals/quote/${id}`),
    );
    expect(JSON.stringify(rounds)).toContain('分公司经理');
    expect((await decide(w.rep2.client, id, 'approve')).statusCode).toBe(403);
    ok(await decide(w.eastManager.client, id, 'approve'));
    expect(await get(id)).toMatchObject({ status: 'approved', approvedBy: w.eastManager.id });
  });

  it('never lets one approve one’s own quote: a manager’s 25 % goes to head office', async () => {
    const { id } = await buildQuote(w.eastManager.client, w.customer, [
      { productId: w.products.service, quantity: '1', discount: { kind: 'percent', value: '25' } },
    ]);
    expect(ok<Quote>(await act(w.eastManager.client, id, 'submit')).status).toBe('pendingApproval');
    const own = await decide(w.eastManager.client, id, 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('APPROVAL_OWN_REQUEST');
    expect((await get(id, w.eastManager.client)).status).toBe('pendingApproval');
    ok(await decide(w.headApprover.client, id, 'approve'));
    expect((await get(id, w.eastManager.client)).status).toBe('approved');
  });

  it('a rejected quote is edited and submitted again', async () => {
    const { id } = await large();
    ok(await act(undefined, id, 'submit'));
    ok(await decide(w.eastManager.client, id, 'reject', '折扣太大，请控制在 10% 以内。'));
    const rejected = await get(id);
    expect(rejected.status).toBe('rejected');
    const saved = ok<QuoteLines>(
      await w.rep1.client.put(
        `/api/v1/quotes/${id}/lines`,
        { lines: [{ productId: w.products.service, quantity: '2', discount: { kind: 'percent', value: '8' } }] },
        { 'if-match': String(rejected.version) },
      ),
    );
    expect(saved.totals.grossTotal).toBe('184.00');
    expect(ok<Quote>(await act(undefined, id, 'submit')).status).toBe('approved');
  });

  it('sent and accepted, the quote becomes an order with the same lines and totals — once', async () => {
    const { id, lines } = await buildQuote(
      w.rep1.client,
      w.customer,
      [
        { productId: w.products.book, quantity: '7' },
        { name: '送货上门', quantity: '1', unitPrice: '50.00', taxRate: '9' },
      ],
      { totalDiscount: { kind: 'amount', value: '8.37' }, fields: { contactId: w.contact } },
    );
    // 7 × 56.91 = 398.37 + 50.00 = 448.37 − 8.37 = 440.00 (about 7 % off list at most: within the rep's limit).
    expect(lines.totals.grossTotal).toBe('440.00');
    ok(await act(undefined, id, 'submit'));
    expect((await act(undefined, id, 'accept')).json().error.code).toBe('QUOTE_STATUS');
    const sent = ok<Quote>(await act(undefined, id, 'send'));
    expect(sent.status).toBe('sent');
    expect(sent.sentAt).toBeTruthy();
    const accepted = ok<Quote>(await act(undefined, id, 'accept'));
    expect(accepted).toMatchObject({ status: 'accepted' });
    expect(accepted.orderId).toBeTruthy();
    const order = ok(await w.rep1.client.get(`/api/v1/orders/${accepted.orderId as string}`));
    expect(order).toMatchObject({
      customerId: w.customer,
      contactId: w.contact,
      subtotal: lines.totals.subtotal,
      netTotal: lines.totals.netTotal,
      taxTotal: lines.totals.taxTotal,
      grossTotal: '440.00',
    });
    const [stored] = await w.t.db
      .select({ quoteId: orders.quoteId })
      .from(orders)
      .where(eq(orders.id, accepted.orderId as string));
    expect(stored?.quoteId).toBe(id);
    const again = await act(undefined, id, 'accept');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('QUOTE_ALREADY_ACCEPTED');
    expect((await act(undefined, id, 'revise')).statusCode).toBe(409);

    const timeline = ok<{ items: { type: string; recordId: string; title: string }[] }>(
      await w.rep1.client.get(`/api/v1/customers/${w.customer}/timeline?types=quote,quoteSent,quoteAccepted`),
    );
    const mine = timeline.items.filter((e) => e.recordId === id).map((e) => e.type);
    expect(mine).toEqual(['quoteAccepted', 'quoteSent', 'quote']);
    const related = ok<{ items: { id: string }[] }>(await w.rep1.client.get(`/api/v1/customers/${w.customer}/related/quotes`));
    expect(related.items.map((r) => r.id)).toContain(id);
  });

  it('a revision copies the quote and its lines under the same number; the old one is superseded', async () => {
    const { id, lines } = await small();
    ok(await act(undefined, id, 'submit'));
    ok(await act(undefined, id, 'send'));
    const v1 = await get(id);
    const revised = await act(undefined, id, 'revise');
    expect(revised.statusCode, revised.body).toBe(201);
    const v2 = revised.json() as Quote;
    expect(v2).toMatchObject({
      number: v1.number,
      revision: 2,
      title: `${v1.number as string} v2`,
      status: 'draft',
      previousId: id,
      grossTotal: v1.grossTotal,
      sentAt: null,
    });
    expect((await get(id)).status).toBe('superseded');
    const v2Lines = ok<QuoteLines>(await w.rep1.client.get(`/api/v1/quotes/${v2.id}/lines`));
    expect(v2Lines.lines.map((l) => [l.name, l.quantity, l.unitPrice, l.gross])).toEqual(
      lines.lines.map((l) => [l.name, l.quantity, l.unitPrice, l.gross]),
    );
    expect(v2Lines.editable).toBe(true);
    const revisions = ok<{ items: Quote[] }>(await w.rep1.client.get(`/api/v1/quotes/${id}/revisions`));
    expect(revisions.items.map((r) => [r.revision, r.status])).toEqual([
      [2, 'draft'],
      [1, 'superseded'],
    ]);
    expect((await act(undefined, id, 'revise')).json().error.code).toBe('QUOTE_STATUS');
    // v2 is edited freely.
    ok(
      await w.rep1.client.put(
        `/api/v1/quotes/${v2.id}/lines`,
        { lines: [{ productId: w.products.book, quantity: '2' }] },
        { 'if-match': String(v2Lines.version) },
      ),
    );
  });

  it('revising a quote waiting for approval cancels its round', async () => {
    const { id } = await large();
    ok(await act(undefined, id, 'submit'));
    const v2 = (await act(undefined, id, 'revise')).json() as Quote;
    expect(v2.status).toBe('draft');
    const rounds = ok<{ rounds: unknown[]; canDecide: boolean }>(await w.eastManager.client.get(`/api/v1/approvals/quote/${id}`));
    expect(rounds.canDecide).toBe(false);
    expect(JSON.stringify(rounds)).toContain('cancelled');
    expect((await decide(w.eastManager.client, id, 'approve')).statusCode).toBe(409);
  });

  it('past its validity date a sent quote expires (the job) and cannot be accepted', async () => {
    const { id } = await small();
    ok(await act(undefined, id, 'submit'));
    ok(await act(undefined, id, 'send'));
    await w.t.db.update(quotes).set({ quoteDate: '2020-01-01', validUntil: '2020-01-15' }).where(eq(quotes.id, id));
    const early = await act(undefined, id, 'accept');
    expect(early.json().error.code).toBe('QUOTE_EXPIRED');
    await w.t.app.jobs.tick();
    expect((await get(id)).status).toBe('expired');
    const late = await act(undefined, id, 'accept');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('QUOTE_EXPIRED');
    // A revision renews it.
    const v2 = (await act(undefined, id, 'revise')).json() as Quote;
    expect((v2.validUntil as string) > '2020-01-15').toBe(true);
  });

  it('the customer may decline a sent quote', async () => {
    const { id } = await small();
    ok(await act(undefined, id, 'submit'));
    ok(await act(undefined, id, 'send'));
    expect(ok<Quote>(await act(undefined, id, 'decline')).status).toBe('declined');
  });

  it('deletes a draft or a declined quote, never one the customer has or may have in hand', async () => {
    const remove = async (id: string) =>
      w.rep1.client.delete(`/api/v1/quotes/${id}`, { 'if-match': String((await get(id)).version) });
    const draft = await small();
    // The card offers 编辑 and 删除 on a draft, not on a sent quote (files may still be attached to it).
    expect((await get(draft.id)).access).toEqual({ update: true, edit: true, delete: true, assign: false });
    expect((await remove(draft.id)).statusCode).toBe(204);
    const sent = await small();
    ok(await act(undefined, sent.id, 'submit'));
    ok(await act(undefined, sent.id, 'send'));
    expect((await get(sent.id)).access).toMatchObject({ update: true, edit: false, delete: false });
    const refused = await remove(sent.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'QUOTE_NOT_DELETABLE', message: expect.stringContaining('不能删除') });
    expect((await get(sent.id)).status).toBe('sent');
    ok(await act(undefined, sent.id, 'decline'));
    expect((await remove(sent.id)).statusCode).toBe(204);
  });
});
