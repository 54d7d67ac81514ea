import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin } from '../../../test/factories/access.ts';
import { buildContact, buildCustomer } from '../../../test/factories/customers.ts';
import { backfillSortKeys } from './search.backfill.ts';
import { pinyinSortKey } from './search.text.ts';

describe('pinyin sort of Chinese names', () => {
  let t: TestApp;
  let admin: TestClient;
  let customerId = '';
  const names = async (path: string) => {
    const res = await admin.get(path);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: { name: string }[]; nextCursor: string | null };
  };
  const customerNames = async (sort: string) =>
    (await names(`/api/v1/customers?filter[kind][eq]=individual&sort=${sort}`)).items.map((i) => i.name);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as((await buildAdmin(t.db)).user.id);
    for (const name of ['张三', '阿里', '北京']) await buildCustomer(admin, { name, kind: 'individual' });
    customerId = (await buildCustomer(admin, { name: '中通快递', kind: 'organisation' })).id;
    for (const name of ['周杰', '安然', '白雪']) await buildContact(admin, customerId, { name });
  });
  afterAll(async () => t?.close());

  it('sorts customer and contact names by pinyin, both ways', async () => {
    expect(await customerNames('name')).toEqual(['阿里', '北京', '张三']);
    expect(await customerNames('-name')).toEqual(['张三', '北京', '阿里']);
    const contacts = await names(`/api/v1/contacts?filter[customerId][eq]=${customerId}&sort=name`);
    expect(contacts.items.map((i) => i.name)).toEqual(['安然', '白雪', '周杰']);
  });

  it('pages through the pinyin order with the keyset cursor', async () => {
    const seen: string[] = [];
    let path = '/api/v1/customers?filter[kind][eq]=individual&sort=name&limit=1';
    for (;;) {
      const page = await names(path);
      seen.push(...page.items.map((i) => i.name));
      if (!page.nextCursor) break;
      path = `/api/v1/customers?filter[kind][eq]=individual&sort=name&limit=1&cursor=${page.nextCursor}`;
    }
    expect(seen).toEqual(['阿里', '北京', '张三']);
  });

  it('follows a rename', async () => {
    const zhang = (await names('/api/v1/customers?filter[kind][eq]=individual&sort=name')).items.at(-1) as unknown as {
      id: string;
      version: number;
    };
    const res = await admin.patch(`/api/v1/customers/${zhang.id}`, { name: '艾伦' }, { 'if-match': String(zhang.version) });
    expect(res.statusCode, res.body).toBe(200);
    // 阿里 a1 li3 comes before 艾伦 ai4 lun2, as in a dictionary.
    expect(await customerNames('name')).toEqual(['阿里', '艾伦', '北京']);
    const back = await admin.patch(`/api/v1/customers/${zhang.id}`, { name: '张三' }, { 'if-match': String(res.json().version) });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('fills the keys of rows written before they existed', async () => {
    await t.db.execute(sql`UPDATE customers SET name_sort = NULL`);
    expect(await backfillSortKeys(t.db, t.app.entities, { batch: 2 })).toBeGreaterThanOrEqual(3);
    expect(await customerNames('name')).toEqual(['阿里', '北京', '张三']);
  });

  it('keys by tone-numbered syllables, then the text', () => {
    expect(pinyinSortKey('阿里')).toBe('a1 li3\u0001阿里');
    expect(pinyinSortKey(' 北京ABC ')).toBe('bei3 jing1 abc\u0001北京ABC');
  });
});
