// The price engine through POST /api/v1/pricing/quote-lines: every price checked to the fen against a hand
// calculation — precedence of customer, channel-tier, grade and standard lists over the list price, quantity breaks,
// validity dates, the best single discount rule (none on a contract price), the explanation of each price — and bad
// input, and a customer the caller may not see answering 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PricedLine, QuoteLinesResponse } from '@guanxi/contracts';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../../test/factories/access.ts';
import { buildCustomer } from '../../../../test/factories/customers.ts';
import { STANDARD_ROLES } from '../../../demo/demo.seed.ts';

const DAY = '2026-06-01';

describe('price engine', () => {
  let t: TestApp;
  let admin: TestClient;
  let rep: TestClient;
  const ids: Record<string, string> = {};

  const created = async (res: { statusCode: number; body: string; json(): unknown }) => {
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const quote = (client: TestClient, customer: string, lines: { productId: string; quantity: string | number }[], extra = {}) =>
    client.post('/api/v1/pricing/quote-lines', { customerId: ids[customer], date: DAY, lines, ...extra });
  const priceOf = async (customer: string, product: string, quantity: string | number, extra = {}): Promise<PricedLine> => {
    const res = await quote(admin, customer, [{ productId: ids[product]!, quantity }], extra);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as QuoteLinesResponse).lines[0]!;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildAdmin(t.db);
    admin = await t.as(a.user.id);
    const books = await created(await admin.post('/api/v1/product-categories', { name: '图书' }));
    const social = await created(await admin.post('/api/v1/product-categories', { name: '社科类', parentId: books.id }));
    ids.books = books.id;
    const product = async (key: string, fields: Record<string, unknown>) => {
      ids[key] = (
        await created(await admin.post('/api/v1/products', { unit: 'piece', taxRate: '0.13', listPrice: '100.00', ...fields }))
      ).id;
    };
    await product('parcel', { sku: 'KD-001', name: '标准快递包裹', listPrice: '100.00' });
    await product('book', {
      sku: 'BK-001',
      name: '中国通史',
      listPrice: '59.90',
      categoryId: social.id,
      unit: 'volume',
      taxRate: '0.09',
    });
    await product('retired', { sku: 'OLD-001', name: '停产产品', discontinued: true });
    ids.plain = (await buildCustomer(admin, { name: '普通客户有限公司', grade: 'C' })).id;
    ids.gradeA = (await buildCustomer(admin, { name: '甲级客户有限公司', grade: 'A' })).id;
    ids.contract = (await buildCustomer(admin, { name: '协议客户有限公司', grade: 'A' })).id;

    const list = (body: Record<string, unknown>) => admin.post('/api/v1/price-lists', body).then(created);
    const breaks = (product: string, pairs: [string, string][]) => ({
      productId: ids[product],
      breaks: pairs.map(([minQuantity, unitPrice]) => ({ minQuantity, unitPrice })),
    });
    ids.standard = (
      await list({
        name: '2026 标准价',
        kind: 'standard',
        items: [
          breaks('parcel', [
            ['1', '98.00'],
            ['10', '95.00'],
            ['100', '90.00'],
          ]),
        ],
      })
    ).id;
    ids.standard2027 = (
      await list({ name: '2027 标准价', kind: 'standard', validFrom: '2027-01-01', items: [breaks('parcel', [['1', '105.00']])] })
    ).id;
    ids.gradeList = (
      await list({
        name: 'A 级客户价',
        kind: 'grade',
        grade: 'A',
        validTo: '2026-12-31',
        items: [breaks('parcel', [['1', '92.00']])],
      })
    ).id;
    ids.tierList = (
      await list({ name: '金牌渠道价', kind: 'tier', tierKey: 'gold', items: [breaks('parcel', [['1', '90.00']])] })
    ).id;
    ids.customerList = (
      await list({ name: '协议价', kind: 'customer', customerId: ids.contract, items: [breaks('parcel', [['20', '88.50']])] })
    ).id;
    const rule = (body: Record<string, unknown>) => admin.post('/api/v1/discount-rules', body).then(created);
    ids.bookRule = (await rule({ name: '图书九五折', percent: '5', categoryId: ids.books })).id;
    ids.bulkRule = (
      await rule({ name: 'A 级大客户 8%', percent: '8', productId: ids.parcel, customerGrade: 'A', minQuantity: '50' })
    ).id;
    ids.smallRule = (await rule({ name: '全场 2%', percent: '2', validFrom: '2026-05-01', validTo: '2026-06-30' })).id;

    const branch = await buildOrgUnit(t.db, { parentId: a.root.id, name: '甲分公司' });
    const repRole = await buildRole(t.db, { permissions: STANDARD_ROLES.find((r) => r.key === 'sales_rep')!.permissions });
    const repUser = await buildUser(t.db, { orgUnitId: branch.id, roleIds: [repRole.id] });
    rep = await t.as(repUser.id);
    ids.repCustomer = (await buildCustomer(rep, { name: '代表自己的客户', grade: 'B' })).id;
  });
  afterAll(async () => t?.close());

  it('a standard list’s best quantity break ≤ the quantity, then the best single discount rule', async () => {
    // 98.00 − 2 % (全场 2%) = 96.04; 5 × 96.04 = 480.20
    expect(await priceOf('plain', 'parcel', 5)).toMatchObject({
      listPrice: '100.00',
      unitPrice: '96.04',
      amount: '480.20',
      source: { kind: 'standardList', listId: ids.standard, listName: '2026 标准价', breakMinQuantity: '1', unitPrice: '98.00' },
      discounts: [{ ruleId: ids.smallRule, ruleName: '全场 2%', percent: '2', amountPerUnit: '1.96', scope: 'all' }],
    });
    // Break 10: 95.00 × 0.98 = 93.10; 99.5 × 93.10 = 9263.45
    expect(await priceOf('plain', 'parcel', '99.5')).toMatchObject({
      unitPrice: '93.10',
      amount: '9263.45',
      source: { breakMinQuantity: '10', unitPrice: '95.00' },
    });
    // Break 100: 90.00 × 0.98 = 88.20
    expect((await priceOf('plain', 'parcel', 100)).unitPrice).toBe('88.20');
  });

  it('a product in no list takes its list price; a category rule covers its subcategories; half up to the fen', async () => {
    // 59.90 × 0.95 = 56.905 → 56.91 (the 5 % category rule beats the 2 % one); 3 × 56.91 = 170.73
    expect(await priceOf('plain', 'book', 3)).toMatchObject({
      unitPrice: '56.91',
      amount: '170.73',
      taxRate: '0.09',
      unit: 'volume',
      source: { kind: 'listPrice', unitPrice: '59.90' },
      discounts: [{ ruleId: ids.bookRule, percent: '5', amountPerUnit: '2.99', scope: 'category' }],
    });
  });

  it('precedence: customer list > channel tier > grade > standard, whatever is cheaper', async () => {
    // Grade A list 92.00 although the standard break at 10 is 95.00 and at 100 is 90.00: the grade list wins.
    expect(await priceOf('gradeA', 'parcel', 100)).toMatchObject({
      source: { kind: 'gradeList', listId: ids.gradeList, breakMinQuantity: '1', unitPrice: '92.00' },
      // 92.00 × 0.92 = 84.64 (the grade A 8 % rule from 50 beats 2 %)
      unitPrice: '84.64',
      amount: '8464.00',
      discounts: [{ ruleId: ids.bulkRule, percent: '8', scope: 'product' }],
    });
    // Below 50 the 8 % rule does not apply; the 2 % one does: 92.00 × 0.98 = 90.16
    expect((await priceOf('gradeA', 'parcel', 49)).unitPrice).toBe('90.16');
    // A channel tier beats the grade list: 90.00 × 0.98 = 88.20
    expect(await priceOf('gradeA', 'parcel', 1, { channelTier: 'gold' })).toMatchObject({
      source: { kind: 'tierList', listId: ids.tierList, unitPrice: '90.00' },
      unitPrice: '88.20',
    });
    // The customer's own list from 20 on is a contract price: no discount on it, even with a tier named.
    expect(await priceOf('contract', 'parcel', 60, { channelTier: 'gold' })).toMatchObject({
      source: { kind: 'customerList', listId: ids.customerList, listName: '协议价', breakMinQuantity: '20', unitPrice: '88.50' },
      unitPrice: '88.50',
      amount: '5310.00',
      discounts: [],
      discountNote: 'contractPrice',
    });
    // Below its first break the customer list does not apply: the grade list does.
    expect((await priceOf('contract', 'parcel', 19)).source).toMatchObject({ kind: 'gradeList', unitPrice: '92.00' });
  });

  it('validity dates: a later-starting list of the same kind wins from its first day; expired lists and rules drop out', async () => {
    const on = (date: string) => priceOf('plain', 'parcel', 1, { date });
    expect((await on('2026-12-31')).source).toMatchObject({ listId: ids.standard, unitPrice: '98.00' });
    const next = await on('2027-01-01');
    // 2027 list, and the 2 % rule ended on 2026-06-30.
    expect(next).toMatchObject({ source: { listId: ids.standard2027, unitPrice: '105.00' }, unitPrice: '105.00', discounts: [] });
    // The grade list ended on 2026-12-31.
    const a2027 = await priceOf('gradeA', 'parcel', 1, { date: '2027-03-01' });
    expect(a2027.source).toMatchObject({ kind: 'standardList', listId: ids.standard2027 });
  });

  it('prices many lines in one answer with the total', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({ productId: i % 2 ? ids.parcel! : ids.book!, quantity: (i % 7) + 1 }));
    const res = await quote(admin, 'plain', lines);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as QuoteLinesResponse;
    expect(body.lines).toHaveLength(200);
    const sum = body.lines.reduce((s, l) => s + Math.round(Number(l.amount) * 100), 0);
    expect(body.total).toBe((sum / 100).toFixed(2));
  });

  it('refuses bad input with the field named', async () => {
    const bad = async (res: { statusCode: number; json(): unknown }, status: number, field: string, code: string) => {
      expect(res.statusCode).toBe(status);
      expect((res.json() as { error: { details: { field: string; code: string }[] } }).error.details).toContainEqual(
        expect.objectContaining({ field, code }),
      );
    };
    await bad(
      await quote(admin, 'plain', [{ productId: ids.parcel!, quantity: 0 }]),
      400,
      'lines.0.quantity',
      'QUANTITY_NOT_POSITIVE',
    );
    await bad(
      await quote(admin, 'plain', [{ productId: ids.parcel!, quantity: '-2' }]),
      400,
      'lines.0.quantity',
      'QUANTITY_NOT_POSITIVE',
    );
    await bad(
      await quote(admin, 'plain', [{ productId: ids.parcel!, quantity: '1e3' }]),
      400,
      'lines.0.quantity',
      'DECIMAL_INVALID',
    );
    await bad(
      await quote(admin, 'plain', [
        { productId: ids.parcel!, quantity: 1 },
        { productId: ids.parcel!, quantity: '1.23456' },
      ]),
      400,
      'lines.1.quantity',
      'QUANTITY_DECIMALS',
    );
    await bad(
      await quote(admin, 'plain', [{ productId: ids.retired!, quantity: 1 }]),
      400,
      'lines.0.productId',
      'PRODUCT_DISCONTINUED',
    );
    await bad(
      await admin.post('/api/v1/discount-rules', { name: '超额', percent: '100.5' }),
      400,
      'percent',
      'DISCOUNT_PERCENT_RANGE',
    );
    await bad(await admin.post('/api/v1/discount-rules', { name: '零', percent: 0 }), 400, 'percent', 'DISCOUNT_PERCENT_RANGE');
    await bad(
      await admin.post('/api/v1/price-lists', {
        name: '坏价格',
        kind: 'standard',
        items: [{ productId: ids.parcel, breaks: [{ minQuantity: '1', unitPrice: '12.345' }] }],
      }),
      400,
      'items.0.breaks.0.unitPrice',
      'PRICE_DECIMALS',
    );
    await bad(
      await admin.post('/api/v1/price-lists', { name: '缺等级', kind: 'grade' }),
      400,
      'grade',
      'PRICE_LIST_TARGET_REQUIRED',
    );
    const products = await admin.post('/api/v1/products', {
      sku: 'X-1',
      name: '三位小数',
      listPrice: '12.345',
      unit: 'piece',
      taxRate: '0.13',
    });
    expect(products.statusCode).toBe(400);
    expect(JSON.stringify(products.json())).toContain('listPrice');
    const negative = await admin.post('/api/v1/products', {
      sku: 'X-2',
      name: '负价',
      listPrice: '-1',
      unit: 'piece',
      taxRate: '0.13',
    });
    expect(negative.statusCode).toBe(400);
    await bad(
      await admin.post('/api/v1/products', { sku: ' KD-001 ', name: '重复编码', listPrice: '1', unit: 'piece', taxRate: '0.13' }),
      409,
      'sku',
      'SKU_TAKEN',
    );
    expect(
      (
        await quote(admin, 'plain', [{ productId: ids.parcel!, quantity: 1 }], {
          customerId: '0190a0a0-0000-7000-8000-000000000000',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a rep prices for customers they may see; another unit’s customer is 404; administrators alone change lists', async () => {
    const mine = await rep.post('/api/v1/pricing/quote-lines', {
      customerId: ids.repCustomer,
      date: DAY,
      lines: [{ productId: ids.parcel, quantity: 1 }],
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect((mine.json() as QuoteLinesResponse).lines[0]!.unitPrice).toBe('96.04');
    const hidden = await quote(rep, 'plain', [{ productId: ids.parcel!, quantity: 1 }]);
    expect(hidden.statusCode).toBe(404);
    expect((await rep.get('/api/v1/products?limit=10')).json().items.length).toBeGreaterThanOrEqual(2);
    // Head office's products are read-only to a rep (the role's update scope is `own`).
    const edit = await rep.patch(`/api/v1/products/${ids.parcel}`, { listPrice: '1.00' }, { 'if-match': '1' });
    expect(edit.statusCode).toBeGreaterThanOrEqual(403);
    expect((await rep.post('/api/v1/discount-rules', { name: '私自折扣', percent: '50' })).statusCode).toBe(403);
    expect((await rep.get('/api/v1/price-lists')).statusCode).toBe(200);
  });

  it('products are found by SKU, name and pinyin initials in the global search', async () => {
    for (const q of ['BK-001', '中国通史', 'zgts']) {
      const res = await rep.get(`/api/v1/search?q=${encodeURIComponent(q)}&types=product`);
      expect(res.statusCode, res.body).toBe(200);
      expect(JSON.stringify(res.json()), q).toContain(ids.book);
    }
  });

  it('a price list is saved whole with If-Match and read back with its items and breaks', async () => {
    const got = (await admin.get(`/api/v1/price-lists/${ids.standard}`)).json();
    expect(got).toMatchObject({
      kind: 'standard',
      version: 1,
      items: [
        {
          productId: ids.parcel,
          sku: 'KD-001',
          breaks: [{ minQuantity: '1', unitPrice: '98.00' }, { minQuantity: '10' }, { minQuantity: '100' }],
        },
      ],
    });
    const body = {
      name: '2026 标准价',
      kind: 'standard',
      items: [{ productId: ids.book, breaks: [{ minQuantity: 1, unitPrice: '50.00' }] }],
    };
    expect((await admin.put(`/api/v1/price-lists/${ids.standard}`, body, { 'if-match': '7' })).statusCode).toBe(412);
    const saved = await admin.put(`/api/v1/price-lists/${ids.standard}`, body, { 'if-match': '1' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, itemCount: 1, items: [{ productId: ids.book }] });
    // The parcel left this list: the plain customer now gets the parcel's list price (100.00 − 2 % = 98.00).
    expect((await priceOf('plain', 'parcel', 1)).source).toMatchObject({ kind: 'listPrice', unitPrice: '100.00' });
    expect((await priceOf('plain', 'book', 1)).source).toMatchObject({ kind: 'standardList', unitPrice: '50.00' });
  });
});
