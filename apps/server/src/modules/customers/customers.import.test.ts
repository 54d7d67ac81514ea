// A customer import as it comes from another CRM: phone, mobile, e-mail, plate and policy columns mapped by their
// Chinese headers, stored as normalised identifiers, used to find existing customers, and refused by row when a
// unique one is taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin } from '../../../test/factories/access.ts';
import { buildCustomer } from '../../../test/factories/customers.ts';
import { multipartForm } from '../../../test/factories/files.ts';
import { auditLog } from '../../platform/audit/audit.schema.ts';
import { customerIdentifiers, customers } from './customers.schema.ts';

describe('customer import with identifier columns', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp({ config: { importBatchSize: 50 } });
    admin = await t.as((await buildAdmin(t.db)).user.id);
  });
  afterAll(async () => t?.close());

  const runImport = async (csv: string, policy: 'skip' | 'update' | 'create') => {
    const form = multipartForm({ recordType: 'customer' }, { name: '客户.csv', content: csv });
    const res = await admin.request({ method: 'POST', url: '/api/v1/imports', payload: form.payload, headers: form.headers });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect((await admin.patch(`/api/v1/imports/${created.id}`, { duplicatePolicy: policy })).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/imports/${created.id}/start`)).statusCode).toBe(202);
    await t.app.jobs.tick();
    const done = (await admin.get(`/api/v1/imports/${created.id}`)).json();
    const report = (await admin.get(`/api/v1/imports/${created.id}/errors`)).body;
    return { upload: created, done, report };
  };
  const identifiersOf = async (name: string) => {
    const rows = await t.db
      .select({ type: customerIdentifiers.type, normalized: customerIdentifiers.normalized })
      .from(customerIdentifiers)
      .innerJoin(customers, eq(customers.id, customerIdentifiers.customerId))
      .where(eq(customers.name, name));
    return rows.map((r) => `${r.type}:${r.normalized}`).sort();
  };

  it('maps 电话/手机/邮箱/车牌/保单号, stores them normalised, and skips rows matching existing customers', async () => {
    const existing = await buildCustomer(admin, { name: '北京东区邮政有限公司' });
    const plate = await admin.post(`/api/v1/customers/${existing.id}/identifiers`, { type: 'plate', value: '京A12345' });
    expect(plate.statusCode, plate.body).toBe(201);

    const csv =
      '\uFEFF公司名称,客户性质,电话,手机,邮箱,车牌,保单号\r\n' +
      '杭州西湖茶叶有限公司,单位客户,0571-8888 1234,+86 139 0000 1111,Sales@XiHu.CN,浙A 88888,pdaa-2024-0001\r\n' +
      // The existing customer's plate, spaced and lower-case: the same customer.
      '另一个名字贸易有限公司,单位客户,,,,京a 12345,\r\n' +
      // The existing customer's name with a bracketed place: the same customer.
      '北京东区邮政（北京）有限公司,单位客户,,,,,\r\n' +
      '宁波港口物流有限公司,单位客户,,,,XX,\r\n' +
      // The mobile of the first row, under another name: a duplicate of what this file just created.
      '杭州西湖茶业集团,单位客户,,13900001111,,,\r\n';
    const { upload, done, report } = await runImport(csv, 'skip');
    expect(upload.mapping.map((m: { field: string | null }) => m.field)).toEqual([
      'name',
      'kind',
      'identifier.phone',
      'identifier.mobile',
      'identifier.email',
      'identifier.plate',
      'identifier.policy',
    ]);
    expect(upload.progress.total).toBe(5);
    expect(done.status).toBe('done');
    expect(done.progress).toMatchObject({ total: 5, created: 1, skipped: 3, failed: 1 });
    expect(report).toContain('3,跳过,,已存在相同的记录，按设置跳过。');
    expect(report).toContain('4,跳过,,已存在相同的记录，按设置跳过。');
    expect(report).toContain('5,错误,车牌,格式不正确。');
    expect(report).toContain('6,跳过,,已存在相同的记录，按设置跳过。');
    expect(await identifiersOf('杭州西湖茶叶有限公司')).toEqual([
      'email:sales@xihu.cn',
      'mobile:13900001111',
      'phone:057188881234',
      'plate:浙A88888',
      'policy:PDAA20240001',
    ]);
    // The new customer is found by the tail of its mobile, and its history names the identifiers it came with.
    const found = (await admin.get('/api/v1/search?q=1111')).json();
    expect(JSON.stringify(found)).toContain('杭州西湖茶叶有限公司');
    const [created] = await t.db.select({ id: customers.id }).from(customers).where(eq(customers.name, '杭州西湖茶叶有限公司'));
    const [entry] = await t.db
      .select({ changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.recordId, created!.id), eq(auditLog.action, 'create')));
    expect(entry!.changes).toContainEqual({ field: 'identifiers', old: null, new: 'plate: 浙A 88888' });
  });

  it('updates the customer a plate names, adding the new mobile, and refuses a unique number another customer holds', async () => {
    const updated = await runImport(
      '公司名称,客户性质,客户等级,车牌,手机\r\n新名字有限公司,单位客户,A,浙A88888,13700002222\r\n',
      'update',
    );
    expect(updated.done.progress).toMatchObject({ updated: 1, created: 0, failed: 0 });
    expect(await identifiersOf('新名字有限公司')).toEqual([
      'email:sales@xihu.cn',
      'mobile:13700002222',
      'mobile:13900001111',
      'phone:057188881234',
      'plate:浙A88888',
      'policy:PDAA20240001',
    ]);

    const refused = await runImport(
      '公司名称,客户性质,保单号\r\n温州新客户有限公司,单位客户,PDAA-2024-0001\r\n台州新客户有限公司,单位客户,PDAA-2024-0002\r\n',
      'create',
    );
    expect(refused.done.progress).toMatchObject({ created: 1, failed: 1 });
    expect(refused.report).toContain('2,错误,保单号,该值已被使用。');
    expect(await identifiersOf('台州新客户有限公司')).toEqual(['policy:PDAA20240002']);
    expect(await identifiersOf('温州新客户有限公司')).toEqual([]);
  });
});
