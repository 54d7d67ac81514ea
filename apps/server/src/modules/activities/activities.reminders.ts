// Reminders of tasks and planned visits: each write of an activity keeps one queued job at its `remindAt` (stored in
// the jobs table, so it survives a restart); when it fires, the assignee (tasks) or owner (visits) gets a notification.
import type { FastifyInstance } from 'fastify';
// The app's decorations (config, events, jobs) are declared in app.ts; programs that reach this file without it
// (the bench) need the declaration too.
import type {} from '../../app.ts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Locale } from '@guanxi/contracts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { users } from '../../platform/access/access.schema.ts';
import { cancelQueuedJob, enqueueJob } from '../../platform/jobs/jobs.runner.ts';
import { createNotification } from '../../platform/events/notifications.service.ts';
import { REMINDED_STATUS, type ActivityKind } from './activities.options.ts';
import { activities } from './activities.schema.ts';

export const REMINDER_JOB = 'activities.reminder';
export const REMINDER_NOTIFICATION = 'activity.reminder';

const reminderKey = (activityId: string) => `activity-reminder:${activityId}`;
const reminderPayload = z.object({ activityId: z.uuid(), remindAt: z.iso.datetime() });

type Row = Record<string, unknown>;

/** True while the activity still wants its reminder: not deleted, still open (task) or planned (visit). */
const wantsReminder = (activity: Row): boolean =>
  activity.deletedAt == null && REMINDED_STATUS[activity.kind as ActivityKind] === activity.status;

/**
 * How late a reminder may still be sent. A time picked as "now" is already past when the form is saved, and a
 * reminder set for this morning is still worth a notification in the afternoon; one from last week is not (the task
 * shows as overdue instead).
 */
export const REMINDER_GRACE_MS = 12 * 3600_000;

/**
 * Makes the queued reminder match the activity as just written: cancels the old one, and queues a new one when
 * `remindAt` is set (in the future, or within the grace period: then it fires at once) and the activity is still
 * open. Runs inside the write's transaction.
 */
export async function syncReminder(db: DbOrTx, activity: Row): Promise<void> {
  const id = activity.id as string;
  await cancelQueuedJob(db, reminderKey(id));
  const remindAt = activity.remindAt;
  if (!(remindAt instanceof Date) || remindAt.getTime() < Date.now() - REMINDER_GRACE_MS || !wantsReminder(activity)) return;
  await enqueueJob(
    db,
    REMINDER_JOB,
    { activityId: id, remindAt: remindAt.toISOString() },
    { runAt: new Date(Math.max(remindAt.getTime(), Date.now())), dedupeKey: reminderKey(id) },
  );
}

const TITLES: Record<Locale, Record<'task' | 'visit', string>> = {
  'zh-CN': { task: '任务提醒：', visit: '拜访提醒：' },
  'zh-TW': { task: '任務提醒：', visit: '拜訪提醒：' },
  en: { task: 'Task reminder: ', visit: 'Visit reminder: ' },
};
const WHEN: Record<Locale, Record<'task' | 'visit', string>> = {
  'zh-CN': { task: '截止时间', visit: '计划时间' },
  'zh-TW': { task: '截止時間', visit: '計劃時間' },
  en: { task: 'Due', visit: 'Planned for' },
};

/** Sends the reminder of one activity, unless it was completed, cancelled, deleted or moved to another time. */
export async function sendReminder(
  db: DbOrTx,
  app: Pick<FastifyInstance, 'events' | 'config'>,
  payload: z.infer<typeof reminderPayload>,
): Promise<boolean> {
  const [activity] = await db.select().from(activities).where(eq(activities.id, payload.activityId));
  if (!activity || !wantsReminder(activity) || activity.remindAt?.toISOString() !== payload.remindAt) return false;
  const kind = activity.kind === 'task' ? 'task' : 'visit';
  const userId = (kind === 'task' && activity.assigneeId) || activity.ownerId;
  const [user] = await db.select({ locale: users.locale, active: users.active }).from(users).where(eq(users.id, userId));
  if (!user?.active) return false;
  const locale = (user.locale in TITLES ? user.locale : 'zh-CN') as Locale;
  const when = kind === 'task' ? activity.dueAt : activity.plannedAt;
  const format = new Intl.DateTimeFormat('sv-SE', { timeZone: app.config.timeZone, dateStyle: 'short', timeStyle: 'short' });
  await createNotification(db, app.events, {
    userId,
    kind: REMINDER_NOTIFICATION,
    title: `${TITLES[locale][kind]}${activity.subject}`.slice(0, 300),
    body: when ? `${WHEN[locale][kind]} ${format.format(when)}` : undefined,
    link: `/activities/${activity.id}`,
  });
  return true;
}

export function registerActivityJobs(app: FastifyInstance): void {
  app.jobs.register(REMINDER_JOB, async (payload, { db }) => void (await sendReminder(db, app, payload)), {
    payload: reminderPayload,
  });
}
