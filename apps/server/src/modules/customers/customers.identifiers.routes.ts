// HTTP of identifiers: the types (built-in and administrators' own) and each customer's identifiers, nested
// under the customer so its access rules decide: auth → validate → service → reply.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  identifierCreateSchema as identifierBody,
  identifierTypeChangesSchema as identifierTypeChanges,
  identifierTypeCreateSchema as identifierTypeBody,
} from '@guanxi/contracts';
import { requireActor, requireAdmin } from '../../platform/http/context.ts';
import { localized } from '../../platform/entities/fields.ts';
import type { EntityRegistry } from '../../platform/entities/registry.ts';
import type { KitContext } from '../../platform/entities/entity.read.ts';
import {
  addIdentifier,
  createIdentifierType,
  listIdentifiers,
  listIdentifierTypes,
  removeIdentifier,
  updateIdentifierType,
} from './customers.identifiers.service.ts';

const customerParams = z.object({ id: z.uuid() });
const identifierParams = z.object({ id: z.uuid(), identifierId: z.uuid() });
const typeParams = z.object({ key: z.string().max(40) });

export function registerIdentifierRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  const ctxOf = (request: FastifyRequest, db: KitContext['db'] = app.db): KitContext => ({
    db,
    actor: requireActor(request),
    registry,
    descriptor: registry.get('customer')!,
    locale: request.locale,
  });
  const tags = ['customers'];

  app.get('/v1/identifier-types', { schema: { tags, summary: 'Identifier types' } }, async (request) => {
    requireActor(request);
    const types = await listIdentifierTypes(app.db);
    return {
      items: types.map((t) => ({
        key: t.key,
        label: localized(t.label, request.locale),
        unique: t.unique,
        sensitive: t.sensitive,
      })),
    };
  });

  app.post(
    '/v1/identifier-types',
    { schema: { tags, summary: 'Add an identifier type (administrators)', body: identifierTypeBody } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const body = request.body as z.infer<typeof identifierTypeBody>;
      const row = await app.db.transaction((tx) => createIdentifierType(tx, actor, body));
      return reply.code(201).send(row);
    },
  );

  app.patch(
    '/v1/identifier-types/:key',
    {
      schema: {
        tags,
        summary: 'Make a type unique or not; rename or retire an own type (administrators)',
        params: typeParams,
        body: identifierTypeChanges,
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const { key } = request.params as z.infer<typeof typeParams>;
      const changes = request.body as z.infer<typeof identifierTypeChanges>;
      return app.db.transaction((tx) => updateIdentifierType(tx, actor, key, changes));
    },
  );

  app.get(
    '/v1/customers/:id/identifiers',
    { schema: { tags, summary: 'Identifiers of a customer and its contacts', params: customerParams } },
    async (request) => ({ items: await listIdentifiers(ctxOf(request), (request.params as { id: string }).id) }),
  );

  app.post(
    '/v1/customers/:id/identifiers',
    {
      schema: {
        tags,
        summary: 'Add an identifier to a customer or one of its contacts',
        params: customerParams,
        body: identifierBody,
      },
    },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof customerParams>;
      const body = request.body as z.infer<typeof identifierBody>;
      const row = await app.db.transaction((tx) => addIdentifier(ctxOf(request, tx), id, body));
      return reply.code(201).send(row);
    },
  );

  app.delete(
    '/v1/customers/:id/identifiers/:identifierId',
    { schema: { tags, summary: 'Remove an identifier', params: identifierParams } },
    async (request, reply) => {
      const { id, identifierId } = request.params as z.infer<typeof identifierParams>;
      await app.db.transaction((tx) => removeIdentifier(ctxOf(request, tx), id, identifierId));
      return reply.code(204).send();
    },
  );
}
