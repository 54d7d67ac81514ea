// HTTP of activities beyond the kit's record routes: which fields each kind has (for forms), and a visit's check-in.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../../platform/http/context.ts';
import type { EntityRegistry } from '../../platform/entities/registry.ts';
import { COMMON_FIELDS, FIELDS_OF_KIND, STATUSES_OF_KIND } from './activities.options.ts';
import { activityEntity } from './activities.entities.ts';
import { checkInVisit } from './activities.checkIn.ts';

const idParams = z.object({ id: z.uuid() });
export const checkInBody = z
  .object({
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    address: z.string().trim().max(300).optional(),
  })
  .strict();

export function registerActivityRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  app.get(
    '/v1/activities/kinds',
    { schema: { tags: ['activities'], summary: 'The fields and statuses of each kind of activity' } },
    async (request) => {
      requireActor(request);
      return {
        items: Object.entries(FIELDS_OF_KIND).map(([kind, fields]) => ({
          kind,
          fields: [...COMMON_FIELDS, ...fields],
          statuses: STATUSES_OF_KIND[kind as keyof typeof STATUSES_OF_KIND] ?? [],
        })),
      };
    },
  );

  app.post(
    '/v1/activities/:id/check-in',
    {
      schema: {
        tags: ['activities'],
        summary: 'Check in at a visit: now, where the browser says, and mark it done',
        params: idParams,
        body: checkInBody,
      },
    },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof idParams>;
      const ctx = { db: app.db, actor: requireActor(request), registry, descriptor: activityEntity, locale: request.locale };
      const record = await app.db.transaction((tx) =>
        checkInVisit({ ...ctx, db: tx }, id, (request.body ?? {}) as z.infer<typeof checkInBody>),
      );
      return reply.header('etag', `"${record.version}"`).send(record);
    },
  );
}
