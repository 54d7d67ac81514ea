// Background export of a list view to CSV or .xlsx: the job pages through the list with the requester's export
// rights (as GET /api/v1/<plural>/export does), writes the file into the database chunk by chunk and keeps a row
// per export — who exported which type with which query, when, and how many rows: the export log.
import { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import yazl from 'yazl';
import type { CreateExportRequest, ExportView } from '@guanxi/contracts';
import type { Db, DbOrTx } from '../db/db.ts';
import { newId } from '../db/columns.ts';
import type { Actor } from '../http/context.ts';
import { AppError, fieldError } from '../http/errors.ts';
import { hasAnyScope } from '../access/recordAccess.ts';
import { loadSystemActor } from '../access/actor.ts';
import { enqueueJob } from '../jobs/jobs.runner.ts';
import type { EventBus } from '../events/bus.ts';
import type { EntityRegistry } from '../entities/registry.ts';
import { listRecords, type KitContext } from '../entities/entity.read.ts';
import { csvLines, exportTable } from '../entities/entity.export.ts';
import { deleteFile, storeFile } from './imports.files.ts';
import { exports } from './imports.schema.ts';

export type ExportRow = typeof exports.$inferSelect;
export const EXPORT_JOB = 'exports.run';
export const EXPORT_PROGRESS_EVENT = 'export.progress';

export async function createExport(
  db: DbOrTx,
  actor: Actor,
  registry: EntityRegistry,
  input: Required<CreateExportRequest>,
): Promise<ExportRow> {
  const descriptor = registry.get(input.recordType);
  if (!descriptor) throw fieldError('recordType', 'invalid_option', 'invalid_option');
  if (!hasAnyScope(actor, descriptor.name, 'export')) throw new AppError('FORBIDDEN', 403);
  // A bad filter or field list is refused now, with a 400, rather than failing later in the job.
  await listRecords({ db, actor, registry, descriptor }, { ...input.query, limit: '1' }, { action: 'export' });
  const [row] = await db
    .insert(exports)
    .values({ id: newId(), recordType: descriptor.name, createdBy: actor.userId, format: input.format, query: input.query })
    .returning();
  await enqueueJob(db, EXPORT_JOB, { exportId: row!.id }, { maxAttempts: 3 });
  return row!;
}

/** An export visible to the actor: their own, or any for an administrator; 404 otherwise. */
export async function getExportRow(db: DbOrTx, actor: Actor, id: string): Promise<ExportRow> {
  const [row] = await db.select().from(exports).where(eq(exports.id, id));
  if (!row || (row.createdBy !== actor.userId && !actor.isAdmin)) throw new AppError('NOT_FOUND', 404);
  return row;
}

export const toExportView = (row: ExportRow): ExportView => ({
  id: row.id,
  recordType: row.recordType,
  format: row.format,
  query: row.query,
  status: row.status,
  progress: { total: row.totalRows, done: row.rowsDone },
  fileSize: row.fileSize,
  lastError: row.lastError,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

export const exportFileName = (row: ExportRow, plural: string): string =>
  `${plural}-${row.createdAt.toISOString().slice(0, 10)}.${row.format}`;

// Characters XML 1.0 cannot carry at all; a cell holding one would make the workbook unreadable.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlText = (text: string): string =>
  text.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const columnName = (index: number): string => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/** One worksheet row. Text goes in as inline strings, which a spreadsheet never evaluates, so `=cmd|…` stays text. */
function sheetRow(values: unknown[], rowNumber: number): string {
  const cells = values.map((value, i) => {
    const ref = `${columnName(i)}${rowNumber}`;
    if (value === null || value === undefined || value === '') return '';
    if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"><v>${value}</v></c>`;
    const text = (Array.isArray(value) ? value.join('; ') : String(value)).slice(0, 32_767);
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
  });
  return `<row r="${rowNumber}">${cells.join('')}</row>`;
}

const XLSX_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
};

/** A workbook of one sheet whose XML is produced while the zip is written. */
export function xlsxStream(sheetRows: AsyncIterable<unknown[][]>): Readable {
  const zip = new yazl.ZipFile();
  for (const [name, xml] of Object.entries(XLSX_PARTS)) zip.addBuffer(Buffer.from(xml), name);
  const sheet = Readable.from(
    (async function* () {
      yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
      let n = 0;
      for await (const rows of sheetRows) yield rows.map((values) => sheetRow(values, ++n)).join('');
      yield '</sheetData></worksheet>';
    })(),
  );
  zip.addReadStream(sheet, 'xl/worksheets/sheet1.xml');
  zip.end();
  return zip.outputStream as Readable;
}

export interface ExportRunDeps {
  db: Db;
  registry: EntityRegistry;
  events: EventBus;
  timeZone: string;
}

async function setExport(db: DbOrTx, id: string, changes: Partial<ExportRow>): Promise<ExportRow> {
  const [row] = await db.update(exports).set(changes).where(eq(exports.id, id)).returning();
  return row!;
}

/** Writes an export's file; a failed attempt starts over (the job retries), a last failure marks it failed. */
export async function runExport(deps: ExportRunDeps, exportId: string, attempt: { last: boolean }): Promise<void> {
  const { db } = deps;
  let [row] = await db.select().from(exports).where(eq(exports.id, exportId));
  if (!row || row.status === 'done' || row.status === 'failed') return;
  const publish = (r: ExportRow) =>
    deps.events.publish(r.createdBy, {
      type: EXPORT_PROGRESS_EVENT,
      data: { id: r.id, status: r.status, progress: toExportView(r).progress },
    });
  try {
    await deleteFile(db, exportId);
    const actor = await loadSystemActor(db, row.createdBy, 'job');
    const descriptor = deps.registry.get(row.recordType);
    if (!actor || !descriptor) throw new Error('the exporting user or the record type no longer exists');
    const ctx: KitContext = { db, actor, registry: deps.registry, descriptor };
    const counted = await listRecords(ctx, { ...row.query, limit: '1', total: 'true' }, { action: 'export' });
    row = await setExport(db, exportId, { status: 'running', totalRows: counted.total ?? null, rowsDone: 0 });
    await publish(row);
    const pages = async function* () {
      let header = true;
      for await (const rows of exportTable(ctx, row!.query, deps.timeZone)) {
        yield rows;
        if (header) {
          header = false;
          continue;
        }
        const done = await setExport(db, exportId, { rowsDone: sql`${exports.rowsDone} + ${rows.length}` as unknown as number });
        await publish(done);
      }
    };
    const content =
      row.format === 'xlsx'
        ? xlsxStream(pages())
        : Readable.from(
            (async function* () {
              let first = true;
              for await (const rows of pages()) {
                yield (first ? '\uFEFF' : '') + csvLines(rows);
                first = false;
              }
            })(),
          );
    const size = await storeFile(db, exportId, content);
    row = await setExport(db, exportId, { status: 'done', fileSize: size, finishedAt: new Date(), lastError: null });
    await publish(row);
  } catch (err) {
    const message = String((err as Error)?.message ?? err).slice(0, 2000);
    row = await setExport(
      db,
      exportId,
      attempt.last ? { status: 'failed', lastError: message, finishedAt: new Date() } : { lastError: message },
    );
    if (attempt.last) await publish(row);
    throw err;
  }
}
