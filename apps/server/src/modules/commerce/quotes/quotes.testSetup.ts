// Test-only: a company with two branches — 东区 (a manager, two reps in a team) and 西区 (a rep) — a head office
// approver, discount limits (reps 10 %, managers 20 %) and the chain 分公司经理 up to 20 % → 总部; a small catalogue
// (with a 5 % discount rule on one book and a discontinued product), the letterhead, and the reps' customers.
import type { RolePermissions } from '@guanxi/contracts';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../../test/factories/access.ts';
import { buildContact, buildCustomer } from '../../../../test/factories/customers.ts';
import { approvalSteps, commerceSettings, discountLimits } from '../commerce.schema.ts';

const every = (scope: string, overrides: Record<string, string> = {}): RolePermissions =>
  ({
    '*': { read: scope, create: scope, update: scope, delete: scope, assign: scope, export: scope, ...overrides },
    product: { read: 'all', create: 'none', update: 'none', delete: 'none', assign: 'none', export: 'none' },
  }) as RolePermissions;

export interface Person {
  id: string;
  client: TestClient;
}

export interface QuotesWorld {
  t: TestApp;
  admin: Person;
  headApprover: Person;
  eastManager: Person;
  rep1: Person;
  rep2: Person;
  westRep: Person;
  products: { service: string; book: string; retired: string };
  /** 东区 rep1's customer with a contact; 西区's customer. */
  customer: string;
  contact: string;
  westCustomer: string;
}

export const created = async (res: { statusCode: number; body: string; json(): unknown }) => {
  if (res.statusCode !== 201) throw new Error(`expected 201, got ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown> & { id: string; version: number };
};

export const ok = <T = Record<string, unknown>>(res: { statusCode: number; body: string; json(): unknown }): T => {
  if (res.statusCode !== 200) throw new Error(`expected 200, got ${res.statusCode} ${res.body}`);
  return res.json() as T;
};

export async function buildQuotesWorld(): Promise<QuotesWorld> {
  const t = await createTestApp();
  const a = await buildAdmin(t.db);
  const east = await buildOrgUnit(t.db, { parentId: a.root.id, name: '东区分公司' });
  const east1 = await buildOrgUnit(t.db, { parentId: east.id, name: '东区一组' });
  const west = await buildOrgUnit(t.db, { parentId: a.root.id, name: '西区分公司' });
  const head = await buildRole(t.db, { permissions: every('all') });
  const manager = await buildRole(t.db, { permissions: every('unit-and-below') });
  const rep = await buildRole(t.db, { permissions: every('own', { read: 'unit', assign: 'none', export: 'none' }) });
  const person = async (orgUnitId: string, roleId: string, displayName: string): Promise<Person> => {
    const user = await buildUser(t.db, { orgUnitId, roleIds: [roleId], displayName });
    return { id: user.id, client: await t.as(user.id) };
  };
  await t.db.insert(discountLimits).values([
    { roleId: rep.id, maxPercent: '10' },
    { roleId: manager.id, maxPercent: '20' },
  ]);
  await t.db.insert(approvalSteps).values([
    { position: 1, name: '分公司经理', roleId: manager.id, upToPercent: '20' },
    { position: 2, name: '总部', roleId: head.id, upToPercent: null },
  ]);
  await t.db
    .update(commerceSettings)
    .set({
      companyName: '上海关系供应链管理有限公司',
      companyAddress: '上海市浦东新区碧波路 690 号',
      companyPhone: '021-5080 1234',
      taxNumber: '91310115MA1K4XXXXX',
      quoteValidityDays: 15,
      quoteTerms: '本报价自报价日期起 15 日内有效。\n付款方式：货到付款。',
    })
    .where(eq(commerceSettings.id, 1));

  const admin: Person = { id: a.user.id, client: await t.as(a.user.id) };
  const product = async (fields: Record<string, unknown>) =>
    (await created(await admin.client.post('/api/v1/products', { unit: 'piece', ...fields }))).id;
  const products = {
    service: await product({ sku: 'SV-001', name: '整车运输服务', listPrice: '100.00', standardCost: '60.00', taxRate: '0.13' }),
    book: await product({ sku: 'BK-001', name: '中国通史', listPrice: '59.90', standardCost: '30.00', taxRate: '0.09' }),
    retired: await product({ sku: 'OLD-001', name: '停产产品', listPrice: '10.00', taxRate: '0.13', discontinued: true }),
  };
  await created(
    await admin.client.post('/api/v1/discount-rules', { name: '图书九五折', percent: '5', productId: products.book }),
  );

  const world = {
    t,
    admin,
    headApprover: await person(a.root.id, head.id, '张伟'),
    eastManager: await person(east.id, manager.id, '李娜'),
    rep1: await person(east1.id, rep.id, '王芳'),
    rep2: await person(east1.id, rep.id, '孙丽'),
    westRep: await person(west.id, rep.id, '刘洋'),
    products,
  };
  const customer = await buildCustomer(world.rep1.client, {
    name: '北京东区邮政局',
    province: '北京市',
    city: '北京市',
    district: '朝阳区',
  });
  const contact = await buildContact(world.rep1.client, customer.id, { name: '王晓明', mobile: '13800138000' });
  const westCustomer = await buildCustomer(world.westRep.client, { name: '成都西区图书馆' });
  return { ...world, customer: customer.id, contact: contact.id, westCustomer: westCustomer.id };
}

/** A quote of the rep's for `customerId`, its lines saved; answers the lines view. */
export async function buildQuote(
  client: TestClient,
  customerId: string,
  lines: Record<string, unknown>[],
  extra: { fields?: Record<string, unknown>; totalDiscount?: Record<string, unknown> } = {},
) {
  const quote = await created(await client.post('/api/v1/quotes', { customerId, ...extra.fields }));
  const saved = await client.put(
    `/api/v1/quotes/${quote.id}/lines`,
    { lines, ...(extra.totalDiscount ? { totalDiscount: extra.totalDiscount } : {}) },
    { 'if-match': String(quote.version) },
  );
  return { id: quote.id, quote, lines: ok<import('@guanxi/contracts').QuoteLines>(saved) };
}
