// HTTP routes the kit gives every record type under /api/v1/<plural>: auth → validate → service → reply.
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bulkAssignRequestSchema, bulkDeleteRequestSchema, bulkUpdateRequestSchema, shareSchema } from '@guanxi/contracts';
import type { Db } from '../db/db.ts';
import { requireActor } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { listHistory } from '../audit/audit.service.ts';
import { hasAnyScope } from '../access/recordAccess.ts';
import type { EntityDescriptor } from './descriptor.ts';
import type { EntityRegistry } from './registry.ts';
import { getRecord, listRecords, type ApiRecord, type KitContext } from './entity.read.ts';
import { assignRecord, createRecord, deleteRecord, restoreRecord, updateRecord } from './entity.write.ts';
import { bulkAssign, bulkDelete, bulkUpdate } from './entity.bulk.ts';
import { exportCsv } from './entity.export.ts';
import { listShares, shareRecord, unshareRecord } from './entity.shares.ts';
import { registerFieldValueRoutes } from './entity.fieldValues.ts';
import { allEntityMeta, entityMeta } from './entity.meta.ts';

const idParams = z.object({ id: z.uuid() });

/** Reads `If-Match: 3`, `"3"` or `W/"3"`; a write without it answers 428. */
export function versionFromIfMatch(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined) throw new AppError('PRECONDITION_REQUIRED', 428);
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(header));
  if (!match)
    throw new AppError('VALIDATION_FAILED', 400, [{ field: 'If-Match', code: 'invalid_value', message: 'invalid_value' }]);
  return Number(match[1]);
}

const withEtag = (reply: FastifyReply, record: ApiRecord) => reply.header('etag', `"${record.version}"`);

