// Imports as the user sees them: upload (stored, encoding detected, headers and preview read, columns mapped),
// settings, start / resume / roll back, status, and the per-row error report. The work itself is in imports.run.ts.
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { ImportProgress, ImportView, Locale, UpdateImportRequest } from '@guanxi/contracts';
import type { Db, DbOrTx } from '../db/db.ts';
import { newId } from '../db/columns.ts';
import type { Actor } from '../http/context.ts';
import { AppError, fieldError } from '../http/errors.ts';
import { hasAnyScope } from '../access/recordAccess.ts';
import { enqueueJob } from '../jobs/jobs.runner.ts';
import type { EntityRegistry } from '../entities/registry.ts';
import type { EntityDescriptor } from '../entities/descriptor.ts';
import { loadFields } from '../entities/entity.read.ts';
import { localized, type ResolvedField } from '../entities/fields.ts';
import { csvCell } from '../entities/entity.export.ts';
import { translate } from '../i18n/i18n.ts';
import { deleteFile, storeFile } from './imports.files.ts';
import { csvRowCounter } from './imports.count.ts';
import { encodingDetector, isZip, previewRows, type StoredFile } from './imports.readers.ts';
import { autoMapping, importableFields } from './imports.mapping.ts';
import { importHooks } from './imports.registry.ts';
import { importErrors, imports } from './imports.schema.ts';

export type ImportRow = typeof imports.$inferSelect;

export const IMPORT_RUN_JOB = 'imports.run';
export const IMPORT_ROLLBACK_JOB = 'imports.rollback';
const PREVIEW_ROWS = 20;
const PREVIEW_CELL_CHARS = 200;

export const storedFileOf = (row: ImportRow): StoredFile => ({
  id: row.id,
  size: row.fileSize,
  format: row.format,
  encoding: row.encoding,
});

function importableDescriptor(registry: EntityRegistry, recordType: string): EntityDescriptor {
  const descriptor = registry.get(recordType);
  if (!descriptor) throw fieldError('recordType', 'invalid_option', 'invalid_option');
  return descriptor;
}

function requireImportRights(actor: Actor, recordType: string, policy: ImportRow['duplicatePolicy']): void {
  if (!hasAnyScope(actor, recordType, 'create')) throw new AppError('FORBIDDEN', 403);
  if (policy === 'update' && !hasAnyScope(actor, recordType, 'update')) throw new AppError('FORBIDDEN', 403);
}

export interface UploadInput {
  recordType: string | undefined;
  fileName: string;
  /** The file's bytes; consumed completely even when the upload is refused. */
  content: AsyncIterable<Buffer>;
  /** True when the upload stopped at the size limit, `maxBytes`. */
  truncated(): boolean;
  maxBytes: number;
}

/** Stores an uploaded file and answers the new import with its preview and automatic mapping. */
export async function createImport(db: Db, actor: Actor, registry: EntityRegistry, input: UploadInput): Promise<ImportRow> {
  const id = newId();
  const detector = encodingDetector();
  const counter = csvRowCounter();
  let head: Buffer | undefined;
  let size: number;
  try {
    size = await storeFile(db, id, input.content, (piece) => {
      head ??= piece;
      detector.push(piece);
      counter.push(piece);
    });
  } catch (err) {
    await deleteFile(db, id);
    throw err;
  }
  try {
    if (input.truncated())
      throw new AppError('IMPORT_FILE_TOO_LARGE', 413, undefined, { mb: Math.floor(input.maxBytes / 1048576) });
    const descriptor = importableDescriptor(registry, input.recordType ?? '');
    requireImportRights(actor, descriptor.name, 'skip');
    if (size === 0) throw fieldError('file', 'IMPORT_FILE_EMPTY', 'IMPORT_FILE_EMPTY');
    const format = isZip(head ?? Buffer.alloc(0)) ? 'xlsx' : 'csv';
    const file: StoredFile = { id, size, format, encoding: format === 'csv' ? detector.result() : null };
    let preview: { headers: string[]; rows: string[][] };
    try {
      preview = await previewRows(db, file, PREVIEW_ROWS);
    } catch {
      throw fieldError('file', 'IMPORT_FILE_UNREADABLE', 'IMPORT_FILE_UNREADABLE');
    }
    if (preview.headers.length === 0) throw fieldError('file', 'IMPORT_FILE_EMPTY', 'IMPORT_FILE_EMPTY');
    const fields = importableFields(await loadFields(db, descriptor));
    const hooks = importHooks(descriptor.name);
    const [row] = await db
      .insert(imports)
      .values({
        id,
        recordType: descriptor.name,
        createdBy: actor.userId,
        fileName: input.fileName.slice(0, 255),
        format,
        encoding: file.encoding,
        fileSize: size,
        headers: preview.headers,
        preview: preview.rows.map((r) => r.map((cell) => cell.slice(0, PREVIEW_CELL_CHARS))),
        mapping: autoMapping(preview.headers, [...fields, ...extraColumnFields(descriptor.name)], {
          ...hooks.synonyms,
          ...Object.fromEntries((hooks.extraColumns ?? []).map((c) => [c.name, c.synonyms ?? []])),
        }),
        // Counted while stored (rows after the header); an .xlsx is counted when its import starts.
        totalRows: format === 'csv' ? Math.max(0, counter.rows() - 1) : null,
      })
      .returning();
    return row!;
  } catch (err) {
    await deleteFile(db, id);
    throw err;
  }
}

