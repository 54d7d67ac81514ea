// Import of records from CSV/.xlsx and background export of list views: request and response shapes.
import { z } from 'zod';

export const IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'interrupted', 'done', 'rolling_back', 'rolled_back'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const DUPLICATE_POLICIES = ['skip', 'update', 'create'] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];

export const importColumnSchema = z.object({
  index: z.number().int().min(0),
  header: z.string(),
  /** Field the column fills (`name`, `custom.region`, `ownerId`), or null when the column is not imported. */
  field: z.string().nullable(),
});
export type ImportColumn = z.infer<typeof importColumnSchema>;

export const importProgressSchema = z.object({
  /** Data rows in the file; null until the run has counted them. */
  total: z.number().int().nullable(),
  /** Rows whose outcome is committed. */
  done: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  rolledBack: z.number().int(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const importSchema = z.object({
  id: z.uuid(),
  recordType: z.string(),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'gb18030']).nullable(),
  fileSize: z.number().int(),
  headers: z.array(z.string()),
  /** The first rows after the header, cells cut to 200 characters. */
  preview: z.array(z.array(z.string())),
  mapping: z.array(importColumnSchema),
  unmappedColumns: z.array(z.string()),
  /** Fields a column may fill, with their label in the request's language. */
  fields: z.array(z.object({ name: z.string(), label: z.string(), type: z.string(), required: z.boolean() })),
  /** Required fields no column fills yet; the import cannot start while any is listed. */
  missingRequired: z.array(z.string()),
  duplicatePolicy: z.enum(DUPLICATE_POLICIES),
  progress: importProgressSchema,
  lastError: z.string().nullable(),
  createdBy: z.uuid(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof importSchema>;

export const updateImportSchema = z
  .object({
    /** Columns to change, by position; columns not named keep their mapping. */
    mapping: z
      .array(z.object({ index: z.number().int().min(0), field: z.string().max(100).nullable() }).strict())
      .max(500)
      .optional(),
    duplicatePolicy: z.enum(DUPLICATE_POLICIES).optional(),
  })
  .strict();
export type UpdateImportRequest = z.infer<typeof updateImportSchema>;

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const createExportSchema = z
  .object({
    recordType: z.string().min(1).max(64),
    format: z.enum(EXPORT_FORMATS).default('csv'),
    /** The list's query as in GET /api/v1/<plural>/export: `q`, `filter[field][op]`, `sort`, `fields`, `deleted`. */
    query: z.record(z.string().max(100), z.string().max(2000)).default({}),
  })
  .strict();
export type CreateExportRequest = z.input<typeof createExportSchema>;

export const exportSchema = z.object({
  id: z.uuid(),
  recordType: z.string(),
  format: z.enum(EXPORT_FORMATS),
  query: z.record(z.string(), z.string()),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({ total: z.number().int().nullable(), done: z.number().int() }),
  fileSize: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdBy: z.uuid(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ExportView = z.infer<typeof exportSchema>;
