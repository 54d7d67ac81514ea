// Products from a spreadsheet with the headers an ERP export has (物料编码, 产品名称, 单位, 单价, 税率): mapped by the
// field labels, units and tax rates read by their option labels (箱, 13%), prices to the fen; a row with three
// decimals or a SKU already taken is reported with its line and nothing else stops. Export gives the same headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, like } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/harness/testApp.ts';
import { buildAdmin } from '../../../../test/factories/access.ts';
import { multipartForm } from '../../../../test/factories/files.ts';
import { products } from './catalog.schema.ts';

describe('product import and export', () => {
  let t: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as((await buildAdmin(t.db)).user.id);
    const first = await admin.post('/api/v1/products', {
      sku: 'KD-001',
      name: '已有产品',
      listPrice: '1.00',
      unit: 'piece',
      taxRate: '0.13',
    });
    expect(first.statusCode, first.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('maps Chinese headers, reads option labels and reports bad rows by line', async () => {
    const csv =
      '\uFEFF物料编码,产品名称,英文名称,单位,单价,税率,供应商,交货周期（天）\r\n' +
      'BX-001,五号纸箱,Carton No. 5,箱,2.50,13%,华南包装材料厂,3\r\n' +
      'BK-001,中国通史,,套,398.00,9%,中华书局,10\r\n' +
      'BK-002,三位小数,,本,12.345,9%,,\r\n' +
      'KD-001,重复编码,,件,8.00,6%,,\r\n';
    const form = multipartForm({ recordType: 'product' }, { name: '产品.csv', content: csv });
    const upload = await admin.request({ method: 'POST', url: '/api/v1/imports', payload: form.payload, headers: form.headers });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json().mapping.map((m: { field: string | null }) => m.field)).toEqual([
      'sku',
      'name',
      'nameEn',
      'unit',
      'listPrice',
      'taxRate',
      'supplier',
      'leadTimeDays',
    ]);
    expect((await admin.post(`/api/v1/imports/${upload.json().id}/start`)).statusCode).toBe(202);
    await t.app.jobs.tick();
    const done = (await admin.get(`/api/v1/imports/${upload.json().id}`)).json();
    expect(done).toMatchObject({ status: 'done', progress: { total: 4, created: 2, failed: 2 } });
    const report = (await admin.get(`/api/v1/imports/${upload.json().id}/errors`)).body;
    expect(report).toMatch(/^4,.*单价/m);
    expect(report).toMatch(/^5,.*物料编码/m);
    const rows = await t.db
      .select({ sku: products.sku, unit: products.unit, listPrice: products.listPrice, taxRate: products.taxRate })
      .from(products)
      .orderBy(asc(products.sku));
    expect(rows).toEqual([
      { sku: 'BK-001', unit: 'set', listPrice: '398.00', taxRate: '0.09' },
      { sku: 'BX-001', unit: 'box', listPrice: '2.50', taxRate: '0.13' },
      { sku: 'KD-001', unit: 'piece', listPrice: '1.00', taxRate: '0.13' },
    ]);

    const exported = await admin.get('/api/v1/products/export?sort=sku');
    expect(exported.statusCode).toBe(200);
    const [header, firstRow] = exported.body.replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(header).toContain('物料编码');
    expect(header).toContain('单价');
    expect(firstRow).toContain('BK-001');
  });

  it('puts a row in the category its cell names, by path or by a name only one category has', async () => {
    const category = async (name: string, parentId?: string) => {
      const res = await admin.post('/api/v1/product-categories', { name, ...(parentId ? { parentId } : {}) });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const books = await category('图书');
    const social = await category('社科类', books);
    const children = await category('少儿类', books);
    const toys = await category('玩具');
    await category('少儿类', toys);
    const csv =
      '\uFEFF物料编码,产品名称,单位,单价,税率,产品分类\r\n' +
      'CT-001,乡土中国,本,39.00,9%,图书 / 社科类\r\n' +
      'CT-002,费孝通文集,本,88.00,9%,社科类\r\n' +
      'CT-003,窗边的小豆豆,本,35.00,9%,图书 / 少儿类\r\n' +
      'CT-004,两个少儿类,本,20.00,9%,少儿类\r\n' +
      'CT-005,没有的分类,本,20.00,9%,不存在的分类\r\n';
    const form = multipartForm({ recordType: 'product' }, { name: '分类.csv', content: csv });
    const upload = await admin.request({ method: 'POST', url: '/api/v1/imports', payload: form.payload, headers: form.headers });
    expect(upload.statusCode, upload.body).toBe(201);
    expect((await admin.post(`/api/v1/imports/${upload.json().id}/start`)).statusCode).toBe(202);
    await t.app.jobs.tick();
    const done = (await admin.get(`/api/v1/imports/${upload.json().id}`)).json();
    expect(done).toMatchObject({ status: 'done', progress: { created: 3, failed: 2 } });
    const report = (await admin.get(`/api/v1/imports/${upload.json().id}/errors`)).body;
    // 少儿类 alone names two categories, and the last names none: both refused on their lines, in the category column.
    expect(report).toMatch(/^5,.*产品分类/m);
    expect(report).toMatch(/^6,.*产品分类/m);
    const rows = await t.db
      .select({ sku: products.sku, categoryId: products.categoryId })
      .from(products)
      .where(like(products.sku, 'CT-%'))
      .orderBy(asc(products.sku));
    expect(rows).toEqual([
      { sku: 'CT-001', categoryId: social },
      { sku: 'CT-002', categoryId: social },
      { sku: 'CT-003', categoryId: children },
    ]);
  });
});
