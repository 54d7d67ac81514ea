// The sales timeline source: a customer's opportunities and the leads converted into it, each placed at its creation,
// with its stage and amount (stage changes come from the field-change source, like any other audited change).
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { TimelineEntry } from '@guanxi/contracts';
import { users } from '../../platform/access/access.schema.ts';
import { accessCondition } from '../../platform/access/recordAccess.ts';
import { L } from '../../platform/entities/fields.ts';
import { beforePosition, timelineAt, timelineOrder, type TimelineSource } from '../../platform/timeline/timeline.ts';
import { leads, opportunities as o, stages } from './sales.schema.ts';

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const salesTimelineSource: TimelineSource = {
  name: 'sales',
  types: { opportunity: L('商机', '商機', 'Opportunities'), lead: L('线索', '線索', 'Leads') },
  async find(query) {
    const entries: TimelineEntry[] = [];
    if (query.types.includes('opportunity')) {
      const rows = await query.db
        .select({ row: o, at: timelineAt(o.createdAt), stage: stages.name, actorName: users.displayName })
        .from(o)
        .innerJoin(stages, eq(stages.id, o.stageId))
        .leftJoin(users, eq(users.id, o.createdBy))
        .where(
          and(
            eq(o.customerId, query.customerId),
            isNull(o.deletedAt),
            accessCondition(query.actor, 'opportunity', 'read', o),
            beforePosition(o.createdAt, o.id, query.before),
          ),
        )
        .orderBy(timelineOrder(o.createdAt, o.id))
        .limit(query.limit);
      for (const { row, at, stage, actorName } of rows)
        entries.push({
          id: row.id,
          at,
          type: 'opportunity',
          title: row.name,
          summary: [stage, row.amount ? `${row.currency} ${money.format(Number(row.amount))}` : null, row.expectedCloseDate]
            .filter(Boolean)
            .join(' · '),
          recordType: 'opportunity',
          recordId: row.id,
          actorId: row.createdBy,
          actorName,
        });
    }
    if (query.types.includes('lead')) {
      const rows = await query.db
        .select({ row: leads, at: timelineAt(leads.convertedAt), actorName: users.displayName })
        .from(leads)
        .leftJoin(users, eq(users.id, leads.updatedBy))
        .where(
          and(
            eq(leads.convertedCustomerId, query.customerId),
            isNull(leads.deletedAt),
            inArray(leads.status, ['converted']),
            accessCondition(query.actor, 'lead', 'read', leads),
            beforePosition(leads.convertedAt, leads.id, query.before),
          ),
        )
        .orderBy(timelineOrder(leads.convertedAt, leads.id))
        .limit(query.limit);
      for (const { row, at, actorName } of rows)
        entries.push({
          id: row.id,
          at,
          type: 'lead',
          title: row.company ? `${row.company} · ${row.name}` : row.name,
          summary: row.assignedByRule,
          recordType: 'lead',
          recordId: row.id,
          actorId: row.updatedBy,
          actorName,
        });
    }
    // Each part is newest first; the platform merges sources, but within one source the order must hold too.
    return entries.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1)).slice(0, query.limit);
  },
};
