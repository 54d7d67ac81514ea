// HTTP of lookups: the entries of one, for pickers (any signed-in user; lookups hold configuration, not records).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { getLookup } from './lookups.ts';

const params = z.object({ name: z.string().max(64) });
const query = z.object({ parent: z.uuid().optional() });

export function registerLookupRoutes(app: FastifyInstance): void {
  app.get(
    '/v1/lookups/:name',
    { schema: { tags: ['meta'], summary: 'Entries a reference field to a lookup may take', params, querystring: query } },
    async (request) => {
      requireActor(request);
      const { name } = request.params as z.infer<typeof params>;
      const lookup = getLookup(name);
      if (!lookup) throw new AppError('NOT_FOUND', 404);
      return { items: await lookup.options(app.db, request.query as z.infer<typeof query>) };
    },
  );
}
