import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { buildContact, buildCustomer } from '../../../test/factories/customers.ts';
import { BUILT_IN_IDENTIFIER_TYPES, maskValue } from './customers.identifiers.ts';
import { queryForms } from '../../platform/search/search.text.ts';

const normalize = (type: string, value: string) => BUILT_IN_IDENTIFIER_TYPES.find((t) => t.key === type)!.normalize(value);

describe('identifier normalisation', () => {
  it('strips separators and the country code from phones, spaces from plates, case from e-mails', () => {
    expect(normalize('mobile', '+86 138-0013-8000')).toBe('13800138000');
    expect(normalize('mobile', '0086 13800138000')).toBe('13800138000');
    expect(normalize('phone', '(010) 6512 3456')).toBe('01065123456');
    expect(normalize('phone', '+86 10 6512 3456')).toBe('01065123456');
    expect(normalize('plate', '京a 12345')).toBe('京A12345');
    expect(normalize('plate', '沪B·D1234')).toBe('沪BD1234');
    expect(normalize('email', ' Li.Na@Example.COM ')).toBe('li.na@example.com');
    expect(normalize('policy', 'pdaa 2026-3101 0001')).toBe('PDAA202631010001');
    expect(maskValue('110101199003071234')).toBe('110***********1234');
  });

  it('tries a phone query as stored', () => {
    expect(queryForms('+86 138 0013 8000')).toContain('13800138000');
    expect(queryForms('8000')).toEqual(['8000']);
  });
});

