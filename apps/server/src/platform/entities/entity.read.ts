// Reading records of any record type: list with filters, sort, keyset paging and counts; get by id; the
// row-to-API mapping. Every query carries the actor's access condition.
import { and, count, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Action, ListResponse } from '@guanxi/contracts';
import type { DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { orgUnits, users } from '../access/access.schema.ts';
import { accessCondition, allOf } from '../access/recordAccess.ts';
import { findCustomFieldDefs } from '../customFields/customFields.service.ts';
import type { EntityDescriptor } from './descriptor.ts';
import type { EntityRegistry } from './registry.ts';
import { resolveFields, type ResolvedField } from './fields.ts';
import { attachTitles } from './entity.titles.ts';
import { afterCursor, encodeCursor, filterCondition, orderBy, parseListQuery, searchCondition, type ListQuery } from './query.ts';

export interface KitContext {
  db: DbOrTx;
  actor: Actor;
  registry: EntityRegistry;
  descriptor: EntityDescriptor;
  /** Language of this request's messages (Accept-Language); defaults to the actor's own. */
  locale?: import('@guanxi/contracts').Locale;
}

export type ApiRecord = Record<string, unknown> & { id: string; version: number };
type Row = Record<string, unknown>;

export async function loadFields(db: DbOrTx, descriptor: EntityDescriptor): Promise<Map<string, ResolvedField>> {
  const defs = descriptor.customFields === false ? [] : await findCustomFieldDefs(db, descriptor.name);
  return resolveFields(descriptor, defs);
}

const serialize = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : (value ?? null));

/** Maps a Drizzle row (plus joined names) to the record's API shape. */
export function toApiRecord(
  descriptor: EntityDescriptor,
  fields: Map<string, ResolvedField>,
  row: Row,
  names: Row = {},
): ApiRecord {
  const record: Row = {
    id: row.id,
    version: row.version,
    ownerId: row.ownerId,
    ownerName: names.ownerName ?? null,
    orgUnitId: row.orgUnitId,
    orgUnitName: names.orgUnitName ?? null,
  };
  for (const name of Object.keys(descriptor.fields)) record[name] = serialize(row[name]);
  if (descriptor.customFields !== false) {
    const stored = (row.custom ?? {}) as Row;
    const custom: Row = {};
    for (const field of fields.values()) if (field.custom) custom[field.key] = stored[field.key] ?? null;
    record.custom = custom;
  }
  for (const name of ['createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt']) record[name] = serialize(row[name]);
  return record as ApiRecord;
}

function selection(descriptor: EntityDescriptor, extra: Record<string, SQL> = {}) {
  return { row: descriptor.table as PgTable, ownerName: users.displayName, orgUnitName: orgUnits.name, ...extra };
}

function baseQuery<T extends Record<string, unknown>>(db: DbOrTx, descriptor: EntityDescriptor, fields: T) {
  const t = descriptor.table;
  return db
    .select(fields as never)
    .from(t as PgTable)
    .leftJoin(users, eq(users.id, t.ownerId))
    .leftJoin(orgUnits, eq(orgUnits.id, t.orgUnitId));
}

export interface ListOptions {
  /** Access action that decides visibility (read for lists, export for exports). */
  action?: Action;
  /** An extra condition, e.g. a related list's foreign key. */
  where?: SQL;
  allowDeleted?: boolean;
}

/** The WHERE clause of a list (without the cursor), shared by list, count and export. */
export function listWhere(
  ctx: KitContext,
  fields: Map<string, ResolvedField>,
  query: ListQuery,
  options: ListOptions,
): SQL | undefined {
  const t = ctx.descriptor.table;
  const name = ctx.descriptor.name;
  const inBin = query.deleted === 'only';
  const action: Action = inBin ? 'delete' : (options.action ?? 'read');
  return allOf(
    inBin ? isNotNull(t.deletedAt) : isNull(t.deletedAt),
    accessCondition(ctx.actor, name, 'read', t),
    action !== 'read' ? accessCondition(ctx.actor, name, action, t) : undefined,
    options.where,
    ...query.filters.map(filterCondition),
    query.q ? searchCondition(query.q, fields) : undefined,
  );
}

/** One page of records in keyset order, plus the cursor of the next page. */
export async function listPage(
  ctx: KitContext,
  fields: Map<string, ResolvedField>,
  query: ListQuery,
  options: ListOptions = {},
): Promise<{ items: ApiRecord[]; nextCursor: string | null; nextPosition: unknown[] | null }> {
  const t = ctx.descriptor.table;
  const sortText = Object.fromEntries(query.sort.map((s, i) => [`k${i}`, sql<string | null>`(${s.field.expr})::text`]));
  const where = allOf(
    listWhere(ctx, fields, query, options),
    query.cursor ? afterCursor(query.sort, query.cursor, t.id) : undefined,
  );
  const rows = (await baseQuery(ctx.db, ctx.descriptor, selection(ctx.descriptor, sortText))
    .where(where)
    .orderBy(orderBy(query.sort, t.id))
    .limit(query.limit + 1)) as Row[];
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const items = page.map((r) => toApiRecord(ctx.descriptor, fields, r.row as Row, r));
  const last = page[page.length - 1];
  // The position after the last row: its sort keys as the database's own text, then its id.
  const nextPosition =
    hasMore && last ? [...query.sort.map((_, i) => (last[`k${i}`] as string | null) ?? null), (last.row as Row).id] : null;
  return { items, nextCursor: nextPosition ? encodeCursor(query.sort, nextPosition) : null, nextPosition };
}

