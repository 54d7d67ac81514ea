// HTTP of execution plans, payments and receivables: auth → validate → service (in one transaction for writes) →
// reply. Every path checks the order's (or the customer's) access in the service: hidden → 404, read-only → 403.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  agingQuerySchema,
  deliveryPlanInputSchema,
  instalmentPlanInputSchema,
  paymentInputSchema,
  paymentListQuerySchema,
  receivableInstalmentsQuerySchema,
  type AgingQuery,
  type DeliveryPlanInput,
  type InstalmentPlanInput,
  type PaymentInput,
  type ReceivableInstalmentsQuery,
} from '@guanxi/contracts';
import { requireActor } from '../../../platform/http/context.ts';
import { versionFromIfMatch } from '../../../platform/entities/entity.routes.ts';
import { todayIn } from '../../sales/planning/planning.periods.ts';
import { agingReport, listReceivableInstalments } from './receivables.aging.ts';
import { customerReceivables } from './receivables.customer.ts';
import { getDeliveryPlan, saveDeliveryPlan } from './receivables.deliveries.ts';
import { dunningLetter } from './receivables.dunningLetter.ts';
import { getInstalmentPlan, saveInstalmentPlan } from './receivables.instalments.ts';
import { previewPayment, recordPayment, reversePayment } from './receivables.payments.ts';
import { listPayments } from './receivables.paymentsRead.ts';

const idParams = z.object({ id: z.uuid() });
type IdParams = z.infer<typeof idParams>;
const instalmentParams = z.object({ id: z.uuid(), instalmentId: z.uuid() });
type InstalmentParams = z.infer<typeof instalmentParams>;
const tags = ['commerce'];

export function registerReceivablesRoutes(app: FastifyInstance): void {
  const today = () => todayIn(app.config.timeZone);

  app.get(
    '/v1/orders/:id/instalments',
    { schema: { tags, summary: "An order's instalment plan", params: idParams } },
    async (request) => {
      const actor = requireActor(request);
      return getInstalmentPlan(app.db, actor, (request.params as IdParams).id, today());
    },
  );
  app.put(
    '/v1/orders/:id/instalments',
    {
      schema: {
        tags,
        summary: "Save an order's instalment plan whole, or split it equally by month (If-Match: the plan version)",
        params: idParams,
        body: instalmentPlanInputSchema,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const version = versionFromIfMatch(request);
      const { id } = request.params as IdParams;
      return app.db.transaction((tx) => saveInstalmentPlan(tx, actor, id, version, request.body as InstalmentPlanInput, today()));
    },
  );
  app.get(
    '/v1/orders/:id/instalments/:instalmentId/dunning-letter',
    {
      schema: {
        tags,
        summary: "The dunning letter of an overdue instalment: subject, text and the customer's e-mail addresses",
        params: instalmentParams,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, instalmentId } = request.params as InstalmentParams;
      return dunningLetter(app.db, actor, id, instalmentId, today());
    },
  );
  app.get(
    '/v1/orders/:id/deliveries',
    { schema: { tags, summary: "An order's delivery schedule", params: idParams } },
    async (request) => {
      const actor = requireActor(request);
      return getDeliveryPlan(app.db, actor, (request.params as IdParams).id, today());
    },
  );
  app.put(
    '/v1/orders/:id/deliveries',
    {
      schema: {
        tags,
        summary: "Save an order's delivery schedule whole (If-Match: the schedule version)",
        params: idParams,
        body: deliveryPlanInputSchema,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const version = versionFromIfMatch(request);
      const { id } = request.params as IdParams;
      return app.db.transaction((tx) => saveDeliveryPlan(tx, actor, id, version, request.body as DeliveryPlanInput, today()));
    },
  );

  app.get(
    '/v1/payments',
    { schema: { tags, summary: "A customer's or an order's payments", querystring: paymentListQuerySchema } },
    async (request) => {
      const actor = requireActor(request);
      return listPayments(app.db, actor, request.query as z.infer<typeof paymentListQuerySchema>);
    },
  );
  app.post(
    '/v1/payments',
    {
      schema: {
        tags,
        summary: 'Record a payment against instalments (the oldest due first unless allocated)',
        body: paymentInputSchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const payment = await app.db.transaction((tx) => recordPayment(tx, actor, request.body as PaymentInput));
      return reply.code(201).send(payment);
    },
  );
  app.post(
    '/v1/payments/preview',
    { schema: { tags, summary: 'What a payment would be allocated to, without recording it', body: paymentInputSchema } },
    async (request) => {
      const actor = requireActor(request);
      return previewPayment(app.db, actor, request.body as PaymentInput);
    },
  );
  app.post(
    '/v1/payments/:id/reverse',
    { schema: { tags, summary: 'Reverse a payment: its allocations are undone', params: idParams } },
    async (request) => {
      const actor = requireActor(request);
      return app.db.transaction((tx) => reversePayment(tx, actor, (request.params as IdParams).id));
    },
  );

  app.get(
    '/v1/receivables/aging',
    { schema: { tags, summary: 'Receivables aging by customer, owner or org unit', querystring: agingQuerySchema } },
    async (request) => {
      const actor = requireActor(request);
      return agingReport(app.db, actor, request.query as AgingQuery, { today: today(), timeZone: app.config.timeZone });
    },
  );
  app.get(
    '/v1/receivables/instalments',
    {
      schema: {
        tags,
        summary: 'The open instalments behind an aging figure, oldest due first',
        querystring: receivableInstalmentsQuerySchema,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return listReceivableInstalments(app.db, actor, request.query as ReceivableInstalmentsQuery, {
        today: today(),
        timeZone: app.config.timeZone,
      });
    },
  );
  app.get(
    '/v1/customers/:id/receivables',
    { schema: { tags, summary: "A customer's outstanding, overdue and credit, and the next instalment due", params: idParams } },
    async (request) => {
      const actor = requireActor(request);
      return customerReceivables(app.db, actor, (request.params as IdParams).id, today());
    },
  );
}
