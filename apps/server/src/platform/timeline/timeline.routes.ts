// HTTP of the timeline: a customer's feed (GET /api/v1/customers/:id/timeline) and the entry types to filter by.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import type { EntityRegistry } from '../entities/registry.ts';
import { getRecord } from '../entities/entity.read.ts';
import { localized } from '../entities/fields.ts';
import { findTimeline, type TimelineRegistry } from './timeline.ts';

const params = z.object({ id: z.uuid() });
const query = z
  .object({
    /** Comma-separated entry types, e.g. `call,visit,fieldChange`; empty or absent for all. */
    types: z.string().max(500).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();

export function registerTimelineRoutes(app: FastifyInstance, registry: EntityRegistry, timeline: TimelineRegistry): void {
  app.get(
    '/v1/customers/:id/timeline',
    { schema: { tags: ['timeline'], summary: 'A customer’s timeline, newest first', params, querystring: query } },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params as z.infer<typeof params>;
      const { types, cursor, limit } = request.query as z.infer<typeof query>;
      const customer = registry.get('customer');
      if (!customer) throw new AppError('NOT_FOUND', 404);
      // A customer the caller may not see answers 404, like the record itself.
      await getRecord({ db: app.db, actor, registry, descriptor: customer, locale: request.locale }, id);
      return findTimeline(timeline, {
        db: app.db,
        actor,
        registry,
        locale: request.locale,
        timeZone: app.config.timeZone,
        customerId: id,
        types: (types ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
        cursor,
        limit,
      });
    },
  );

  app.get(
    '/v1/timeline/types',
    { schema: { tags: ['timeline'], summary: 'Entry types of the timeline filter' } },
    async (request) => {
      requireActor(request);
      return { items: [...timeline.types].map(([type, label]) => ({ type, label: localized(label, request.locale) })) };
    },
  );
}
