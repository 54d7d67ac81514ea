// The quotes' timeline source: on a customer's timeline each quote when it was made, sent and accepted, with its
// status and total (other changes come from the field-change source, the quote being listed in timelineFieldChanges).
import { and, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Locale, TimelineEntry } from '@guanxi/contracts';
import { users } from '../../../platform/access/access.schema.ts';
import { accessCondition } from '../../../platform/access/recordAccess.ts';
import { L } from '../../../platform/entities/fields.ts';
import {
  beforePosition,
  timelineAt,
  timelineOrder,
  type TimelineQuery,
  type TimelineSource,
} from '../../../platform/timeline/timeline.ts';
import { formatMoney } from '../commerce.money.ts';
import { quotes as q } from './quotes.schema.ts';

const KINDS: { type: string; at: AnyPgColumn; actor: AnyPgColumn }[] = [
  { type: 'quote', at: q.createdAt, actor: q.createdBy },
  { type: 'quoteSent', at: q.sentAt, actor: q.updatedBy },
  { type: 'quoteAccepted', at: q.acceptedAt, actor: q.updatedBy },
];
const VALID_UNTIL: Record<Locale, string> = { 'zh-CN': '有效期至', 'zh-TW': '有效期至', en: 'valid until' };

async function entriesOf(query: TimelineQuery, kind: (typeof KINDS)[number]): Promise<TimelineEntry[]> {
  const conditions: (SQL | undefined)[] = [
    eq(q.customerId, query.customerId),
    isNull(q.deletedAt),
    isNotNull(kind.at),
    accessCondition(query.actor, 'quote', 'read', q),
    beforePosition(kind.at, q.id, query.before),
  ];
  const rows = await query.db
    .select({ row: q, at: timelineAt(kind.at), actorId: kind.actor, actorName: users.displayName })
    .from(q)
    .leftJoin(users, eq(users.id, kind.actor))
    .where(and(...conditions))
    .orderBy(timelineOrder(kind.at, q.id))
    .limit(query.limit);
  return rows.map(({ row, at, actorId, actorName }) => ({
    id: row.id,
    at,
    type: kind.type,
    title: row.title ?? row.number,
    summary: `¥${formatMoney(row.grossTotal)}${row.validUntil ? ` · ${VALID_UNTIL[query.locale]} ${row.validUntil}` : ''}`,
    recordType: 'quote',
    recordId: row.id,
    actorId: (actorId as string | null) ?? null,
    actorName,
  }));
}

export const quotesTimelineSource: TimelineSource = {
  name: 'quotes',
  types: {
    quote: L('报价单', '報價單', 'Quotes'),
    quoteSent: L('报价单已发送', '報價單已發送', 'Quotes sent'),
    quoteAccepted: L('报价单已接受', '報價單已接受', 'Quotes accepted'),
  },
  async find(query) {
    const entries: TimelineEntry[] = [];
    for (const kind of KINDS) if (query.types.includes(kind.type)) entries.push(...(await entriesOf(query, kind)));
    return entries.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1)).slice(0, query.limit);
  },
};
