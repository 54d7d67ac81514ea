// HTTP of contracts beyond the kit's record routes: a contract from a quote, and renewal. auth → validate → service
// (in one transaction) → reply.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { EntityRegistry } from '../../../platform/entities/registry.ts';
import type { KitContext } from '../../../platform/entities/entity.read.ts';
import { requireActor } from '../../../platform/http/context.ts';
import { contractEntity } from './contracts.entities.ts';
import { createContractFromQuote, renewContract } from './contracts.service.ts';

const tags = ['contracts'];
const idParams = z.object({ id: z.uuid() });
const quoteParams = z.object({ quoteId: z.uuid() });
const fromQuoteBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    startDate: z.iso.date().optional(),
    endDate: z.iso.date().optional(),
    signedOn: z.iso.date().optional(),
  })
  .strict()
  .nullish();

export function registerContractRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  const ctxOf = (request: FastifyRequest, db: DbOrTx): KitContext => ({
    db,
    actor: requireActor(request),
    registry,
    descriptor: registry.get(contractEntity.name) ?? contractEntity,
    locale: request.locale,
  });

  app.post(
    '/v1/contracts/from-quote/:quoteId',
    {
      schema: {
        tags,
        summary: 'A contract from an approved or accepted quote (409 CONTRACT_EXISTS when one was made)',
        params: quoteParams,
        body: fromQuoteBody,
      },
    },
    async (request, reply) => {
      const { quoteId } = request.params as z.infer<typeof quoteParams>;
      const body = (request.body ?? {}) as NonNullable<z.infer<typeof fromQuoteBody>>;
      const contract = await app.db.transaction((tx) => createContractFromQuote(ctxOf(request, tx), quoteId, body));
      return reply.status(201).send(contract);
    },
  );

  app.post(
    '/v1/contracts/:id/renew',
    { schema: { tags, summary: 'Renew: a new draft for the following term; this contract becomes renewed', params: idParams } },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof idParams>;
      const renewal = await app.db.transaction((tx) => renewContract(ctxOf(request, tx), id));
      return reply.status(201).send(renewal);
    },
  );
}
