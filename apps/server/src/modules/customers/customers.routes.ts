// HTTP of the customers module beyond the kit's record routes: the region list the web app's cascader offers, the
// likely duplicates the create form warns of (and the import's duplicate hook).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { customerMergeSchema as mergeBody, duplicatesQuerySchema as duplicatesQuery } from '@guanxi/contracts';
import { requireActor } from '../../platform/http/context.ts';
import { registerImportHooks } from '../../platform/imports/imports.registry.ts';
import { REGIONS } from './customers.regions.data.ts';
import { findCustomerDuplicates } from './customers.duplicates.ts';
import { customerImportHooks } from './customers.import.ts';
import { mergeCustomers } from './customers.merge.ts';
import { registerIdentifierLookupRoutes } from './customers.identifiers.lookup.ts';

const mergeParams = z.object({ id: z.uuid() });

export function registerCustomerRoutes(app: FastifyInstance): void {
  registerIdentifierLookupRoutes(app);
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

  app.get(
    '/v1/customers/duplicates',
    {
      schema: {
        tags: ['customers'],
        summary: 'Likely duplicates of a customer being entered: the same phone or e-mail exactly, or the same name',
        querystring: duplicatesQuery,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { name, phone, email, excludeId } = request.query as z.infer<typeof duplicatesQuery>;
      // A number typed into the form may be stored as a mobile or an office phone.
      const identifiers = [
        ...(phone
          ? [
              { type: 'mobile', value: phone },
              { type: 'phone', value: phone },
            ]
          : []),
        ...(email ? [{ type: 'email', value: email }] : []),
      ];
      return { items: await findCustomerDuplicates({ db: app.db, actor }, { name, identifiers, excludeId }) };
    },
  );

  app.post(
    '/v1/customers/:id/merge',
    {
      schema: {
        tags: ['customers'],
        summary: 'Merge another customer (sourceId) into this one: chosen values, contacts, identifiers, activities, references',
        params: mergeParams,
        body: mergeBody,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params as z.infer<typeof mergeParams>;
      const body = request.body as z.infer<typeof mergeBody>;
      const registry = app.entities;
      return app.db.transaction((db) =>
        mergeCustomers({ db, actor, registry, descriptor: registry.get('customer')!, locale: request.locale }, id, body),
      );
    },
  );

  registerImportHooks('customer', customerImportHooks);
}
