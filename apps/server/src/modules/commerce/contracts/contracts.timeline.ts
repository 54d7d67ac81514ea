// The contracts' timeline source on the customer card: a contract signed (at its signing day), started (at its start
// day, when later than the signing — the same day is one entry), ending soon (when the owner was reminded) and
// renewed (when the renewal was made). Days are placed at midnight in the organisation's time zone.
import { and, eq, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Locale, TimelineEntry } from '@guanxi/contracts';
import { users } from '../../../platform/access/access.schema.ts';
import { accessCondition } from '../../../platform/access/recordAccess.ts';
import { L, localized } from '../../../platform/entities/fields.ts';
import { beforePosition, timelineAt, timelineOrder, type TimelineSource } from '../../../platform/timeline/timeline.ts';
import { CONTRACT_STATUSES } from './contracts.options.ts';
import { contracts as c } from './contracts.schema.ts';
import { todayIn } from './contracts.dates.ts';

type Contract = typeof c.$inferSelect;
type Kind = 'contractSigned' | 'contractStarted' | 'contractEnding' | 'contractRenewed';

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const TEXT = {
  term: L('期限', '期限', 'Term'),
  ends: L('到期日', '到期日', 'Ends'),
  renews: L('续签自', '續簽自', 'Renews'),
};

function summary(contract: Contract, locale: Locale, kind: Kind, previous: string | null): string {
  const status = CONTRACT_STATUSES.find((s) => s.value === contract.status);
  const parts = [
    contract.number,
    status ? localized(status.label, locale) : contract.status,
    contract.amount ? `${contract.currency} ${money.format(Number(contract.amount))}` : null,
    kind === 'contractEnding'
      ? `${localized(TEXT.ends, locale)} ${contract.endDate}`
      : `${localized(TEXT.term, locale)} ${contract.startDate} – ${contract.endDate ?? '…'}`,
    kind === 'contractRenewed' && previous ? `${localized(TEXT.renews, locale)} ${previous}` : null,
  ];
  return parts.filter(Boolean).join(' · ');
}

export const contractTimelineSource: TimelineSource = {
  name: 'contracts',
  types: {
    contractSigned: L('合同签订', '合約簽訂', 'Contract signed'),
    contractStarted: L('合同生效', '合約生效', 'Contract started'),
    contractEnding: L('合同即将到期', '合約即將到期', 'Contract ending soon'),
    contractRenewed: L('合同续签', '合約續簽', 'Contract renewed'),
  },
  async find(query) {
    const midnight = (day: AnyPgColumn): SQL => sql`(${day}::timestamp AT TIME ZONE ${query.timeZone})`;
    const today = todayIn(query.timeZone);
    const previous = alias(c, 'previous_contract');
    const atOf: Record<Kind, SQL | AnyPgColumn> = {
      contractSigned: midnight(c.signedOn),
      contractStarted: midnight(c.startDate),
      contractEnding: c.renewalRemindedAt,
      contractRenewed: c.createdAt,
    };
    const when: Record<Kind, SQL | undefined> = {
      contractSigned: and(isNotNull(c.signedOn), lte(c.signedOn, today)),
      // Not yet started, or drafts, are not events; a start on the signing day is told by the signing entry.
      contractStarted: and(
        lte(c.startDate, today),
        sql`${c.status} <> 'draft'`,
        or(isNull(c.signedOn), sql`${c.startDate} > ${c.signedOn}`),
      ),
      contractEnding: isNotNull(c.renewalRemindedAt),
      contractRenewed: isNotNull(c.renewedFromId),
    };
    const entries: TimelineEntry[] = [];
    for (const kind of Object.keys(atOf) as Kind[]) {
      if (!query.types.includes(kind)) continue;
      const at = atOf[kind];
      const rows = await query.db
        .select({ row: c, at: timelineAt(at), actorName: users.displayName, previous: previous.number })
        .from(c)
        .leftJoin(users, eq(users.id, c.createdBy))
        .leftJoin(previous, eq(previous.id, c.renewedFromId))
        .where(
          and(
            eq(c.customerId, query.customerId),
            isNull(c.deletedAt),
            when[kind],
            accessCondition(query.actor, 'contract', 'read', c),
            beforePosition(at as AnyPgColumn, c.id, query.before),
          ),
        )
        .orderBy(timelineOrder(at as AnyPgColumn, c.id))
        .limit(query.limit);
      for (const { row, at: entryAt, actorName, previous: previousNumber } of rows)
        entries.push({
          id: row.id,
          at: entryAt,
          type: kind,
          title: row.name,
          summary: summary(row, query.locale, kind, previousNumber),
          recordType: 'contract',
          recordId: row.id,
          actorId: kind === 'contractEnding' ? null : row.createdBy,
          actorName: kind === 'contractEnding' ? null : actorName,
        });
    }
    return entries.sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1)).slice(0, query.limit);
  },
};
