// HTTP of the customers module beyond the kit's record routes: the region list the web app's cascader offers.
import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../platform/http/context.ts';
import { REGIONS } from './customers.regions.data.ts';

export function registerCustomerRoutes(app: FastifyInstance): void {
  app.get(
    '/v1/regions',
    { schema: { tags: ['customers'], summary: 'Provinces, cities and districts of China a customer’s region is chosen from' } },
    async (request, reply) => {
      requireActor(request);
      // The list changes only with a release: let the browser keep it for a day.
      void reply.header('cache-control', 'private, max-age=86400');
      return { items: REGIONS };
    },
  );
}
