// Dunning: once a day every overdue open instalment whose last reminder is at least `dunningIntervalDays` (commerce
// settings) old gets a dunning notice (level = reminders so far + 1, days overdue, outstanding) and its order's owner a
// notification in their language. The claim is one conditional UPDATE (last reminder still old enough), committed with
// the notices and notifications, so a second run the same day — or another process, or a retry after a restart —
// finds nothing to send. Paid and cancelled instalments are never reminded.
import type { FastifyInstance } from 'fastify';
import type {} from '../../../app.ts';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '@guanxi/contracts';
import type { Db } from '../../../platform/db/db.ts';
import type { EventBus } from '../../../platform/events/bus.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { createNotification } from '../../../platform/events/notifications.service.ts';
import { todayIn } from '../../sales/planning/planning.periods.ts';
import { commerceSettings } from '../commerce.schema.ts';
import { Exact, formatMoney } from '../commerce.money.ts';
import { orders } from '../orders/orders.schema.ts';
import { addDays, daysOverdue } from './receivables.dates.ts';
import { dunningNotices, instalments as ins } from './receivables.schema.ts';

export const DUNNING_JOB = 'commerce.dunning';
export const DUNNING_NOTIFICATION = 'receivables.dunning';
const BATCH = 500;

const TEXT: Record<Locale, (v: { number: string; position: number; days: number; outstanding: string }) => string> = {
  'zh-CN': (v) => `催款提醒：${v.number} 第 ${v.position} 期 逾期 ${v.days} 天，未收 ${v.outstanding} 元`,
  'zh-TW': (v) => `催款提醒：${v.number} 第 ${v.position} 期 逾期 ${v.days} 天，未收 ${v.outstanding} 元`,
  en: (v) => `Dunning: ${v.number} instalment ${v.position} is ${v.days} days overdue, ${v.outstanding} yuan outstanding`,
};

export const dunningTitle = (locale: Locale, v: Parameters<(typeof TEXT)['en']>[0]): string => (TEXT[locale] ?? TEXT['zh-CN'])(v);

async function intervalDays(db: Db): Promise<number> {
  const [row] = await db
    .select({ days: commerceSettings.dunningIntervalDays })
    .from(commerceSettings)
    .where(eq(commerceSettings.id, 1));
  return Math.max(1, row?.days ?? 7);
}

/**
 * Sends the reminders due on the organisation's day of `now`. Returns how many were sent. Each batch is one
 * transaction: the claim, its notices and notifications commit together or not at all.
 */
export async function runDunning(db: Db, events: EventBus, timeZone: string, now = new Date()): Promise<number> {
  const today = todayIn(timeZone, now);
  const interval = await intervalDays(db);
  // Reminded on or before this day (in the organisation's time zone) → due again.
  const lastAllowed = addDays(today, -interval);
  const due = sql`${ins.status} IN ('open', 'partial') AND ${ins.dueDate} < ${today}::date
    AND (${ins.lastDunnedAt} IS NULL OR (${ins.lastDunnedAt} AT TIME ZONE ${timeZone})::date <= ${lastAllowed}::date)`;
  let sent = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const claimed = await tx.execute(sql`
        UPDATE ${ins} SET last_dunned_at = ${now.toISOString()}::timestamptz, dunning_count = dunning_count + 1
        WHERE id IN (SELECT id FROM ${ins} WHERE ${due} ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED) AND ${due}
        RETURNING id, order_id, position, due_date, amount, paid_amount, owner_id, dunning_count`);
      const rows = claimed.rows as {
        id: string;
        order_id: string;
        position: number;
        due_date: string | Date;
        amount: string;
        paid_amount: string;
        owner_id: string;
        dunning_count: number;
      }[];
      if (!rows.length) return 0;
      const orderIds = [...new Set(rows.map((r) => r.order_id))];
      const ownerIds = [...new Set(rows.map((r) => r.owner_id))];
      const numbers = new Map(
        (await tx.select({ id: orders.id, number: orders.number }).from(orders).where(inArray(orders.id, orderIds))).map((o) => [
          o.id,
          o.number,
        ]),
      );
      const owners = new Map(
        (
          await tx
            .select({ id: users.id, locale: users.locale, active: users.active })
            .from(users)
            .where(inArray(users.id, ownerIds))
        ).map((u) => [u.id, u]),
      );
      for (const row of rows) {
        const dueDate = typeof row.due_date === 'string' ? row.due_date.slice(0, 10) : row.due_date.toISOString().slice(0, 10);
        const days = daysOverdue(dueDate, today);
        const outstanding = new Exact(row.amount).minus(row.paid_amount);
        await tx.insert(dunningNotices).values({
          instalmentId: row.id,
          level: Number(row.dunning_count),
          daysOverdue: days,
          outstanding: outstanding.toFixed(2),
          notifiedUserId: row.owner_id,
          sentAt: now,
        });
        const owner = owners.get(row.owner_id);
        if (!owner?.active) continue;
        const locale = (owner.locale in TEXT ? owner.locale : 'zh-CN') as Locale;
        await createNotification(tx, events, {
          userId: row.owner_id,
          kind: DUNNING_NOTIFICATION,
          title: dunningTitle(locale, {
            number: numbers.get(row.order_id) ?? '',
            position: row.position,
            days,
            outstanding: formatMoney(outstanding),
          }),
          link: `/orders/${row.order_id}`,
        });
      }
      return rows.length;
    });
    sent += batch;
    if (batch < BATCH) return sent;
  }
}

export function registerDunningJob(app: FastifyInstance): void {
  app.jobs
    .register(DUNNING_JOB, async (_payload, { db, log }) => {
      const sent = await runDunning(db, app.events, app.config.timeZone);
      if (sent) log.info({ sent }, 'dunning reminders sent');
    })
    .schedule(DUNNING_JOB, 24 * 60 * 60);
}
