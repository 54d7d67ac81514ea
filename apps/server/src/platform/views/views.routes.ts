// HTTP of saved list views: /api/v1/saved-views.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createSavedViewSchema, updateSavedViewSchema } from '@guanxi/contracts';
import { requireActor } from '../http/context.ts';
import { versionFromIfMatch } from '../entities/entity.routes.ts';
import type { EntityRegistry } from '../entities/registry.ts';
import {
  clearDefaultView,
  createSavedView,
  deleteSavedView,
  findSavedViews,
  setDefaultView,
  updateSavedView,
} from './views.service.ts';

const idParams = z.object({ id: z.uuid() });
const listQuery = z.object({ recordType: z.string().min(1).max(64) }).strict();
const tags = ['saved-views'];

export function registerSavedViewRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  app.get('/v1/saved-views', { schema: { tags, querystring: listQuery } }, async (request) => {
    const { recordType } = request.query as z.infer<typeof listQuery>;
    return { items: await findSavedViews(app.db, requireActor(request), registry, recordType) };
  });

  app.post('/v1/saved-views', { schema: { tags, body: createSavedViewSchema } }, async (request, reply) => {
    const actor = requireActor(request);
    const body = request.body as z.infer<typeof createSavedViewSchema>;
    const view = await app.db.transaction((tx) => createSavedView(tx, actor, registry, body));
    return reply.status(201).header('etag', `"${view.version}"`).send(view);
  });

  app.patch(
    '/v1/saved-views/:id',
    { schema: { tags, params: idParams, body: updateSavedViewSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      const version = versionFromIfMatch(request);
      const { id } = request.params as z.infer<typeof idParams>;
      const body = request.body as z.infer<typeof updateSavedViewSchema>;
      const view = await app.db.transaction((tx) => updateSavedView(tx, actor, registry, id, version, body));
      return reply.header('etag', `"${view.version}"`).send(view);
    },
  );

  app.delete('/v1/saved-views/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    const actor = requireActor(request);
    const version = versionFromIfMatch(request);
    const { id } = request.params as z.infer<typeof idParams>;
    await app.db.transaction((tx) => deleteSavedView(tx, actor, registry, id, version));
    return reply.status(204).send();
  });

  app.put('/v1/saved-views/:id/default', { schema: { tags, params: idParams } }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof idParams>;
    await setDefaultView(app.db, requireActor(request), registry, id);
    return reply.status(204).send();
  });

  app.delete('/v1/saved-views/:id/default', { schema: { tags, params: idParams } }, async (request, reply) => {
    const { id } = request.params as z.infer<typeof idParams>;
    await clearDefaultView(app.db, requireActor(request), registry, id);
    return reply.status(204).send();
  });
}
