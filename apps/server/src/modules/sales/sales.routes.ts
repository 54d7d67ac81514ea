// HTTP of the sales module beyond the kit's record routes: pipelines (read by all, saved by administrators), the
// opportunity board, lead conversion, the assignment rules and lead forms (administrators), and the public endpoint
// campaign pages post leads to. auth → validate → service → reply.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Locale } from '@guanxi/contracts';
import {
  assignmentRulesInputSchema,
  leadConvertSchema,
  leadFormInputSchema,
  pipelineInputSchema,
  publicLeadSchema,
} from '@guanxi/contracts';
import { requireActor, requireAdmin } from '../../platform/http/context.ts';
import type { KitContext } from '../../platform/entities/entity.read.ts';
import { getRecord } from '../../platform/entities/entity.read.ts';
import type { EntityRegistry } from '../../platform/entities/registry.ts';
import { versionFromIfMatch } from '../../platform/entities/entity.routes.ts';
import { createNotification } from '../../platform/events/notifications.service.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { users } from '../../platform/access/access.schema.ts';
import { listAssignmentRules, saveAssignmentRules } from './sales.assignment.ts';
import { opportunityBoard } from './sales.board.ts';
import { convertCandidates, convertLead } from './sales.convert.ts';
import { listLeadForms, saveLeadForm, submitLead } from './sales.forms.ts';
import { createPipeline, listPipelines, updatePipeline } from './sales.pipelines.service.ts';
import { stageHistory } from './sales.stageHistory.ts';
import { registerPlanningRoutes } from './planning/planning.routes.ts';

const idParams = z.object({ id: z.uuid() });
const keyParams = z.object({ key: z.string().max(64) });
const boardParams = z.object({ pipelineId: z.uuid() });
const tags = ['sales'];

export const NEW_LEAD_NOTIFICATION = 'sales.newLead';

