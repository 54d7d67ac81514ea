// Tables of imports and exports: the uploaded or produced file (in chunks, so every server process can read it),
// each import's settings and committed progress, its per-row errors, the records it created (for rollback) and
// the keys of the rows it has seen (duplicates inside one file); each export's query, progress and result.
import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../db/columns.ts';
import { users } from '../access/access.schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** A file kept in the database in chunks of at most 1 MiB, read back one chunk at a time. */
export const transferChunks = pgTable(
  'transfer_chunks',
  {
    fileId: uuid('file_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);

export interface ImportColumnMapping {
  /** Position of the column in the file, 0-based. */
  index: number;
  header: string;
  /** Field the column fills (`name`, `custom.region`, `ownerId`), or null when it is not imported. */
  field: string | null;
}

export const imports = pgTable(
  'imports',
  {
    id: idColumn(),
    recordType: text('record_type').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    status: text('status')
      .$type<'uploaded' | 'queued' | 'running' | 'interrupted' | 'done' | 'rolling_back' | 'rolled_back'>()
      .notNull()
      .default('uploaded'),
    fileName: text('file_name').notNull(),
    format: text('format').$type<'csv' | 'xlsx'>().notNull(),
    encoding: text('encoding').$type<'utf-8' | 'gb18030' | null>(),
    fileSize: integer('file_size').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    preview: jsonb('preview').$type<string[][]>().notNull(),
    mapping: jsonb('mapping').$type<ImportColumnMapping[]>().notNull(),
    duplicatePolicy: text('duplicate_policy').$type<'skip' | 'update' | 'create'>().notNull().default('skip'),
    totalRows: integer('total_rows'),
    /** Data rows (after the header) whose outcome is committed; a resumed run starts after them. */
    position: integer('position').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    rolledBack: integer('rolled_back').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('imports_created_by_idx').on(t.createdBy, t.createdAt)],
);

export const importErrors = pgTable(
  'import_errors',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    /** Line of the row in the file, counting the header as 1, as a spreadsheet shows it. */
    rowNumber: integer('row_number').notNull(),
    kind: text('kind').$type<'error' | 'skipped'>().notNull(),
    column: text('column'),
    message: text('message').notNull(),
  },
  (t) => [index('import_errors_import_idx').on(t.importId, t.rowNumber)],
);

export const importCreatedRecords = pgTable(
  'import_created_records',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    recordId: uuid('record_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.recordId] })],
);

export const importRowKeys = pgTable(
  'import_row_keys',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    rowNumber: integer('row_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.key] })],
);

export const exports = pgTable(
  'exports',
  {
    id: idColumn(),
    recordType: text('record_type').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    format: text('format').$type<'csv' | 'xlsx'>().notNull(),
    query: jsonb('query').$type<Record<string, string>>().notNull().default({}),
    status: text('status').$type<'queued' | 'running' | 'done' | 'failed'>().notNull().default('queued'),
    totalRows: integer('total_rows'),
    rowsDone: integer('rows_done').notNull().default(0),
    fileSize: integer('file_size'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('exports_created_by_idx').on(t.createdBy, t.createdAt),
    index('exports_record_type_idx').on(t.recordType, t.createdAt),
  ],
);
