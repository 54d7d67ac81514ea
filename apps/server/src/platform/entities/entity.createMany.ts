// Creating many records of one type at once (imports): the same validation, reference and owner checks, hooks,
// audit entries and search documents as `createRecord`, row for row, but written with a few multi-row statements
// instead of ~10 queries per record. A row that fails is answered with its error; the others are created.
import { getLookup } from './lookups.ts';
import { and, isNull } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ErrorDetail } from '@guanxi/contracts';
import { newId } from '../db/columns.ts';
import { AppError } from '../http/errors.ts';
import { orgUnits, users } from '../access/access.schema.ts';
import { accessCondition } from '../access/recordAccess.ts';
import { recordAudits } from '../audit/audit.service.ts';
import type { FieldChange } from '../audit/audit.schema.ts';
import type { ResolvedField } from './fields.ts';
import { loadFields, toApiRecord, type ApiRecord, type KitContext } from './entity.read.ts';
import { changesBetween, hookContext, isWritable, resolveCreateOwner, validateBody } from './entity.write.ts';
import { searchDocumentsOf, searchTermsOf, writeSearchDocuments } from './entity.searchIndex.ts';
import { anyOf, bulkInsert } from './entity.bulkInsert.ts';
import { sortKeyValues } from '../search/search.sortKey.ts';

type Row = Record<string, unknown>;

export type CreateOutcome = { ok: true; record: ApiRecord } | { ok: false; error: unknown };

export interface CreateManyOptions {
  fields?: Map<string, ResolvedField>;
  /**
   * Called after the records are inserted and before their audit entries and search documents are written, in the
   * same transaction: for rows of other tables that belong to the new records (a customer's identifiers) and
   * should be in their search documents. May answer more changes for a record's `create` audit entry, by index.
   */
  onInserted?(inserted: { index: number; row: Row }[]): Promise<Map<number, FieldChange[]> | void>;
}

/** PostgreSQL errors one bad row can cause (data exceptions 22, constraint violations 23), also when Drizzle wraps them. */
export function isRowDataError(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as never, depth++)
    if (typeof e.code === 'string' && /^(22|23)/.test(e.code)) return true;
  return false;
}

/** Errors that belong to the row (a refused value, a hidden reference); anything else stops the whole call. */
const isRowError = (err: unknown): boolean => (err instanceof AppError && err.status < 500) || isRowDataError(err);

/** Rows per insert; a row's data error retries only its own chunk row by row. */
const ROWS_PER_INSERT = 2000;