export function registerEntityRoutes(app: FastifyInstance, registry: EntityRegistry, descriptor: EntityDescriptor): void {
  const base = `/v1/${descriptor.plural}`;
  /** OpenAPI grouping and summary of a route; the record type's fields are described by GET /api/v1/meta. */
  const doc = <T extends object>(summary: string, schema?: T) => ({
    tags: [descriptor.plural],
    summary: `${summary} — ${descriptor.label.en ?? descriptor.name}`,
    ...schema,
  });
  const ctxOf = (request: FastifyRequest, db: KitContext['db'] = app.db): KitContext => ({
    db,
    actor: requireActor(request),
    registry,
    descriptor,
    locale: request.locale,
  });
  /** Runs a write in one transaction: it and its audit entries commit or roll back together. */
  const inTransaction = <T>(request: FastifyRequest, work: (ctx: KitContext) => Promise<T>): Promise<T> => {
    const ctx = ctxOf(request);
    return app.db.transaction((tx) => work({ ...ctx, db: tx }));
  };

  app.get(base, { schema: doc('List with filters, sort and keyset paging') }, async (request) =>
    listRecords(ctxOf(request), request.query as Record<string, unknown>),
  );

  registerFieldValueRoutes(app, base, ctxOf, doc);

  app.get(`${base}/export`, { schema: doc('Export the filtered list as CSV') }, async (request, reply) => {
    const ctx = ctxOf(request);
    if (!hasAnyScope(ctx.actor, descriptor.name, 'export')) throw new AppError('FORBIDDEN', 403);
    const generator = exportCsv(ctx, request.query as Record<string, unknown>, app.config.timeZone);
    // Pull the first chunk before answering, so a bad filter still gets a 400 instead of a broken download.
    const first = await generator.next();
    const stream = Readable.from(
      (async function* () {
        if (!first.done) yield first.value;
        yield* generator;
      })(),
    );
    const filename = `${descriptor.plural}-${new Date().toISOString().slice(0, 10)}.csv`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(stream);
  });

  app.post(base, { schema: doc('Create') }, async (request, reply) => {
    const record = await inTransaction(request, (ctx) => createRecord(ctx, request.body));
    return withEtag(reply, record).header('location', `/api${base}/${record.id}`).status(201).send(record);
  });

  app.get(`${base}/:id`, { schema: doc('Get one', { params: idParams }) }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof idParams>;
    const inBin = (request.query as Record<string, unknown>).deleted === 'only';
    const record = await getRecord(ctxOf(request), id, { inBin });
    return withEtag(reply, record).send(record);
  });

  app.patch(`${base}/:id`, { schema: doc('Update (If-Match: version)', { params: idParams }) }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof idParams>;
    const version = versionFromIfMatch(request);
    const record = await inTransaction(request, (ctx) => updateRecord(ctx, id, version, request.body));
    return withEtag(reply, record).send(record);
  });

  app.delete(
    `${base}/:id`,
    { schema: doc('Move to the recycle bin (If-Match: version)', { params: idParams }) },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof idParams>;
      const version = versionFromIfMatch(request);
      await inTransaction(request, (ctx) => deleteRecord(ctx, id, version));
      return reply.status(204).send();
    },
  );

  app.post(
    `${base}/:id/restore`,
    { schema: doc('Restore from the recycle bin', { params: idParams }) },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof idParams>;
      const record = await inTransaction(request, (ctx) => restoreRecord(ctx, id));
      return withEtag(reply, record).send(record);
    },
  );

  const assignBody = z.object({ ownerId: z.uuid(), orgUnitId: z.uuid().optional() }).strict();
  app.post(
    `${base}/:id/assign`,
    { schema: doc('Assign to an owner', { params: idParams, body: assignBody }) },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof idParams>;
      const record = await inTransaction(request, (ctx) => assignRecord(ctx, id, request.body as z.infer<typeof assignBody>));
      return withEtag(reply, record).send(record);
    },
  );

  const historyQuery = z
    .object({ limit: z.coerce.number().int().min(1).max(500).optional(), before: z.uuid().optional() })
    .strict();
  app.get(
    `${base}/:id/history`,
    { schema: doc('Audit history', { params: idParams, querystring: historyQuery }) },
    async (request) => {
      const { id } = request.params as z.infer<typeof idParams>;
      // A deleted record's history (e.g. one merged into another) stays readable to whoever sees it in the recycle bin.
      await getRecord(ctxOf(request), id).catch((err: unknown) =>
        err instanceof AppError && err.status === 404 ? getRecord(ctxOf(request), id, { inBin: true }) : Promise.reject(err),
      );
      return { items: await listHistory(app.db, descriptor.name, id, request.query as z.infer<typeof historyQuery>) };
    },
  );

  const relatedParams = z.object({ id: z.uuid(), relation: z.string().max(64) });
  app.get(`${base}/:id/related/:relation`, { schema: doc('Related records', { params: relatedParams }) }, async (request) => {
    const { id, relation } = request.params as z.infer<typeof relatedParams>;
    const spec = descriptor.relations?.[relation];
    const child = spec ? registry.get(spec.entity) : undefined;
    if (!spec || !child) throw new AppError('ROUTE_NOT_FOUND', 404);
    await getRecord(ctxOf(request), id);
    const childField = child.fields[spec.field];
    if (!childField) throw new Error(`${descriptor.name}.${relation}: ${child.name} has no field ${spec.field}`);
    return listRecords({ ...ctxOf(request), descriptor: child }, request.query as Record<string, unknown>, {
      where: eq(childField.column, id),
    });
  });

  app.get(`${base}/:id/shares`, { schema: doc('Shares and account team', { params: idParams }) }, async (request) => {
    const { id } = request.params as z.infer<typeof idParams>;
    return { items: await listShares(ctxOf(request), id) };
  });

  app.post(
    `${base}/:id/shares`,
    { schema: doc('Share with a user', { params: idParams, body: shareSchema }) },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof idParams>;
      await inTransaction(request, (ctx) => shareRecord(ctx, id, request.body as z.infer<typeof shareSchema>));
      return reply.status(204).send();
    },
  );

  const shareParams = z.object({ id: z.uuid(), userId: z.uuid() });
  app.delete(`${base}/:id/shares/:userId`, { schema: doc('Remove a share', { params: shareParams }) }, async (request, reply) => {
    const { id, userId } = request.params as z.infer<typeof shareParams>;
    await inTransaction(request, (ctx) => unshareRecord(ctx, id, userId));
    return reply.status(204).send();
  });

  const bulkCtx = (request: FastifyRequest) => ({ ...ctxOf(request), db: app.db as Db });
  app.post(
    `${base}/bulk-update`,
    { schema: doc('Bulk update, with a result per record', { body: bulkUpdateRequestSchema }) },
    async (request) => {
      const body = request.body as z.infer<typeof bulkUpdateRequestSchema>;
      return bulkUpdate(bulkCtx(request), body.ids, body.changes);
    },
  );
  app.post(
    `${base}/bulk-assign`,
    { schema: doc('Bulk assign, with a result per record', { body: bulkAssignRequestSchema }) },
    async (request) => {
      const body = request.body as z.infer<typeof bulkAssignRequestSchema>;
      return bulkAssign(bulkCtx(request), body.ids, { ownerId: body.ownerId, orgUnitId: body.orgUnitId });
    },
  );
  app.post(
    `${base}/bulk-delete`,
    { schema: doc('Bulk delete, with a result per record', { body: bulkDeleteRequestSchema }) },
    async (request) => {
      const body = request.body as z.infer<typeof bulkDeleteRequestSchema>;
      return bulkDelete(bulkCtx(request), body.ids);
    },
  );
}

export function registerMetaRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  app.get('/v1/meta', async (request) => ({
    entities: await allEntityMeta(app.db, requireActor(request), registry, request.locale),
  }));
  app.get('/v1/meta/:name', { schema: { params: z.object({ name: z.string().max(64) }) } }, async (request) => {
    const actor = requireActor(request);
    const descriptor = registry.get((request.params as { name: string }).name);
    if (!descriptor || !hasAnyScope(actor, descriptor.name, 'read')) throw new AppError('NOT_FOUND', 404);
    return entityMeta(app.db, actor, descriptor, request.locale);
  });
}
