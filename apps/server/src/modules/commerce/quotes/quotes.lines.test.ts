// A quote's lines through PUT/GET /api/v1/quotes/:id/lines: every figure checked to the fen against a hand
// calculation (rounding per line with prices including tax; per total with prices without tax), the catalogue's facts
// and the price engine's price and explanation on product lines, a price and discounts of the rep's own, the largest
// discount off list, bad input named per field with nothing written, and a stale version answered 412.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuoteLines } from '@guanxi/contracts';
import { buildQuote, buildQuotesWorld, created, ok, type QuotesWorld } from './quotes.testSetup.ts';

describe('quote lines', () => {
  let w: QuotesWorld;
  beforeAll(async () => {
    w = await buildQuotesWorld();
  });
  afterAll(() => w.t.close());

  it('a new quote takes its number, revision, dates, rounding and terms from the settings', async () => {
    const quote = await created(await w.rep1.client.post('/api/v1/quotes', { customerId: w.customer, quoteDate: '2026-03-01' }));
    expect(quote.number).toMatch(/^Q2026-\d{6}$/);
    expect(quote).toMatchObject({
      title: `${quote.number as string} v1`,
      revision: 1,
      status: 'draft',
      validUntil: '2026-03-16',
      rounding: 'perLine',
      prices: 'inclusive',
      terms: '本报价自报价日期起 15 日内有效。\n付款方式：货到付款。',
      grossTotal: '0.00',
    });
    const next = await created(await w.rep1.client.post('/api/v1/quotes', { customerId: w.customer, quoteDate: '2026-03-02' }));
    expect(Number((next.number as string).slice(-6))).toBe(Number((quote.number as string).slice(-6)) + 1);
    // The number and totals are the module's: a caller cannot set them.
    const forged = await w.rep1.client.post('/api/v1/quotes', { customerId: w.customer, number: 'Q1999-000001' });
    expect(forged.statusCode).toBe(400);
  });

  it('rounds per line with prices including tax: every line and total to the fen as calculated by hand', async () => {
    const { id, lines } = await buildQuote(
      w.rep1.client,
      w.customer,
      [
        { productId: w.products.service, quantity: '3', unitPrice: '95.50', discount: { kind: 'percent', value: '10' } },
        { productId: w.products.book, quantity: '7' },
        {
          name: '安装调试服务',
          unit: '次',
          quantity: '1.5',
          unitPrice: '333.33',
          taxRate: '6',
          discount: { kind: 'amount', value: '20.00' },
        },
      ],
      { totalDiscount: { kind: 'percent', value: '5' } },
    );
    // Line 1: 3 × 95.50 = 286.50, −10 % = 28.65 → 257.85.
    // Line 2: the engine's price: list 59.90 − 5 % (rule 图书九五折) = 56.905 → 56.91; 7 × 56.91 = 398.37.
    // Line 3: 1.5 × 333.33 = 499.995 → 500.00, −20.00 → 480.00.
    // Subtotal 257.85 + 398.37 + 480.00 = 1,136.22; total discount 5 % = 56.811 → 56.81 = 5,681 fen shared in proportion:
    // 1,289.23 / 1,991.81 / 2,399.96 fen exact → 1,289 / 1,991 / 2,399 (5,679), the 2 fen left to the largest
    // remainders (.96 line 3, .81 line 2) → 12.89 / 19.92 / 24.00.
    // Bases with tax: 244.96 / 378.45 / 456.00; net = base ÷ (1 + rate): 244.96 ÷ 1.13 = 216.778 → 216.78 (tax 28.18),
    // 378.45 ÷ 1.09 = 347.2018 → 347.20 (tax 31.25), 456.00 ÷ 1.06 = 430.188 → 430.19 (tax 25.81).
    expect(lines.lines.map((l) => [l.amount, l.discountAmount, l.subtotal, l.totalDiscountShare, l.net, l.tax, l.gross])).toEqual(
      [
        ['286.50', '28.65', '257.85', '12.89', '216.78', '28.18', '244.96'],
        ['398.37', '0.00', '398.37', '19.92', '347.20', '31.25', '378.45'],
        ['500.00', '20.00', '480.00', '24.00', '430.19', '25.81', '456.00'],
      ],
    );
    // Largest discount off list: line 1 (300.00 − 244.96) ÷ 300.00 = 18.3467 % → 18.35 (rounded up); line 2
    // (419.30 − 378.45) ÷ 419.30 = 9.7424 % → 9.75; line 3 (free: its own price is its list) (500.00 − 456.00) ÷ 500.00
    // = 8.8 %;
    // cost 3 × 60.00 + 7 × 30.00 = 390.00 (the free line has none).
    expect(lines.totals).toEqual({
      subtotal: '1136.22',
      discountTotal: '56.81',
      netTotal: '994.17',
      taxTotal: '85.24',
      grossTotal: '1079.41',
      costTotal: '390.00',
      effectiveDiscountPercent: '18.35',
    });
    expect(lines.lines.map((l) => l.discountOffListPercent)).toEqual(['18.35', '9.75', '8.80']);

    const [service, book, free] = lines.lines as [QuoteLines['lines'][0], QuoteLines['lines'][0], QuoteLines['lines'][0]];
    expect(service).toMatchObject({
      sku: 'SV-001',
      name: '整车运输服务',
      unit: 'piece',
      listPrice: '100.00',
      enginePrice: '100.00',
    });
    expect(service).toMatchObject({
      unitPrice: '95.50',
      taxRate: '13.00',
      unitCost: '60.00',
      discount: { kind: 'percent', value: '10.00' },
    });
    expect(service.priceSource?.source.kind).toBe('listPrice');
    expect(book).toMatchObject({ enginePrice: '56.91', unitPrice: '56.91', taxRate: '9.00', quantity: '7' });
    expect(book.priceSource?.discounts[0]).toMatchObject({ ruleName: '图书九五折', percent: '5', amountPerUnit: '2.99' });
    expect(free).toMatchObject({
      productId: null,
      sku: null,
      name: '安装调试服务',
      unit: '次',
      listPrice: null,
      taxRate: '6.00',
    });

    // The quote record carries the same totals; its history names the lines saved.
    const record = ok(await w.rep1.client.get(`/api/v1/quotes/${id}`));
    expect(record).toMatchObject({ grossTotal: '1079.41', netTotal: '994.17', effectiveDiscountPercent: '18.35', version: 2 });
    const history = ok<{ items: { changes: { field: string; new: unknown }[] }[] }>(
      await w.rep1.client.get(`/api/v1/quotes/${id}/history`),
    );
    const linesChange = history.items.flatMap((e) => e.changes).find((c) => c.field === 'lines');
    expect(linesChange?.new).toEqual([
      '整车运输服务 × 3 @ 95.50 −10.00%',
      '中国通史 × 7 @ 56.91',
      '安装调试服务 × 1.5 @ 333.33 −20.00',
    ]);
    expect(ok<QuoteLines>(await w.rep1.client.get(`/api/v1/quotes/${id}/lines`))).toEqual(lines);
  });

  it('rounds only the totals with prices without tax, the printed figures adding up', async () => {
    const { lines } = await buildQuote(
      w.rep1.client,
      w.customer,
      [
        { productId: w.products.book, quantity: '0.3333' },
        { name: '咨询服务', quantity: '2.5', unitPrice: '33.33', taxRate: '6', discount: { kind: 'percent', value: '7.5' } },
      ],
      { fields: { rounding: 'perTotal', prices: 'exclusive' }, totalDiscount: { kind: 'amount', value: '10.00' } },
    );
    // Exact: 0.3333 × 56.91 = 18.968103; 2.5 × 33.33 = 83.325, −7.5 % (6.249375) = 77.075625; subtotal 96.043728.
    // The 10.00 is shared in proportion: bases 16.99315852… and 69.05056947…, together 86.043728 → net 86.04.
    // Tax 16.99315852… × 9 % + 69.05056947… × 6 % = 1.52938427 + 4.14303417 = 5.67241844 → 5.67; gross 91.71.
    // The discount printed is what separates the rounded subtotal from the net: 96.04 − 86.04 = 10.00.
    expect(lines.totals).toMatchObject({
      subtotal: '96.04',
      discountTotal: '10.00',
      netTotal: '86.04',
      taxTotal: '5.67',
      grossTotal: '91.71',
      // Off list, exact: line 2 (83.325 − 69.0505695) ÷ 83.325 = 17.1310 % → 17.14; line 1 against 0.3333 × 59.90.
      effectiveDiscountPercent: '17.14',
    });
    expect(lines.lines.map((l) => l.subtotal)).toEqual(['18.97', '77.08']);
  });

  it('refuses bad lines naming each field, writing nothing', async () => {
    const {
      id,
      quote,
      lines: before,
    } = await buildQuote(w.rep1.client, w.customer, [{ productId: w.products.service, quantity: '1' }]);
    const res = await w.rep1.client.put(
      `/api/v1/quotes/${id}/lines`,
      {
        lines: [
          { productId: w.products.service, quantity: '0' },
          { productId: w.products.service, quantity: '1.23456' },
          { productId: w.products.service, quantity: '2', unitPrice: '9.999' },
          { productId: w.products.service, quantity: '2', discount: { kind: 'percent', value: '100.5' } },
          { productId: w.products.retired, quantity: '1' },
          { name: '', quantity: '1' },
          { productId: '01930000-0000-7000-8000-0000000000ff', quantity: '1' },
        ],
      },
      { 'if-match': String(before.version) },
    );
    expect(res.statusCode, res.body).toBe(400);
    const details = (res.json() as { error: { code: string; details: { field: string; code: string }[] } }).error;
    expect(details.code).toBe('VALIDATION_FAILED');
    expect(details.details.map((d) => [d.field, d.code])).toEqual(
      expect.arrayContaining([
        ['lines.0.quantity', 'QUOTE_QUANTITY_NOT_POSITIVE'],
        ['lines.1.quantity', 'QUOTE_QUANTITY_DECIMALS'],
        ['lines.2.unitPrice', 'QUOTE_PRICE_DECIMALS'],
        ['lines.3.discount.value', 'QUOTE_DISCOUNT_PERCENT_RANGE'],
        ['lines.4.productId', 'PRODUCT_DISCONTINUED'],
        ['lines.5.name', 'QUOTE_LINE_NAME_REQUIRED'],
        ['lines.5.unitPrice', 'QUOTE_LINE_PRICE_REQUIRED'],
        ['lines.5.taxRate', 'QUOTE_LINE_TAX_REQUIRED'],
        ['lines.6.productId', 'PRODUCT_NOT_FOUND'],
      ]),
    );
    const after = ok<QuoteLines>(await w.rep1.client.get(`/api/v1/quotes/${id}/lines`));
    expect(after).toEqual(before);
    expect(after.version).toBe(quote.version + 1);

    // A discount larger than the line, a total discount larger than the quote.
    const big = await w.rep1.client.put(
      `/api/v1/quotes/${id}/lines`,
      {
        lines: [{ productId: w.products.service, quantity: '1', discount: { kind: 'amount', value: '100.01' } }],
      },
      { 'if-match': String(before.version) },
    );
    expect(big.json().error.details).toEqual([
      expect.objectContaining({ field: 'lines.0.discount.value', code: 'QUOTE_DISCOUNT_AMOUNT_RANGE' }),
    ]);
    const total = await w.rep1.client.put(
      `/api/v1/quotes/${id}/lines`,
      { lines: [{ productId: w.products.service, quantity: '1' }], totalDiscount: { kind: 'amount', value: '100.01' } },
      { 'if-match': String(before.version) },
    );
    expect(total.json().error.details).toEqual([expect.objectContaining({ field: 'totalDiscount.value' })]);
  });

  it('answers a stale version with 412 and the quote as it is; no If-Match 428', async () => {
    const { id, lines } = await buildQuote(w.rep1.client, w.customer, [{ productId: w.products.service, quantity: '1' }]);
    const body = { lines: [{ productId: w.products.service, quantity: '2' }] };
    const stale = await w.rep1.client.put(`/api/v1/quotes/${id}/lines`, body, { 'if-match': String(lines.version - 1) });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.current).toMatchObject({ id, version: lines.version, grossTotal: '100.00' });
    expect((await w.rep1.client.put(`/api/v1/quotes/${id}/lines`, body)).statusCode).toBe(428);
    const saved = ok<QuoteLines>(
      await w.rep1.client.put(`/api/v1/quotes/${id}/lines`, body, { 'if-match': String(lines.version) }),
    );
    expect(saved.totals.grossTotal).toBe('200.00');
  });

  it('lets a teammate read the lines but not change another rep’s quote', async () => {
    const { id, lines } = await buildQuote(w.rep1.client, w.customer, [{ productId: w.products.service, quantity: '1' }]);
    const read = ok<QuoteLines>(await w.rep2.client.get(`/api/v1/quotes/${id}/lines`));
    expect(read.editable).toBe(false);
    const res = await w.rep2.client.put(`/api/v1/quotes/${id}/lines`, { lines: [] }, { 'if-match': String(lines.version) });
    expect(res.statusCode).toBe(403);
  });
});
