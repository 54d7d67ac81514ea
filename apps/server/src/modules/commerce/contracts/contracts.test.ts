// Contracts over HTTP: numbering and defaults, the rules of dates, amount, contact and status, a contract from an
// approved quote (once per quote), renewal, the customer's timeline, and what another branch's rep cannot reach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { multipartForm } from '../../../../test/factories/files.ts';
import { contracts } from './contracts.schema.ts';
import { buildContractWorld, createContract, insertQuote, type ContractWorld } from './contracts.testSetup.ts';

const NUMBER = /^HT\d{4}-\d{6}$/;

describe('contracts', () => {
  let w: ContractWorld;
  beforeAll(async () => {
    w = await buildContractWorld();
  });
  afterAll(async () => w?.t.close());

  const details = (res: { json(): { error: { details?: { field: string; code: string }[] } } }) =>
    (res.json().error.details ?? []).map((d) => `${d.field}:${d.code}`);

  it('numbers a new contract HT<year>-<sequence>, calls it by its number without a name, and finds it by number', async () => {
    const first = await createContract(w.rep.client, {
      customerId: w.customerId,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    const second = await createContract(w.rep.client, {
      customerId: w.customerId,
      name: '  邮政快递年度服务合同 ',
      startDate: '2026-01-01',
    });
    expect(first.number).toMatch(NUMBER);
    expect(first.name).toBe(first.number);
    expect(first.status).toBe('draft');
    expect(Number(String(second.number).slice(-6))).toBe(Number(String(first.number).slice(-6)) + 1);
    expect(second.name).toBe('邮政快递年度服务合同');

    const byNumber = await w.rep.client.get(`/api/v1/contracts?q=${second.number}`);
    expect(byNumber.json().items.map((c: { id: string }) => c.id)).toEqual([second.id]);
    const global = await w.rep.client.get(`/api/v1/search?q=${encodeURIComponent('邮政快递年度')}&types=contract`);
    expect(global.json().groups[0].items.map((i: { id: string }) => i.id)).toEqual([second.id]);

    // Clearing the name gives the number back as the title.
    const cleared = await w.rep.client.patch(`/api/v1/contracts/${second.id}`, { name: null }, { 'if-match': '1' });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().name).toBe(second.number);
  });

  it('refuses an end before the start, a negative or over-precise amount, a stranger contact and 已续签 by hand, naming each field', async () => {
    const bad = await w.rep.client.post('/api/v1/contracts', {
      customerId: w.customerId,
      startDate: '2026-06-01',
      endDate: '2026-05-31',
      contactId: w.contactId,
    });
    expect(bad.statusCode).toBe(400);
    expect(details(bad)).toEqual(['endDate:CONTRACT_END_BEFORE_START']);
    expect(bad.json().error.details[0].message).toBe('结束日期不能早于开始日期。');

    const stranger = await w.rep.client.post('/api/v1/contracts', {
      customerId: w.otherCustomerId,
      contactId: w.contactId,
      startDate: '2026-06-01',
      status: 'renewed',
    });
    expect(details(stranger).sort()).toEqual(['contactId:CONTACT_NOT_OF_CUSTOMER', 'status:CONTRACT_RENEWED_BY_RENEWAL']);

    for (const amount of ['-1.00', '1.234'])
      expect(
        (await w.rep.client.post('/api/v1/contracts', { customerId: w.customerId, startDate: '2026-06-01', amount })).json().error
          .details[0].field,
      ).toBe('amount');
    const { rows } = await w.t.database.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM contracts WHERE start_date = '2026-06-01'`,
    );
    expect(Number(rows[0]!.n)).toBe(0);

    // The form sends untouched choices as null: the defaults apply.
    const ok = await createContract(w.rep.client, {
      customerId: w.customerId,
      startDate: '2026-06-01',
      amount: '12345.60',
      status: null,
      currency: null,
    });
    expect([ok.amount, ok.status, ok.currency]).toEqual(['12345.60', 'draft', 'CNY']);
    const unset = await w.rep.client.patch(`/api/v1/contracts/${ok.id}`, { currency: null }, { 'if-match': '1' });
    expect(unset.statusCode).toBe(200);
    expect(unset.json().currency).toBe('CNY');
    const moved = await w.rep.client.patch(`/api/v1/contracts/${ok.id}`, { endDate: '2026-05-01' }, { 'if-match': '1' });
    expect(details(moved)).toEqual(['endDate:CONTRACT_END_BEFORE_START']);
    const renewedByHand = await w.rep.client.patch(`/api/v1/contracts/${ok.id}`, { status: 'renewed' }, { 'if-match': '1' });
    expect(details(renewedByHand)).toEqual(['status:CONTRACT_RENEWED_BY_RENEWAL']);
  });

  it('makes a contract from an approved, sent or accepted quote once: customer, contact, gross total, terms, the quote', async () => {
    const draft = await insertQuote(w.t, w.rep, { customerId: w.customerId, status: 'draft', grossTotal: '100.00' });
    const refused = await w.rep.client.post(`/api/v1/contracts/from-quote/${draft}`);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().error.code).toBe('CONTRACT_QUOTE_NOT_ACCEPTED');
    // Sent to the customer (approved, not yet answered): the contract may be drawn up alongside.
    const sent = await insertQuote(w.t, w.rep, { customerId: w.customerId, status: 'sent', grossTotal: '200.00' });
    const fromSent = await w.rep.client.post(`/api/v1/contracts/from-quote/${sent}`);
    expect(fromSent.statusCode, fromSent.body).toBe(201);
    expect(fromSent.json().amount).toBe('200.00');

    // 10 × 1,000.00 less 5 % plus 13 % VAT = 10,735.00 gross, as the quote computed it.
    const accepted = await insertQuote(w.t, w.rep, {
      customerId: w.customerId,
      contactId: w.contactId,
      status: 'accepted',
      grossTotal: '10735.00',
      terms: '货到验收后 30 日内付款。',
      title: 'Q2026-000007 v1',
    });
    const res = await w.rep.client.post(`/api/v1/contracts/from-quote/${accepted}`, {});
    expect(res.statusCode, res.body).toBe(201);
    const contract = res.json();
    expect(contract).toMatchObject({
      customerId: w.customerId,
      contactId: w.contactId,
      amount: '10735.00',
      currency: 'CNY',
      terms: '货到验收后 30 日内付款。',
      quoteId: accepted,
      status: 'draft',
      ownerId: w.rep.id,
    });
    expect(contract.number).toMatch(NUMBER);

    // The web app finds the contract of a quote this way when it is told CONTRACT_EXISTS.
    const ofQuote = await w.rep.client.get(`/api/v1/contracts?filter[quoteId][eq]=${accepted}`);
    expect(ofQuote.json().items.map((c: { id: string }) => c.id)).toEqual([contract.id]);
    const twice = await w.rep.client.post(`/api/v1/contracts/from-quote/${accepted}`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'CONTRACT_EXISTS', contractId: contract.id });
    // A later revision of the same quote is the same deal.
    const revision = await insertQuote(w.t, w.rep, {
      customerId: w.customerId,
      status: 'approved',
      grossTotal: '10000.00',
      rootId: accepted,
      revision: 2,
    });
    expect((await w.rep.client.post(`/api/v1/contracts/from-quote/${revision}`)).statusCode).toBe(409);

    const history = (await w.rep.client.get(`/api/v1/contracts/${contract.id}/history`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['update', 'create']);
    expect(history[0].changes).toEqual([{ field: 'quoteId', old: null, new: accepted }]);

    const hidden = await insertQuote(w.t, w.westRep, { customerId: w.westCustomerId, status: 'accepted', grossTotal: '1.00' });
    expect((await w.rep.client.post(`/api/v1/contracts/from-quote/${hidden}`)).statusCode).toBe(404);
  });

  it('renews an active contract: a draft for the next term with the same terms, the old one 已续签, once', async () => {
    const old = await createContract(w.rep.client, {
      name: '邮政快递服务合同',
      customerId: w.customerId,
      contactId: w.contactId,
      status: 'active',
      signedOn: '2025-12-20',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      amount: '186000.00',
      paymentTerms: '按季度结算',
      terms: '服务水平见附件一',
      renewalReminderDays: 45,
    });
    const res = await w.rep.client.post(`/api/v1/contracts/${old.id}/renew`);
    expect(res.statusCode, res.body).toBe(201);
    const renewal = res.json();
    expect(renewal).toMatchObject({
      name: '邮政快递服务合同',
      status: 'draft',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      amount: '186000.00',
      paymentTerms: '按季度结算',
      terms: '服务水平见附件一',
      renewalReminderDays: 45,
      renewalRemindedAt: null,
      signedOn: null,
      renewedFromId: old.id,
      contactId: w.contactId,
      ownerId: w.rep.id,
    });
    expect(renewal.number).not.toBe(old.number);
    const after = (await w.rep.client.get(`/api/v1/contracts/${old.id}`)).json();
    expect(after.status).toBe('renewed');
    const renewals = (await w.rep.client.get(`/api/v1/contracts/${old.id}/related/renewals`)).json();
    expect(renewals.items.map((c: { id: string }) => c.id)).toEqual([renewal.id]);

    const again = await w.rep.client.post(`/api/v1/contracts/${old.id}/renew`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONTRACT_ALREADY_RENEWED');
    const draft = await w.rep.client.post(`/api/v1/contracts/${renewal.id}/renew`);
    expect(draft.statusCode).toBe(409);
    expect(draft.json().error.code).toBe('CONTRACT_NOT_RENEWABLE');

    // A term of days, not whole months, continues for as many days: 2026-03-10 … 2026-04-08 is 30 days.
    const short = await createContract(w.rep.client, {
      customerId: w.customerId,
      status: 'active',
      startDate: '2026-03-10',
      endDate: '2026-04-08',
    });
    const next = (await w.rep.client.post(`/api/v1/contracts/${short.id}/renew`)).json();
    expect([next.startDate, next.endDate, next.name]).toEqual(['2026-04-09', '2026-05-08', next.number]);
  });

  it('shows contracts on the customer card: signed, started, renewed entries and their field changes', async () => {
    const customer = (await w.rep.client.get(`/api/v1/customers/${w.customerId}/timeline?limit=100`)).json().items as {
      type: string;
      title: string;
      summary: string;
    }[];
    const types = new Set(customer.map((e) => e.type));
    for (const type of ['contractSigned', 'contractStarted', 'contractRenewed', 'fieldChange'])
      expect(types, type).toContain(type);
    const signed = customer.find((e) => e.type === 'contractSigned' && e.title === '邮政快递服务合同')!;
    expect(signed.summary).toMatch(/^HT\d{4}-\d{6} · 已续签 · CNY 186,000.00 · 期限 2026-01-01 – 2026-12-31$/);
    expect(customer.find((e) => e.type === 'contractRenewed' && e.title === '邮政快递服务合同')!.summary).toMatch(/续签自 HT/);
    const typeList = (await w.rep.client.get('/api/v1/timeline/types')).json().items.map((i: { type: string }) => i.type);
    expect(typeList).toEqual(expect.arrayContaining(['contractSigned', 'contractStarted', 'contractEnding', 'contractRenewed']));
  });

  it('hides a contract from another branch on every path, and lets a colleague read but not renew it', async () => {
    const contract = await createContract(w.rep.client, {
      name: '隐藏测试合同',
      customerId: w.customerId,
      status: 'active',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    const west = w.westRep.client;
    expect((await west.get(`/api/v1/contracts/${contract.id}`)).statusCode).toBe(404);
    expect((await west.get(`/api/v1/contracts?filter[id][eq]=${contract.id}`)).json().items).toEqual([]);
    expect((await west.get(`/api/v1/contracts?q=${contract.number}`)).json().items).toEqual([]);
    const search = (await west.get(`/api/v1/search?q=${encodeURIComponent('隐藏测试合同')}&types=contract`)).json();
    expect(search.groups.flatMap((g: { items: unknown[] }) => g.items)).toEqual([]);
    expect((await west.get(`/api/v1/contracts/${contract.id}/attachments`)).statusCode).toBe(404);
    expect((await west.post(`/api/v1/contracts/${contract.id}/renew`)).statusCode).toBe(404);
    const form = multipartForm({}, { name: '合同.pdf', content: '%PDF-1.4 test' });
    const upload = await west.request({
      method: 'POST',
      url: `/api/v1/contracts/${contract.id}/attachments`,
      payload: form.payload,
      headers: form.headers,
    });
    expect(upload.statusCode).toBe(404);

    expect((await w.colleague.client.get(`/api/v1/contracts/${contract.id}`)).statusCode).toBe(200);
    expect((await w.colleague.client.post(`/api/v1/contracts/${contract.id}/renew`)).statusCode).toBe(403);
    const [row] = await w.t.db.select({ status: contracts.status }).from(contracts).where(eq(contracts.id, contract.id));
    expect(row!.status).toBe('active');
    // The manager above them renews it, and the renewal stays with the rep who owns the contract.
    const renewed = await w.manager.client.post(`/api/v1/contracts/${contract.id}/renew`);
    expect(renewed.statusCode).toBe(201);
    expect(renewed.json().ownerId).toBe(w.rep.id);
  });
});