/** The ids among `ids` of records of `recordType` that exist and the actor may see: one query. */
async function existingReferences(ctx: KitContext, recordType: string, ids: string[]): Promise<Set<string>> {
  if (recordType === 'user')
    return new Set((await ctx.db.select({ id: users.id }).from(users).where(anyOf(users.id, ids))).map((r) => r.id));
  if (recordType === 'orgUnit')
    return new Set((await ctx.db.select({ id: orgUnits.id }).from(orgUnits).where(anyOf(orgUnits.id, ids))).map((r) => r.id));
  const lookup = getLookup(recordType);
  if (lookup) return new Set((await lookup.options(ctx.db, { ids })).map((o) => o.value));
  const target = ctx.registry.get(recordType);
  if (!target) return new Set();
  const t = target.table;
  const rows = (await ctx.db
    .select({ id: t.id })
    .from(t as PgTable)
    .where(and(anyOf(t.id, ids), isNull(t.deletedAt), accessCondition(ctx.actor, target.name, 'read', t)))) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

interface Pending {
  index: number;
  values: Row;
  custom: Row | undefined;
  wanted: { ownerId?: string; orgUnitId?: string };
  row?: Row;
}

/** Reference fields of every pending row checked with one query per referenced type; failing rows are answered. */
async function checkReferencesMany(
  ctx: KitContext,
  fields: Map<string, ResolvedField>,
  pending: Pending[],
  fail: (p: Pending, err: unknown) => void,
): Promise<Pending[]> {
  const refFields = [...fields.values()].filter((f) => f.type === 'reference' && isWritable(f) && f.reference);
  if (!refFields.length) return pending;
  const valueOf = (p: Pending, f: ResolvedField) => (f.custom ? p.custom?.[f.key] : p.values[f.name]);
  const wantedByType = new Map<string, Set<string>>();
  for (const p of pending)
    for (const f of refFields) {
      const v = valueOf(p, f);
      if (typeof v !== 'string') continue;
      let set = wantedByType.get(f.reference!);
      if (!set) wantedByType.set(f.reference!, (set = new Set()));
      set.add(v);
    }
  const found = new Map<string, Set<string>>();
  for (const [type, ids] of wantedByType) found.set(type, await existingReferences(ctx, type, [...ids]));
  return pending.filter((p) => {
    const details: ErrorDetail[] = [];
    for (const f of refFields) {
      const v = valueOf(p, f);
      if (typeof v === 'string' && !found.get(f.reference!)?.has(v))
        details.push({ field: f.name, code: 'not_found_reference', message: 'not_found_reference' });
    }
    if (details.length) fail(p, new AppError('VALIDATION_FAILED', 400, details));
    return details.length === 0;
  });
}

/** Inserts rows with multi-row statements; on a row's data error, retries them one by one, each in a savepoint. */
async function insertRows(ctx: KitContext, pending: Pending[], fail: (p: Pending, err: unknown) => void): Promise<Pending[]> {
  const table = ctx.descriptor.table as PgTable;
  const perInsert = ROWS_PER_INSERT;
  const inserted: Pending[] = [];
  for (let i = 0; i < pending.length; i += perInsert) {
    const chunk = pending.slice(i, i + perInsert);
    try {
      // The rows as stored (defaults included), read back by id: cheaper than RETURNING through the query builder.
      const ids = chunk.map((p) => p.row!.id as string);
      await ctx.db.transaction((sp) =>
        bulkInsert(
          sp,
          table,
          chunk.map((p) => p.row!),
        ),
      );
      const t = ctx.descriptor.table;
      const rows = (await ctx.db.select().from(table).where(anyOf(t.id, ids))) as Row[];
      const byId = new Map(rows.map((r) => [r.id as string, r]));
      for (const p of chunk) {
        p.row = byId.get(p.row!.id as string)!;
        inserted.push(p);
      }
    } catch (err) {
      if (!isRowDataError(err)) throw err;
      for (const p of chunk) {
        try {
          const [row] = (await ctx.db.transaction((sp) =>
            sp
              .insert(table)
              .values(p.row! as never)
              .returning(),
          )) as Row[];
          p.row = row!;
          inserted.push(p);
        } catch (rowErr) {
          if (!isRowDataError(rowErr)) throw rowErr;
          fail(p, rowErr);
        }
      }
    }
  }
  return inserted;
}

/**
 * Creates a record from each body, as `createRecord` would, and answers one outcome per body in order: the
 * record (as written, without `titles` and `access`) or the error that row would have thrown. Run it inside a
 * transaction: the records, their audit entries and their search documents commit together.
 */
export async function createRecords(
  ctx: KitContext,
  bodies: unknown[],
  options: CreateManyOptions = {},
): Promise<CreateOutcome[]> {
  const { db, actor, descriptor } = ctx;
  const fields = options.fields ?? (await loadFields(db, descriptor));
  const outcomes: CreateOutcome[] = new Array(bodies.length);
  const fail = (p: Pending | number, error: unknown) => {
    if (!isRowError(error)) throw error;
    outcomes[typeof p === 'number' ? p : p.index] = { ok: false, error };
  };

  let pending: Pending[] = [];
  bodies.forEach((body, index) => {
    try {
      const { ownerId, orgUnitId, custom, ...values } = validateBody(ctx, fields, body, 'create');
      pending.push({ index, values, custom, wanted: { ownerId, orgUnitId } });
    } catch (err) {
      fail(index, err);
    }
  });
  // References first: a default owner may be read from a referenced record, which must be one the caller can see.
  pending = await checkReferencesMany(ctx, fields, pending, fail);

  // The owner depends only on what the row asks for, unless the type derives a default from the row's values.
  const owners = new Map<string, Promise<{ ownerId: string; orgUnitId: string }>>();
  const perRowDefault = descriptor.hooks?.defaultOwner !== undefined;
  const ready: Pending[] = [];
  for (const p of pending) {
    try {
      const named = Boolean(p.wanted.ownerId || p.wanted.orgUnitId);
      let owner: { ownerId: string; orgUnitId: string };
      if (perRowDefault && !named) owner = await resolveCreateOwner(ctx, p.values, p.wanted);
      else {
        const key = `${p.wanted.ownerId ?? ''}\u0000${p.wanted.orgUnitId ?? ''}`;
        let found = owners.get(key);
        if (!found) owners.set(key, (found = resolveCreateOwner(ctx, p.values, p.wanted)));
        owner = await found;
      }
      const row: Row = { ...p.values, ...owner, createdBy: actor.userId, updatedBy: actor.userId };
      if (descriptor.customFields !== false) row.custom = p.custom ?? {};
      await descriptor.hooks?.beforeCreate?.(hookContext(ctx), row);
      Object.assign(row, sortKeyValues(descriptor, row));
      // The id is chosen here rather than by the insert's default, to pair each returned row with its body.
      row.id = newId();
      p.row = row;
      ready.push(p);
    } catch (err) {
      fail(p, err);
    }
  }

  const inserted = await insertRows(ctx, ready, fail);
  const extraChanges = (await options.onInserted?.(inserted.map((p) => ({ index: p.index, row: p.row! })))) ?? undefined;
  const rows = inserted.map((p) => p.row!);
  const terms = await searchTermsOf(db, descriptor, rows);
  const audited = recordAudits(
    db,
    actor,
    inserted.map((p) => ({
      recordType: descriptor.name,
      recordId: p.row!.id as string,
      action: 'create',
      changes: [...changesBetween(fields, {}, p.row!), ...(extraChanges?.get(p.index) ?? [])],
    })),
  );
  // The search documents (pinyin of every text: the most CPU of a bulk create) are built while the database writes
  // the audit entries; one turn of the event loop first, so the audit insert has been sent.
  audited.catch(() => undefined);
  await new Promise((resolve) => setImmediate(resolve));
  const documents = terms ? searchDocumentsOf(descriptor, rows, terms) : [];
  await audited;
  await writeSearchDocuments(db, documents);
  for (const p of inserted) {
    if (descriptor.hooks?.afterWrite) await descriptor.hooks.afterWrite(hookContext(ctx), p.row!, 'create');
    outcomes[p.index] = { ok: true, record: toApiRecord(descriptor, fields, p.row!) };
  }
  return outcomes;
}
