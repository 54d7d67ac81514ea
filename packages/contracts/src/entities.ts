// Metadata of record types and the shapes of generic record requests: the web app renders every record type from these.
import { z } from 'zod';
import { ACTIONS, SCOPES } from './access.ts';

export const FIELD_TYPES = [
  'text',
  'longText',
  'integer',
  'decimal',
  'date',
  'datetime',
  'boolean',
  'select',
  'multiSelect',
  /** Free tags: any short texts the users type, suggested from the ones already used. */
  'tags',
  'reference',
  'email',
  'phone',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** The product's subsystems, in the order the side navigation shows them. */
export const SUBSYSTEMS = [
  'customers',
  'activities',
  'sales',
  'commerce',
  'service',
  'marketing',
  'partners',
  'analytics',
  'portal',
  'platform',
] as const;
export type Subsystem = (typeof SUBSYSTEMS)[number];

export const FILTER_OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'contains', 'startsWith', 'isNull', 'between'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export const localizedTextSchema = z
  .object({ 'zh-CN': z.string().min(1).max(100), 'zh-TW': z.string().max(100).optional(), en: z.string().max(100).optional() })
  .strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const selectOptionSchema = z.object({ value: z.string().min(1).max(64), label: localizedTextSchema }).strict();

export const fieldMetaSchema = z.object({
  name: z.string(),
  type: z.enum(FIELD_TYPES),
  label: z.string(),
  labelKey: z.string().optional(),
  required: z.boolean(),
  readOnly: z.boolean(),
  custom: z.boolean(),
  maxLength: z.number().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  reference: z.string().optional(),
  /** For a reference to a lookup narrowed by another field (a stage by its pipeline): that field's name. */
  referenceParent: z.string().optional(),
  filterable: z.boolean(),
  sortable: z.boolean(),
  searchable: z.boolean(),
  section: z.string().optional(),
  /** The field applies only while `field` holds one of `values`; forms and detail pages hide it otherwise. */
  when: z.object({ field: z.string(), values: z.array(z.string()) }).optional(),
});
export type FieldMeta = z.infer<typeof fieldMetaSchema>;

export const entityMetaSchema = z.object({
  name: z.string(),
  plural: z.string(),
  label: z.string(),
  subsystem: z.enum(SUBSYSTEMS),
  titleField: z.string(),
  fields: z.array(fieldMetaSchema),
  /** Sections of the detail and form views, in order; fields name theirs in `section`. */
  sections: z.array(z.object({ key: z.string(), label: z.string() })),
  defaultSort: z.array(z.string()),
  relations: z.array(z.object({ name: z.string(), entity: z.string(), field: z.string(), label: z.string() })),
  permissions: z.partialRecord(z.enum(ACTIONS), z.enum(SCOPES)),
});
export type EntityMeta = z.infer<typeof entityMetaSchema>;

export const metaResponseSchema = z.object({ entities: z.array(entityMetaSchema) });

export const listResponseSchema = z.object({
  items: z.array(z.record(z.string(), z.unknown())),
  nextCursor: z.string().nullable(),
  total: z.number().int().optional(),
});
export type ListResponse<T = Record<string, unknown>> = { items: T[]; nextCursor: string | null; total?: number };

export const bulkUpdateRequestSchema = z
  .object({
    ids: z.array(z.uuid()).min(1).max(1000),
    changes: z.record(z.string(), z.unknown()),
  })
  .strict();

export const bulkAssignRequestSchema = z
  .object({
    ids: z.array(z.uuid()).min(1).max(1000),
    ownerId: z.uuid(),
    orgUnitId: z.uuid().optional(),
  })
  .strict();

export const bulkDeleteRequestSchema = z.object({ ids: z.array(z.uuid()).min(1).max(1000) }).strict();

export const bulkResultSchema = z.object({
  results: z.array(
    z.object({
      id: z.uuid(),
      ok: z.boolean(),
      status: z.number().int(),
      version: z.number().int().optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
  succeeded: z.number().int(),
  failed: z.number().int(),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const auditEntrySchema = z.object({
  id: z.uuid(),
  action: z.string(),
  changes: z.array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() })),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  source: z.string(),
  requestId: z.string().nullable(),
  at: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const CUSTOM_FIELD_KEY = /^[a-z][a-zA-Z0-9_]{0,39}$/;

export const customFieldDefinitionSchema = z.object({
  id: z.uuid(),
  recordType: z.string(),
  key: z.string(),
  type: z.enum(FIELD_TYPES),
  label: localizedTextSchema,
  options: z.array(selectOptionSchema),
  reference: z.string().nullable(),
  required: z.boolean(),
  active: z.boolean(),
  position: z.number().int(),
  version: z.number().int(),
});
export type CustomFieldDefinition = z.infer<typeof customFieldDefinitionSchema>;

export const createCustomFieldSchema = z
  .object({
    recordType: z.string().min(1).max(64),
    key: z.string().regex(CUSTOM_FIELD_KEY),
    type: z.enum(FIELD_TYPES),
    label: localizedTextSchema,
    options: z.array(selectOptionSchema).max(200).optional(),
    reference: z.string().max(64).optional(),
    required: z.boolean().optional(),
    position: z.number().int().min(0).max(10000).optional(),
  })
  .strict();

export const updateCustomFieldSchema = z
  .object({
    label: localizedTextSchema.optional(),
    options: z.array(selectOptionSchema).max(200).optional(),
    required: z.boolean().optional(),
    active: z.boolean().optional(),
    position: z.number().int().min(0).max(10000).optional(),
  })
  .strict();
