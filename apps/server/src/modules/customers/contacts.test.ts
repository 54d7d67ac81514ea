import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { buildContact, buildCustomer } from '../../../test/factories/customers.ts';

describe('contacts', () => {
  let t: TestApp;
  let admin: TestClient;
  let rootId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildAdmin(t.db);
    rootId = a.root.id;
    admin = await t.as(a.user.id);
  });
  afterAll(async () => t?.close());

  it('belong to an organisation customer and appear in its related list', async () => {
    const customer = await buildCustomer(admin, { name: '上海博文图书进出口有限公司' });
    const contact = await buildContact(admin, customer.id, {
      name: '赵敏',
      title: '采购部经理',
      decisionRole: 'decisionMaker',
      mobile: '138 0013 8000',
      email: 'Zhao.Min@Bowen.cn',
      preferredChannel: 'wechat',
    });
    expect(contact).toMatchObject({ customerId: customer.id, email: 'zhao.min@bowen.cn', title: '采购部经理' });
    const related = await admin.get(`/api/v1/customers/${customer.id}/related/contacts`);
    expect(related.json().items.map((c: { id: string }) => c.id)).toEqual([contact.id]);
  });

  it('are found by their mobile however it was typed, and by e-mail', async () => {
    const customer = await buildCustomer(admin, { name: '广州图书馆' });
    await buildContact(admin, customer.id, { name: '何玲', mobile: '+86 139-8765-4321', email: 'he.ling@gzlib.cn' });
    const titles = async (q: string) => {
      const res = await admin.get(`/api/v1/search?q=${encodeURIComponent(q)}&types=contact`);
      return res.json().groups.flatMap((g: { items: { title: string }[] }) => g.items.map((i) => i.title));
    };
    expect(await titles('4321')).toEqual(['何玲']);
    expect(await titles('139 8765 4321')).toEqual(['何玲']);
    expect(await titles('he.ling@')).toEqual(['何玲']);
  });

  it('refuses a contact of an individual customer, naming customerId', async () => {
    const person = await buildCustomer(admin, { name: '李建国', kind: 'individual', customerType: 'individual' });
    const res = await admin.post('/api/v1/contacts', { customerId: person.id, name: '李建国' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'customerId', code: 'CONTACT_NEEDS_ORGANISATION' }),
    ]);
    const org = await buildCustomer(admin);
    const contact = await buildContact(admin, org.id);
    const moved = await admin.patch(`/api/v1/contacts/${contact.id}`, { customerId: person.id }, { 'if-match': '1' });
    expect(moved.statusCode).toBe(400);
    // Nor may an organisation that has contacts become an individual.
    const turned = await admin.patch(`/api/v1/customers/${org.id}`, { kind: 'individual' }, { 'if-match': '1' });
    expect(turned.json().error.details[0]).toMatchObject({ field: 'kind', code: 'CUSTOMER_HAS_CONTACTS' });
  });

  it('refuses a customer the caller cannot see as if it did not exist', async () => {
    const res = await admin.post('/api/v1/contacts', { customerId: '0195f000-0000-7000-8000-000000000000', name: '无名' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'customerId', code: 'not_found_reference' });
  });

  it('take their customer’s owner and org unit unless the caller names others or may not use them', async () => {
    const branch = await buildOrgUnit(t.db, { parentId: rootId, name: '东区分公司' });
    const manager = await buildRole(t.db, { permissions: { '*': { read: 'unit-and-below', create: 'unit-and-below' } } });
    const rep = await buildRole(t.db, { permissions: { '*': { read: 'unit', create: 'own' } } });
    const owner = await buildUser(t.db, { orgUnitId: branch.id, roleIds: [rep.id] });
    const lina = await t.as((await buildUser(t.db, { orgUnitId: branch.id, roleIds: [manager.id] })).id);
    const colleague = await buildUser(t.db, { orgUnitId: branch.id, roleIds: [rep.id] });
    const customer = await buildCustomer(admin, { ownerId: owner.id });
    expect(customer.orgUnitId).toBe(branch.id);

    const inherited = await buildContact(lina, customer.id);
    expect(inherited).toMatchObject({ ownerId: owner.id, orgUnitId: branch.id });
    // A sales rep may create only records of their own: the contact becomes theirs instead of being refused.
    const own = await buildContact(await t.as(colleague.id), customer.id);
    expect(own.ownerId).toBe(colleague.id);
    const named = await buildContact(admin, customer.id, { ownerId: colleague.id });
    expect(named.ownerId).toBe(colleague.id);
  });
});
