// GET /api/v1/search: one box that finds records of every type by Chinese text, pinyin or initials.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireActor } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import type { EntityRegistry } from '../entities/registry.ts';
import { searchRecords } from './search.service.ts';
import { registerSearchBackfill } from './search.backfill.ts';

const searchQuery = z
  .object({
    q: z.string().trim().min(1).max(100),
    types: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();

export function registerSearchRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  registerSearchBackfill(app, registry);
  app.get(
    '/v1/search',
    { schema: { tags: ['search'], summary: 'Search every record type', querystring: searchQuery } },
    async (request) => {
      const actor = requireActor(request);
      const { q, types, limit } = request.query as z.infer<typeof searchQuery>;
      const wanted = types ? types.split(',').filter(Boolean) : undefined;
      const unknown = wanted?.find((t) => !registry.get(t));
      if (unknown)
        throw new AppError('VALIDATION_FAILED', 400, [{ field: 'types', code: 'invalid_option', message: 'invalid_option' }]);
      return {
        query: q,
        groups: await searchRecords(app.db, actor, registry, q, { types: wanted, limit, locale: request.locale }),
      };
    },
  );
}
