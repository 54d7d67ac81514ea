// Leads imported from a spreadsheet go through the same assignment rules as leads typed in: each row lands with the
// owner and unit of the first rule it matches (in turns inside a unit), the rule's name is kept on the lead, a row
// no rule matches stays with the importer, and a bad row is reported without stopping the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import type { TestApp, TestClient } from '../../../test/harness/testApp.ts';
import { multipartForm } from '../../../test/factories/files.ts';
import { leads } from './sales.schema.ts';
import { buildRoutingWorld, type RoutingWorld } from './sales.leads.testSetup.ts';

describe('lead import routing', () => {
  let t: TestApp;
  let admin: TestClient;
  let adminId: string;
  let people: RoutingWorld['people'];
  let units: RoutingWorld['units'];

  beforeAll(async () => {
    ({ t, admin, adminId, people, units } = await buildRoutingWorld({
      config: { importBatchSize: 4 },
      westDistribution: 'round_robin',
    }));
  });
  afterAll(async () => t?.close());

  it('routes every imported row by the rules, across batches, and reports the bad row', async () => {
    const csv =
      '\uFEFF姓名,单位名称,省份,意向产品,手机\r\n' +
      '王一,杭州西湖茶叶,浙江省,邮政业务,13900000001\r\n' +
      '王二,上海外滩书店,上海市,报刊订阅,13900000002\r\n' +
      '王三,成都锦江物流,四川省,邮政业务,13900000003\r\n' +
      '王四,宁波港口仓储,浙江省,包裹快递,13900000004\r\n' +
      '王五,广州天河商贸,广东省,邮政业务,13900000005\r\n' +
      ',无名公司,浙江省,邮政业务,13900000006\r\n' +
      '王七,苏州园区电子,江苏省,图书采购,13900000007\r\n';
    const form = multipartForm({ recordType: 'lead' }, { name: '线索.csv', content: csv });
    const upload = await admin.request({ method: 'POST', url: '/api/v1/imports', payload: form.payload, headers: form.headers });
    expect(upload.statusCode, upload.body).toBe(201);
    expect(upload.json().mapping.map((m: { field: string | null }) => m.field)).toEqual([
      'name',
      'company',
      'province',
      'interest',
      'mobile',
    ]);
    expect((await admin.post(`/api/v1/imports/${upload.json().id}/start`)).statusCode).toBe(202);
    await t.app.jobs.tick();
    const done = (await admin.get(`/api/v1/imports/${upload.json().id}`)).json();
    expect(done.status).toBe('done');
    expect(done.progress).toMatchObject({ total: 7, created: 6, failed: 1 });
    const report = (await admin.get(`/api/v1/imports/${upload.json().id}/errors`)).body;
    expect(report).toMatch(/7,错误,姓名,/);

    const rows = await t.db
      .select({ name: leads.name, ownerId: leads.ownerId, orgUnitId: leads.orgUnitId, rule: leads.assignedByRule })
      .from(leads)
      .orderBy(asc(leads.name));
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(rows).toHaveLength(6);
    // Zhejiang, Shanghai and Jiangsu go to 东区 in turns: the three rows are shared by its two reps.
    const eastRows = ['王一', '王二', '王七'].map((n) => byName.get(n)!);
    for (const row of eastRows) expect(row).toMatchObject({ orgUnitId: units.east, rule: '浙江沪苏归东区' });
    expect(new Set(eastRows.map((r) => r.ownerId))).toEqual(new Set([people.eastA!.id, people.eastB!.id]));
    expect(byName.get('王三')).toMatchObject({ ownerId: people.west!.id, orgUnitId: units.west, rule: '川渝归西区' });
    // The earlier rule wins over the province.
    expect(byName.get('王四')).toMatchObject({ ownerId: people.parcels!.id, rule: '包裹意向给专人' });
    // No rule for 广东省: the importer keeps it.
    expect(byName.get('王五')).toMatchObject({ ownerId: adminId, rule: null });
  });

  it('balances a least-loaded unit inside one batch, counting the rows not yet written', async () => {
    const saved = await admin.put('/api/v1/lead-assignment-rules', {
      rules: [
        { name: '川渝按负荷', conditions: { province: ['四川省'] }, targetOrgUnitId: units.west, distribution: 'least_loaded' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const openLeads = async () => {
      const rows = await t.db.select({ ownerId: leads.ownerId }).from(leads);
      return [people.west!.id, people.parcels!.id].map((id) => rows.filter((r) => r.ownerId === id).length);
    };
    // 西区 holds one open lead each (王三, 王四) before six rows from 四川 arrive, four of them in the first batch.
    expect(await openLeads()).toEqual([1, 1]);
    const csv = '\uFEFF姓名,省份\r\n' + ['赵一', '赵二', '赵三', '赵四', '赵五', '赵六'].map((n) => `${n},四川省\r\n`).join('');
    const form = multipartForm({ recordType: 'lead' }, { name: '四川.csv', content: csv });
    const upload = await admin.request({ method: 'POST', url: '/api/v1/imports', payload: form.payload, headers: form.headers });
    expect(upload.statusCode, upload.body).toBe(201);
    expect((await admin.post(`/api/v1/imports/${upload.json().id}/start`)).statusCode).toBe(202);
    await t.app.jobs.tick();
    expect((await admin.get(`/api/v1/imports/${upload.json().id}`)).json().progress).toMatchObject({ created: 6, failed: 0 });
    expect(await openLeads()).toEqual([4, 4]);
  });
});
