// The built-in timeline source of field changes: who changed which fields of the customer, and of the records of
// other types that point at the customer (its contacts, its activities), read from the audit log.
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Locale, LocalizedText, TimelineEntry } from '@guanxi/contracts';
import { users } from '../access/access.schema.ts';
import { accessCondition } from '../access/recordAccess.ts';
import { auditLog, type FieldChange } from '../audit/audit.schema.ts';
import type { EntityDescriptor } from '../entities/descriptor.ts';
import { L, localized } from '../entities/fields.ts';
import { beforePosition, timelineAt, timelineOrder, type TimelineQuery, type TimelineSource } from './timeline.ts';

const ACTIONS = ['update', 'assign', 'merge'];
/** A merge moves every record of the source: the customer's own merge entry counts them, one line each would bury the feed. */
const RELATED_ACTIONS = ['update', 'assign'];
const VERB: Record<string, LocalizedText> = {
  update: L('修改了', '修改了', 'Changed '),
  assign: L('分配了', '分配了', 'Reassigned '),
  merge: L('合并了', '合併了', 'Merged '),
};
const SYSTEM_LABELS: Record<string, LocalizedText> = {
  ownerId: L('负责人', '負責人', 'Owner'),
  orgUnitId: L('所属组织', '所屬組織', 'Org unit'),
};
const EMPTY = L('（空）', '（空）', '(empty)');
const CHANGED = L('已变更', '已變更', 'changed');

/** The audit rows of one record type that belong on the customer's timeline. */
function recordsOfCustomer(query: TimelineQuery, descriptor: EntityDescriptor): SQL | undefined {
  if (descriptor.name === 'customer')
    return and(
      eq(auditLog.recordType, descriptor.name),
      eq(auditLog.recordId, query.customerId),
      inArray(auditLog.action, ACTIONS),
    );
  const isType = and(eq(auditLog.recordType, descriptor.name), inArray(auditLog.action, RELATED_ACTIONS));
  const link = Object.values(descriptor.fields).find((f) => f.type === 'reference' && f.reference === 'customer' && f.required);
  if (!link) return undefined;
  const t = descriptor.table;
  const readable = query.db
    .select({ id: t.id })
    .from(t as PgTable)
    .where(and(eq(link.column, query.customerId), isNull(t.deletedAt), accessCondition(query.actor, descriptor.name, 'read', t)));
  return and(isType, inArray(auditLog.recordId, readable));
}

function describeValue(descriptor: EntityDescriptor, field: string, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return localized(EMPTY, locale);
  const spec = descriptor.fields[field];
  const label = (v: unknown) => {
    const option = spec?.options?.find((o) => o.value === v);
    return option ? localized(option.label, locale) : String(v);
  };
  return Array.isArray(value) ? value.map(label).join('、') : label(value);
}

/** `客户等级：B → A；负责人已变更`: each changed field with its old and new value (references only by name). */
function describeChanges(descriptor: EntityDescriptor, changes: FieldChange[], locale: Locale): string {
  const separator = locale === 'en' ? '; ' : '；';
  return changes
    .map(({ field, old, new: value }) => {
      const spec = descriptor.fields[field];
      const labelText = spec?.label ?? SYSTEM_LABELS[field];
      const label = labelText ? localized(labelText, locale) : field;
      const isReference = spec?.type === 'reference' || field in SYSTEM_LABELS;
      if (isReference || spec?.type === 'longText') return `${label}${locale === 'en' ? ' ' : ''}${localized(CHANGED, locale)}`;
      return `${label}${locale === 'en' ? ': ' : '：'}${describeValue(descriptor, field, old, locale)} → ${describeValue(descriptor, field, value, locale)}`;
    })
    .join(separator)
    .slice(0, 1000);
}

/** Names (titles) of the records the entries are about, by id. */
async function titlesOf(query: TimelineQuery, descriptor: EntityDescriptor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const t = descriptor.table;
  const title = descriptor.fields[descriptor.titleField]!.column;
  const rows = (await query.db
    .select({ id: t.id, title })
    .from(t as PgTable)
    .where(inArray(t.id, ids))) as { id: string; title: unknown }[];
  return new Map(rows.map((r) => [r.id, String(r.title ?? '')]));
}

/** Field changes of the customer and of the records of `recordTypes` that belong to it. */
export function fieldChangeSource(recordTypes: string[]): TimelineSource {
  return {
    name: 'fieldChanges',
    types: { fieldChange: L('字段变更', '欄位變更', 'Field changes') },
    async find(query) {
      const descriptors = recordTypes.map((name) => query.registry.get(name)).filter((d) => d !== undefined);
      const scopes = descriptors.map((d) => recordsOfCustomer(query, d)).filter((c) => c !== undefined);
      if (!scopes.length) return [];
      const rows = await query.db
        .select({
          id: auditLog.id,
          at: timelineAt(auditLog.at),
          action: auditLog.action,
          changes: auditLog.changes,
          recordType: auditLog.recordType,
          recordId: auditLog.recordId,
          actorId: auditLog.userId,
          actorName: users.displayName,
        })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.userId))
        .where(
          and(
            sql`jsonb_array_length(${auditLog.changes}) > 0`,
            or(...scopes),
            beforePosition(auditLog.at, auditLog.id, query.before),
          ),
        )
        .orderBy(timelineOrder(auditLog.at, auditLog.id))
        .limit(query.limit);
      const titles = new Map<string, Map<string, string>>();
      for (const d of descriptors)
        titles.set(
          d.name,
          await titlesOf(
            query,
            d,
            rows.filter((r) => r.recordType === d.name).map((r) => r.recordId),
          ),
        );
      return rows.map((row): TimelineEntry => {
        const descriptor = descriptors.find((d) => d.name === row.recordType)!;
        const name = titles.get(row.recordType)?.get(row.recordId) ?? '';
        const verb = localized(VERB[row.action] ?? VERB.update!, query.locale);
        const what = localized(descriptor.label, query.locale);
        return {
          id: row.id,
          at: row.at,
          type: 'fieldChange',
          title: query.locale === 'en' ? `${verb}${what.toLowerCase()} “${name}”` : `${verb}${what}「${name}」`,
          summary: describeChanges(descriptor, row.changes, query.locale),
          recordType: row.recordType,
          recordId: row.recordId,
          actorId: row.actorId,
          actorName: row.actorName,
        };
      });
    },
  };
}
