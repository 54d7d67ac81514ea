// HTTP of the commerce settings: the letterhead and defaults (If-Match), the discount limits per role and the
// approval chain. Every signed-in user reads them (quotes print the letterhead); administrators save them.
import type { FastifyInstance } from 'fastify';
import {
  approvalChainInputSchema,
  commerceSettingsInputSchema,
  discountLimitsInputSchema,
  type ApprovalChainInput,
  type CommerceSettingsInput,
  type DiscountLimitsInput,
} from '@guanxi/contracts';
import { requireActor, requireAdmin } from '../../../platform/http/context.ts';
import { versionFromIfMatch } from '../../../platform/entities/entity.routes.ts';
import { getCommerceSettings, updateCommerceSettings } from './settings.service.ts';
import { getApprovalChain, getDiscountLimits, saveApprovalChain, saveDiscountLimits } from './settings.approvals.ts';

const tags = ['commerce'];

export function registerSettingsRoutes(app: FastifyInstance): void {
  app.get(
    '/v1/commerce/settings',
    { schema: { tags, summary: 'The letterhead and the defaults of quotes, contracts and dunning' } },
    async (request, reply) => {
      requireActor(request);
      const settings = await getCommerceSettings(app.db);
      return reply.header('etag', `"${settings.version}"`).send(settings);
    },
  );
  app.put(
    '/v1/commerce/settings',
    {
      schema: { tags, summary: 'Save the letterhead and defaults (administrators; If-Match)', body: commerceSettingsInputSchema },
    },
    async (request, reply) => {
      const actor = requireAdmin(request);
      const version = versionFromIfMatch(request);
      const body = request.body as CommerceSettingsInput;
      const settings = await app.db.transaction((tx) => updateCommerceSettings(tx, actor, version, body));
      return reply.header('etag', `"${settings.version}"`).send(settings);
    },
  );
  app.get(
    '/v1/commerce/discount-limits',
    { schema: { tags, summary: 'Every role with the discount it may give without approval' } },
    async (request) => {
      requireActor(request);
      return getDiscountLimits(app.db);
    },
  );
  app.put(
    '/v1/commerce/discount-limits',
    { schema: { tags, summary: 'Save every role’s discount limit (administrators)', body: discountLimitsInputSchema } },
    async (request) => {
      const actor = requireAdmin(request);
      const body = request.body as DiscountLimitsInput;
      return app.db.transaction((tx) => saveDiscountLimits(tx, actor, body));
    },
  );
  app.get('/v1/commerce/approval-chain', { schema: { tags, summary: 'The approval chain, step by step' } }, async (request) => {
    requireActor(request);
    return getApprovalChain(app.db);
  });
  app.put(
    '/v1/commerce/approval-chain',
    { schema: { tags, summary: 'Save the approval chain whole (administrators)', body: approvalChainInputSchema } },
    async (request) => {
      const actor = requireAdmin(request);
      const body = request.body as ApprovalChainInput;
      return app.db.transaction((tx) => saveApprovalChain(tx, actor, body));
    },
  );
}
