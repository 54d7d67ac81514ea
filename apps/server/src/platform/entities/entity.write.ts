// Writing records of any record type: create, update with optimistic concurrency, soft delete, restore and
// assign. Each write checks access, validates against the descriptor and custom fields, and is audited in
// the same transaction.
import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Action, ErrorDetail } from '@guanxi/contracts';
import { AppError, staleVersion as staleVersionError } from '../http/errors.ts';
import { issuesToDetails } from '../http/validation.ts';
import { orgUnits, users } from '../access/access.schema.ts';
import { resolveOwnerTarget } from '../access/recordAccess.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { FieldChange } from '../audit/audit.schema.ts';
import { valueSchema, type ResolvedField } from './fields.ts';
import {
  getRecord,
  isReadable,
  loadFields,
  recordPermissions,
  toApiRecord,
  type ApiRecord,
  type KitContext,
} from './entity.read.ts';
import { indexRecord } from '../search/search.service.ts';
import { sortKeyValues } from '../search/search.sortKey.ts';
import { getLookup } from './lookups.ts';
import type { HookContext } from './descriptor.ts';

type Row = Record<string, unknown>;

export const isWritable = (f: ResolvedField) => !f.readOnly && !f.system;

export const hookContext = (ctx: KitContext): HookContext => ({ db: ctx.db, actor: ctx.actor, registry: ctx.registry });

// Building the zod schema costs more than the parse itself; a caller that passes the same resolved fields for many
// writes (an import) builds it once. A field map is never changed after loadFields, so it can key the cache.
const bodySchemas = new WeakMap<Map<string, ResolvedField>, Partial<Record<'create' | 'update', z.ZodType>>>();

function bodySchema(ctx: KitContext, fields: Map<string, ResolvedField>, mode: 'create' | 'update'): z.ZodType {
  const cached = bodySchemas.get(fields)?.[mode];
  if (cached) return cached;
  const shape: Record<string, z.ZodType> = {};
  const customShape: Record<string, z.ZodType> = {};
  for (const field of fields.values()) {
    if (!isWritable(field)) continue;
    const base = valueSchema(field);
    const schema = mode === 'create' && field.required ? base : field.required ? base.optional() : base.nullable().optional();
    if (field.custom) customShape[field.key] = schema;
    else shape[field.name] = schema;
  }
  shape.ownerId = z.uuid().optional();
  shape.orgUnitId = z.uuid().optional();
  if (ctx.descriptor.customFields !== false) {
    const custom = z.object(customShape).strict();
    shape.custom = mode === 'create' ? custom.default({}) : custom.optional();
  }
  const schema = z.object(shape).strict();
  bodySchemas.set(fields, { ...bodySchemas.get(fields), [mode]: schema });
  return schema;
}

/** Validates a create or update body: known fields only, right types, required ones present (on create). */
export function validateBody(ctx: KitContext, fields: Map<string, ResolvedField>, body: unknown, mode: 'create' | 'update') {
  const result = bodySchema(ctx, fields, mode).safeParse(body ?? {});
  if (!result.success)
    throw new AppError('VALIDATION_FAILED', 400, issuesToDetails(result.error.issues, ctx.locale ?? ctx.actor.locale));
  return result.data as Row & { custom?: Row; ownerId?: string; orgUnitId?: string };
}

/** Reference fields must point at records that exist and that the actor may see. */
async function checkReferences(
  ctx: KitContext,
  fields: Map<string, ResolvedField>,
  values: Row,
  custom: Row | undefined,
): Promise<void> {
  const details: ErrorDetail[] = [];
  for (const field of fields.values()) {
    if (field.type !== 'reference' || !isWritable(field) || !field.reference) continue;
    const value = field.custom ? custom?.[field.key] : values[field.name];
    if (typeof value !== 'string') continue;
    if (!(await referenceExists(ctx, field.reference, value)))
      details.push({ field: field.name, code: 'not_found_reference', message: 'not_found_reference' });
  }
  if (details.length) throw new AppError('VALIDATION_FAILED', 400, details);
}

async function referenceExists(ctx: KitContext, recordType: string, id: string): Promise<boolean> {
  if (recordType === 'user') return (await ctx.db.select({ id: users.id }).from(users).where(eq(users.id, id))).length > 0;
  if (recordType === 'orgUnit')
    return (await ctx.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, id))).length > 0;
  const lookup = getLookup(recordType);
  if (lookup) return lookup.exists(ctx.db, id);
  const target = ctx.registry.get(recordType);
  return target ? isReadable(ctx.db, ctx.actor, target, id) : false;
}

const jsonValue = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : (v ?? null));

export function changesBetween(fields: Map<string, ResolvedField>, before: Row, after: Row): FieldChange[] {
  const changes: FieldChange[] = [];
  const beforeCustom = (before.custom ?? {}) as Row;
  const afterCustom = (after.custom ?? {}) as Row;
  for (const field of fields.values()) {
    if (field.name === 'id' || (field.system && field.name !== 'ownerId' && field.name !== 'orgUnitId')) continue;
    const oldValue = jsonValue(field.custom ? beforeCustom[field.key] : before[field.key]);
    const newValue = jsonValue(field.custom ? afterCustom[field.key] : after[field.key]);
    if (JSON.stringify(oldValue) !== JSON.stringify(newValue)) changes.push({ field: field.name, old: oldValue, new: newValue });
  }
  return changes;
}

