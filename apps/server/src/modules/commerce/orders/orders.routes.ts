// HTTP of orders beyond the kit's record routes: direct orders with lines, lines while a draft, submission, progress
// through the stages, order types (administrators save them), purchase batches, expenses, profit and the list by
// product. auth → validate → service → reply; every write in one transaction.
import { cancelOrder } from './orders.cancel.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  completeStageInputSchema,
  directOrderInputSchema,
  orderExpenseInputSchema,
  orderLinesInputSchema,
  orderTypeInputSchema,
  reopenStageInputSchema,
  type CompleteStageInput,
  type DirectOrderInput,
  type OrderExpenseInput,
  type OrderLinesInput,
} from '@guanxi/contracts';
import { requireActor, requireAdmin } from '../../../platform/http/context.ts';
import { getRecord, type KitContext } from '../../../platform/entities/entity.read.ts';
import type { EntityRegistry } from '../../../platform/entities/registry.ts';
import { versionFromIfMatch } from '../../../platform/entities/entity.routes.ts';
import { submitOrder } from './orders.approval.ts';
import { closePurchaseBatch, listPurchaseBatches } from './orders.batches.service.ts';
import { createOrder, type NewOrder } from './orders.create.ts';
import { addExpense, deleteExpense, listExpenses } from './orders.expenses.service.ts';
import { getOrderLines, replaceOrderLines } from './orders.lines.service.ts';
import { orderProfit } from './orders.profit.ts';
import { orderProgress } from './orders.progressView.ts';
import { ordersByProduct } from './orders.search.ts';
import { completeStage, reopenStage } from './orders.stages.service.ts';
import { createOrderType, listOrderTypes, updateOrderType } from './orders.types.service.ts';

