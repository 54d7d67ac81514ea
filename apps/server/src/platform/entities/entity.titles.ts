// Titles of the records a page's reference fields point at (a contact's customer, a part's widget), so a
// list or detail view shows names instead of ids. Only titles the actor may read come back: a reference to a
// hidden record stays an id, and the UI says it cannot be shown.
import { and, inArray, isNull } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { accessCondition } from '../access/recordAccess.ts';
import { orgUnits, users } from '../access/access.schema.ts';
import type { ApiRecord, KitContext } from './entity.read.ts';
import type { ResolvedField } from './fields.ts';
import { getLookup } from './lookups.ts';

const valueOf = (record: ApiRecord, field: ResolvedField): unknown =>
  field.custom ? (record.custom as Record<string, unknown> | undefined)?.[field.key] : record[field.name];

// Owner and org unit already come as ownerName and orgUnitName; the record's own id needs no title.
const NAMED_ELSEWHERE = new Set(['id', 'ownerId', 'orgUnitId']);

/** Id → title of the records of one reference field's target that the actor may see. */
async function titlesOf(ctx: KitContext, reference: string, ids: string[]): Promise<{ id: unknown; title: unknown }[]> {
  // Names of colleagues and org units are not secret: every signed-in user sees them in pickers too.
  if (reference === 'user')
    return ctx.db.select({ id: users.id, title: users.displayName }).from(users).where(inArray(users.id, ids));
  if (reference === 'orgUnit')
    return ctx.db.select({ id: orgUnits.id, title: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, ids));
  const lookup = getLookup(reference);
  if (lookup) return (await lookup.options(ctx.db, { ids })).map((o) => ({ id: o.value, title: o.label }));
  const target = ctx.registry.get(reference);
  if (!target) return [];
  const t = target.table;
  return ctx.db
    .select({ id: t.id, title: target.fields[target.titleField]!.column })
    .from(t as PgTable)
    .where(and(inArray(t.id, ids), isNull(t.deletedAt), accessCondition(ctx.actor, target.name, 'read', t)));
}

/**
 * Adds `titles: { <field name>: <title> }` to each record: one query per target type (created by and updated by
 * are both users). One after the other: `ctx.db` may be a transaction, whose one connection takes a query at a time.
 */
export async function attachTitles(ctx: KitContext, fields: Map<string, ResolvedField>, records: ApiRecord[]): Promise<void> {
  const references = [...fields.values()].filter((f) => f.type === 'reference' && f.reference && !NAMED_ELSEWHERE.has(f.name));
  for (const record of records) record.titles = {};
  const idsByTarget = new Map<string, Set<string>>();
  for (const field of references) {
    const ids = idsByTarget.get(field.reference!) ?? new Set<string>();
    for (const record of records) {
      const value = valueOf(record, field);
      if (typeof value === 'string') ids.add(value);
    }
    if (ids.size) idsByTarget.set(field.reference!, ids);
  }
  const titlesByTarget = new Map<string, Map<string, string>>();
  for (const [target, ids] of idsByTarget) {
    const rows = await titlesOf(ctx, target, [...ids]);
    titlesByTarget.set(target, new Map(rows.map((r) => [r.id as string, String(r.title ?? '')])));
  }
  for (const field of references) {
    const titles = titlesByTarget.get(field.reference!);
    if (!titles) continue;
    for (const record of records) {
      const title = titles.get(valueOf(record, field) as string);
      if (title !== undefined) (record.titles as Record<string, string>)[field.name] = title;
    }
  }
}