describe('customer identifiers', () => {
  let t: TestApp;
  let admin: TestClient;
  let rootId: string;
  const base = (id: string) => `/api/v1/customers/${id}/identifiers`;
  const search = async (client: TestClient, q: string) => {
    const res = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    return Object.fromEntries(
      (res.json().groups as { type: string; items: { title: string }[] }[]).map((g) => [g.type, g.items.map((i) => i.title)]),
    );
  };
  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildAdmin(t.db);
    rootId = a.root.id;
    admin = await t.as(a.user.id);
  });
  afterAll(async () => t?.close());

  it('stores a value as entered beside its normalised form, audited on the customer', async () => {
    const customer = await buildCustomer(admin, { name: '陈晓东', kind: 'individual' });
    const res = await admin.post(base(customer.id), { type: 'mobile', value: '+86 139-1234-5678' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ type: 'mobile', value: '+86 139-1234-5678', normalized: '13912345678' });
    const list = await admin.get(base(customer.id));
    expect(list.json().items.map((i: { normalized: string }) => i.normalized)).toEqual(['13912345678']);
    const history = await admin.get(`/api/v1/customers/${customer.id}/history`);
    expect(history.json().items[0].changes).toEqual([{ field: 'identifiers', old: null, new: 'mobile: +86 139-1234-5678' }]);
  });

  it('finds the customer by the last digits of a phone, a plate with or without space, and stops after removal', async () => {
    const customer = await buildCustomer(admin, { name: '平安车主王磊', kind: 'individual' });
    const phone = (await admin.post(base(customer.id), { type: 'mobile', value: '186 2233 4455' })).json();
    await admin.post(base(customer.id), { type: 'plate', value: '粤B 8M123' });
    expect((await search(admin, '4455')).customer).toEqual(['平安车主王磊']);
    expect((await search(admin, '+86 18622334455')).customer).toEqual(['平安车主王磊']);
    expect((await search(admin, '粤B8M123')).customer).toEqual(['平安车主王磊']);
    expect((await search(admin, '粤b 8m123')).customer).toEqual(['平安车主王磊']);
    expect((await admin.delete(`${base(customer.id)}/${phone.id}`)).statusCode).toBe(204);
    expect((await search(admin, '4455')).customer).toBeUndefined();
  });

  it('ranks a customer whose whole identifier equals the query above one it merely starts', async () => {
    // Titles alone would sort 乙 (U+4E59) before 甲 (U+7532): the exact identifier must win over that.
    const exact = await buildCustomer(admin, { name: '甲方排序测试' });
    const prefix = await buildCustomer(admin, { name: '乙方排序测试' });
    await admin.post(base(exact.id), { type: 'mobile', value: '13700001234' });
    await admin.post(base(prefix.id), { type: 'externalId', value: '13700001234-9' });
    expect((await search(admin, '13700001234')).customer).toEqual(['甲方排序测试', '乙方排序测试']);
  });

  it('finds a contact by an identifier added for it, and refuses a contact of another customer', async () => {
    const org = await buildCustomer(admin, { name: '上海辞书出版社有限公司' });
    const contact = await buildContact(admin, org.id, { name: '孙丽' });
    const res = await admin.post(base(org.id), { type: 'email', value: 'Sun.Li@Cishu.COM', contactId: contact.id });
    expect(res.json().normalized).toBe('sun.li@cishu.com');
    const found = await search(admin, 'sun.li@cishu');
    expect([found.customer, found.contact]).toEqual([['上海辞书出版社有限公司'], ['孙丽']]);
    const other = await buildCustomer(admin);
    const wrong = await admin.post(base(other.id), { type: 'email', value: 'x@y.cn', contactId: contact.id });
    expect(wrong.json().error.details[0]).toMatchObject({ field: 'contactId', code: 'not_found_reference' });
  });

  it('answers 409 naming the value when a unique identifier is taken, whatever its spelling', async () => {
    const first = await buildCustomer(admin);
    const second = await buildCustomer(admin);
    expect((await admin.post(base(first.id), { type: 'plate', value: '京A 12345' })).statusCode).toBe(201);
    const clash = await admin.post(base(second.id), { type: 'plate', value: '京a12345' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'DUPLICATE_VALUE', details: [{ field: 'value', code: 'duplicate' }] });
    // Phones are shared (families, switchboards): two customers may hold one, but not one customer twice.
    expect((await admin.post(base(first.id), { type: 'phone', value: '010-65123456' })).statusCode).toBe(201);
    expect((await admin.post(base(second.id), { type: 'phone', value: '01065123456' })).statusCode).toBe(201);
    expect((await admin.post(base(second.id), { type: 'phone', value: '+86 10 6512 3456' })).statusCode).toBe(409);
  });

  it('refuses unknown types and values that do not fit their type', async () => {
    const customer = await buildCustomer(admin);
    const detail = async (body: object) => (await admin.post(base(customer.id), body)).json().error.details[0];
    expect(await detail({ type: 'fax', value: '123' })).toMatchObject({ field: 'type', code: 'invalid_option' });
    expect(await detail({ type: 'mobile', value: 'call me' })).toMatchObject({ field: 'value', code: 'invalid_format' });
    expect(await detail({ type: 'email', value: 'not-an-address' })).toMatchObject({ field: 'value', code: 'invalid_format' });
  });

  it('lets administrators add their own unique types', async () => {
    const made = await admin.post('/api/v1/identifier-types', {
      key: 'memberCard',
      label: { 'zh-CN': '会员卡号', 'zh-TW': '會員卡號', en: 'Member card' },
      unique: true,
    });
    expect(made.statusCode, made.body).toBe(201);
    expect((await admin.post('/api/v1/identifier-types', { key: 'plate', label: { 'zh-CN': '车牌' } })).statusCode).toBe(409);
    const types = await admin.get('/api/v1/identifier-types');
    expect(types.json().items.map((i: { label: string }) => i.label)).toContain('会员卡号');
    const [a, b] = [await buildCustomer(admin), await buildCustomer(admin)];
    expect((await admin.post(base(a.id), { type: 'memberCard', value: 'vip 0001' })).statusCode).toBe(201);
    expect((await admin.post(base(b.id), { type: 'memberCard', value: 'VIP0001' })).statusCode).toBe(409);
  });

  it('lets administrators decide which types are unique, refusing while holders already share a value', async () => {
    const [a, b] = [await buildCustomer(admin), await buildCustomer(admin)];
    const setType = (key: string, body: object, client = admin) => client.patch(`/api/v1/identifier-types/${key}`, body);
    await admin.post(base(a.id), { type: 'email', value: 'office@shared.cn' });
    await admin.post(base(b.id), { type: 'email', value: 'OFFICE@shared.cn' });
    const refused = await setType('email', { unique: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details[0]).toMatchObject({ field: 'unique', code: 'duplicate' });

    expect((await setType('policy', { unique: false })).statusCode).toBe(200);
    expect((await admin.post(base(a.id), { type: 'policy', value: 'PDAA2026000001' })).statusCode).toBe(201);
    expect((await admin.post(base(b.id), { type: 'policy', value: 'pdaa 2026 000001' })).statusCode).toBe(201);
    expect((await setType('mobile', { unique: true })).statusCode).toBe(200);
    await admin.post(base(a.id), { type: 'mobile', value: '13512345678' });
    expect((await admin.post(base(b.id), { type: 'mobile', value: '135-1234-5678' })).statusCode).toBe(409);
    await setType('mobile', { unique: false });

    expect((await setType('plate', { label: { 'zh-CN': '牌照' } })).json().error.details[0].field).toBe('label');
    const clerk = await t.as((await buildUser(t.db, { orgUnitId: rootId })).id);
    expect((await setType('plate', { unique: false }, clerk)).statusCode).toBe(403);
    expect((await setType('noSuchType', { unique: true })).statusCode).toBe(404);
  });

  it('retires an administrator’s own type: no new values, existing ones kept', async () => {
    await admin.post('/api/v1/identifier-types', { key: 'wechatId', label: { 'zh-CN': '微信号' } });
    const customer = await buildCustomer(admin);
    expect((await admin.post(base(customer.id), { type: 'wechatId', value: 'zhao_min' })).statusCode).toBe(201);
    expect((await admin.patch('/api/v1/identifier-types/wechatId', { active: false })).statusCode).toBe(200);
    const types = (await admin.get('/api/v1/identifier-types')).json().items.map((i: { key: string }) => i.key);
    expect(types).not.toContain('wechatId');
    const refused = await admin.post(base(customer.id), { type: 'wechatId', value: 'li_lei' });
    expect(refused.json().error.details[0]).toMatchObject({ field: 'type', code: 'invalid_option' });
    expect((await admin.get(base(customer.id))).json().items.map((i: { value: string }) => i.value)).toEqual(['zhao_min']);
  });

  it('goes through the customer’s access: hidden → 404, read-only → 403 and national IDs masked', async () => {
    const branch = await buildOrgUnit(t.db, { parentId: rootId });
    const other = await buildOrgUnit(t.db, { parentId: rootId });
    const role = await buildRole(t.db, { permissions: { '*': { read: 'unit', create: 'own', update: 'own' } } });
    const rep = await t.as((await buildUser(t.db, { orgUnitId: branch.id, roleIds: [role.id] })).id);
    const colleague = await buildUser(t.db, { orgUnitId: branch.id, roleIds: [role.id] });
    const stranger = await buildUser(t.db, { orgUnitId: other.id, roleIds: [role.id] });
    const visible = await buildCustomer(admin, { ownerId: colleague.id, kind: 'individual' });
    const hidden = await buildCustomer(admin, { ownerId: stranger.id });
    await admin.post(base(visible.id), { type: 'nationalId', value: '110101199003071234' });

    expect((await rep.get(base(hidden.id))).statusCode).toBe(404);
    expect((await rep.post(base(hidden.id), { type: 'phone', value: '01065123456' })).statusCode).toBe(404);
    expect((await rep.post(base(visible.id), { type: 'phone', value: '01065123456' })).statusCode).toBe(403);
    const items = (await rep.get(base(visible.id))).json().items;
    expect(items[0]).toMatchObject({ value: '110***********1234', masked: true });
    const own = (await admin.get(base(visible.id))).json().items;
    expect(own[0]).toMatchObject({ value: '110101199003071234', masked: false });
  });
});
