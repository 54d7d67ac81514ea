// Merging two customers: the target survives with the field values the user chose, and takes over everything that
// pointed at the source — contacts, identifiers, activities and any record of any registered type whose reference
// field (built-in or custom) names the source. The source goes to the recycle bin. One transaction; both histories
// stay readable under their own ids, each with a `merge` entry naming the other record.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { CustomerMerge } from '@guanxi/contracts';
import type { PgTable } from 'drizzle-orm/pg-core';
import { AppError, staleVersion } from '../../platform/http/errors.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { FieldChange } from '../../platform/audit/audit.schema.ts';
import {
  getRecord,
  loadFields,
  recordPermissions,
  type ApiRecord,
  type KitContext,
} from '../../platform/entities/entity.read.ts';
import { deleteRecord, updateRecord } from '../../platform/entities/entity.write.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import { indexRecord } from '../../platform/search/search.service.ts';
import { moveCustomerActivities } from '../activities/activities.service.ts';
import { listIdentifierTypes } from './customers.identifiers.service.ts';
import { maskValue } from './customers.identifiers.ts';
import { contacts, customerIdentifiers, customers } from './customers.schema.ts';

/** What the user chose in the merge dialog (see the contract for the fields). */
export type MergeInput = CustomerMerge;

type Row = Record<string, unknown>;

const invalid = (field: string, code: string) => new AppError('VALIDATION_FAILED', 400, [{ field, code, message: code }]);

/** Locks both rows (in id order, so two opposite merges cannot deadlock) and checks they exist, are live and allowed. */
async function lockBoth(ctx: KitContext, targetId: string, input: MergeInput): Promise<void> {
  const rows = await ctx.db
    .select({ id: customers.id, version: customers.version, deletedAt: customers.deletedAt })
    .from(customers)
    .where(inArray(customers.id, [targetId, input.sourceId]))
    .orderBy(customers.id)
    .for('update');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const target = byId.get(targetId);
  const source = byId.get(input.sourceId);
  if (!target || target.deletedAt || !source || source.deletedAt) throw new AppError('NOT_FOUND', 404);
  const onTarget = await recordPermissions(ctx, targetId, ['read', 'update']);
  const onSource = await recordPermissions(ctx, input.sourceId, ['read', 'update', 'delete']);
  if (!onTarget.read || !onSource.read) throw new AppError('NOT_FOUND', 404);
  if (!onTarget.update || !onSource.update || !onSource.delete) throw new AppError('FORBIDDEN', 403);
  if (target.version !== input.version) throw staleVersion(await getRecord(ctx, targetId));
  if (source.version !== input.sourceVersion) throw staleVersion(await getRecord(ctx, input.sourceId));
}

/** The update body that gives the target the source's value of each field chosen as `source`. */
async function chosenValues(ctx: KitContext, source: ApiRecord, values: MergeInput['values'] = {}): Promise<Row> {
  const fields = await loadFields(ctx.db, ctx.descriptor);
  const body: Row = {};
  const custom: Row = {};
  for (const [name, side] of Object.entries(values)) {
    if (side !== 'source') continue;
    if (name === 'ownerId') {
      body.ownerId = source.ownerId;
      body.orgUnitId = source.orgUnitId;
      continue;
    }
    const field = fields.get(name);
    if (!field || field.readOnly || field.system) throw invalid(`values.${name}`, 'UNKNOWN_FIELD');
    if (field.custom) custom[field.key] = (source.custom as Row | undefined)?.[field.key] ?? null;
    else body[name] = source[name];
  }
  if (Object.keys(custom).length) body.custom = custom;
  return body;
}

/** Moves the source's identifiers; a type + normalised value the target already holds is dropped, not doubled. */
async function moveIdentifiers(ctx: KitContext, sourceId: string, targetId: string) {
  const i = customerIdentifiers;
  const held = await ctx.db.select({ type: i.type, normalized: i.normalized }).from(i).where(eq(i.customerId, targetId));
  const heldKeys = new Set(held.map((h) => `${h.type}\u0000${h.normalized}`));
  const rows = await ctx.db.select().from(i).where(eq(i.customerId, sourceId));
  const sensitive = new Set((await listIdentifierTypes(ctx.db)).filter((t) => t.sensitive).map((t) => t.key));
  const shown = (r: (typeof rows)[number]) => `${r.type}: ${sensitive.has(r.type) ? maskValue(r.value) : r.value}`;
  const dropped = rows.filter((r) => heldKeys.has(`${r.type}\u0000${r.normalized}`));
  const moved = rows.filter((r) => !heldKeys.has(`${r.type}\u0000${r.normalized}`));
  if (dropped.length)
    await ctx.db.delete(i).where(
      inArray(
        i.id,
        dropped.map((r) => r.id),
      ),
    );
  if (moved.length)
    await ctx.db
      .update(i)
      .set({ customerId: targetId })
      .where(
        inArray(
          i.id,
          moved.map((r) => r.id),
        ),
      );
  return { moved: moved.map(shown), dropped: dropped.map(shown) };
}

