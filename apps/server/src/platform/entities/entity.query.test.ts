import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin } from '../../../test/factories/access.ts';
import { buildWidget } from '../../../test/factories/widgets.ts';
import { fixtureEntities } from './fixture/fixture.entities.ts';

type Item = { id: string; name: string; amount: string | null; quantity: number | null };

describe('entity kit: list filters, sorting and keyset paging', () => {
  let t: TestApp;
  let admin: TestClient;
  const list = async (query: string) => {
    const res = await admin.get(`/api/v1/test-widgets?${query}`);
    return {
      status: res.statusCode,
      body: res.json() as {
        items: Item[];
        nextCursor: string | null;
        total?: number;
        error?: { code: string; details: { field: string }[] };
      },
    };
  };

  beforeAll(async () => {
    t = await createTestApp({ extraEntities: fixtureEntities });
    admin = await t.as((await buildAdmin(t.db)).user.id);
    const rows: Record<string, unknown>[] = [
      { name: '北京东区', code: 'BJ-E', amount: '100.00', quantity: 1, status: 'active', dueDate: '2026-01-15', urgent: true },
      { name: '北京西区', code: 'BJ-W', amount: '250.50', quantity: 2, status: 'active', dueDate: '2026-02-15' },
      { name: '上海浦东', code: 'SH-P', amount: '250.50', quantity: 3, status: 'draft', dueDate: '2026-03-15' },
      { name: '广州天河', code: 'GZ-T', amount: null, quantity: 4, status: 'retired' },
      { name: '50%_折扣', code: 'PCT', amount: '0.01', quantity: null, status: 'draft', email: 'promo@example.com' },
    ];
    for (const row of rows) await buildWidget(admin, row);
  });
  afterAll(async () => t?.close());

  it('filters by each operator', async () => {
    const names = async (q: string) => (await list(`${q}&sort=name`)).body.items.map((i) => i.name).sort();
    expect(await names('filter[status][eq]=active')).toEqual(['北京东区', '北京西区']);
    expect(await names('filter[status][ne]=active')).toEqual(['50%_折扣', '上海浦东', '广州天河']);
    expect(await names('filter[amount][gt]=100')).toEqual(['上海浦东', '北京西区']);
    expect(await names('filter[amount][gte]=100&filter[amount][lte]=100')).toEqual(['北京东区']);
    expect(await names('filter[quantity][lt]=2')).toEqual(['北京东区']);
    expect(await names('filter[status][in]=draft,retired')).toEqual(['50%_折扣', '上海浦东', '广州天河']);
    expect(await names('filter[name][contains]=北京')).toEqual(['北京东区', '北京西区']);
    expect(await names('filter[code][startsWith]=bj')).toEqual(['北京东区', '北京西区']);
    expect(await names('filter[amount][isNull]=true')).toEqual(['广州天河']);
    expect(await names('filter[dueDate][between]=2026-01-01,2026-02-28')).toEqual(['北京东区', '北京西区']);
    expect(await names('filter[urgent][eq]=true')).toEqual(['北京东区']);
    expect(await names('filter[email][eq]=promo@example.com')).toEqual(['50%_折扣']);
  });

  it('treats % and _ in a contains filter literally', async () => {
    expect((await list('filter[name][contains]=%25_')).body.items.map((i) => i.name)).toEqual(['50%_折扣']);
    expect((await list('filter[name][contains]=_')).body.items.map((i) => i.name)).toEqual(['50%_折扣']);
  });

  it('sorts by several fields with NULLs last', async () => {
    const { body } = await list('sort=-amount,name');
    expect(body.items.map((i) => i.name)).toEqual(['上海浦东', '北京西区', '北京东区', '50%_折扣', '广州天河']);
  });

  it('pages with a cursor through ties and NULLs without gaps or repeats, and counts the total', async () => {
    for (const sort of ['-amount,name', 'amount', 'quantity', '-quantity', 'status,-dueDate']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let total: number | undefined;
      do {
        const page = await list(`sort=${sort}&limit=2&total=true${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((i) => i.id));
        total = page.body.total;
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(new Set(seen).size, sort).toBe(5);
      expect(seen.length, sort).toBe(5);
      expect(total).toBe(5);
    }
  });

  it('answers 400 naming the problem for unknown fields, bad operators, bad values, bad cursors and limits', async () => {
    const cases: [string, string][] = [
      ['filter[colour][eq]=red', 'filter[colour][eq]'],
      ['filter[name][between]=a', 'filter[name][between]'],
      ['filter[urgent][contains]=x', 'filter[urgent][contains]'],
      ['filter[amount][gt]=abc', 'filter[amount][gt]'],
      ['filter[dueDate][eq]=2026-13-01', 'filter[dueDate][eq]'],
      ['sort=colour', 'sort'],
      ['limit=0', 'limit'],
      ['limit=1000', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      ['colour=red', 'colour'],
    ];
    for (const [query, field] of cases) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(
        res.body.error!.details.map((d) => d.field),
        query,
      ).toContain(field);
    }
  });

  it('refuses a cursor made for another sort order', async () => {
    const first = await list('sort=name&limit=1');
    const res = await list(`sort=-amount&limit=1&cursor=${first.body.nextCursor}`);
    expect(res.status).toBe(400);
    expect(res.body.error!.code).toBe('INVALID_CURSOR');
  });

  it('treats SQL-looking input as plain text', async () => {
    const res = await list(`filter[name][eq]=${encodeURIComponent("x'; DROP TABLE test_widgets; --")}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    const created = await admin.post('/api/v1/test-widgets', { name: "Robert'); DROP TABLE users;--", status: 'draft' });
    expect(created.statusCode).toBe(201);
    expect((await list('total=true')).body.total).toBe(6);
  });

  it('returns only the requested fields with fields=', async () => {
    const res = await admin.get('/api/v1/test-widgets?fields=name,amount&filter[code][eq]=BJ-E');
    expect(res.json().items).toEqual([{ id: expect.any(String), version: 1, name: '北京东区', amount: '100.00' }]);
    expect((await list('fields=name,colour')).status).toBe(400);
  });

  it('searches the searchable fields with q', async () => {
    const res = await list('q=SH-P');
    expect(res.body.items.map((i) => i.name)).toEqual(['上海浦东']);
  });
});
