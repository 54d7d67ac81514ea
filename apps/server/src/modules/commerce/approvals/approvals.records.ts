// How the approvals name the records they are about: the record type's number (when it has one) and title field
// through its kit descriptor, and its page in the web app. Used by the inbox and the notifications.
import { inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { EntityRegistry } from '../../../platform/entities/registry.ts';

export interface RecordLabel {
  number: string | null;
  title: string | null;
  /** `Q2026-000012 · 北京东区邮政局`, or whichever of the two exists. */
  label: string;
  link: string | null;
}

/** Labels of records of one type by id; ids the type does not hold (or an unregistered type) are left out. */
export async function recordLabels(
  db: DbOrTx,
  registry: EntityRegistry,
  recordType: string,
  ids: string[],
): Promise<Map<string, RecordLabel>> {
  const descriptor = registry.get(recordType);
  const labels = new Map<string, RecordLabel>();
  if (!descriptor || !ids.length) return labels;
  const t = descriptor.table;
  const numberField = descriptor.fields.number;
  const titleField = descriptor.fields[descriptor.titleField]!;
  const rows = (await db
    .select({
      id: t.id,
      number: numberField ? numberField.column : t.id,
      title: titleField.column,
    })
    .from(t as PgTable)
    .where(inArray(t.id, [...new Set(ids)]))) as { id: string; number: unknown; title: unknown }[];
  for (const row of rows) {
    const number = numberField ? String(row.number ?? '') || null : null;
    const title = row.title === null || row.title === undefined || row.title === '' ? null : String(row.title);
    // A title that already names the number (a quote's 「Q2026-000012 v2」) stands alone.
    const parts = (title && number && title.includes(number) ? [title] : [number, title]).filter((p): p is string => Boolean(p));
    labels.set(row.id, {
      number,
      title,
      label: parts.join(' · ') || descriptor.label['zh-CN'],
      link: `/${descriptor.plural}/${row.id}`,
    });
  }
  return labels;
}