/**
 * Repoints every reference field (built-in or custom, of any registered type, deleted records included) that names
 * the source at the target, one `merge` audit entry per record moved. Returns counts per `type.field`.
 */
async function repointReferences(ctx: KitContext, sourceId: string, targetId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const descriptor of ctx.registry.all()) {
    const fields = await loadFields(ctx.db, descriptor);
    const t = descriptor.table;
    for (const field of fields.values()) {
      if (field.type !== 'reference' || field.reference !== 'customer' || field.system) continue;
      const matches = field.custom ? sql`${t.custom}->>${field.key} = ${sourceId}` : sql`${field.expr} = ${sourceId}`;
      const set: Row = { version: sql`${t.version} + 1`, updatedAt: new Date(), updatedBy: ctx.actor.userId };
      if (field.custom) set.custom = sql`jsonb_set(${t.custom}, ${`{${field.key}}`}::text[], to_jsonb(${targetId}::text))`;
      else set[field.key] = targetId;
      const moved = (await ctx.db
        .update(t as PgTable)
        .set(set as never)
        .where(matches)
        .returning({ id: t.id })) as { id: string }[];
      for (const { id } of moved)
        await recordAudit(ctx.db, ctx.actor, {
          recordType: descriptor.name,
          recordId: id,
          action: 'merge',
          changes: [{ field: field.name, old: sourceId, new: targetId }],
        });
      if (moved.length) counts[`${descriptor.name}.${field.name}`] = moved.length;
    }
  }
  return counts;
}

/**
 * What a module keeps about a customer outside the kit's reference fields (a customer's own price list, receivables
 * copied onto instalments, payments and credit): it moves those rows itself, in the merge's transaction, and answers
 * how many moved (listed in the target's merge entry under `name`).
 */
export type MergeStep = (db: DbOrTx, sourceId: string, targetId: string) => Promise<number>;

const mergeSteps = new Map<string, MergeStep>();

/** Registers a module's merge step under a name like `priceList.customerId` (registering again replaces it). */
export function registerCustomerMergeStep(name: string, step: MergeStep): void {
  mergeSteps.set(name, step);
}

/** Merges `input.sourceId` into `targetId` inside the caller's transaction; answers the surviving record. */
export async function mergeCustomers(ctx: KitContext, targetId: string, input: MergeInput): Promise<ApiRecord> {
  if (input.sourceId === targetId) throw invalid('sourceId', 'MERGE_INTO_ITSELF');
  await lockBoth(ctx, targetId, input);
  const source = await getRecord(ctx, input.sourceId);
  const body = await chosenValues(ctx, source, input.values);
  // Through the kit: validation, hooks (region, name key), audit of the changed fields and the search entry.
  const updated = await updateRecord(ctx, targetId, input.version, body);
  const [sourceContact] = await ctx.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.customerId, input.sourceId), isNull(contacts.deletedAt)))
    .limit(1);
  // An individual is their own contact: an organisation's contacts cannot move under one.
  if (sourceContact && updated.kind === 'individual') throw invalid('kind', 'CUSTOMER_HAS_CONTACTS');

  const identifiers = await moveIdentifiers(ctx, input.sourceId, targetId);
  const activities = await moveCustomerActivities(ctx.db, ctx.actor, input.sourceId, targetId);
  // Contacts, and whatever later modules (orders, cases, …) declare as a reference to a customer.
  const references = await repointReferences(ctx, input.sourceId, targetId);
  for (const [name, step] of mergeSteps) {
    const n = await step(ctx.db, input.sourceId, targetId);
    if (n) references[name] = n;
  }
  await deleteRecord(ctx, input.sourceId, null);

  const sourceName = source.name as string;
  const targetName = updated.name as string;
  const moved: FieldChange[] = [
    { field: 'mergedFrom', old: null, new: `${sourceName} (${input.sourceId})` },
    ...(identifiers.moved.length ? [{ field: 'identifiers', old: null, new: identifiers.moved.join(', ') }] : []),
    ...(identifiers.dropped.length ? [{ field: 'identifiersDropped', old: null, new: identifiers.dropped.join(', ') }] : []),
    ...(activities ? [{ field: 'activity.customerId', old: null, new: activities }] : []),
    ...Object.entries(references).map(([field, n]) => ({ field, old: null, new: n })),
  ];
  await recordAudit(ctx.db, ctx.actor, { recordType: 'customer', recordId: targetId, action: 'merge', changes: moved });
  await recordAudit(ctx.db, ctx.actor, {
    recordType: 'customer',
    recordId: input.sourceId,
    action: 'merge',
    changes: [{ field: 'mergedInto', old: null, new: `${targetName} (${targetId})` }],
  });
  // The target is found by the identifiers it took over.
  const [row] = await ctx.db.select().from(customers).where(eq(customers.id, targetId));
  await indexRecord(ctx.db, ctx.descriptor, row!);
  return getRecord(ctx, targetId);
}
