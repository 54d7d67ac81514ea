// Reminders of tasks and planned visits through the job runner: they fire as notifications, survive a restart of the
// app, follow a changed time and are cancelled by completion or deletion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { createTestApp, type TestApp, type TestClient } from '../../../test/harness/testApp.ts';
import { buildAdmin, buildRole, buildUser } from '../../../test/factories/access.ts';
import { buildCustomer } from '../../../test/factories/customers.ts';
import { buildActivity } from '../../../test/factories/activities.ts';
import { jobs } from '../../platform/jobs/jobs.schema.ts';
import { notifications } from '../../platform/events/events.schema.ts';
import { REMINDER_JOB } from './activities.reminders.ts';

describe('activity reminders', () => {
  let t: TestApp;
  let admin: TestClient;
  let rootId: string;
  let customerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const a = await buildAdmin(t.db);
    rootId = a.root.id;
    admin = await t.as(a.user.id);
    customerId = (await buildCustomer(admin, { name: '苏州工业园区图书馆' })).id;
  });
  afterAll(async () => t?.close());

  const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();
  const queued = (activityId: string) =>
    t.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.dedupeKey, `activity-reminder:${activityId}`), eq(jobs.status, 'queued')));
  /** The runner's clock: make the activity's reminder due now, as if its time had come. */
  const makeDue = (activityId: string) =>
    t.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(eq(jobs.dedupeKey, `activity-reminder:${activityId}`));
  const notificationsOf = (userId: string) => t.db.select().from(notifications).where(eq(notifications.userId, userId));

  it('notify the assignee at the reminder time, with a link to the task', async () => {
    const role = await buildRole(t.db, { permissions: { '*': { read: 'unit', create: 'own', update: 'own' } } });
    const assignee = await buildUser(t.db, { orgUnitId: rootId, roleIds: [role.id] });
    const remindAt = inAnHour();
    const task = await buildActivity(admin, customerId, {
      kind: 'task',
      subject: '寄送合同',
      assigneeId: assignee.id,
      dueAt: '2026-12-24T18:00:00+08:00',
      remindAt,
    });
    const [job] = await queued(task.id);
    expect(job).toMatchObject({ name: REMINDER_JOB, runAt: new Date(remindAt) });
    // Not yet due: nothing happens.
    await t.app.jobs.tick();
    expect(await notificationsOf(assignee.id)).toEqual([]);

    await makeDue(task.id);
    await t.app.jobs.tick();
    const [sent] = await notificationsOf(assignee.id);
    expect(sent).toMatchObject({
      kind: 'activity.reminder',
      title: '任务提醒：寄送合同',
      body: '截止时间 2026-12-24 18:00',
      link: `/activities/${task.id}`,
    });
    const bell = await (await t.as(assignee.id)).get('/api/v1/notifications');
    expect(bell.json().items.map((n: { title: string }) => n.title)).toEqual(['任务提醒：寄送合同']);
  });

  it('survive a restart: a second app on the same database sends the reminder queued by the first', async () => {
    const task = await buildActivity(admin, customerId, { kind: 'task', subject: '续签年卡', remindAt: inAnHour() });
    await makeDue(task.id);
    // A new app has a new, empty runner: all it knows of the reminder is the row in the jobs table.
    const restarted = await buildApp({ database: t.database, config: t.config, logger: false });
    await restarted.ready();
    try {
      expect(await restarted.jobs.tick()).toBe(1);
    } finally {
      await restarted.close();
    }
    const sent = (await notificationsOf(task.ownerId as string)).filter((n) => n.link?.endsWith(task.id));
    expect(sent.map((n) => n.title)).toEqual(['任务提醒：续签年卡']);
  });

  it('move with a changed time, and are cancelled by completion, cancellation and deletion', async () => {
    const task = await buildActivity(admin, customerId, { kind: 'task', subject: '提醒要改期', remindAt: inAnHour() });
    const later = new Date(Date.now() + 2 * 3600_000).toISOString();
    await admin.patch(`/api/v1/activities/${task.id}`, { remindAt: later }, { 'if-match': '1' });
    const jobsNow = await queued(task.id);
    expect(jobsNow.map((j) => j.runAt.toISOString())).toEqual([later]);

    const done = await admin.patch(`/api/v1/activities/${task.id}`, { status: 'done' }, { 'if-match': '2' });
    expect(done.statusCode).toBe(200);
    expect(await queued(task.id)).toEqual([]);

    const cancelled = await buildActivity(admin, customerId, { kind: 'task', subject: '取消的任务', remindAt: inAnHour() });
    await admin.patch(`/api/v1/activities/${cancelled.id}`, { status: 'cancelled' }, { 'if-match': '1' });
    expect(await queued(cancelled.id)).toEqual([]);

    const visit = await buildActivity(admin, customerId, { kind: 'visit', subject: '删除的拜访', remindAt: inAnHour() });
    expect(await queued(visit.id)).toHaveLength(1);
    await admin.delete(`/api/v1/activities/${visit.id}`, { 'if-match': '1' });
    expect(await queued(visit.id)).toEqual([]);
    // Restored, it wants its reminder again.
    await admin.post(`/api/v1/activities/${visit.id}/restore`);
    expect(await queued(visit.id)).toHaveLength(1);
  });

  it('fire at once for a time just past (picked as “now”), and not for one days ago', async () => {
    const justPast = new Date(Date.now() - 60_000).toISOString();
    const now = await buildActivity(admin, customerId, { kind: 'task', subject: '马上回电', remindAt: justPast });
    const [job] = await queued(now.id);
    expect(job!.runAt.getTime()).toBeGreaterThan(new Date(justPast).getTime());
    expect(job!.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    await t.app.jobs.tick();
    const sent = (await notificationsOf(now.ownerId as string)).filter((n) => n.link?.endsWith(now.id));
    expect(sent.map((n) => n.title)).toEqual(['任务提醒：马上回电']);

    const lastWeek = new Date(Date.now() - 7 * 24 * 3600_000).toISOString();
    const old = await buildActivity(admin, customerId, { kind: 'task', subject: '上周的提醒', remindAt: lastWeek });
    expect(await queued(old.id)).toEqual([]);
  });

  it('do not fire for a task completed after its reminder was queued', async () => {
    const task = await buildActivity(admin, customerId, { kind: 'task', subject: '已完成的任务', remindAt: inAnHour() });
    const [job] = await queued(task.id);
    // Completed behind the reminder's back (e.g. by a bulk update racing the runner): the job still finds nothing to do.
    await admin.patch(`/api/v1/activities/${task.id}`, { status: 'done' }, { 'if-match': '1' });
    await t.db.insert(jobs).values({ ...job!, status: 'queued', runAt: new Date(Date.now() - 1000), dedupeKey: null });
    await t.app.jobs.tick();
    const sent = (await notificationsOf(task.ownerId as string)).filter((n) => n.link?.endsWith(task.id));
    expect(sent).toEqual([]);
  });
});
