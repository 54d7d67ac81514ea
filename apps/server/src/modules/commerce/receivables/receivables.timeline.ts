// The receivables' entries on a customer's timeline: payments received (and reversed), instalments that fell overdue
// (placed at the start of the first day past due, while still open), and dunning reminders sent. Only what belongs to
// orders the caller may read; a payment for no order shows to whoever may read the customer.
import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Locale, TimelineEntry } from '@guanxi/contracts';
import { users } from '../../../platform/access/access.schema.ts';
import { L } from '../../../platform/entities/fields.ts';
import {
  beforePosition,
  timelineAt,
  timelineOrder,
  type TimelineQuery,
  type TimelineSource,
} from '../../../platform/timeline/timeline.ts';
import { Exact, formatMoney } from '../commerce.money.ts';
import { orders } from '../orders/orders.schema.ts';
import { orderAllows } from './receivables.access.ts';
import { dunningNotices, instalments as ins, payments } from './receivables.schema.ts';

const WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    paid: '收款',
    reversed: '（已冲销）',
    yuan: '元',
    overdue: '逾期未付',
    dunned: '催款',
    nth: '第 {n} 期',
    level: '第 {n} 次',
    days: '逾期 {n} 天',
    left: '未收',
  },
  'zh-TW': {
    paid: '收款',
    reversed: '（已沖銷）',
    yuan: '元',
    overdue: '逾期未付',
    dunned: '催款',
    nth: '第 {n} 期',
    level: '第 {n} 次',
    days: '逾期 {n} 天',
    left: '未收',
  },
  en: {
    paid: 'Payment',
    reversed: ' (reversed)',
    yuan: 'yuan',
    overdue: 'Overdue',
    dunned: 'Dunning',
    nth: 'instalment {n}',
    level: 'reminder {n}',
    days: '{n} days overdue',
    left: 'outstanding',
  },
};
const w = (locale: Locale, key: string, n?: number | string) => (WORDS[locale] ?? WORDS['zh-CN'])[key]!.replace('{n}', String(n));

async function paymentEntries(q: TimelineQuery): Promise<TimelineEntry[]> {
  const rows = await q.db
    .select({ p: payments, at: timelineAt(payments.createdAt), orderNumber: orders.number, actorName: users.displayName })
    .from(payments)
    .leftJoin(orders, eq(orders.id, payments.orderId))
    .leftJoin(users, eq(users.id, payments.userId))
    .where(
      and(
        eq(payments.customerId, q.customerId),
        or(isNull(payments.orderId), orderAllows(q.actor, 'read', payments.orderId)),
        beforePosition(payments.createdAt, payments.id, q.before),
      ),
    )
    .orderBy(timelineOrder(payments.createdAt, payments.id))
    .limit(q.limit);
  return rows.map(({ p, at, orderNumber, actorName }) => ({
    id: p.id,
    at,
    type: 'payment',
    title: `${w(q.locale, 'paid')} ${p.number} · ${formatMoney(p.amount)} ${w(q.locale, 'yuan')}${p.reversedAt ? w(q.locale, 'reversed') : ''}`,
    summary: [orderNumber, p.receivedOn, p.reference].filter(Boolean).join(' · ') || null,
    recordType: p.orderId ? 'order' : 'customer',
    recordId: p.orderId ?? p.customerId,
    actorId: p.userId,
    actorName,
  }));
}

async function overdueEntries(q: TimelineQuery): Promise<TimelineEntry[]> {
  // The first moment past due: the day after the due date, at midnight in the organisation's time zone.
  const pastDue = sql`((${ins.dueDate} + 1)::timestamp AT TIME ZONE ${q.timeZone})`;
  const before: SQL | undefined = q.before
    ? sql`(${pastDue}, ${ins.id}) < (${q.before.at}::timestamptz, ${q.before.id}::uuid)`
    : undefined;
  const rows = await q.db
    .select({ row: ins, at: timelineAt(pastDue), orderNumber: orders.number })
    .from(ins)
    .innerJoin(orders, eq(orders.id, ins.orderId))
    .where(
      and(
        eq(ins.customerId, q.customerId),
        sql`${ins.status} IN ('open', 'partial')`,
        sql`${pastDue} <= now()`,
        orderAllows(q.actor, 'read', ins.orderId),
        before,
      ),
    )
    .orderBy(sql`${pastDue} DESC, ${ins.id} DESC`)
    .limit(q.limit);
  return rows.map(({ row, at, orderNumber }) => ({
    id: row.id,
    at,
    type: 'instalmentOverdue',
    title: `${w(q.locale, 'overdue')}：${orderNumber} ${w(q.locale, 'nth', row.position)}`,
    summary: `${row.dueDate} · ${formatMoney(new Exact(row.amount).minus(row.paidAmount))} ${w(q.locale, 'yuan')}`,
    recordType: 'order',
    recordId: row.orderId,
    actorId: null,
    actorName: null,
  }));
}

async function dunningEntries(q: TimelineQuery): Promise<TimelineEntry[]> {
  const rows = await q.db
    .select({ d: dunningNotices, at: timelineAt(dunningNotices.sentAt), row: ins, orderNumber: orders.number })
    .from(dunningNotices)
    .innerJoin(ins, eq(ins.id, dunningNotices.instalmentId))
    .innerJoin(orders, eq(orders.id, ins.orderId))
    .where(
      and(
        eq(ins.customerId, q.customerId),
        orderAllows(q.actor, 'read', ins.orderId),
        beforePosition(dunningNotices.sentAt, dunningNotices.id, q.before),
      ),
    )
    .orderBy(timelineOrder(dunningNotices.sentAt, dunningNotices.id))
    .limit(q.limit);
  return rows.map(({ d, at, row, orderNumber }) => ({
    id: d.id,
    at,
    type: 'dunning',
    title: `${w(q.locale, 'dunned')} ${w(q.locale, 'level', d.level)}：${orderNumber} ${w(q.locale, 'nth', row.position)}`,
    summary: `${w(q.locale, 'days', d.daysOverdue)} · ${w(q.locale, 'left')} ${formatMoney(d.outstanding)} ${w(q.locale, 'yuan')}`,
    recordType: 'order',
    recordId: row.orderId,
    actorId: null,
    actorName: null,
  }));
}

const newestFirst = (a: TimelineEntry, b: TimelineEntry) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1);

export const receivablesTimelineSource: TimelineSource = {
  name: 'receivables',
  types: {
    payment: L('收款', '收款', 'Payments'),
    instalmentOverdue: L('逾期分期', '逾期分期', 'Overdue instalments'),
    dunning: L('催款提醒', '催款提醒', 'Dunning reminders'),
  },
  async find(query) {
    const parts = await Promise.all([
      query.types.includes('payment') ? paymentEntries(query) : [],
      query.types.includes('instalmentOverdue') ? overdueEntries(query) : [],
      query.types.includes('dunning') ? dunningEntries(query) : [],
    ]);
    return parts.flat().sort(newestFirst).slice(0, query.limit);
  },
};
