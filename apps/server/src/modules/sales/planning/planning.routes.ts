// HTTP of sales planning: targets and their split, plan vs actual, forecast and its trend, scorecards and their
// weights, the sales dashboard and an opportunity's product lines. auth → validate → service → reply.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  dashboardQuerySchema,
  forecastTrendQuerySchema,
  opportunityLinesInputSchema,
  reportQuerySchema,
  scorecardWeightsSchema,
  salesTargetInputSchema,
  salesTargetListQuerySchema,
  salesTargetPatchSchema,
  salesTargetSplitSchema,
} from '@guanxi/contracts';
import { requireActor, requireAdmin } from '../../../platform/http/context.ts';
import type { KitContext } from '../../../platform/entities/entity.read.ts';
import type { EntityRegistry } from '../../../platform/entities/registry.ts';
import { versionFromIfMatch } from '../../../platform/entities/entity.routes.ts';
import './planning.messages.ts';
import { salesDashboard } from './planning.dashboard.ts';
import { forecast, forecastTrend } from './planning.forecast.ts';
import { getOpportunityLines, saveOpportunityLines } from './planning.lines.ts';
import { planVsActual } from './planning.planVsActual.ts';
import { getScorecardWeights, saveScorecardWeights, scorecards } from './planning.scorecards.ts';
import { createTarget, deleteTarget, getTarget, listTargets, updateTarget } from './planning.targets.service.ts';
import { splitTarget } from './planning.targets.split.ts';

const idParams = z.object({ id: z.uuid() });
const tags = ['sales planning'];

export function registerPlanningRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  const tz = app.config.timeZone;
  const opportunityCtx = (request: FastifyRequest, db: KitContext['db'] = app.db): KitContext => ({
    db,
    actor: requireActor(request),
    registry,
    descriptor: registry.get('opportunity')!,
    locale: request.locale,
  });

  app.get(
    '/v1/sales-targets',
    {
      schema: {
        tags,
        summary: 'Targets within a period, of the units and people the caller may see',
        querystring: salesTargetListQuerySchema,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: await listTargets(app.db, actor, request.query as z.infer<typeof salesTargetListQuerySchema>) };
    },
  );

  app.post(
    '/v1/sales-targets',
    {
      schema: {
        tags,
        summary: 'Set a target for an org unit or a person (managers, within their scope)',
        body: salesTargetInputSchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body as z.infer<typeof salesTargetInputSchema>;
      return reply.code(201).send(await app.db.transaction((tx) => createTarget(tx, actor, body)));
    },
  );

  app.get('/v1/sales-targets/:id', { schema: { tags, summary: 'One target', params: idParams } }, async (request) =>
    getTarget(app.db, requireActor(request), (request.params as z.infer<typeof idParams>).id),
  );

  app.patch(
    '/v1/sales-targets/:id',
    { schema: { tags, summary: 'Change a target’s value or note (If-Match)', params: idParams, body: salesTargetPatchSchema } },
    async (request) => {
      const actor = requireActor(request);
      const version = versionFromIfMatch(request);
      const { id } = request.params as z.infer<typeof idParams>;
      const body = request.body as z.infer<typeof salesTargetPatchSchema>;
      return app.db.transaction((tx) => updateTarget(tx, actor, id, version, body));
    },
  );

  app.delete(
    '/v1/sales-targets/:id',
    { schema: { tags, summary: 'Remove a target that has not been split (If-Match)', params: idParams } },
    async (request, reply) => {
      const actor = requireActor(request);
      const version = versionFromIfMatch(request);
      const { id } = request.params as z.infer<typeof idParams>;
      await app.db.transaction((tx) => deleteTarget(tx, actor, id, version));
      return reply.code(204).send();
    },
  );

  app.post(
    '/v1/sales-targets/:id/split',
    {
      schema: {
        tags,
        summary: 'Split a unit’s target to its child units and people; the parts may not exceed it',
        params: idParams,
        body: salesTargetSplitSchema,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params as z.infer<typeof idParams>;
      const body = request.body as z.infer<typeof salesTargetSplitSchema>;
      return app.db.transaction((tx) => splitTarget(tx, actor, id, body));
    },
  );

  app.get(
    '/v1/sales-plan-vs-actual',
    {
      schema: {
        tags,
        summary: 'Targets and actuals of a unit (rolled up), its child units and its people for a period',
        querystring: reportQuerySchema,
      },
    },
    async (request) => planVsActual(app.db, requireActor(request), tz, request.query as z.infer<typeof reportQuerySchema>),
  );

  app.get(
    '/v1/sales-forecast',
    {
      schema: {
        tags,
        summary: 'Forecast of a period by category and weighted, for a unit (rolled up), its child units and its people',
        querystring: reportQuerySchema,
      },
    },
    async (request) => forecast(app.db, requireActor(request), tz, request.query as z.infer<typeof reportQuerySchema>),
  );

  app.get(
    '/v1/sales-forecast/trend',
    {
      schema: {
        tags,
        summary: 'The weekly snapshots of a unit’s (or person’s) forecast for a period, then the forecast now',
        querystring: forecastTrendQuerySchema,
      },
    },
    async (request) =>
      forecastTrend(app.db, requireActor(request), tz, request.query as z.infer<typeof forecastTrendQuerySchema>),
  );

  app.get(
    '/v1/sales-scorecards',
    {
      schema: {
        tags,
        summary: 'Scorecards of a unit, its teams and every person below it for a period, ranked, with their parts',
        querystring: reportQuerySchema,
      },
    },
    async (request) => scorecards(app.db, requireActor(request), tz, request.query as z.infer<typeof reportQuerySchema>),
  );

  app.get(
    '/v1/sales-scorecard-weights',
    { schema: { tags, summary: 'The weights of the scorecard’s parts' } },
    async (request) => {
      requireActor(request);
      return getScorecardWeights(app.db);
    },
  );

  app.put(
    '/v1/sales-scorecard-weights',
    {
      schema: {
        tags,
        summary: 'Set the weights of the scorecard’s parts (administrators; they add up to 100)',
        body: scorecardWeightsSchema,
      },
    },
    async (request) => {
      const actor = requireAdmin(request);
      const body = request.body as z.infer<typeof scorecardWeightsSchema>;
      return app.db.transaction((tx) => saveScorecardWeights(tx, actor, body));
    },
  );

  app.get(
    '/v1/sales-dashboard',
    {
      schema: {
        tags,
        summary: 'Funnel, pipeline by stage and owner, win rate, cycle length and leaderboard of a unit for a period',
        querystring: dashboardQuerySchema,
      },
    },
    async (request) => salesDashboard(app.db, requireActor(request), tz, request.query as z.infer<typeof dashboardQuerySchema>),
  );

  app.get(
    '/v1/opportunities/:id/lines',
    { schema: { tags, summary: 'The product lines of an opportunity, with its amount and version', params: idParams } },
    async (request) => getOpportunityLines(opportunityCtx(request), (request.params as z.infer<typeof idParams>).id),
  );

  app.put(
    '/v1/opportunities/:id/lines',
    {
      schema: {
        tags,
        summary: 'Replace the product lines of an opportunity (If-Match: its version); its amount becomes their sum',
        params: idParams,
        body: opportunityLinesInputSchema,
      },
    },
    async (request) => {
      const version = versionFromIfMatch(request);
      const { id } = request.params as z.infer<typeof idParams>;
      const { lines } = request.body as z.infer<typeof opportunityLinesInputSchema>;
      return app.db.transaction((tx) => saveOpportunityLines(opportunityCtx(request, tx), id, version, lines));
    },
  );
}
