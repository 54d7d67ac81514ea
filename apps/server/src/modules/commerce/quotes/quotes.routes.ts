// HTTP of quotes beyond the kit's record routes: the lines (read; saved whole with If-Match), the actions of the
// flow, the revisions and the PDF. auth → validate → service → reply; every write in one transaction.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { quoteLinesInputSchema, type QuoteLinesInput } from '@guanxi/contracts';
import { requireActor } from '../../../platform/http/context.ts';
import type { EntityRegistry } from '../../../platform/entities/registry.ts';
import type { KitContext } from '../../../platform/entities/entity.read.ts';
import { versionFromIfMatch } from '../../../platform/entities/entity.routes.ts';
import { quoteEntity } from './quotes.entities.ts';
import { getQuoteLines, saveQuoteLines } from './quotes.lines.ts';
import { acceptQuote, declineQuote, listRevisions, reviseQuote, sendQuote, submitQuote } from './quotes.flow.ts';
import { attachmentHeader, quotePdf } from './quotes.pdf.ts';

const idParams = z.object({ id: z.uuid() });
type IdParams = z.infer<typeof idParams>;
const tags = ['quotes'];

const ACTIONS = {
  submit: ['Submit: approved within the caller’s discount limit, else sent up the approval chain', submitQuote],
  send: ['Mark an approved quote as sent to the customer', sendQuote],
  accept: ['The customer accepts: creates the order from the quote’s lines', acceptQuote],
  decline: ['The customer declines', declineQuote],
  revise: ['Create the next revision (a draft copy); this one is superseded', reviseQuote],
} as const;

export function registerQuoteRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  const ctxOf = (request: FastifyRequest): KitContext => ({
    db: app.db,
    actor: requireActor(request),
    registry,
    descriptor: quoteEntity,
    locale: request.locale,
  });
  const inTransaction = <T>(request: FastifyRequest, work: (ctx: KitContext) => Promise<T>): Promise<T> => {
    const ctx = ctxOf(request);
    return app.db.transaction((tx) => work({ ...ctx, db: tx }));
  };

  app.get(
    '/v1/quotes/:id/lines',
    { schema: { tags, summary: 'The quote’s lines with every figure and the totals', params: idParams } },
    async (request, reply) => {
      const lines = await getQuoteLines(ctxOf(request), (request.params as IdParams).id);
      return reply.header('etag', `"${lines.version}"`).send(lines);
    },
  );
  app.put(
    '/v1/quotes/:id/lines',
    {
      schema: {
        tags,
        summary: 'Save the lines whole and the total discount (If-Match: the quote’s version)',
        params: idParams,
        body: quoteLinesInputSchema,
      },
    },
    async (request, reply) => {
      const { id } = request.params as IdParams;
      const version = versionFromIfMatch(request);
      const lines = await inTransaction(request, (ctx) => saveQuoteLines(ctx, id, version, request.body as QuoteLinesInput));
      return reply.header('etag', `"${lines.version}"`).send(lines);
    },
  );

  for (const [action, [summary, run]] of Object.entries(ACTIONS))
    app.post(`/v1/quotes/:id/${action}`, { schema: { tags, summary, params: idParams } }, async (request, reply) => {
      const { id } = request.params as IdParams;
      const record = await inTransaction(request, (ctx) => run(ctx, id));
      return reply
        .status(action === 'revise' ? 201 : 200)
        .header('etag', `"${record.version}"`)
        .send(record);
    });

  app.get(
    '/v1/quotes/:id/revisions',
    { schema: { tags, summary: 'Every revision of the quote’s number, newest first', params: idParams } },
    async (request) => listRevisions(ctxOf(request), (request.params as IdParams).id),
  );

  app.get(
    '/v1/quotes/:id/pdf',
    { schema: { tags, summary: 'The quote as a PDF (A4, Chinese, letterhead, 大写金额)', params: idParams } },
    async (request, reply) => {
      const { pdf, filename } = await quotePdf(ctxOf(request), (request.params as IdParams).id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', attachmentHeader(filename))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
