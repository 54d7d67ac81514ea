import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { buildContact, buildCustomer } from '../../../test/factories/customers.ts';

type Item = { recordType: string; id: string; title: string; customerId: string; identifierType: string };

describe('identifier lookup (incoming number → customer)', () => {
  let t: TestApp;
  let admin: TestClient;
  let rep: TestClient;
  let viewer: TestClient;
  const ids: Record<string, string> = {};
  const lookup = async (client: TestClient, value: string, type = '') => {
    const res = await client.get(
      `/api/v1/identifiers/lookup?value=${encodeURIComponent(value)}${type ? `&type=${encodeURIComponent(type)}` : ''}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Item[]).map((i) => `${i.recordType}:${i.title}:${i.identifierType}`);
  };
  const addIdentifier = async (customerId: string, body: Record<string, string>) => {
    const res = await admin.post(`/api/v1/customers/${customerId}/identifiers`, body);
    expect(res.statusCode, res.body).toBe(201);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildAdmin(t.db);
    admin = await t.as(a.user.id);
    const branch = await buildOrgUnit(t.db, { parentId: a.root.id });
    const repRole = await buildRole(t.db, { permissions: { '*': { read: 'unit', create: 'unit', update: 'unit' } } });
    const viewRole = await buildRole(t.db, { permissions: { '*': { read: 'all' } } });
    const repUser = await buildUser(t.db, { orgUnitId: branch.id, roleIds: [repRole.id] });
    rep = await t.as(repUser.id);
    viewer = await t.as((await buildUser(t.db, { orgUnitId: a.root.id, roleIds: [viewRole.id] })).id);

    ids.fleet = (await buildCustomer(rep, { name: '顺达车队' })).id;
    ids.hq = (await buildCustomer(admin, { name: '总部大客户' })).id;
    ids.driver = (await buildContact(rep, ids.fleet, { name: '司机老王' })).id;
    await addIdentifier(ids.fleet, { type: 'mobile', value: '138-0013-8000' });
    await addIdentifier(ids.fleet, { type: 'plate', value: '京A 12345' });
    await addIdentifier(ids.fleet, { type: 'mobile', value: '139 0000 1111', contactId: ids.driver });
    await addIdentifier(ids.hq, { type: 'phone', value: '010-6512 3456' });
    await addIdentifier(ids.hq, { type: 'nationalId', value: '110101199003071234' });
  });
  afterAll(async () => t?.close());

  it('finds the holder of a number however it is written, with or without the type', async () => {
    expect(await lookup(admin, '+86 138 0013 8000')).toEqual(['customer:顺达车队:mobile']);
    expect(await lookup(admin, '13800138000', 'mobile')).toEqual(['customer:顺达车队:mobile']);
    expect(await lookup(admin, '13800138000', 'phone')).toEqual([]);
    expect(await lookup(admin, '+86 10 6512 3456')).toEqual(['customer:总部大客户:phone']);
    expect(await lookup(admin, '京a12345', 'plate')).toEqual(['customer:顺达车队:plate']);
  });

  it("names the contact holding a number and the contact's customer", async () => {
    expect(await lookup(admin, '13900001111')).toEqual(['customer:顺达车队:mobile', 'contact:司机老王:mobile']);
  });

  it('is exact: a tail of a number is a search, not a lookup', async () => {
    expect(await lookup(admin, '8000')).toEqual([]);
  });

  it('lists only customers and contacts the caller may read', async () => {
    expect(await lookup(rep, '13800138000')).toEqual(['customer:顺达车队:mobile']);
    // The head office's customer is outside the rep's unit: not listed, as if nobody held the number.
    expect(await lookup(rep, '01065123456')).toEqual([]);
    expect(await lookup(viewer, '01065123456')).toEqual(['customer:总部大客户:phone']);
  });

  it('names the holder of a national ID only to those who may see the value', async () => {
    expect(await lookup(admin, '110101199003071234')).toEqual(['customer:总部大客户:nationalId']);
    expect(await lookup(viewer, '110101199003071234')).toEqual([]);
  });

  it('answers 400 naming the field for an unknown type, an empty or a separator-only value', async () => {
    const bad = async (query: string) => {
      const res = await admin.get(`/api/v1/identifiers/lookup?${query}`);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.details.map((d: { field: string }) => d.field);
    };
    expect(await bad('value=123&type=spaceship')).toEqual(['type']);
    expect(await bad('value=')).toEqual(['querystring.value']);
    expect(await bad(`value=${encodeURIComponent(' - ')}&type=mobile`)).toEqual(['value']);
    expect((await t.anonymous.get('/api/v1/identifiers/lookup?value=13800138000')).statusCode).toBe(401);
  });
});
