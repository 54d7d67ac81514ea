// Identifiers of customers and their contacts: listing, adding and removing them through the customer (its access
// rules decide), uniqueness per type, an audit entry on the customer, and the search index kept in step.
import { and, asc, eq, sql } from 'drizzle-orm';
import { anyOf } from '../../platform/entities/entity.bulkInsert.ts';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { cachedReference, referenceChanged } from '../../platform/cache/referenceCache.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { getRecord, type KitContext } from '../../platform/entities/entity.read.ts';
import { indexRecord } from '../../platform/search/search.service.ts';
import { BUILT_IN_IDENTIFIER_TYPES, customIdentifierType, maskValue, type IdentifierType } from './customers.identifiers.ts';
import { contacts, customerIdentifiers, identifierTypes } from './customers.schema.ts';

const invalid = (field: string, code: string, status = 400) =>
  new AppError(status === 409 ? 'DUPLICATE_VALUE' : 'VALIDATION_FAILED', status, [{ field, code, message: code }]);

/** Built-in types (with the uniqueness administrators chose for them), then the active ones they added. */
export async function listIdentifierTypes(db: DbOrTx): Promise<IdentifierType[]> {
  const rows = await cachedReference(db, IDENTIFIER_TYPES_KEY, () =>
    db.select().from(identifierTypes).orderBy(asc(identifierTypes.createdAt)),
  );
  const overrides = new Map(rows.map((r) => [r.key, r]));
  const builtIn = BUILT_IN_IDENTIFIER_TYPES.map((t) => ({ ...t, unique: overrides.get(t.key)?.unique ?? t.unique }));
  const custom = rows.filter((r) => r.active && !isBuiltIn(r.key)).map((r) => customIdentifierType(r.key, r.label, r.unique));
  return [...builtIn, ...custom];
}

const IDENTIFIER_TYPES_KEY = 'identifierTypes';

const isBuiltIn = (key: string) => BUILT_IN_IDENTIFIER_TYPES.some((t) => t.key === key);

export interface IdentifierInput {
  type: string;
  value: string;
  contactId?: string;
}

/** The customer as the caller sees it (404 when hidden); with `write`, 403 unless they may edit it. */
async function customerFor(ctx: KitContext, customerId: string, write: boolean) {
  const customer = await getRecord(ctx, customerId);
  if (write && !(customer.access as { update: boolean }).update) throw new AppError('FORBIDDEN', 403);
  return customer;
}

export async function listIdentifiers(ctx: KitContext, customerId: string) {
  const customer = await customerFor(ctx, customerId, false);
  const types = new Map((await listIdentifierTypes(ctx.db)).map((t) => [t.key, t]));
  const mayEdit = (customer.access as { update: boolean }).update;
  const rows = await ctx.db
    .select()
    .from(customerIdentifiers)
    .where(eq(customerIdentifiers.customerId, customerId))
    .orderBy(asc(customerIdentifiers.createdAt), asc(customerIdentifiers.id));
  return rows.map((row) => {
    const masked = !mayEdit && types.get(row.type)?.sensitive;
    return {
      ...row,
      value: masked ? maskValue(row.value) : row.value,
      normalized: masked ? maskValue(row.normalized) : row.normalized,
      masked: Boolean(masked),
    };
  });
}

/** Re-reads a record and refreshes its search entry, so its identifiers are found. */
async function reindex(ctx: KitContext, recordType: string, id: string): Promise<void> {
  const descriptor = ctx.registry.get(recordType)!;
  const [row] = await ctx.db
    .select()
    .from(descriptor.table as PgTable)
    .where(eq(descriptor.table.id, id));
  if (row) await indexRecord(ctx.db, descriptor, row);
}