/** The owner of a new record: as the caller names it, else the descriptor's default if allowed, else the caller. */
export async function resolveCreateOwner(ctx: KitContext, values: Row, wanted: { ownerId?: string; orgUnitId?: string }) {
  const { db, actor, descriptor } = ctx;
  const fallback =
    wanted.ownerId || wanted.orgUnitId ? undefined : await descriptor.hooks?.defaultOwner?.(hookContext(ctx), values);
  if (fallback) {
    try {
      return await resolveOwnerTarget(db, actor, descriptor.name, 'create', fallback);
    } catch (err) {
      // The default is a convenience, not a demand: outside the caller's scope (or inactive) it yields to the caller.
      if (!(err instanceof AppError)) throw err;
    }
  }
  return resolveOwnerTarget(db, actor, descriptor.name, 'create', wanted);
}

/** For callers writing many records (imports): fields resolved once, and no re-read of the record with titles. */
export interface WriteOptions {
  fields?: Map<string, ResolvedField>;
  /** false answers the written row as an API record without reading it back (no `titles`, no `access`). */
  reread?: boolean;
}

export async function createRecord(ctx: KitContext, body: unknown, options: WriteOptions = {}): Promise<ApiRecord> {
  const { db, actor, descriptor } = ctx;
  const fields = options.fields ?? (await loadFields(db, descriptor));
  const input = validateBody(ctx, fields, body, 'create');
  const { ownerId, orgUnitId, custom, ...values } = input;
  // References first: a default owner may be read from a referenced record, which must be one the caller can see.
  await checkReferences(ctx, fields, values, custom);
  const owner = await resolveCreateOwner(ctx, values, { ownerId, orgUnitId });
  const row: Row = { ...values, ...owner, createdBy: actor.userId, updatedBy: actor.userId };
  if (descriptor.customFields !== false) row.custom = custom ?? {};
  await descriptor.hooks?.beforeCreate?.({ ...hookContext(ctx), ownerNamed: Boolean(ownerId || orgUnitId) }, row);
  Object.assign(row, sortKeyValues(descriptor, row));
  const [inserted] = (await db
    .insert(descriptor.table as PgTable)
    .values(row as never)
    .returning()) as Row[];
  await recordAudit(db, actor, {
    recordType: descriptor.name,
    recordId: inserted!.id as string,
    action: 'create',
    changes: changesBetween(fields, {}, inserted!),
  });
  await indexRecord(db, descriptor, inserted!);
  await descriptor.hooks?.afterWrite?.(hookContext(ctx), inserted!, 'create');
  if (options.reread === false) return toApiRecord(descriptor, fields, inserted!);
  try {
    return await getRecord(ctx, inserted!.id as string, { fields });
  } catch (err) {
    // A hook gave the record to someone the caller cannot see (a lead routed to another branch): the caller still
    // learns it was written, as they sent it, without the reader-only extras (titles, rights).
    if (err instanceof AppError && err.status === 404) return { ...toApiRecord(descriptor, fields, inserted!), access: null };
    throw err;
  }
}

/** Locks the row and answers 404 when it is missing, deleted or hidden, 403 when visible but not allowed. */
async function lockForWrite(ctx: KitContext, id: string, action: Action, options: { inBin?: boolean } = {}): Promise<Row> {
  const t = ctx.descriptor.table;
  const [row] = (await ctx.db
    .select()
    .from(t as PgTable)
    .where(eq(t.id, id))
    .for('update')) as Row[];
  if (!row || (options.inBin ? row.deletedAt === null : row.deletedAt !== null)) throw new AppError('NOT_FOUND', 404);
  const allowed = await recordPermissions(ctx, id, ['read', action]);
  if (!allowed.read) throw new AppError('NOT_FOUND', 404);
  if (!allowed[action]) throw new AppError('FORBIDDEN', 403);
  return row;
}

async function staleVersion(ctx: KitContext, id: string): Promise<AppError> {
  const current = await getRecord(ctx, id);
  return staleVersionError(current);
}

