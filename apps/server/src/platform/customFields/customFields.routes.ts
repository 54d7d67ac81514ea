// Admin API of custom fields: define, edit and deactivate fields per record type. Values are then accepted,
// validated, filtered and sorted by the entity kit like built-in fields.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createCustomFieldSchema, updateCustomFieldSchema } from '@guanxi/contracts';
import { requireActor, requireAdmin } from '../http/context.ts';
import { versionFromIfMatch } from '../entities/entity.routes.ts';
import type { EntityRegistry } from '../entities/registry.ts';
import { createCustomFieldDef, findCustomFieldDefs, updateCustomFieldDef } from './customFields.service.ts';

const idParams = z.object({ id: z.uuid() });
const listQuery = z.object({ recordType: z.string().max(64), includeInactive: z.enum(['true', 'false']).optional() }).strict();

export function registerCustomFieldRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  app.get('/v1/custom-fields', { schema: { querystring: listQuery } }, async (request) => {
    requireActor(request);
    const { recordType, includeInactive } = request.query as z.infer<typeof listQuery>;
    return { items: await findCustomFieldDefs(app.db, recordType, { includeInactive: includeInactive === 'true' }) };
  });

  app.post('/v1/custom-fields', { schema: { body: createCustomFieldSchema } }, async (request, reply) => {
    const actor = requireAdmin(request);
    const body = request.body as z.infer<typeof createCustomFieldSchema>;
    const def = await app.db.transaction((tx) => createCustomFieldDef(tx, actor, body, registry.names()));
    return reply.status(201).header('etag', `"${def.version}"`).send(def);
  });

  app.patch('/v1/custom-fields/:id', { schema: { params: idParams, body: updateCustomFieldSchema } }, async (request, reply) => {
    const actor = requireAdmin(request);
    const version = versionFromIfMatch(request);
    const { id } = request.params as z.infer<typeof idParams>;
    const def = await app.db.transaction((tx) =>
      updateCustomFieldDef(tx, actor, id, version, request.body as z.infer<typeof updateCustomFieldSchema>),
    );
    return reply.header('etag', `"${def.version}"`).send(def);
  });
}