export function registerSalesRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  registerPlanningRoutes(app, registry);
  const ctxOf = (request: FastifyRequest, type: string, db: KitContext['db'] = app.db): KitContext => ({
    db,
    actor: requireActor(request),
    registry,
    descriptor: registry.get(type)!,
    locale: request.locale,
  });

  app.get('/v1/pipelines', { schema: { tags, summary: 'Pipelines with their stages in order' } }, async (request) => {
    requireActor(request);
    return { items: await listPipelines(app.db) };
  });

  app.post(
    '/v1/pipelines',
    { schema: { tags, summary: 'Add a pipeline (administrators)', body: pipelineInputSchema } },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const body = request.body as z.infer<typeof pipelineInputSchema>;
      return reply.code(201).send(await app.db.transaction((tx) => createPipeline(tx, actor, body)));
    },
  );

  app.put(
    '/v1/pipelines/:id',
    {
      schema: {
        tags,
        summary: 'Save a pipeline whole: name, flags and stages in order (administrators; If-Match)',
        params: idParams,
        body: pipelineInputSchema,
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const version = versionFromIfMatch(request);
      const { id } = request.params as z.infer<typeof idParams>;
      return app.db.transaction((tx) =>
        updatePipeline(tx, actor, id, version, request.body as z.infer<typeof pipelineInputSchema>),
      );
    },
  );

  app.get(
    '/v1/opportunities/board/:pipelineId',
    {
      schema: {
        tags,
        summary:
          'The board of a pipeline: per stage the count, sums and first cards; list filters apply (stageId + cursor: one column’s next page)',
        params: boardParams,
      },
    },
    async (request) => {
      const { pipelineId } = request.params as z.infer<typeof boardParams>;
      const { stageId, ...query } = request.query as Record<string, unknown>;
      const only = typeof stageId === 'string' ? { stageId } : undefined;
      return opportunityBoard(ctxOf(request, 'opportunity'), pipelineId, query, only);
    },
  );

  app.get(
    '/v1/opportunities/:id/stage-history',
    {
      schema: {
        tags,
        summary: 'The stages an opportunity went through, with the time spent in each (its read access applies)',
        params: idParams,
      },
    },
    async (request) => ({
      items: await stageHistory(ctxOf(request, 'opportunity'), (request.params as z.infer<typeof idParams>).id),
    }),
  );

  app.get(
    '/v1/leads/:id/convert',
    { schema: { tags, summary: 'Existing customers a lead would match when converted (the duplicate rules)', params: idParams } },
    async (request) => {
      const ctx = ctxOf(request, 'lead');
      const lead = await getRecord(ctx, (request.params as z.infer<typeof idParams>).id);
      return { candidates: await convertCandidates(ctx, lead) };
    },
  );

  app.post(
    '/v1/leads/:id/convert',
    {
      schema: {
        tags,
        summary: 'Convert a lead into a customer (existing or new), a contact and optionally an opportunity',
        params: idParams,
        body: leadConvertSchema,
      },
    },
    async (request) => {
      const { id } = request.params as z.infer<typeof idParams>;
      const body = request.body as z.infer<typeof leadConvertSchema>;
      return app.db.transaction((tx) => convertLead(ctxOf(request, 'lead', tx), id, body));
    },
  );

  app.get(
    '/v1/lead-assignment-rules',
    { schema: { tags, summary: 'Lead assignment rules in order (administrators)' } },
    async (request) => {
      requireAdmin(request);
      return { items: await listAssignmentRules(app.db) };
    },
  );

  app.put(
    '/v1/lead-assignment-rules',
    {
      schema: { tags, summary: 'Replace the lead assignment rules, in order (administrators)', body: assignmentRulesInputSchema },
    },
    async (request) => {
      requireAdmin(request);
      const { rules } = request.body as z.infer<typeof assignmentRulesInputSchema>;
      return { items: await app.db.transaction((tx) => saveAssignmentRules(tx, rules as never)) };
    },
  );

  app.get('/v1/lead-forms', { schema: { tags, summary: 'Public lead forms (administrators)' } }, async (request) => {
    requireAdmin(request);
    return { items: await listLeadForms(app.db) };
  });

  app.post(
    '/v1/lead-forms',
    { schema: { tags, summary: 'Add a public lead form (administrators)', body: leadFormInputSchema } },
    async (request, reply) => {
      requireAdmin(request);
      const body = request.body as Required<z.infer<typeof leadFormInputSchema>>;
      return reply.code(201).send(await app.db.transaction((tx) => saveLeadForm(tx, null, body)));
    },
  );

  app.put(
    '/v1/lead-forms/:id',
    { schema: { tags, summary: 'Change a public lead form (administrators)', params: idParams, body: leadFormInputSchema } },
    async (request) => {
      requireAdmin(request);
      const { id } = request.params as z.infer<typeof idParams>;
      return app.db.transaction((tx) => saveLeadForm(tx, id, request.body as Required<z.infer<typeof leadFormInputSchema>>));
    },
  );

  app.post(
    '/v1/public/lead-forms/:key',
    {
      config: { public: true, csrfExempt: true },
      schema: {
        tags,
        summary: 'A visitor’s details from a campaign page (no sign-in; rate limited per address)',
        params: keyParams,
        body: publicLeadSchema,
      },
    },
    async (request, reply) => {
      const { key } = request.params as z.infer<typeof keyParams>;
      const outcome = await submitLead(app.db, registry, key, request.body as z.infer<typeof publicLeadSchema>, request.ip);
      if (outcome.kind === 'created') {
        const [owner] = await app.db.select({ locale: users.locale }).from(users).where(eq(users.id, outcome.ownerId));
        const name = (request.body as { name: string }).name;
        await createNotification(app.db, app.events, {
          userId: outcome.ownerId,
          kind: NEW_LEAD_NOTIFICATION,
          title: translate((owner?.locale ?? 'zh-CN') as Locale, 'NEW_LEAD', { name }).slice(0, 300),
          link: `/leads/${outcome.leadId}`,
        });
      } else request.log.info({ form: key, reason: outcome.reason }, 'lead form post ignored');
      // The same answer either way: a robot must not learn which posts were kept.
      return reply.code(202).send({ received: true });
    },
  );
}
