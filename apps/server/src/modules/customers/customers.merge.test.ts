import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { buildContact, buildCustomer } from '../../../test/factories/customers.ts';
import { buildActivity } from '../../../test/factories/activities.ts';
import { buildWidget } from '../../../test/factories/widgets.ts';
import { fixtureEntities } from '../../platform/entities/fixture/fixture.entities.ts';

type Rec = { id: string; version: number };

describe('POST /api/v1/customers/:id/merge', () => {
  let t: TestApp;
  let admin: TestClient;
  let rootId: string;
  const merge = (client: TestClient, target: Rec, source: Rec, extra: Record<string, unknown> = {}) =>
    client.post(`/api/v1/customers/${target.id}/merge`, {
      sourceId: source.id,
      version: target.version,
      sourceVersion: source.version,
      ...extra,
    });
  const identifiers = async (id: string) =>
    ((await admin.get(`/api/v1/customers/${id}/identifiers`)).json().items as { type: string; normalized: string }[])
      .map((i) => `${i.type}:${i.normalized}`)
      .sort();
  const history = async (id: string) =>
    (await admin.get(`/api/v1/customers/${id}/history`)).json().items as {
      action: string;
      changes: { field: string; new: unknown }[];
    }[];

  beforeAll(async () => {
    t = await createTestApp({ extraEntities: fixtureEntities });
    const a = await buildAdmin(t.db);
    rootId = a.root.id;
    admin = await t.as(a.user.id);
    const field = await admin.post('/api/v1/custom-fields', {
      recordType: 'testWidget',
      key: 'buyer',
      type: 'reference',
      reference: 'customer',
      label: { 'zh-CN': '买方', 'zh-TW': '買方', en: 'Buyer' },
    });
    expect(field.statusCode, field.body).toBe(201);
  });
  afterAll(async () => t?.close());

  it('moves contacts, identifiers, activities and references, keeps the chosen values and both histories', async () => {
    const target = await buildCustomer(admin, { name: '北京东区邮政服务有限公司', grade: 'B', website: 'https://a.cn' });
    const source = await buildCustomer(admin, { name: '北京东区邮政服务（北京）有限公司', grade: 'A' });
    const contact = await buildContact(admin, source.id, { name: '王芳' });
    const base = (id: string) => `/api/v1/customers/${id}/identifiers`;
    await admin.post(base(target.id), { type: 'mobile', value: '13800138000' });
    await admin.post(base(source.id), { type: 'mobile', value: '+86 138 0013 8000' });
    await admin.post(base(source.id), { type: 'plate', value: '京A 12345' });
    await admin.post(base(source.id), { type: 'email', value: 'wf@post.cn', contactId: contact.id });
    const activity = await buildActivity(admin, source.id, { contactId: contact.id });
    const widget = await buildWidget(admin, { custom: { buyer: source.id } });

    const res = await merge(admin, target, source, { values: { grade: 'source', website: 'target' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: target.id, grade: 'A', website: 'https://a.cn', name: '北京东区邮政服务有限公司' });

    expect((await admin.get(`/api/v1/contacts/${contact.id}`)).json().customerId).toBe(target.id);
    expect(await identifiers(target.id)).toEqual(['email:wf@post.cn', 'mobile:13800138000', 'plate:京A12345']);
    expect((await admin.get(`/api/v1/activities/${activity.id}`)).json().customerId).toBe(target.id);
    expect((await admin.get(`/api/v1/test-widgets/${widget.id}`)).json().custom.buyer).toBe(target.id);
    expect((await admin.get(`/api/v1/customers/${source.id}`)).statusCode).toBe(404);
    const search = (await admin.get(`/api/v1/search?q=${encodeURIComponent('京A12345')}`)).json();
    expect(search.groups[0].items.map((i: { id: string }) => i.id)).toEqual([target.id]);

    const targetMerge = (await history(target.id)).find((e) => e.action === 'merge')!;
    expect(Object.fromEntries(targetMerge.changes.map((c) => [c.field, c.new]))).toEqual({
      mergedFrom: `北京东区邮政服务（北京）有限公司 (${source.id})`,
      identifiers: 'plate: 京A 12345, email: wf@post.cn',
      identifiersDropped: 'mobile: +86 138 0013 8000',
      'activity.customerId': 1,
      'contact.customerId': 1,
      'testWidget.custom.buyer': 1,
    });
    expect((await history(target.id)).some((e) => e.action === 'update' && e.changes.some((c) => c.field === 'grade'))).toBe(
      true,
    );
    const sourceHistory = await history(source.id);
    expect(sourceHistory.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'delete', 'merge']));
    expect(sourceHistory.find((e) => e.action === 'merge')!.changes).toEqual([
      { field: 'mergedInto', old: null, new: `北京东区邮政服务有限公司 (${target.id})` },
    ]);
    const widgetHistory = (await admin.get(`/api/v1/test-widgets/${widget.id}/history`)).json().items;
    expect(widgetHistory[0]).toMatchObject({ action: 'merge' });
  });

  it('refuses a merge into itself, a deleted source, a stale version and a missing right', async () => {
    const a = await buildCustomer(admin);
    const b = await buildCustomer(admin);
    const self = await merge(admin, a, a);
    expect(self.statusCode).toBe(400);
    expect(self.json().error.details).toEqual([expect.objectContaining({ field: 'sourceId', code: 'MERGE_INTO_ITSELF' })]);

    const stale = await merge(admin, a, { ...b, version: b.version + 5 });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.current).toMatchObject({ id: b.id, version: b.version });
    expect((await merge(admin, { ...a, version: 9 }, b)).json().error.current).toMatchObject({ id: a.id });

    const deleted = await buildCustomer(admin);
    await admin.delete(`/api/v1/customers/${deleted.id}`, { 'if-match': String(deleted.version) });
    expect((await merge(admin, a, { ...deleted, version: deleted.version + 1 })).statusCode).toBe(404);
    expect((await merge(admin, { ...deleted, version: deleted.version + 1 }, a)).statusCode).toBe(404);

    // Reads everything, may update only its own and delete nothing: 403 on another's, 404 on what it cannot see.
    const unit = await buildOrgUnit(t.db, { parentId: rootId });
    const role = await buildRole(t.db, {
      permissions: { customer: { read: 'all', create: 'own', update: 'own' }, contact: { read: 'all' } },
    });
    const rep = await t.as((await buildUser(t.db, { orgUnitId: unit.id, roleIds: [role.id] })).id);
    const mine = await buildCustomer(rep);
    const mine2 = await buildCustomer(rep);
    expect((await merge(rep, mine, a)).statusCode).toBe(403);
    expect((await merge(rep, mine, mine2)).statusCode).toBe(403);
    const hiddenRole = await buildRole(t.db, { permissions: { customer: { read: 'own', create: 'own', update: 'own' } } });
    const other = await t.as((await buildUser(t.db, { orgUnitId: unit.id, roleIds: [hiddenRole.id] })).id);
    expect((await merge(other, await buildCustomer(other), a)).statusCode).toBe(404);

    // Nothing moved or changed by the refusals.
    expect((await admin.get(`/api/v1/customers/${b.id}`)).json().version).toBe(b.version);
  });

  it('refuses contacts moving under an individual', async () => {
    const person = await buildCustomer(admin, { name: '陈晓东', kind: 'individual' });
    const org = await buildCustomer(admin);
    await buildContact(admin, org.id);
    const res = await merge(admin, person, org);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'kind', code: 'CUSTOMER_HAS_CONTACTS' });
    expect((await admin.get(`/api/v1/customers/${org.id}`)).statusCode).toBe(200);
  });
});