const idParams = z.object({ id: z.uuid() });
const stageParams = z.object({ id: z.uuid(), stageId: z.uuid() });
const expenseParams = z.object({ id: z.uuid(), expenseId: z.uuid() });
const batchQuery = z
  .object({
    status: z.enum(['open', 'closed']).optional(),
    supplier: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();
const closeBody = z
  .object({ note: z.string().trim().max(300).nullable().optional() })
  .strict()
  .optional();
const tags = ['orders'];
type IdParams = z.infer<typeof idParams>;
type StageParams = z.infer<typeof stageParams>;
type OrderTypeBody = z.output<typeof orderTypeInputSchema>;

export function registerOrderRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  const kit = (request: FastifyRequest): KitContext => ({
    db: app.db,
    actor: requireActor(request),
    registry,
    descriptor: registry.get('order')!,
    locale: request.locale,
  });

  app.get('/v1/order-types', { schema: { tags, summary: 'Order types with their stages in order' } }, async (request) => {
    requireActor(request);
    return { items: await listOrderTypes(app.db) };
  });
  app.post(
    '/v1/order-types',
    { schema: { tags, summary: 'Add an order type with its stages (administrators)', body: orderTypeInputSchema } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      return reply.code(201).send(await app.db.transaction((tx) => createOrderType(tx, actor, request.body as OrderTypeBody)));
    },
  );
  app.put(
    '/v1/order-types/:id',
    {
      schema: {
        tags,
        summary: 'Save an order type whole with its stages (administrators; If-Match)',
        params: idParams,
        body: orderTypeInputSchema,
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const version = versionFromIfMatch(request);
      const { id } = request.params as IdParams;
      return app.db.transaction((tx) => updateOrderType(tx, actor, id, version, request.body as OrderTypeBody));
    },
  );

  app.post(
    '/v1/orders/direct',
    { schema: { tags, summary: 'Create an order with its lines in one request (a draft)', body: directOrderInputSchema } },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body as DirectOrderInput;
      const { id } = await app.db.transaction((tx) => createOrder(tx, actor, body as NewOrder));
      const record = await getRecord(kit(request), id);
      return reply.header('etag', `"${record.version}"`).header('location', `/api/v1/orders/${id}`).code(201).send(record);
    },
  );

  app.get(
    '/v1/orders/by-product',
    { schema: { tags, summary: 'Orders with a line of the product (productId); the list’s filters, sort and paging apply' } },
    async (request) => ordersByProduct(kit(request), request.query as Record<string, unknown>),
  );

  app.get(
    '/v1/orders/:id/lines',
    { schema: { tags, summary: 'The order’s lines and totals', params: idParams } },
    async (request) => getOrderLines(app.db, requireActor(request), (request.params as IdParams).id),
  );
  app.put(
    '/v1/orders/:id/lines',
    {
      schema: {
        tags,
        summary: 'Save a draft’s lines whole (If-Match: the order’s version)',
        params: idParams,
        body: orderLinesInputSchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const version = versionFromIfMatch(request);
      const { id } = request.params as IdParams;
      const result = await app.db.transaction((tx) => replaceOrderLines(tx, actor, id, version, request.body as OrderLinesInput));
      return reply.header('etag', `"${result.version}"`).send(result);
    },
  );

  app.post(
    '/v1/orders/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit a draft: approved within the submitter’s discount limit, else sent for approval',
        params: idParams,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params as IdParams;
      await app.db.transaction((tx) => submitOrder(tx, actor, id));
      return orderProgress(app.db, actor, id);
    },
  );

  app.post(
    '/v1/orders/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an order not yet delivered or paid (a reason required)',
        params: idParams,
        body: z.object({ reason: z.string().max(500) }).strict(),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params as IdParams;
      await app.db.transaction((tx) => cancelOrder(tx, actor, id, (request.body as { reason: string }).reason));
      return orderProgress(app.db, actor, id);
    },
  );

  app.get(
    '/v1/orders/:id/progress',
    { schema: { tags, summary: 'The order’s stages, expected dates and events', params: idParams } },
    async (request) => orderProgress(app.db, requireActor(request), (request.params as IdParams).id),
  );
  app.post(
    '/v1/orders/:id/stages/:stageId/complete',
    {
      schema: {
        tags,
        summary: 'Complete a stage, or part of it (quantities per line)',
        params: stageParams,
        body: completeStageInputSchema,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, stageId } = request.params as StageParams;
      await app.db.transaction((tx) => completeStage(tx, actor, id, stageId, request.body as CompleteStageInput));
      return orderProgress(app.db, actor, id);
    },
  );
  app.post(
    '/v1/orders/:id/stages/:stageId/reopen',
    {
      schema: {
        tags,
        summary: 'Move the order back to this stage (the orderStageReopen right)',
        params: stageParams,
        body: reopenStageInputSchema.optional(),
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, stageId } = request.params as StageParams;
      const note = (request.body as { note?: string | null } | undefined)?.note ?? null;
      await app.db.transaction((tx) => reopenStage(tx, actor, id, stageId, note));
      return orderProgress(app.db, actor, id);
    },
  );

  app.get(
    '/v1/orders/:id/expenses',
    { schema: { tags, summary: 'The order’s expenses', params: idParams } },
    async (request) => ({
      items: await listExpenses(app.db, requireActor(request), (request.params as IdParams).id),
    }),
  );
  app.post(
    '/v1/orders/:id/expenses',
    {
      schema: {
        tags,
        summary: 'Record an expense (freight, customs, commission, other)',
        params: idParams,
        body: orderExpenseInputSchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id } = request.params as IdParams;
      return reply.code(201).send(await app.db.transaction((tx) => addExpense(tx, actor, id, request.body as OrderExpenseInput)));
    },
  );
  app.delete(
    '/v1/orders/:id/expenses/:expenseId',
    { schema: { tags, summary: 'Remove an expense', params: expenseParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id, expenseId } = request.params as z.infer<typeof expenseParams>;
      await app.db.transaction((tx) => deleteExpense(tx, actor, id, expenseId));
      return reply.code(204).send();
    },
  );
  app.get(
    '/v1/orders/:id/profit',
    { schema: { tags, summary: 'Predicted and (once delivered) actual profit', params: idParams } },
    async (request) => orderProfit(app.db, requireActor(request), (request.params as IdParams).id),
  );

  app.get(
    '/v1/purchase-batches',
    { schema: { tags, summary: 'Purchase batches with the lines of orders the caller may read', querystring: batchQuery } },
    async (request) => ({
      items: await listPurchaseBatches(app.db, requireActor(request), request.query as z.infer<typeof batchQuery>),
    }),
  );
  app.post(
    '/v1/purchase-batches/:id/close',
    {
      schema: {
        tags,
        summary: 'Close an open batch (update rights on all its orders, or an administrator)',
        params: idParams,
        body: closeBody,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params as IdParams;
      const note = (request.body as { note?: string | null } | undefined)?.note ?? undefined;
      return app.db.transaction((tx) => closePurchaseBatch(tx, actor, id, note ?? undefined));
    },
  );
}
