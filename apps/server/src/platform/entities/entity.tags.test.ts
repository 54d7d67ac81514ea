// The kit's free-tags field type, through customers' tags: validation, the "has any of" filter, the used-values
// suggestions limited to readable records, and the export's 「、」-joined cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildRole, buildUser } from '../../../test/factories/access.ts';
import { customerEntity } from '../../modules/customers/customers.entities.ts';
import { rowToBody } from '../imports/imports.mapping.ts';
import { resolveFields } from './fields.ts';

describe('entity kit: free tags', () => {
  let t: TestApp;
  let admin: TestClient;
  let rootId: string;
  const create = (name: string, tags: unknown) => admin.post('/api/v1/customers', { name, kind: 'organisation', tags });

  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildAdmin(t.db);
    rootId = a.root.id;
    admin = await t.as(a.user.id);
  });
  afterAll(async () => t?.close());

  it('stores trimmed tags once, an option label as its value, and refuses bad ones naming the field', async () => {
    const res = await create('标签客户甲', [' 老客户 ', '老客户', '贵宾', '展会']);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().tags).toEqual(['老客户', 'vip', '展会']);

    for (const tags of [[''], ['x'.repeat(31)], Array.from({ length: 21 }, (_, i) => `t${i}`), ['a,b'], 'vip']) {
      const bad = await create('标签客户坏', tags);
      expect(bad.statusCode, JSON.stringify(tags)).toBe(400);
      expect(bad.json().error.details[0].field).toMatch(/^tags/);
    }
  });

  it('filters by any of the tags and suggests the used ones, most used first', async () => {
    expect((await create('标签客户乙', ['老客户'])).statusCode).toBe(201);
    expect((await create('标签客户丙', ['华东'])).statusCode).toBe(201);
    const list = await admin.get(`/api/v1/customers?filter[tags][in]=${encodeURIComponent('展会,华东')}&sort=name`);
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .items.map((c: { name: string }) => c.name)
        .sort(),
    ).toEqual(['标签客户丙', '标签客户甲']);

    const values = await admin.get('/api/v1/customers/field-values?field=tags');
    expect(values.statusCode, values.body).toBe(200);
    expect(values.json().items[0]).toEqual({ value: '老客户', count: 2 });
    const searched = await admin.get(`/api/v1/customers/field-values?field=tags&q=${encodeURIComponent('华')}`);
    expect(searched.json().items).toEqual([{ value: '华东', count: 1 }]);
    // Someone who reads only their own customers is told of no one else's tags.
    const ownRole = await buildRole(t.db, { permissions: { customer: { read: 'own', create: 'own' } } });
    const rep = await t.as((await buildUser(t.db, { orgUnitId: rootId, roleIds: [ownRole.id] })).id);
    const mine = await rep.get('/api/v1/customers/field-values?field=tags');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toEqual([]);

    const unknown = await admin.get('/api/v1/customers/field-values?field=nope');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('field');
  });

  it('reads an imported cell of tags separated by any of , ， 、 ; ；', async () => {
    const { body, issues } = await rowToBody(
      resolveFields(customerEntity, []),
      [{ index: 0, header: '标签', field: 'tags' }],
      ['老客户，展会、华东; 老客户 ；vip'],
      { locale: 'zh-CN', timeZone: 'Asia/Shanghai', lookup: () => Promise.resolve(undefined) },
    );
    expect(issues).toEqual([]);
    expect(body.tags).toEqual(['老客户', '展会', '华东', 'vip']);
  });

  it('exports tags as one 「、」-joined cell', async () => {
    const res = await admin.get(`/api/v1/customers/export?filter[name][eq]=${encodeURIComponent('标签客户甲')}&fields=name,tags`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain('标签客户甲,老客户、贵宾、展会');
  });
});