/** Applies `body` to a record. `expectedVersion` null skips the version check (bulk edits). */
export async function updateRecord(
  ctx: KitContext,
  id: string,
  expectedVersion: number | null,
  body: unknown,
  options: WriteOptions = {},
): Promise<ApiRecord> {
  const { db, actor, descriptor } = ctx;
  const before = await lockForWrite(ctx, id, 'update');
  if (expectedVersion !== null && before.version !== expectedVersion) throw await staleVersion(ctx, id);
  const fields = options.fields ?? (await loadFields(db, descriptor));
  const input = validateBody(ctx, fields, body, 'update');
  const { ownerId, orgUnitId, custom, ...values } = input;
  const changes: Row = { ...values };
  if ((ownerId && ownerId !== before.ownerId) || (orgUnitId && orgUnitId !== before.orgUnitId)) {
    if (!(await recordPermissions(ctx, id, ['assign'])).assign) throw new AppError('FORBIDDEN', 403);
    Object.assign(
      changes,
      await resolveOwnerTarget(db, actor, descriptor.name, 'assign', {
        ownerId: ownerId ?? (before.ownerId as string),
        orgUnitId,
      }),
    );
  }
  if (custom) changes.custom = { ...((before.custom ?? {}) as Row), ...custom };
  await checkReferences(ctx, fields, values, custom);
  await descriptor.hooks?.beforeUpdate?.(hookContext(ctx), before, changes);
  const diff = changesBetween(fields, before, { ...before, ...changes });
  if (diff.length === 0) return getRecord(ctx, id, { fields });
  const t = descriptor.table;
  const [after] = (await db
    .update(t as PgTable)
    .set({
      ...changes,
      ...sortKeyValues(descriptor, changes),
      version: sql`${t.version} + 1`,
      updatedAt: new Date(),
      updatedBy: actor.userId,
    } as never)
    .where(eq(t.id, id))
    .returning()) as Row[];
  const ownerChanged = diff.some((c) => c.field === 'ownerId' || c.field === 'orgUnitId');
  await recordAudit(db, actor, {
    recordType: descriptor.name,
    recordId: id,
    action: ownerChanged && diff.length <= 2 ? 'assign' : 'update',
    changes: diff,
  });
  await indexRecord(db, descriptor, after!);
  await descriptor.hooks?.afterWrite?.(hookContext(ctx), after!, ownerChanged ? 'assign' : 'update');
  if (options.reread === false) return toApiRecord(descriptor, fields, after!);
  return getRecord(ctx, id, { fields });
}

export async function assignRecord(
  ctx: KitContext,
  id: string,
  target: { ownerId: string; orgUnitId?: string },
): Promise<ApiRecord> {
  const before = await lockForWrite(ctx, id, 'assign');
  const owner = await resolveOwnerTarget(ctx.db, ctx.actor, ctx.descriptor.name, 'assign', target);
  if (owner.ownerId === before.ownerId && owner.orgUnitId === before.orgUnitId) return getRecord(ctx, id);
  const t = ctx.descriptor.table;
  const [after] = (await ctx.db
    .update(t as PgTable)
    .set({ ...owner, version: sql`${t.version} + 1`, updatedAt: new Date(), updatedBy: ctx.actor.userId } as never)
    .where(eq(t.id, id))
    .returning()) as Row[];
  await recordAudit(ctx.db, ctx.actor, {
    recordType: ctx.descriptor.name,
    recordId: id,
    action: 'assign',
    changes: [
      { field: 'ownerId', old: before.ownerId, new: owner.ownerId },
      { field: 'orgUnitId', old: before.orgUnitId, new: owner.orgUnitId },
    ].filter((c) => c.old !== c.new),
  });
  await indexRecord(ctx.db, ctx.descriptor, after!);
  await ctx.descriptor.hooks?.afterWrite?.(hookContext(ctx), after!, 'assign');
  return getRecord(ctx, id);
}

export async function deleteRecord(ctx: KitContext, id: string, expectedVersion: number | null): Promise<void> {
  const before = await lockForWrite(ctx, id, 'delete');
  if (expectedVersion !== null && before.version !== expectedVersion) throw await staleVersion(ctx, id);
  await ctx.descriptor.hooks?.beforeDelete?.(hookContext(ctx), before);
  const t = ctx.descriptor.table;
  const [after] = (await ctx.db
    .update(t as PgTable)
    .set({ deletedAt: new Date(), deletedBy: ctx.actor.userId, version: sql`${t.version} + 1` } as never)
    .where(eq(t.id, id))
    .returning()) as Row[];
  await recordAudit(ctx.db, ctx.actor, { recordType: ctx.descriptor.name, recordId: id, action: 'delete' });
  await indexRecord(ctx.db, ctx.descriptor, after!);
  await ctx.descriptor.hooks?.afterWrite?.(hookContext(ctx), after!, 'delete');
}

export async function restoreRecord(ctx: KitContext, id: string): Promise<ApiRecord> {
  await lockForWrite(ctx, id, 'delete', { inBin: true });
  const t = ctx.descriptor.table;
  const [after] = (await ctx.db
    .update(t as PgTable)
    .set({
      deletedAt: null,
      deletedBy: null,
      version: sql`${t.version} + 1`,
      updatedAt: new Date(),
      updatedBy: ctx.actor.userId,
    } as never)
    .where(eq(t.id, id))
    .returning()) as Row[];
  await recordAudit(ctx.db, ctx.actor, { recordType: ctx.descriptor.name, recordId: id, action: 'restore' });
  await indexRecord(ctx.db, ctx.descriptor, after!);
  await ctx.descriptor.hooks?.afterWrite?.(hookContext(ctx), after!, 'restore');
  return getRecord(ctx, id);
}