export async function addIdentifier(ctx: KitContext, customerId: string, input: IdentifierInput) {
  await customerFor(ctx, customerId, true);
  const type = (await listIdentifierTypes(ctx.db)).find((t) => t.key === input.type);
  if (!type) throw invalid('type', 'invalid_option');
  const normalized = type.normalize(input.value);
  if (!normalized || (type.pattern && !type.pattern.test(normalized))) throw invalid('value', 'invalid_format');
  if (input.contactId) {
    const [contact] = await ctx.db
      .select({ customerId: contacts.customerId })
      .from(contacts)
      .where(eq(contacts.id, input.contactId));
    if (contact?.customerId !== customerId) throw invalid('contactId', 'not_found_reference');
  }
  // Serialises writers of the same value, so two customers cannot both take a unique one at the same moment.
  await ctx.db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`identifier:${type.key}:${normalized}`}))`);
  const holder = type.unique
    ? eq(customerIdentifiers.type, type.key)
    : and(eq(customerIdentifiers.type, type.key), eq(customerIdentifiers.customerId, customerId));
  const [taken] = await ctx.db
    .select({ id: customerIdentifiers.id })
    .from(customerIdentifiers)
    .where(and(holder, eq(customerIdentifiers.normalized, normalized)))
    .limit(1);
  if (taken) throw invalid('value', 'duplicate', 409);
  const [row] = await ctx.db
    .insert(customerIdentifiers)
    .values({
      customerId,
      contactId: input.contactId ?? null,
      type: type.key,
      value: input.value.trim(),
      normalized,
      createdBy: ctx.actor.userId,
    })
    .returning();
  await afterChange(ctx, row!, type, 'added');
  return row!;
}

export async function removeIdentifier(ctx: KitContext, customerId: string, identifierId: string): Promise<void> {
  await customerFor(ctx, customerId, true);
  const [row] = await ctx.db
    .delete(customerIdentifiers)
    .where(and(eq(customerIdentifiers.id, identifierId), eq(customerIdentifiers.customerId, customerId)))
    .returning();
  if (!row) throw new AppError('NOT_FOUND', 404);
  const type = (await listIdentifierTypes(ctx.db)).find((t) => t.key === row.type);
  await afterChange(ctx, row, type, 'removed');
}

/** The customer's history shows the change, and the customer (and contact) are found by the new set of values. */
async function afterChange(
  ctx: KitContext,
  row: typeof customerIdentifiers.$inferSelect,
  type: IdentifierType | undefined,
  what: 'added' | 'removed',
): Promise<void> {
  // History is readable by everyone who sees the customer, so a sensitive value is kept there masked.
  const shown = `${row.type}: ${type?.sensitive ? maskValue(row.value) : row.value}`;
  await recordAudit(ctx.db, ctx.actor, {
    recordType: 'customer',
    recordId: row.customerId,
    action: 'update',
    changes: [{ field: 'identifiers', old: what === 'removed' ? shown : null, new: what === 'added' ? shown : null }],
  });
  await reindex(ctx, 'customer', row.customerId);
  if (row.contactId) await reindex(ctx, 'contact', row.contactId);
}

/** Normalised identifier values of a customer (all, including its contacts') or of one contact, for the search index. */
export async function identifierSearchTerms(db: DbOrTx, owner: 'customer' | 'contact', id: string): Promise<string[]> {
  const column = owner === 'customer' ? customerIdentifiers.customerId : customerIdentifiers.contactId;
  const rows = await db.select({ normalized: customerIdentifiers.normalized }).from(customerIdentifiers).where(eq(column, id));
  return rows.map((r) => r.normalized);
}

/** `identifierSearchTerms` of many customers or contacts in one query: one list per id, in order. */
export async function identifierSearchTermsMany(db: DbOrTx, owner: 'customer' | 'contact', ids: string[]): Promise<string[][]> {
  if (!ids.length) return [];
  const column = owner === 'customer' ? customerIdentifiers.customerId : customerIdentifiers.contactId;
  const rows = await db
    .select({ id: column, normalized: customerIdentifiers.normalized })
    .from(customerIdentifiers)
    .where(anyOf(column, ids));
  const byId = new Map<string, string[]>();
  for (const r of rows) if (r.id) byId.set(r.id, [...(byId.get(r.id) ?? []), r.normalized]);
  return ids.map((id) => byId.get(id) ?? []);
}

export interface IdentifierTypeInput {
  key: string;
  label: IdentifierType['label'];
  unique: boolean;
}

/** Adds an administrator's own identifier type; its key may not repeat a built-in or an existing one. */
export async function createIdentifierType(db: DbOrTx, actor: Actor, input: IdentifierTypeInput) {
  if (isBuiltIn(input.key)) throw invalid('key', 'duplicate', 409);
  const [row] = await db.insert(identifierTypes).values(input).onConflictDoNothing().returning();
  if (!row) throw invalid('key', 'duplicate', 409);
  await referenceChanged(db, IDENTIFIER_TYPES_KEY);
  await recordAudit(db, actor, { recordType: 'identifierType', recordId: row.id, action: 'create' });
  return row;
}

export interface IdentifierTypeChanges {
  label?: IdentifierType['label'];
  unique?: boolean;
  active?: boolean;
}

/**
 * Changes a type: administrators decide whether any type is unique; their own types can also be renamed and
 * retired (existing values stay). A type cannot become unique while two holders share a value.
 */
export async function updateIdentifierType(db: DbOrTx, actor: Actor, key: string, changes: IdentifierTypeChanges) {
  const builtIn = BUILT_IN_IDENTIFIER_TYPES.find((t) => t.key === key);
  if (builtIn && changes.label) throw invalid('label', 'read_only');
  if (builtIn && changes.active !== undefined) throw invalid('active', 'read_only');
  const [before] = await db.select().from(identifierTypes).where(eq(identifierTypes.key, key));
  if (!builtIn && !before) throw new AppError('NOT_FOUND', 404);
  if (changes.unique) {
    const [clash] = await db
      .select({ normalized: customerIdentifiers.normalized })
      .from(customerIdentifiers)
      .where(eq(customerIdentifiers.type, key))
      .groupBy(customerIdentifiers.normalized)
      .having(sql`count(*) > 1`)
      .limit(1);
    if (clash) throw invalid('unique', 'duplicate', 409);
  }
  const values = { key, label: before?.label ?? builtIn!.label, unique: before?.unique ?? builtIn!.unique, ...changes };
  const [row] = await db
    .insert(identifierTypes)
    .values(values)
    .onConflictDoUpdate({ target: identifierTypes.key, set: changes })
    .returning();
  await referenceChanged(db, IDENTIFIER_TYPES_KEY);
  const diff = (['label', 'unique', 'active'] as const)
    .filter((f) => changes[f] !== undefined && JSON.stringify(changes[f]) !== JSON.stringify(before?.[f]))
    .map((f) => ({ field: f, old: before?.[f] ?? null, new: changes[f] }));
  await recordAudit(db, actor, { recordType: 'identifierType', recordId: row!.id, action: 'update', changes: diff });
  return row!;
}
