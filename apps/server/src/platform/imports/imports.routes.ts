// HTTP of imports (/api/v1/imports) and background exports (/api/v1/exports), and the registration of their jobs.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { createExportSchema, updateImportSchema } from '@guanxi/contracts';
import { requireActor } from '../http/context.ts';
import { AppError, fieldError } from '../http/errors.ts';
import type { EntityRegistry } from '../entities/registry.ts';
import { readFile } from './imports.files.ts';
import {
  IMPORT_ROLLBACK_JOB,
  IMPORT_RUN_JOB,
  createImport,
  getImportRow,
  importErrorReport,
  resumeImport,
  rollbackImport,
  startImport,
  toImportView,
  updateImport,
} from './imports.service.ts';
import { rollbackImportRecords, runImport, type ImportRunDeps } from './imports.run.ts';
import { EXPORT_JOB, createExport, exportFileName, getExportRow, runExport, toExportView } from './exports.service.ts';
import { exports, imports } from './imports.schema.ts';

const idParams = z.object({ id: z.uuid() });
const jobPayload = z.object({ importId: z.uuid() });
const exportPayload = z.object({ exportId: z.uuid() });

const attachment = (name: string) =>
  `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function registerImportJobs(app: FastifyInstance, registry: EntityRegistry): void {
  const deps: ImportRunDeps = {
    db: app.db,
    registry,
    events: app.events,
    timeZone: app.config.timeZone,
    batchSize: app.config.importBatchSize,
  };
  // An import of a million rows runs for minutes; the default 30-minute limit would cut a slow one short.
  const long = { timeoutMs: 24 * 60 * 60_000 };
  app.jobs
    .register(IMPORT_RUN_JOB, (p, job) => runImport(deps, p.importId, job), { payload: jobPayload, ...long })
    .register(IMPORT_ROLLBACK_JOB, (p) => rollbackImportRecords(deps, p.importId), { payload: jobPayload, ...long })
    .register(EXPORT_JOB, (p, job) => runExport(deps, p.exportId, { last: job.attempt >= job.maxAttempts }), {
      payload: exportPayload,
      ...long,
    });
}

export async function registerImportRoutes(app: FastifyInstance, registry: EntityRegistry): Promise<void> {
  registerImportJobs(app, registry);
  const tags = ['imports'];

  // Multipart only inside this scope: the rest of the API keeps speaking JSON only.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: scope.config.importMaxBytes, files: 1, fields: 10, fieldSize: 1000 },
    });
    scope.post(
      '/v1/imports',
      { schema: { tags, summary: 'Upload a CSV or .xlsx file (multipart: recordType, then file)' } },
      async (request, reply) => {
        const actor = requireActor(request);
        if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415);
        // The record type comes as ?recordType= or as a form field before the file.
        let recordType = (request.query as Record<string, string | undefined>).recordType;
        let row: Awaited<ReturnType<typeof createImport>> | undefined;
        try {
          for await (const part of request.parts()) {
            if (part.type === 'field') {
              if (part.fieldname === 'recordType') recordType = String(part.value);
              continue;
            }
            if (row) {
              part.file.resume();
              continue;
            }
            row = await createImport(app.db, actor, registry, {
              recordType,
              fileName: part.filename || 'import.csv',
              content: part.file,
              truncated: () => part.file.truncated,
              maxBytes: app.config.importMaxBytes,
            });
          }
        } catch (err) {
          const code = (err as { code?: string }).code;
          if (code === 'FST_REQ_FILE_TOO_LARGE')
            throw new AppError('IMPORT_FILE_TOO_LARGE', 413, undefined, { mb: Math.floor(app.config.importMaxBytes / 1048576) });
          throw err;
        }
        if (!row) throw fieldError('file', 'required', 'required');
        return reply.status(201).send(await toImportView(app.db, registry, row, request.locale));
      },
    );
  });

  app.get('/v1/imports', { schema: { tags, summary: 'My imports, newest first' } }, async (request) => {
    const actor = requireActor(request);
    const rows = await app.db
      .select()
      .from(imports)
      .where(eq(imports.createdBy, actor.userId))
      .orderBy(desc(imports.createdAt))
      .limit(50);
    return { items: await Promise.all(rows.map((row) => toImportView(app.db, registry, row, request.locale))) };
  });

  app.get('/v1/imports/:id', { schema: { tags, params: idParams } }, async (request) => {
    const { id } = request.params as z.infer<typeof idParams>;
    const row = await getImportRow(app.db, requireActor(request), id);
    return toImportView(app.db, registry, row, request.locale);
  });

  app.patch('/v1/imports/:id', { schema: { tags, params: idParams, body: updateImportSchema } }, async (request) => {
    const { id } = request.params as z.infer<typeof idParams>;
    const body = request.body as z.infer<typeof updateImportSchema>;
    const row = await app.db.transaction((tx) => updateImport(tx, requireActor(request), registry, id, body));
    return toImportView(app.db, registry, row, request.locale);
  });

  const action = (name: string, run: typeof resumeImport) =>
    app.post(`/v1/imports/:id/${name}`, { schema: { tags, params: idParams } }, async (request, reply) => {
      const { id } = request.params as z.infer<typeof idParams>;
      const row = await app.db.transaction((tx) => run(tx, requireActor(request), id));
      return reply.status(202).send(await toImportView(app.db, registry, row, request.locale));
    });
  action('start', (tx, actor, id) => startImport(tx, actor, registry, id));
  action('resume', resumeImport);
  action('rollback', rollbackImport);

  app.get(
    '/v1/imports/:id/errors',
    { schema: { tags, params: idParams, summary: 'Per-row errors as CSV' } },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof idParams>;
      const row = await getImportRow(app.db, requireActor(request), id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment(`import-errors-${row.id}.csv`))
        .send(Readable.from(importErrorReport(app.db, row, request.locale)));
    },
  );

  const exportTags = ['exports'];
  app.post('/v1/exports', { schema: { tags: exportTags, body: createExportSchema } }, async (request, reply) => {
    const body = request.body as z.infer<typeof createExportSchema>;
    const row = await app.db.transaction((tx) => createExport(tx, requireActor(request), registry, body));
    return reply.status(202).send(toExportView(row));
  });

  app.get('/v1/exports', { schema: { tags: exportTags, summary: 'My exports, newest first' } }, async (request) => {
    const actor = requireActor(request);
    const rows = await app.db
      .select()
      .from(exports)
      .where(eq(exports.createdBy, actor.userId))
      .orderBy(desc(exports.createdAt))
      .limit(50);
    return { items: rows.map(toExportView) };
  });

  app.get('/v1/exports/:id', { schema: { tags: exportTags, params: idParams } }, async (request) => {
    const { id } = request.params as z.infer<typeof idParams>;
    return toExportView(await getExportRow(app.db, requireActor(request), id));
  });

  app.get('/v1/exports/:id/file', { schema: { tags: exportTags, params: idParams } }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof idParams>;
    const row = await getExportRow(app.db, requireActor(request), id);
    if (row.status !== 'done') throw new AppError('EXPORT_NOT_READY', 409);
    const plural = registry.get(row.recordType)?.plural ?? row.recordType;
    return reply
      .header(
        'content-type',
        row.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      )
      .header('content-length', String(row.fileSize))
      .header('content-disposition', attachment(exportFileName(row, plural)))
      .send(Readable.from(readFile(app.db, row.id)));
  });
}
