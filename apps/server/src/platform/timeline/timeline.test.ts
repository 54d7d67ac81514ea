// A customer's timeline through the HTTP API: activities of the customer and its contacts, field changes from the
// audit log, newest first with keyset paging, filtered by type, and only what the caller may read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@guanxi/contracts';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { buildContact, buildCustomer } from '../../../test/factories/customers.ts';
import { buildActivity } from '../../../test/factories/activities.ts';

describe('customer timeline', () => {
  let t: TestApp;
  let admin: TestClient;
  let rep: TestClient;
  let customer: { id: string };
  let contact: { id: string };
  let hiddenContact: { id: string };
  const made: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildAdmin(t.db);
    admin = await t.as(a.user.id);
    const branch = await buildOrgUnit(t.db, { parentId: a.root.id, name: '东区分公司' });
    // Sees the branch's customers, but only their own activities and contacts.
    const role = await buildRole(t.db, {
      permissions: {
        customer: { read: 'unit', update: 'unit' },
        contact: { read: 'own', create: 'own', update: 'own' },
        activity: { read: 'own', create: 'own' },
      },
    });
    const repUser = await buildUser(t.db, { orgUnitId: branch.id, roleIds: [role.id], displayName: '王芳' });
    const colleague = await buildUser(t.db, { orgUnitId: branch.id, displayName: '刘洋' });
    rep = await t.as(repUser.id);

    customer = await buildCustomer(admin, { name: '南京金陵图书馆', grade: 'B', ownerId: colleague.id });
    contact = await buildContact(admin, customer.id, { name: '孙主任', ownerId: repUser.id });
    hiddenContact = await buildContact(admin, customer.id, { name: '钱科长', ownerId: colleague.id });
    const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00+08:00`;
    made.call = (await buildActivity(admin, customer.id, { subject: '首次来电', occurredAt: at(1), ownerId: repUser.id })).id;
    made.visit = (
      await buildActivity(admin, customer.id, { kind: 'visit', subject: '上门拜访', plannedAt: at(3), ownerId: repUser.id })
    ).id;
    made.contactNote = (
      await buildActivity(admin, customer.id, {
        kind: 'note',
        subject: '孙主任的备注',
        contactId: contact.id,
        body: '喜欢周二上午联系',
        occurredAt: at(5),
        ownerId: repUser.id,
      })
    ).id;
    made.hiddenCall = (
      await buildActivity(admin, customer.id, { subject: '别人的电话', occurredAt: at(7), ownerId: colleague.id })
    ).id;
    const gradeChange = await admin.patch(`/api/v1/customers/${customer.id}`, { grade: 'A' }, { 'if-match': '1' });
    expect(gradeChange.statusCode).toBe(200);
    await admin.patch(`/api/v1/contacts/${contact.id}`, { title: '副馆长' }, { 'if-match': '1' });
    await admin.patch(`/api/v1/contacts/${hiddenContact.id}`, { title: '科长' }, { 'if-match': '1' });
  });
  afterAll(async () => t?.close());

  const timeline = async (client: TestClient, query = '') => {
    const res = await client.get(`/api/v1/customers/${customer.id}/timeline${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: TimelineEntry[]; nextCursor: string | null };
  };

  it('merges activities and field changes, newest first, with who did what', async () => {
    const { items } = await timeline(admin);
    expect(items.map((e) => [e.type, e.recordId])).toEqual([
      ['fieldChange', hiddenContact.id],
      ['fieldChange', contact.id],
      ['fieldChange', customer.id],
      ['call', made.hiddenCall],
      ['note', made.contactNote],
      ['visit', made.visit],
      ['call', made.call],
    ]);
    const grade = items.find((e) => e.recordId === customer.id)!;
    expect(grade).toMatchObject({
      title: '修改了客户「南京金陵图书馆」',
      summary: '客户等级：B 级 → A 级',
      recordType: 'customer',
      actorName: expect.any(String),
    });
    expect(items.find((e) => e.recordId === made.contactNote)).toMatchObject({
      title: '孙主任的备注',
      summary: '喜欢周二上午联系',
      recordType: 'activity',
      at: '2026-11-05T02:00:00.000000Z',
    });
    expect(items.find((e) => e.recordId === made.visit)!.summary).toBe('计划中');
    const english = await admin.get(`/api/v1/customers/${customer.id}/timeline?types=fieldChange`, { 'accept-language': 'en' });
    expect(english.json().items.at(-1)).toMatchObject({ summary: 'Grade: B → A' });
  });

  it('filters by type', async () => {
    const { items } = await timeline(admin, '?types=call,visit');
    expect(items.map((e) => e.recordId)).toEqual([made.hiddenCall, made.visit, made.call]);
    const types = await admin.get('/api/v1/timeline/types');
    expect(types.json().items).toEqual(
      expect.arrayContaining([
        { type: 'visit', label: '拜访' },
        { type: 'fieldChange', label: '字段变更' },
      ]),
    );
    const bad = await admin.get(`/api/v1/customers/${customer.id}/timeline?types=call,orderz`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0]).toMatchObject({ field: 'types' });
  });

  it('pages with a keyset cursor: every entry exactly once, in order', async () => {
    const all = (await timeline(admin)).items.map((e) => e.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: TimelineEntry[]; nextCursor: string | null } = await timeline(
        admin,
        `?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(paged).toEqual(all);
    expect(pages).toBe(4);
    const broken = await admin.get(`/api/v1/customers/${customer.id}/timeline?cursor=bm90LWEtY3Vyc29y`);
    expect(broken.json().error.code).toBe('INVALID_CURSOR');
  });

  it('leaves out activities and contacts the caller may not read', async () => {
    const { items } = await timeline(rep);
    const ids = items.map((e) => e.recordId);
    expect(ids).toContain(made.call);
    expect(ids).toContain(made.contactNote);
    expect(ids).toContain(contact.id);
    expect(ids).toContain(customer.id);
    expect(ids).not.toContain(made.hiddenCall);
    expect(ids).not.toContain(hiddenContact.id);
  });

  it('shows what changed in an activity, e.g. a visit marked done', async () => {
    const done = await admin.patch(
      `/api/v1/activities/${made.visit}`,
      { status: 'done', result: '确认续订' },
      { 'if-match': '1' },
    );
    expect(done.statusCode, done.body).toBe(200);
    const [latest] = (await timeline(admin, '?types=fieldChange')).items;
    expect(latest).toMatchObject({
      recordType: 'activity',
      recordId: made.visit,
      title: '修改了活动「上门拜访」',
      summary: expect.stringContaining('状态：计划中 → 已完成'),
    });
    // The rep may read the visit (their own), so they see the change too; the colleague's call stays hidden.
    expect((await timeline(rep, '?types=fieldChange')).items[0]!.recordId).toBe(made.visit);
  });

  it('answers 404 for a customer the caller may not see', async () => {
    const elsewhere = await buildCustomer(admin, { name: '看不见的客户' });
    const res = await rep.get(`/api/v1/customers/${elsewhere.id}/timeline`);
    expect(res.statusCode).toBe(404);
    const missing = await admin.get('/api/v1/customers/0195f000-0000-7000-8000-000000000000/timeline');
    expect(missing.statusCode).toBe(404);
  });
});