export async function listRecords(
  ctx: KitContext,
  rawQuery: Record<string, unknown>,
  options: ListOptions = {},
): Promise<ListResponse<ApiRecord>> {
  const fields = await loadFields(ctx.db, ctx.descriptor);
  const query = parseListQuery(rawQuery, fields, ctx.descriptor.defaultSort, { allowDeleted: options.allowDeleted ?? true });
  const page = await listPage(ctx, fields, query, options);
  const selected = selectFields(rawQuery.fields, fields);
  await attachTitles(ctx, fields, page.items);
  const items = selected ? page.items.map((item) => pick(item, selected)) : page.items;
  const result: ListResponse<ApiRecord> = { items, nextCursor: page.nextCursor };
  if (query.total) {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(ctx.descriptor.table as PgTable)
      .where(listWhere(ctx, fields, query, options));
    result.total = Number(row?.n ?? 0);
  }
  return result;
}

/** A record visible to the actor, or 404. Deleted records are found only with `inBin` and delete rights. */
export async function getRecord(
  ctx: KitContext,
  id: string,
  options: { inBin?: boolean; fields?: Map<string, ResolvedField> } = {},
): Promise<ApiRecord> {
  const fields = options.fields ?? (await loadFields(ctx.db, ctx.descriptor));
  const t = ctx.descriptor.table;
  const name = ctx.descriptor.name;
  // The caller's rights on the record come back in the same query, for the UI's edit/delete/assign buttons.
  const rights = Object.fromEntries(
    (['update', 'delete', 'assign'] as const).map((a) => [
      `can_${a}`,
      sql<boolean>`coalesce(${accessCondition(ctx.actor, name, a, t) ?? sql`true`}, false)`,
    ]),
  );
  const [row] = (await baseQuery(ctx.db, ctx.descriptor, selection(ctx.descriptor, rights)).where(
    allOf(
      eq(t.id, id),
      options.inBin ? isNotNull(t.deletedAt) : isNull(t.deletedAt),
      accessCondition(ctx.actor, name, 'read', t),
      options.inBin ? accessCondition(ctx.actor, name, 'delete', t) : undefined,
    ),
  )) as Row[];
  if (!row) throw new AppError('NOT_FOUND', 404);
  const record = toApiRecord(ctx.descriptor, fields, row.row as Row, row);
  const state = ctx.descriptor.stateRights?.(row.row as Row) ?? {};
  // `update` is the caller's right (attachments, shares follow it); `edit` whether the fields may change in this state.
  record.access = {
    update: Boolean(row.can_update),
    edit: Boolean(row.can_update) && state.update !== false,
    delete: Boolean(row.can_delete) && state.delete !== false,
    assign: Boolean(row.can_assign),
  };
  await attachTitles(ctx, fields, [record]);
  return record;
}

/** Which of `actions` the actor may take on one record, evaluated by the database in one query. */
export async function recordPermissions(ctx: KitContext, id: string, actions: Action[]): Promise<Record<string, boolean>> {
  const t = ctx.descriptor.table;
  const columns = Object.fromEntries(
    actions.map((a) => [a, sql<boolean>`coalesce(${accessCondition(ctx.actor, ctx.descriptor.name, a, t) ?? sql`true`}, false)`]),
  );
  const [row] = (await ctx.db
    .select(columns as never)
    .from(t as PgTable)
    .where(eq(t.id, id))) as Record<string, boolean>[];
  return Object.fromEntries(actions.map((a) => [a, Boolean(row?.[a])]));
}

/** True when a record of `recordType` with this id exists (not deleted) and the actor may read it. */
export async function isReadable(db: DbOrTx, actor: Actor, descriptor: EntityDescriptor, id: string): Promise<boolean> {
  const t = descriptor.table;
  const [row] = await db
    .select({ id: t.id })
    .from(t as PgTable)
    .where(and(eq(t.id, id), isNull(t.deletedAt), accessCondition(actor, descriptor.name, 'read', t)));
  return row !== undefined;
}

/** `fields=name,amount,custom.region`: the columns a list should return (id and version always come along). */
export function selectFields(raw: unknown, fields: Map<string, ResolvedField>): string[] | null {
  if (typeof raw !== 'string' || !raw.trim()) return null;
  const names = raw.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => !fields.has(n) && n !== 'ownerName' && n !== 'orgUnitName');
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', 400, [{ field: 'fields', code: 'UNKNOWN_FIELD', message: 'UNKNOWN_FIELD' }]);
  return names;
}

function pick(record: ApiRecord, names: string[]): ApiRecord {
  const out: Record<string, unknown> = { id: record.id, version: record.version };
  for (const name of names) {
    if (name.startsWith('custom.')) {
      const custom = (out.custom ??= {}) as Record<string, unknown>;
      custom[name.slice(7)] = (record.custom as Record<string, unknown> | undefined)?.[name.slice(7)] ?? null;
    } else out[name] = record[name];
  }
  const titles = Object.entries((record.titles ?? {}) as Record<string, string>).filter(([name]) => names.includes(name));
  if (titles.length) out.titles = Object.fromEntries(titles);
  return out as ApiRecord;
}
