// Test-only: a head office with two branches (east with a team, west with a team), reps, two east branch managers
// and a head-office manager; discount limits 5 / 15 / 30 % and the chain 分公司经理审批 ≤ 20 % → 总部审批 saved
// through the settings API; quotes written straight into their table, and a fake ApprovalTarget that remembers the
// outcomes. The `quote` record type is the quotes part's when it registers one, else a small stand-in on its table.
import { eq } from 'drizzle-orm';
import type { RolePermissions } from '@guanxi/contracts';
import { createTestApp, type TestApp, type TestClient } from '../../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../../test/factories/access.ts';
import { buildCustomer } from '../../../../test/factories/customers.ts';
import { newId } from '../../../platform/db/columns.ts';
import { loadActor } from '../../../platform/access/actor.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { defineEntity, type EntityDescriptor } from '../../../platform/entities/descriptor.ts';
import { notifications } from '../../../platform/events/events.schema.ts';
import { quotes } from '../quotes/quotes.schema.ts';
import { quotesPart } from '../quotes/quotes.part.ts';
import { registerApprovalTarget } from './approvals.service.ts';

const every = (scope: string, overrides: Record<string, string> = {}): RolePermissions =>
  ({
    '*': { read: scope, create: scope, update: scope, delete: scope, assign: scope, export: scope, ...overrides },
  }) as RolePermissions;

const L = (zh: string) => ({ 'zh-CN': zh, 'zh-TW': zh, en: zh });
const standInQuote: EntityDescriptor = defineEntity({
  name: 'quote',
  plural: 'quotes',
  label: L('报价单'),
  subsystem: 'commerce',
  table: quotes,
  fields: {
    number: { type: 'text', column: quotes.number, label: L('报价单号'), readOnly: true },
    title: { type: 'text', column: quotes.title, label: L('标题') },
  },
  titleField: 'title',
  defaultSort: ['-createdAt'],
  customFields: false,
});

export interface Person {
  id: string;
  name: string;
  client: TestClient;
  actor: Actor;
}

export interface Decided {
  recordId: string;
  outcome: 'approved' | 'rejected';
  by: string;
  comment: string | undefined;
}

export interface ApprovalsWorld {
  t: TestApp;
  admin: Person;
  root: { id: string; name: string };
  east: { id: string };
  east1: { id: string };
  west: { id: string };
  west1: { id: string };
  roles: { rep: string; branchManager: string; headOffice: string };
  rep: Person;
  eastManager: Person;
  eastManager2: Person;
  headOffice: Person;
  westRep: Person;
  westManager: Person;
  customerId: string;
  /** What the fake ApprovalTarget was told. */
  decided: Decided[];
  /** A quote owned by `owner` in the owner's unit (or `orgUnitId`). */
  quote(owner: Person, title?: string, orgUnitId?: string): Promise<string>;
  /** Runs the queued jobs (the notifications) now. */
  runJobs(): Promise<number>;
  /** Notification titles a user received, oldest first. */
  notified(userId: string): Promise<{ title: string; body: string | null; link: string | null; kind: string }[]>;
}

let numbers = 0;

export async function buildApprovalsWorld(): Promise<ApprovalsWorld> {
  const realQuote = (quotesPart.entities ?? []).some((d) => d.name === 'quote');
  const t = await createTestApp({ extraEntities: realQuote ? [] : [standInQuote] });
  const a = await buildAdmin(t.db);
  const root = a.root;
  const east = await buildOrgUnit(t.db, { parentId: root.id, name: '东区分公司' });
  const east1 = await buildOrgUnit(t.db, { parentId: east.id, name: '东区一组' });
  const west = await buildOrgUnit(t.db, { parentId: root.id, name: '西区分公司' });
  const west1 = await buildOrgUnit(t.db, { parentId: west.id, name: '西区一组' });
  const rep = await buildRole(t.db, { name: '销售代表', permissions: every('own', { read: 'unit', assign: 'none' }) });
  const branchManager = await buildRole(t.db, { name: '分公司经理', permissions: every('unit-and-below') });
  const headOffice = await buildRole(t.db, { name: '总部经理', permissions: every('all') });
  const person = async (orgUnitId: string, roleId: string, displayName: string): Promise<Person> => {
    const user = await buildUser(t.db, { orgUnitId, roleIds: [roleId], displayName });
    const actor = (await loadActor(t.db, user.id, { source: 'ui', requestId: null, via: 'session' }))!;
    return { id: user.id, name: displayName, client: await t.as(user.id), actor };
  };
  const admin: Person = {
    id: a.user.id,
    name: a.user.displayName,
    client: await t.as(a.user.id),
    actor: (await loadActor(t.db, a.user.id, { source: 'ui', requestId: null, via: 'session' }))!,
  };
  const world = {
    rep: await person(east1.id, rep.id, '王芳'),
    eastManager: await person(east.id, branchManager.id, '李娜'),
    eastManager2: await person(east.id, branchManager.id, '周敏'),
    headOffice: await person(root.id, headOffice.id, '张伟'),
    westRep: await person(west1.id, rep.id, '刘洋'),
    westManager: await person(west.id, branchManager.id, '赵强'),
  };
  const put = async (url: string, body: unknown) => {
    const res = await admin.client.put(url, body);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  };
  await put('/api/v1/commerce/discount-limits', {
    limits: [
      { roleId: rep.id, maxPercent: '5' },
      { roleId: branchManager.id, maxPercent: '15' },
      { roleId: headOffice.id, maxPercent: '30' },
    ],
  });
  await put('/api/v1/commerce/approval-chain', {
    steps: [
      { name: '分公司经理审批', roleId: branchManager.id, upToPercent: '20', appliesTo: ['quote', 'order'] },
      { name: '总部审批', roleId: headOffice.id, upToPercent: null, appliesTo: ['quote', 'order'] },
    ],
  });
  const customer = await buildCustomer(world.rep.client, { name: '北京东区邮政局' });
  const decided: Decided[] = [];
  registerApprovalTarget('quote', {
    async onDecided(_tx, actor, recordId, outcome, comment) {
      decided.push({ recordId, outcome, by: actor.userId, comment });
    },
  });
  return {
    t,
    admin,
    root,
    east,
    east1,
    west,
    west1,
    roles: { rep: rep.id, branchManager: branchManager.id, headOffice: headOffice.id },
    ...world,
    customerId: customer.id,
    decided,
    async quote(owner, title = '办公设备报价', orgUnitId = owner.actor.orgUnitId) {
      const number = `Q2026-${String(++numbers).padStart(6, '0')}`;
      const id = newId();
      await t.db.insert(quotes).values({
        id,
        rootId: id,
        number,
        title,
        customerId: customer.id,
        quoteDate: '2026-03-02',
        ownerId: owner.id,
        orgUnitId,
        createdBy: owner.id,
        updatedBy: owner.id,
      });
      return id;
    },
    runJobs: () => t.app.jobs.tick(),
    async notified(userId) {
      return t.db
        .select({ title: notifications.title, body: notifications.body, link: notifications.link, kind: notifications.kind })
        .from(notifications)
        .where(eq(notifications.userId, userId))
        .orderBy(notifications.id);
    },
  };
}
