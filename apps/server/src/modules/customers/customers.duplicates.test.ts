import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { buildCustomer } from '../../../test/factories/customers.ts';
import { customerNameKey } from './customers.nameKey.ts';
import { importHooks } from '../../platform/imports/imports.registry.ts';
import { loadSystemActor } from '../../platform/access/actor.ts';

describe('customer name key', () => {
  it.each([
    ['北京东区邮政服务有限公司', '北京东区邮政服务'],
    ['北京东区邮政服务（北京）有限公司', '北京东区邮政服务'],
    ['北京东区邮政服务(北京)有限公司', '北京东区邮政服务'],
    ['北京东区邮政服务 【北京】 股份有限公司', '北京东区邮政服务'],
    // A leading place name is part of the name: 北京银行 and 上海银行 are two banks.
    ['东区邮政服务集团', '东区邮政服务'],
    ['东区邮政服务集团有限公司', '东区邮政服务'],
    ['东区邮政服务（上海）集团股份有限公司', '东区邮政服务'],
    ['华夏科技有限责任公司', '华夏科技'],
    ['華夏科技集團有限公司', '華夏科技'],
    ['华 夏·科技公司', '华夏科技'],
    ['Ｈｕａｘｉａ　Ｔｅｃｈ', 'huaxiatech'],
    ['Acme Co., Ltd.', 'acme'],
    ['ACME Limited', 'acme'],
    ['Acme & Co', 'acme'],
    ['Costco', 'costco'],
    ['有限公司', '有限'],
    ['（北京）', ''],
    ['陈晓东', '陈晓东'],
  ])('%s → %s', (name, key) => {
    expect(customerNameKey(name)).toBe(key);
  });

  it('keeps different names apart', () => {
    expect(customerNameKey('北京东区邮政服务有限公司')).not.toBe(customerNameKey('东区邮政服务集团'));
    expect(customerNameKey('北京银行')).not.toBe(customerNameKey('上海银行'));
    expect(customerNameKey('北京东区邮政服务有限公司')).toBe(customerNameKey('北京东区邮政服务（北京）有限公司'));
  });
});

describe('GET /api/v1/customers/duplicates', () => {
  let t: TestApp;
  let admin: TestClient;
  let rootId: string;
  const duplicates = async (client: TestClient, query: Record<string, string>) => {
    const res = await client.get(`/api/v1/customers/duplicates?${new URLSearchParams(query).toString()}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { id: string; name: string; reason: string; identifierType?: string }[];
  };
  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildAdmin(t.db);
    rootId = a.root.id;
    admin = await t.as(a.user.id);
  });
  afterAll(async () => t?.close());

  it('finds the same name without legal form and brackets, not another one', async () => {
    const postal = await buildCustomer(admin, { name: '北京东区邮政服务有限公司' });
    await buildCustomer(admin, { name: '东区邮政服务集团' });
    const found = await duplicates(admin, { name: '北京东区邮政服务（北京）有限公司' });
    expect(found).toEqual([expect.objectContaining({ id: postal.id, name: '北京东区邮政服务有限公司', reason: 'name' })]);
    expect(await duplicates(admin, { name: '北京东区邮政服务有限公司', excludeId: postal.id })).toEqual([]);
    expect(await duplicates(admin, { name: '（北京）' })).toEqual([]);
  });

  it('follows a rename', async () => {
    const customer = await buildCustomer(admin, { name: '临时名称有限公司' });
    const res = await admin.patch(`/api/v1/customers/${customer.id}`, { name: '星河物流股份有限公司' }, { 'if-match': '1' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await duplicates(admin, { name: '星河物流' })).map((d) => d.id)).toEqual([customer.id]);
    expect(await duplicates(admin, { name: '临时名称' })).toEqual([]);
  });

  it('counts only an exact phone, not its tail, and puts identifier matches first', async () => {
    const byPhone = await buildCustomer(admin, { name: '甲公司' });
    await admin.post(`/api/v1/customers/${byPhone.id}/identifiers`, { type: 'mobile', value: '138 0013 8000' });
    const byName = await buildCustomer(admin, { name: '南方电网有限公司' });
    expect(await duplicates(admin, { phone: '8000' })).toEqual([]);
    expect(await duplicates(admin, { phone: '0013 8000' })).toEqual([]);
    const found = await duplicates(admin, { phone: '+86 138-0013-8000', name: '南方电网' });
    expect(found.map((d) => [d.id, d.reason, d.identifierType])).toEqual([
      [byPhone.id, 'identifier', 'mobile'],
      [byName.id, 'name', undefined],
    ]);
    await admin.post(`/api/v1/customers/${byName.id}/identifiers`, { type: 'email', value: 'Info@CSG.cn' });
    expect((await duplicates(admin, { email: ' info@csg.CN', name: '南方电网' })).map((d) => d.reason)).toEqual(['identifier']);
  });

  it('names only customers the caller may read, and ignores deleted ones', async () => {
    const unit = await buildOrgUnit(t.db, { parentId: rootId });
    const role = await buildRole(t.db, { permissions: { customer: { read: 'own', create: 'own' } } });
    const rep = await t.as((await buildUser(t.db, { orgUnitId: unit.id, roleIds: [role.id] })).id);
    await buildCustomer(admin, { name: '隐藏客户有限公司' });
    const mine = await buildCustomer(rep, { name: '隐藏客户（上海）有限公司' });
    expect((await duplicates(rep, { name: '隐藏客户' })).map((d) => d.id)).toEqual([mine.id]);
    expect((await admin.delete(`/api/v1/customers/${mine.id}`, { 'if-match': String(mine.version) })).statusCode).toBe(204);
    expect((await duplicates(rep, { name: '隐藏客户' })).map((d) => d.id)).toEqual([]);
  });

  it('is the import’s duplicate hook', async () => {
    const a = await buildAdmin(t.db);
    const existing = await buildCustomer(await t.as(a.user.id), { name: '远航船舶有限公司' });
    const actor = await loadSystemActor(t.db, a.user.id, 'import');
    const findDuplicate = importHooks('customer').findDuplicate!;
    expect(await findDuplicate(t.db, actor!, { name: '远航船舶（大连）有限公司', kind: 'organisation' })).toBe(existing.id);
    expect(await findDuplicate(t.db, actor!, { name: '远航船舶二厂', kind: 'organisation' })).toBeUndefined();
  });
});
