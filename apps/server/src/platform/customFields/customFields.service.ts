// Administrator-defined fields per record type: definitions here, values in each record's `custom` column.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createCustomFieldSchema, updateCustomFieldSchema } from '@guanxi/contracts';
import type { DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';
import { AppError, staleVersion } from '../http/errors.ts';
import { recordAudit, diffFields } from '../audit/audit.service.ts';
import { cachedReference, referenceChanged } from '../cache/referenceCache.ts';
import { customFieldDefs } from './customFields.schema.ts';

export type CustomFieldDefinitionRow = typeof customFieldDefs.$inferSelect;

const definitionsKey = (recordType: string) => `customFields:${recordType}`;

/** A record type's field definitions in position order; every read and write of its records asks for them. */
export async function findCustomFieldDefs(db: DbOrTx, recordType: string, options: { includeInactive?: boolean } = {}) {
  const all = await cachedReference(db, definitionsKey(recordType), () =>
    db
      .select()
      .from(customFieldDefs)
      .where(eq(customFieldDefs.recordType, recordType))
      .orderBy(asc(customFieldDefs.position), asc(customFieldDefs.key)),
  );
  return options.includeInactive ? all.slice() : all.filter((d) => d.active);
}

const needsOptions = (type: string) => type === 'select' || type === 'multiSelect';

export async function createCustomFieldDef(
  db: DbOrTx,
  actor: Actor,
  input: z.infer<typeof createCustomFieldSchema>,
  knownRecordTypes: string[],
): Promise<CustomFieldDefinitionRow> {
  const details = [];
  if (!knownRecordTypes.includes(input.recordType))
    details.push({ field: 'recordType', code: 'invalid_option', message: 'invalid_option' });
  if (needsOptions(input.type) && !input.options?.length)
    details.push({ field: 'options', code: 'required', message: 'required' });
  if (input.type === 'reference' && !(input.reference && [...knownRecordTypes, 'user', 'orgUnit'].includes(input.reference))) {
    details.push({ field: 'reference', code: 'invalid_option', message: 'invalid_option' });
  }
  if (input.options && new Set(input.options.map((o) => o.value)).size !== input.options.length) {
    details.push({ field: 'options', code: 'DUPLICATE_VALUE', message: 'DUPLICATE_VALUE' });
  }
  if (details.length) throw new AppError('VALIDATION_FAILED', 400, details);
  const [existing] = await db
    .select({ id: customFieldDefs.id })
    .from(customFieldDefs)
    .where(and(eq(customFieldDefs.recordType, input.recordType), eq(customFieldDefs.key, input.key)));
  if (existing)
    throw new AppError('DUPLICATE_VALUE', 409, [{ field: 'key', code: 'DUPLICATE_VALUE', message: 'DUPLICATE_VALUE' }]);
  const [row] = await db
    .insert(customFieldDefs)
    .values({
      recordType: input.recordType,
      key: input.key,
      type: input.type,
      label: input.label,
      options: needsOptions(input.type) ? (input.options ?? []) : [],
      reference: input.type === 'reference' ? (input.reference ?? null) : null,
      required: input.required ?? false,
      position: input.position ?? 0,
    })
    .returning();
  await referenceChanged(db, definitionsKey(input.recordType));
  await recordAudit(db, actor, { recordType: 'customField', recordId: row!.id, action: 'create' });
  return row!;
}

export async function updateCustomFieldDef(
  db: DbOrTx,
  actor: Actor,
  id: string,
  version: number,
  input: z.infer<typeof updateCustomFieldSchema>,
): Promise<CustomFieldDefinitionRow> {
  const [before] = await db.select().from(customFieldDefs).where(eq(customFieldDefs.id, id));
  if (!before) throw new AppError('NOT_FOUND', 404);
  if (before.version !== version) throw staleVersion(before);
  if (input.options) {
    if (!needsOptions(before.type))
      throw new AppError('VALIDATION_FAILED', 400, [{ field: 'options', code: 'invalid_value', message: 'invalid_value' }]);
    if (new Set(input.options.map((o) => o.value)).size !== input.options.length) {
      throw new AppError('VALIDATION_FAILED', 400, [{ field: 'options', code: 'DUPLICATE_VALUE', message: 'DUPLICATE_VALUE' }]);
    }
  }
  const [row] = await db
    .update(customFieldDefs)
    .set({ ...input, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(customFieldDefs.id, id), eq(customFieldDefs.version, version)))
    .returning();
  if (!row) throw new AppError('VERSION_MISMATCH', 412);
  await referenceChanged(db, definitionsKey(row.recordType));
  await recordAudit(db, actor, {
    recordType: 'customField',
    recordId: id,
    action: 'update',
    changes: diffFields(before, row, ['label', 'options', 'required', 'active', 'position']),
  });
  return row;
}
