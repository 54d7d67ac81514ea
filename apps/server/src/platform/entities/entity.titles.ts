// Titles of the records a page's reference fields point at (a contact's customer, a part's widget), so a
// list or detail view shows names instead of ids. Only titles the actor may read come back: a reference to a
// hidden record stays an id, and the UI says it cannot be shown.
import { and, inArray, isNull } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { accessCondition } from '../access/recordAccess.ts';
import type { ApiRecord, KitContext } from './entity.read.ts';
import type { ResolvedField } from './fields.ts';

const valueOf = (record: ApiRecord, field: ResolvedField): unknown =>
  field.custom ? (record.custom as Record<string, unknown> | undefined)?.[field.key] : record[field.name];

/** Adds `titles: { <field name>: <title> }` to each record, one query per referenced record type. */
export async function attachTitles(ctx: KitContext, fields: Map<string, ResolvedField>, records: ApiRecord[]): Promise<void> {
  const references = [...fields.values()].filter(
    (f) => f.type === 'reference' && f.name !== 'id' && f.reference && ctx.registry.get(f.reference),
  );
  for (const record of records) record.titles = {};
  for (const field of references) {
    const target = ctx.registry.get(field.reference!)!;
    const ids = [...new Set(records.map((r) => valueOf(r, field)).filter((v): v is string => typeof v === 'string'))];
    if (!ids.length) continue;
    const t = target.table;
    const rows = await ctx.db
      .select({ id: t.id, title: target.fields[target.titleField]!.column })
      .from(t as PgTable)
      .where(and(inArray(t.id, ids), isNull(t.deletedAt), accessCondition(ctx.actor, target.name, 'read', t)));
    const titles = new Map(rows.map((r) => [r.id as string, String(r.title ?? '')]));
    for (const record of records) {
      const title = titles.get(valueOf(record, field) as string);
      if (title !== undefined) (record.titles as Record<string, string>)[field.name] = title;
    }
  }
}