/** An import visible to the actor: their own, or any for an administrator; 404 otherwise. */
export async function getImportRow(db: DbOrTx, actor: Actor, id: string, options: { lock?: boolean } = {}): Promise<ImportRow> {
  const query = db.select().from(imports).where(eq(imports.id, id));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row || (row.createdBy !== actor.userId && !actor.isAdmin)) throw new AppError('NOT_FOUND', 404);
  return row;
}

/** The counters of an import, as GET /imports/:id and the `import.progress` event show them. */
export const importProgress = (row: ImportRow): ImportProgress => ({
  total: row.totalRows,
  done: row.position,
  created: row.created,
  updated: row.updated,
  skipped: row.skipped,
  failed: row.failed,
  rolledBack: row.rolledBack,
});

export async function toImportView(db: DbOrTx, registry: EntityRegistry, row: ImportRow, locale: Locale): Promise<ImportView> {
  const descriptor = registry.get(row.recordType);
  const fields = descriptor ? [...importableFields(await loadFields(db, descriptor)), ...extraColumnFields(row.recordType)] : [];
  const mapped = new Set(row.mapping.map((m) => m.field).filter(Boolean));
  return {
    id: row.id,
    recordType: row.recordType,
    status: row.status,
    fileName: row.fileName,
    format: row.format,
    encoding: row.encoding,
    fileSize: row.fileSize,
    headers: row.headers,
    preview: row.preview,
    mapping: row.mapping,
    unmappedColumns: row.mapping.filter((m) => !m.field).map((m) => m.header),
    fields: fields.map((f) => ({ name: f.name, label: localized(f.label, locale), type: f.type, required: f.required })),
    missingRequired: fields.filter((f) => f.required && !mapped.has(f.name)).map((f) => f.name),
    duplicatePolicy: row.duplicatePolicy,
    progress: importProgress(row),
    lastError: row.lastError,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * The type's extra import columns (a customer's identifiers) in the shape of fields, so the automatic mapping,
 * the mapping editor and its checks offer them beside the record's own fields. They are never required.
 */
function extraColumnFields(recordType: string): ResolvedField[] {
  return (importHooks(recordType).extraColumns ?? []).map(
    (c) =>
      ({
        name: c.name,
        key: c.name,
        label: c.label,
        type: 'text',
        required: false,
        readOnly: false,
        custom: false,
        system: false,
        filterable: false,
        sortable: false,
        searchable: false,
        cast: 'text',
        expr: sql`NULL`,
      }) satisfies ResolvedField,
  );
}

const requireStatus = (row: ImportRow, allowed: ImportRow['status'][]) => {
  if (!allowed.includes(row.status)) throw new AppError('IMPORT_WRONG_STATE', 409, undefined, { status: row.status });
};

/** Changes the mapping and the duplicate policy of an import that has not started. */
export async function updateImport(
  db: DbOrTx,
  actor: Actor,
  registry: EntityRegistry,
  id: string,
  input: UpdateImportRequest,
): Promise<ImportRow> {
  const row = await getImportRow(db, actor, id, { lock: true });
  requireStatus(row, ['uploaded']);
  const descriptor = importableDescriptor(registry, row.recordType);
  const fieldNames = new Set(
    [...importableFields(await loadFields(db, descriptor)), ...extraColumnFields(descriptor.name)].map((f) => f.name),
  );
  const mapping = row.mapping.map((m) => ({ ...m }));
  for (const change of input.mapping ?? []) {
    const column = mapping[change.index];
    if (!column) throw fieldError(`mapping.${change.index}`, 'invalid_value', 'invalid_value');
    if (change.field !== null && !fieldNames.has(change.field))
      throw fieldError(`mapping.${change.index}.field`, 'unknown_field', 'unknown_field');
    column.field = change.field;
  }
  const seen = new Set<string>();
  for (const column of mapping) {
    if (!column.field) continue;
    if (seen.has(column.field)) throw fieldError(`mapping.${column.index}.field`, 'IMPORT_FIELD_TWICE', 'IMPORT_FIELD_TWICE');
    seen.add(column.field);
  }
  const [updated] = await db
    .update(imports)
    .set({ mapping, duplicatePolicy: input.duplicatePolicy ?? row.duplicatePolicy })
    .where(eq(imports.id, id))
    .returning();
  return updated!;
}

/** Queues the first run of an import whose required fields all have a column. */
export async function startImport(db: DbOrTx, actor: Actor, registry: EntityRegistry, id: string): Promise<ImportRow> {
  const row = await getImportRow(db, actor, id, { lock: true });
  requireStatus(row, ['uploaded']);
  const descriptor = importableDescriptor(registry, row.recordType);
  requireImportRights(actor, descriptor.name, row.duplicatePolicy);
  const mapped = new Set(row.mapping.map((m) => m.field));
  const missing = importableFields(await loadFields(db, descriptor)).filter((f) => f.required && !mapped.has(f.name));
  if (missing.length)
    throw new AppError(
      'IMPORT_REQUIRED_UNMAPPED',
      422,
      missing.map((f) => ({ field: f.name, code: 'required', message: 'required' })),
    );
  return queue(db, id, IMPORT_RUN_JOB, { status: 'queued', startedAt: new Date() });
}

/** Continues an interrupted import after its last committed batch. */
export async function resumeImport(db: DbOrTx, actor: Actor, id: string): Promise<ImportRow> {
  const row = await getImportRow(db, actor, id, { lock: true });
  requireStatus(row, ['interrupted']);
  requireImportRights(actor, row.recordType, row.duplicatePolicy);
  return queue(db, id, IMPORT_RUN_JOB, { status: 'queued', lastError: null });
}

/** Moves what an interrupted or finished import created to the recycle bin. */
export async function rollbackImport(db: DbOrTx, actor: Actor, id: string): Promise<ImportRow> {
  const row = await getImportRow(db, actor, id, { lock: true });
  requireStatus(row, ['interrupted', 'done', 'rolling_back']);
  return queue(db, id, IMPORT_ROLLBACK_JOB, { status: 'rolling_back', lastError: null });
}

async function queue(db: DbOrTx, id: string, job: string, changes: Partial<ImportRow>): Promise<ImportRow> {
  const [row] = await db.update(imports).set(changes).where(eq(imports.id, id)).returning();
  await enqueueJob(db, job, { importId: id }, { dedupeKey: `import:${id}`, maxAttempts: 3 });
  return row!;
}

/** The report of rows that failed or were skipped, as CSV (UTF-8 with BOM, formula-safe cells), page by page. */
export async function* importErrorReport(db: DbOrTx, row: ImportRow, locale: Locale): AsyncGenerator<string> {
  const head = ['IMPORT_REPORT_ROW', 'IMPORT_REPORT_KIND', 'IMPORT_REPORT_COLUMN', 'IMPORT_REPORT_MESSAGE'];
  yield '\uFEFF' + head.map((code) => csvCell(translate(locale, code))).join(',') + '\r\n';
  let after = 0;
  for (;;) {
    const page = await db
      .select()
      .from(importErrors)
      .where(and(eq(importErrors.importId, row.id), gt(importErrors.rowNumber, after)))
      .orderBy(asc(importErrors.rowNumber))
      .limit(2000);
    if (page.length === 0) return;
    // A row may have several errors: finish the last row number of the page before moving on.
    const lastRow = page[page.length - 1]!.rowNumber;
    const rest =
      page.length === 2000
        ? await db
            .select()
            .from(importErrors)
            .where(and(eq(importErrors.importId, row.id), eq(importErrors.rowNumber, lastRow)))
        : [];
    const lines = [...page.filter((e) => e.rowNumber !== lastRow || page.length < 2000), ...rest];
    yield lines
      .map((e) =>
        [e.rowNumber, translate(locale, e.kind === 'skipped' ? 'IMPORT_KIND_SKIPPED' : 'IMPORT_KIND_ERROR'), e.column, e.message]
          .map(csvCell)
          .join(','),
      )
      .join('\r\n')
      .concat('\r\n');
    after = lastRow;
  }
}
