import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin } from '../../../test/factories/access.ts';
import { buildCustomer } from '../../../test/factories/customers.ts';

describe('customers', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as((await buildAdmin(t.db)).user.id);
  });
  afterAll(async () => t?.close());

  it('creates an organisation customer with its classification and region, audited and searchable', async () => {
    const res = await admin.post('/api/v1/customers', {
      name: '北京东区邮政服务有限公司',
      shortName: '东区邮政',
      kind: 'organisation',
      industry: 'postal',
      customerType: 'stateOwned',
      grade: 'A',
      lifecycleStage: 'key',
      source: 'tender',
      firstContactDate: '2023-04-12',
      province: '北京市',
      city: '北京市',
      district: '朝阳区',
      address: '建国路 88 号',
      tags: ['vip', 'annualContract'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const customer = res.json();
    expect(customer).toMatchObject({ status: 'active', grade: 'A', district: '朝阳区', tags: ['vip', 'annualContract'] });
    const history = await admin.get(`/api/v1/customers/${customer.id}/history`);
    expect(history.json().items[0].action).toBe('create');
    const found = await admin.get('/api/v1/search?q=bjdq&types=customer');
    expect(found.json().groups[0].items).toEqual([{ id: customer.id, title: '北京东区邮政服务有限公司' }]);
  });

  it('lists customers filtered by grade and province, sorted by name', async () => {
    for (const [name, grade, province] of [
      ['上海博文图书进出口有限公司', 'B', '上海市'],
      ['复旦大学图书馆', 'B', '上海市'],
      ['杭州市图书馆', 'B', '浙江省'],
      ['上海浦江物流有限公司', 'C', '上海市'],
    ])
      await buildCustomer(admin, { name, grade, province });
    const res = await admin.get(
      `/api/v1/customers?filter[grade][eq]=B&filter[province][eq]=${encodeURIComponent('上海市')}&sort=name&total=true`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .items.map((c: { name: string }) => c.name)
        .sort(),
    ).toEqual(['上海博文图书进出口有限公司', '复旦大学图书馆']);
    expect(res.json().total).toBe(2);
  });

  it('refuses a province or city outside the bundled list, naming the field', async () => {
    const fieldOf = async (body: Record<string, unknown>) => {
      const res = await admin.post('/api/v1/customers', { name: '地区测试', kind: 'organisation', ...body });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`);
    };
    expect(await fieldOf({ province: '北平省' })).toEqual(['province:invalid_option']);
    expect(await fieldOf({ province: '广东省', city: '杭州市' })).toEqual(['city:invalid_option']);
    expect(await fieldOf({ city: '广州市' })).toEqual(['province:required']);
    expect(await fieldOf({ province: '上海市', city: '上海市', district: '朝阳区' })).toEqual(['district:invalid_option']);
    expect(await fieldOf({ kind: 'company' })).toEqual(['kind:invalid_option']);
    // Districts outside the municipalities are not bundled, so any district of a known city is accepted.
    await buildCustomer(admin, { province: '广东省', city: '深圳市', district: '南山区' });
  });

  it('checks a changed city against the stored province', async () => {
    const customer = await buildCustomer(admin, { province: '江苏省', city: '南京市' });
    const bad = await admin.patch(`/api/v1/customers/${customer.id}`, { city: '成都市' }, { 'if-match': '1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('city');
    const good = await admin.patch(`/api/v1/customers/${customer.id}`, { city: '苏州市' }, { 'if-match': '1' });
    expect(good.statusCode, good.body).toBe(200);
  });

  it('serves the region list to signed-in users only', async () => {
    expect((await t.anonymous.get('/api/v1/regions')).statusCode).toBe(401);
    const res = await admin.get('/api/v1/regions');
    expect(res.statusCode).toBe(200);
    const provinces = res.json().items as { name: string; children: { name: string; children?: { name: string }[] }[] }[];
    expect(provinces).toHaveLength(34);
    expect(provinces.reduce((n, p) => n + p.children.length, 0)).toBeGreaterThan(330);
    const chongqing = provinces.find((p) => p.name === '重庆市')!.children[0]!;
    expect(chongqing.children?.map((d) => d.name)).toContain('渝中区');
  });

  it('describes its fields in Chinese for the web app', async () => {
    const meta = await admin.get('/api/v1/meta');
    const customer = meta.json().entities.find((e: { name: string }) => e.name === 'customer');
    expect(customer.subsystem).toBe('customers');
    const labels = Object.fromEntries(customer.fields.map((f: { name: string; label: string }) => [f.name, f.label]));
    expect(labels).toMatchObject({
      name: '客户名称',
      customerType: '客户类别',
      lifecycleStage: '生命周期阶段',
      district: '区县',
    });
    expect(customer.relations.map((r: { name: string }) => r.name)).toEqual([
      'contacts',
      'activities',
      'opportunities',
      'quotes',
    ]);
  });
});
