// Test-only: two branches (east with a rep and her colleague, west with a rep), a manager of the east, customers of
// the east rep, and helpers to make contracts and quote rows (inserted as the quotes part's table holds them).
import type { RolePermissions } from '@guanxi/contracts';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../../test/factories/access.ts';
import { buildContact, buildCustomer } from '../../../../test/factories/customers.ts';
import { newId } from '../../../platform/db/columns.ts';
import { quotes } from '../quotes/quotes.schema.ts';

const every = (scope: string, overrides: Record<string, string> = {}): RolePermissions =>
  ({
    '*': { read: scope, create: scope, update: scope, delete: scope, assign: scope, export: scope, ...overrides },
  }) as RolePermissions;

export interface Person {
  id: string;
  orgUnitId: string;
  client: TestClient;
}

export interface ContractWorld {
  t: TestApp;
  manager: Person;
  rep: Person;
  colleague: Person;
  westRep: Person;
  customerId: string;
  contactId: string;
  otherCustomerId: string;
  westCustomerId: string;
}

export async function buildContractWorld(): Promise<ContractWorld> {
  const t = await createTestApp();
  const { root } = await buildAdmin(t.db);
  const east = await buildOrgUnit(t.db, { parentId: root.id, name: '东区分公司' });
  const west = await buildOrgUnit(t.db, { parentId: root.id, name: '西区分公司' });
  const managerRole = await buildRole(t.db, { permissions: every('unit-and-below') });
  const repRole = await buildRole(t.db, { permissions: every('own', { read: 'unit', assign: 'none', export: 'none' }) });
  const person = async (orgUnitId: string, roleId: string, displayName: string): Promise<Person> => {
    const user = await buildUser(t.db, { orgUnitId, roleIds: [roleId], displayName });
    return { id: user.id, orgUnitId, client: await t.as(user.id) };
  };
  const manager = await person(east.id, managerRole.id, '李娜');
  const rep = await person(east.id, repRole.id, '王芳');
  const colleague = await person(east.id, repRole.id, '孙丽');
  const westRep = await person(west.id, repRole.id, '刘洋');
  const customer = await buildCustomer(rep.client, { name: '北京东区邮政服务有限公司' });
  const contact = await buildContact(rep.client, customer.id, { name: '赵建国' });
  const other = await buildCustomer(rep.client, { name: '上海博文图书进出口有限公司' });
  const westCustomer = await buildCustomer(westRep.client, { name: '成都天府书城有限公司' });
  return {
    t,
    manager,
    rep,
    colleague,
    westRep,
    customerId: customer.id,
    contactId: contact.id,
    otherCustomerId: other.id,
    westCustomerId: westCustomer.id,
  };
}

export async function createContract(
  client: TestClient,
  body: Record<string, unknown>,
): Promise<Record<string, unknown> & { id: string }> {
  const res = await client.post('/api/v1/contracts', body);
  if (res.statusCode !== 201) throw new Error(`create contract: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A quote row as the quotes part stores it; `rootId` names the first revision (its own id by default). */
export async function insertQuote(
  t: TestApp,
  owner: Person,
  values: {
    customerId: string;
    status: string;
    grossTotal: string;
    rootId?: string;
    revision?: number;
    contactId?: string;
    terms?: string;
    title?: string;
  },
): Promise<string> {
  const id = newId();
  await t.db.insert(quotes).values({
    id,
    ownerId: owner.id,
    orgUnitId: owner.orgUnitId,
    createdBy: owner.id,
    updatedBy: owner.id,
    number: `Q2026-${id.slice(-6)}`,
    revision: values.revision ?? 1,
    rootId: values.rootId ?? id,
    title: values.title ?? null,
    customerId: values.customerId,
    contactId: values.contactId ?? null,
    status: values.status,
    quoteDate: '2026-11-02',
    grossTotal: values.grossTotal,
    terms: values.terms ?? null,
  });
  return id;
}
