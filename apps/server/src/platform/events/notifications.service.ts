// In-app notifications: any module calls `createNotification` (inside its own transaction if it likes); the row is
// stored and the user's open streams are told. Reading and marking read are always limited to the user's own.
import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { notificationSchema, type Notification } from '@guanxi/contracts';

export { notificationSchema, type Notification };
import type { DbOrTx } from '../db/db.ts';
import { AppError } from '../http/errors.ts';
import type { EventBus } from './bus.ts';
import { notifications } from './events.schema.ts';

export const NOTIFICATION_EVENT = 'notification';
export const NOTIFICATIONS_READ_EVENT = 'notifications.read';

export const notificationInputSchema = z.object({
  userId: z.uuid(),
  /** What happened, for icons and filters: `reminder.due`, `case.assigned`, … */
  kind: z.string().min(1).max(100),
  title: z.string().min(1).max(300),
  body: z.string().max(4000).optional(),
  /** A path inside the app (`/customers/…`); never an absolute or `javascript:` URL. */
  link: z
    .string()
    .max(1000)
    .regex(/^\/(?!\/)/)
    .optional(),
});
export type NotificationInput = z.input<typeof notificationInputSchema>;

type NotificationRow = typeof notifications.$inferSelect;

const toNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  link: row.link,
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

export async function createNotification(db: DbOrTx, bus: EventBus, input: NotificationInput): Promise<Notification> {
  const values = notificationInputSchema.parse(input);
  const [row] = await db.insert(notifications).values(values).returning();
  await bus.publish(values.userId, { type: NOTIFICATION_EVENT, data: { id: row!.id } }, db);
  return toNotification(row!);
}

export async function getNotification(db: DbOrTx, userId: string, id: string): Promise<Notification | null> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return row ? toNotification(row) : null;
}

export async function countUnreadNotifications(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

// Ids are UUID v7, so their order is the order of creation and one id is a complete keyset cursor.
const encodeCursor = (id: string): string => Buffer.from(id).toString('base64url');
function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!z.uuid().safeParse(id).success) throw new AppError('INVALID_CURSOR', 400);
  return id;
}

export async function findNotifications(
  db: DbOrTx,
  userId: string,
  options: { limit: number; cursor?: string; unreadOnly?: boolean },
): Promise<{ items: Notification[]; nextCursor: string | null; unread: number }> {
  const before = options.cursor ? decodeCursor(options.cursor) : undefined;
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        before ? lt(notifications.id, before) : undefined,
        options.unreadOnly ? isNull(notifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  return {
    items: page.map(toNotification),
    nextCursor: rows.length > options.limit ? encodeCursor(page.at(-1)!.id) : null,
    unread: await countUnreadNotifications(db, userId),
  };
}

/** Unread notifications created after `afterId`, oldest first: what a reconnecting stream missed. */
export async function findUnreadNotificationsAfter(
  db: DbOrTx,
  userId: string,
  afterId: string,
  limit = 100,
): Promise<Notification[]> {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), gt(notifications.id, afterId), isNull(notifications.readAt)))
    .orderBy(notifications.id)
    .limit(limit);
  return rows.map(toNotification);
}

/** Null when the notification does not exist or belongs to someone else. */
export async function markNotificationRead(db: DbOrTx, bus: EventBus, userId: string, id: string): Promise<Notification | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  if (!row) return null;
  // The user's other tabs update their badge.
  await bus.publish(userId, { type: NOTIFICATIONS_READ_EVENT, data: { ids: [id] } }, db);
  return toNotification(row);
}

export async function markAllNotificationsRead(db: DbOrTx, bus: EventBus, userId: string): Promise<number> {
  const updated = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (updated.length) await bus.publish(userId, { type: NOTIFICATIONS_READ_EVENT, data: { all: true } }, db);
  return updated.length;
}
