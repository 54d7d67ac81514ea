import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildOrgUnit, buildRole, buildUser } from '../../../test/factories/access.ts';
import { buildContact, buildCustomer } from '../../../test/factories/customers.ts';
import { buildActivity } from '../../../test/factories/activities.ts';
import { loadActor } from '../../platform/access/actor.ts';
import { moveCustomerActivities } from './activities.service.ts';

describe('activities', () => {
  let t: TestApp;
  let admin: TestClient;
  let rootId: string;
  let adminId: string;
  let customer: { id: string };
  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildAdmin(t.db);
    rootId = a.root.id;
    adminId = a.user.id;
    admin = await t.as(a.user.id);
    customer = await buildCustomer(admin, { name: '杭州西湖图书馆' });
  });
  afterAll(async () => t?.close());

  const problems = (res: { json(): unknown }) =>
    (res.json() as { error: { details: { field: string; code: string }[] } }).error.details.map((d) => [d.field, d.code]);

  it('log a call with its own fields, found by subject in the global search', async () => {
    const contact = await buildContact(admin, customer.id, { name: '周馆长' });
    const call = await buildActivity(admin, customer.id, {
      subject: '电话确认年度采购计划',
      contactId: contact.id,
      direction: 'outbound',
      durationSeconds: 330,
      outcome: 'connected',
    });
    expect(call).toMatchObject({ kind: 'call', direction: 'outbound', durationSeconds: 330, contactId: contact.id });
    expect(call.occurredAt).toEqual(expect.any(String));
    // Listed under the customer and under the contact.
    for (const url of [
      `/api/v1/customers/${customer.id}/related/activities`,
      `/api/v1/contacts/${contact.id}/related/activities`,
    ]) {
      const related = await admin.get(url);
      expect(related.json().items.map((i: { id: string }) => i.id)).toContain(call.id);
    }
    const found = await admin.get(`/api/v1/search?q=${encodeURIComponent('年度采购')}&types=activity`);
    expect(found.json().groups[0].items.map((i: { id: string }) => i.id)).toEqual([call.id]);
  });

  it('tell the web app which fields each kind has', async () => {
    const meta = (await admin.get('/api/v1/meta/activity')).json();
    const when = (name: string) => meta.fields.find((f: { name: string }) => f.name === name).when;
    expect(meta.subsystem).toBe('activities');
    expect(when('durationSeconds')).toEqual({ field: 'kind', values: ['call'] });
    expect(when('remindAt')).toEqual({ field: 'kind', values: ['visit', 'task'] });
    expect(when('subject')).toBeUndefined();
    const kinds = (await admin.get('/api/v1/activities/kinds')).json().items;
    expect(kinds.find((k: { kind: string }) => k.kind === 'task')).toEqual({
      kind: 'task',
      fields: expect.arrayContaining(['subject', 'customerId', 'assigneeId', 'dueAt', 'priority', 'status', 'remindAt']),
      statuses: ['open', 'done', 'cancelled'],
    });
  });

  it('refuse the fields of another kind, naming each', async () => {
    const res = await admin.post('/api/v1/activities', {
      kind: 'call',
      subject: '电话',
      customerId: customer.id,
      dueAt: '2026-12-01T09:00:00+08:00',
      body: '不该在电话上',
    });
    expect(res.statusCode).toBe(400);
    expect(problems(res)).toEqual(
      expect.arrayContaining([
        ['dueAt', 'FIELD_NOT_FOR_KIND'],
        ['body', 'FIELD_NOT_FOR_KIND'],
      ]),
    );
    const note = await buildActivity(admin, customer.id, { kind: 'note', body: '客户偏好纸质发票' });
    const patched = await admin.patch(`/api/v1/activities/${note.id}`, { location: '会议室' }, { 'if-match': '1' });
    expect(problems(patched)).toEqual([['location', 'FIELD_NOT_FOR_KIND']]);
    // Changing the kind is allowed once the old kind's fields are cleared in the same request.
    const moved = await admin.patch(`/api/v1/activities/${note.id}`, { kind: 'call' }, { 'if-match': '1' });
    expect(problems(moved)).toEqual([['body', 'FIELD_NOT_FOR_KIND']]);
    const ok = await admin.patch(`/api/v1/activities/${note.id}`, { kind: 'call', body: null }, { 'if-match': '1' });
    expect(ok.statusCode).toBe(200);
  });

  it('refuse a status of another kind, a meeting without start or ending before it, half a check-in place, coordinates out of range', async () => {
    const post = (body: Record<string, unknown>) =>
      admin.post('/api/v1/activities', { subject: '测试', customerId: customer.id, ...body });
    expect(problems(await post({ kind: 'task', status: 'planned' }))).toEqual([['status', 'STATUS_NOT_FOR_KIND']]);
    expect(problems(await post({ kind: 'visit', status: 'open' }))).toEqual([['status', 'STATUS_NOT_FOR_KIND']]);
    expect(problems(await post({ kind: 'meeting' }))).toEqual([['startsAt', 'required']]);
    expect(
      problems(await post({ kind: 'meeting', startsAt: '2026-12-01T10:00:00+08:00', endsAt: '2026-12-01T09:00:00+08:00' })),
    ).toEqual([['endsAt', 'ENDS_BEFORE_START']]);
    expect(problems(await post({ kind: 'visit', checkInLatitude: '30.25' }))).toEqual([
      ['checkInLongitude', 'COORDINATES_INCOMPLETE'],
    ]);
    expect(problems(await post({ kind: 'visit', checkInLatitude: '91', checkInLongitude: '120.1' }))).toEqual([
      ['checkInLatitude', 'too_big'],
    ]);
    expect(problems(await post({ kind: 'visit', checkInLatitude: '30.2', checkInLongitude: '-180.5' }))).toEqual([
      ['checkInLongitude', 'too_small'],
    ]);
    expect(problems(await post({ kind: 'teaParty' }))).toEqual([['kind', 'invalid_option']]);
    expect(problems(await post({ kind: 'call', durationSeconds: -5 }))).toEqual([['durationSeconds', 'too_small']]);
  });

  it('start tasks open at normal priority for their owner, and visits planned unless checked in', async () => {
    const task = await buildActivity(admin, customer.id, {
      kind: 'task',
      subject: '寄送样书',
      dueAt: '2026-12-05T18:00:00+08:00',
    });
    expect(task).toMatchObject({ status: 'open', priority: 'normal', assigneeId: task.ownerId });
    const planned = await buildActivity(admin, customer.id, {
      kind: 'visit',
      subject: '上门拜访',
      plannedAt: '2026-12-03T14:00:00+08:00',
    });
    expect(planned).toMatchObject({ status: 'planned', occurredAt: '2026-12-03T06:00:00.000Z' });
    const meeting = await buildActivity(admin, customer.id, {
      kind: 'meeting',
      subject: '季度沟通会',
      startsAt: '2026-12-10T09:30:00+08:00',
      endsAt: '2026-12-10T11:00:00+08:00',
      location: '三楼会议室',
    });
    expect(meeting.occurredAt).toBe('2026-12-10T01:30:00.000Z');
    // Moving the meeting moves it on the timeline too.
    const moved = await admin.patch(
      `/api/v1/activities/${meeting.id}`,
      { startsAt: '2026-12-11T09:30:00+08:00', endsAt: '2026-12-11T10:30:00+08:00' },
      { 'if-match': '1' },
    );
    expect(moved.json().occurredAt).toBe('2026-12-11T01:30:00.000Z');
  });

  it('check in at a visit: server time, the place given, status done', async () => {
    const visit = await buildActivity(admin, customer.id, {
      kind: 'visit',
      subject: '拜访周馆长',
      plannedAt: '2026-12-03T14:00:00+08:00',
    });
    const res = await admin.post(`/api/v1/activities/${visit.id}/check-in`, {
      latitude: 30.259244123456789,
      longitude: 120.130142,
      address: '杭州市西湖区曙光路',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'done',
      checkInLatitude: '30.259244',
      checkInLongitude: '120.130142',
      checkInAddress: '杭州市西湖区曙光路',
    });
    expect(Math.abs(Date.parse(res.json().checkInAt) - Date.now())).toBeLessThan(60_000);
    const call = await buildActivity(admin, customer.id);
    const refused = await admin.post(`/api/v1/activities/${call.id}/check-in`, { latitude: 30, longitude: 120 });
    expect(problems(refused)).toEqual([['kind', 'NOT_A_VISIT']]);
    const bad = await admin.post(`/api/v1/activities/${visit.id}/check-in`, { latitude: 100, longitude: 120 });
    expect(bad.statusCode).toBe(400);
  });

  it('take a contact only of their own customer', async () => {
    const other = await buildCustomer(admin, { name: '宁波天一阁博物院' });
    const stranger = await buildContact(admin, other.id);
    const res = await admin.post('/api/v1/activities', {
      kind: 'call',
      subject: '打错人',
      customerId: customer.id,
      contactId: stranger.id,
    });
    expect(problems(res)).toEqual([['contactId', 'CONTACT_NOT_OF_CUSTOMER']]);
    // Moving an activity to another customer must bring a contact of that one.
    const own = await buildContact(admin, customer.id);
    const call = await buildActivity(admin, customer.id, { contactId: own.id });
    const moved = await admin.patch(`/api/v1/activities/${call.id}`, { customerId: other.id }, { 'if-match': '1' });
    expect(problems(moved)).toEqual([['contactId', 'CONTACT_NOT_OF_CUSTOMER']]);
    const both = await admin.patch(
      `/api/v1/activities/${call.id}`,
      { customerId: other.id, contactId: stranger.id },
      { 'if-match': '1' },
    );
    expect(both.statusCode).toBe(200);
  });

  it('link any readable record of a registered type, and refuse unknown types, missing halves and hidden records', async () => {
    const other = await buildCustomer(admin, { name: '温州市图书馆' });
    const linked = await buildActivity(admin, customer.id, { relatedType: 'customer', relatedId: other.id });
    expect(linked).toMatchObject({ relatedType: 'customer', relatedId: other.id });
    const post = (body: Record<string, unknown>) =>
      admin.post('/api/v1/activities', { kind: 'call', subject: '关联', customerId: customer.id, ...body });
    expect(problems(await post({ relatedType: 'spaceship', relatedId: other.id }))).toEqual([
      ['relatedType', 'UNKNOWN_RECORD_TYPE'],
    ]);
    expect(problems(await post({ relatedType: 'customer' }))).toEqual([['relatedId', 'RELATED_RECORD_INCOMPLETE']]);
    expect(problems(await post({ relatedId: other.id }))).toEqual([['relatedType', 'RELATED_RECORD_INCOMPLETE']]);
    expect(problems(await post({ relatedType: 'customer', relatedId: '0195f000-0000-7000-8000-000000000000' }))).toEqual([
      ['relatedId', 'not_found_reference'],
    ]);
    expect(problems(await post({ relatedId: 'not-a-uuid', relatedType: 'customer' }))).toEqual([['relatedId', 'invalid_format']]);

    // A record hidden from the caller is refused as if it did not exist.
    const branch = await buildOrgUnit(t.db, { parentId: rootId });
    const rep = await buildRole(t.db, { permissions: { '*': { read: 'own', create: 'own', update: 'own' } } });
    const repUser = await buildUser(t.db, { orgUnitId: branch.id, roleIds: [rep.id] });
    const repClient = await t.as(repUser.id);
    const mine = await buildCustomer(repClient);
    const hidden = await admin.post('/api/v1/activities', {
      kind: 'call',
      subject: '别人的',
      customerId: mine.id,
      relatedType: 'customer',
      relatedId: other.id,
    });
    expect(hidden.statusCode).toBe(201);
    const refused = await repClient.post('/api/v1/activities', {
      kind: 'call',
      subject: '看不见的',
      customerId: mine.id,
      relatedType: 'customer',
      relatedId: other.id,
    });
    expect(problems(refused)).toEqual([['relatedId', 'not_found_reference']]);
  });

  it('take their customer’s owner and org unit by default', async () => {
    const branch = await buildOrgUnit(t.db, { parentId: rootId, name: '西区分公司' });
    const rep = await buildRole(t.db, { permissions: { '*': { read: 'unit', create: 'own' } } });
    const owner = await buildUser(t.db, { orgUnitId: branch.id, roleIds: [rep.id] });
    const theirs = await buildCustomer(admin, { ownerId: owner.id });
    const activity = await buildActivity(admin, theirs.id);
    expect(activity).toMatchObject({ ownerId: owner.id, orgUnitId: branch.id });
    const task = await buildActivity(admin, theirs.id, { kind: 'task', subject: '回访' });
    expect(task.assigneeId).toBe(owner.id);
  });

  it('move to the surviving customer of a merge, each with an audit entry of the move', async () => {
    const loser = await buildCustomer(admin, { name: '嘉兴市图书馆（旧）' });
    const survivor = await buildCustomer(admin, { name: '嘉兴市图书馆' });
    const call = await buildActivity(admin, loser.id, { subject: '合并前的电话' });
    // Held by another customer, but about the one merged away: its link follows the merge too.
    const elsewhere = await buildCustomer(admin, { name: '嘉兴市少儿图书馆' });
    const about = await buildActivity(admin, elsewhere.id, {
      kind: 'note',
      subject: '与旧馆的合作',
      relatedType: 'customer',
      relatedId: loser.id,
    });
    const actor = (await loadActor(t.db, adminId, { source: 'api', requestId: null, via: 'system' }))!;
    expect(await t.db.transaction((tx) => moveCustomerActivities(tx, actor, loser.id, survivor.id))).toBe(2);
    expect((await admin.get(`/api/v1/activities/${about.id}`)).json()).toMatchObject({
      customerId: elsewhere.id,
      relatedType: 'customer',
      relatedId: survivor.id,
    });
    const moved = await admin.get(`/api/v1/activities/${call.id}`);
    expect(moved.json()).toMatchObject({ customerId: survivor.id, version: 2 });
    const history = await admin.get(`/api/v1/activities/${call.id}/history`);
    expect(history.json().items[0]).toMatchObject({
      action: 'merge',
      changes: [{ field: 'customerId', old: loser.id, new: survivor.id }],
    });
  });
});
