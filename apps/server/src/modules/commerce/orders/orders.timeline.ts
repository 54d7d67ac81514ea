// The orders' timeline source: on a customer's timeline, each order when it was made (number, total, type) and each
// stage it completed or reopened — the approval (its first stage), deliveries — newest first, only orders the reader
// may see. Changes of an order's fields come from the field-change source (timelineFieldChanges ['order']).
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { TimelineEntry } from '@guanxi/contracts';
import { users } from '../../../platform/access/access.schema.ts';
import { accessCondition } from '../../../platform/access/recordAccess.ts';
import { L } from '../../../platform/entities/fields.ts';
import { beforePosition, timelineAt, timelineOrder, type TimelineSource } from '../../../platform/timeline/timeline.ts';
import { formatMoney } from '../commerce.money.ts';
import { orderStageEvents, orderStages, orders, orderTypes } from './orders.schema.ts';

const KIND_LABEL: Record<string, Record<string, string>> = {
  complete: { 'zh-CN': '完成', 'zh-TW': '完成', en: 'completed' },
  partial: { 'zh-CN': '部分完成', 'zh-TW': '部分完成', en: 'partly done' },
  reopen: { 'zh-CN': '退回', 'zh-TW': '退回', en: 'reopened' },
};

export const ordersTimelineSource: TimelineSource = {
  name: 'orders',
  types: { order: L('订单', '訂單', 'Orders'), orderStage: L('订单进度', '訂單進度', 'Order progress') },
  async find(query) {
    const entries: TimelineEntry[] = [];
    const readable = and(
      eq(orders.customerId, query.customerId),
      isNull(orders.deletedAt),
      accessCondition(query.actor, 'order', 'read', orders),
    );
    if (query.types.includes('order')) {
      const rows = await query.db
        .select({ row: orders, at: timelineAt(orders.createdAt), typeName: orderTypes.name, actorName: users.displayName })
        .from(orders)
        .innerJoin(orderTypes, eq(orderTypes.id, orders.orderTypeId))
        .leftJoin(users, eq(users.id, orders.createdBy))
        .where(and(readable, beforePosition(orders.createdAt, orders.id, query.before)))
        .orderBy(timelineOrder(orders.createdAt, orders.id))
        .limit(query.limit);
      for (const { row, at, typeName, actorName } of rows)
        entries.push({
          id: row.id,
          at,
          type: 'order',
          title: row.number,
          summary: [typeName, `¥${formatMoney(row.grossTotal)}`, row.rush ? (query.locale === 'en' ? 'rush' : '加急') : null]
            .filter(Boolean)
            .join(' · '),
          recordType: 'order',
          recordId: row.id,
          actorId: row.createdBy,
          actorName,
        });
    }
    if (query.types.includes('orderStage')) {
      const e = orderStageEvents;
      const rows = await query.db
        .select({
          e,
          at: timelineAt(e.at),
          number: orders.number,
          stage: orderStages.name,
          milestone: orderStages.milestone,
          actorName: users.displayName,
        })
        .from(e)
        .innerJoin(orders, eq(orders.id, e.orderId))
        .innerJoin(orderStages, eq(orderStages.id, e.stageId))
        .leftJoin(users, eq(users.id, e.userId))
        .where(and(readable, sql`${e.orderLineId} IS NULL`, beforePosition(e.at, e.id, query.before)))
        .orderBy(timelineOrder(e.at, e.id))
        .limit(query.limit);
      for (const { e: row, at, number, stage, milestone, actorName } of rows) {
        const kind = KIND_LABEL[row.kind]?.[query.locale] ?? row.kind;
        const delivered =
          milestone === 'delivered' && row.kind === 'complete' ? (query.locale === 'en' ? ' · delivered' : ' · 已交付') : '';
        entries.push({
          id: row.id,
          at,
          type: 'orderStage',
          title: `${number} · ${stage} ${kind}${delivered}`,
          summary: [row.amount ? `¥${formatMoney(row.amount)}` : null, row.note].filter(Boolean).join(' · ') || null,
          recordType: 'order',
          recordId: row.orderId,
          actorId: row.userId,
          actorName,
        });
      }
    }
    return entries.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1)).slice(0, query.limit);
  },
};
