// HTTP of the approval chain: the caller's inbox, a record's rounds, a decision. auth → validate → access → service.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { approvalDecisionInputSchema, approvalRecordTypeSchema, type ApprovalDecisionInput } from '@guanxi/contracts';
import type { Actor } from '../../../platform/http/context.ts';
import { requireActor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { EntityRegistry } from '../../../platform/entities/registry.ts';
import { isReadable } from '../../../platform/entities/entity.read.ts';
import { countPendingApprovals, findApprovalInbox, findRecordApprovals } from './approvals.inbox.ts';
import { canDecide, decideApproval, type ApprovalRecordType } from './approvals.service.ts';

const tags = ['commerce'];
const recordParams = z.object({ recordType: approvalRecordTypeSchema, recordId: z.uuid() });
type RecordParams = z.infer<typeof recordParams>;
const inboxQuery = z.object({ status: z.enum(['pending', 'decided']).default('pending') });

/** Hidden records (or a type this app does not serve) answer 404, as everywhere. */
async function readable(db: DbOrTx, actor: Actor, registry: EntityRegistry, type: ApprovalRecordType, id: string) {
  const descriptor = registry.get(type);
  return descriptor !== undefined && (await isReadable(db, actor, descriptor, id));
}

export function registerApprovalRoutes(app: FastifyInstance, registry: EntityRegistry): void {
  app.get(
    '/v1/approvals',
    { schema: { tags, summary: "The caller's approval inbox (pending) or the steps they decided", querystring: inboxQuery } },
    async (request) => {
      const actor = requireActor(request);
      const { status } = request.query as z.infer<typeof inboxQuery>;
      return findApprovalInbox(app.db, actor, registry, status);
    },
  );
  app.get('/v1/approvals/count', { schema: { tags, summary: 'How many steps wait for the caller' } }, async (request) => {
    const actor = requireActor(request);
    return { pending: await countPendingApprovals(app.db, actor) };
  });
  app.get(
    '/v1/approvals/:recordType/:recordId',
    { schema: { tags, summary: "A record's approval rounds and steps (those who may read the record)", params: recordParams } },
    async (request) => {
      const actor = requireActor(request);
      const { recordType, recordId } = request.params as RecordParams;
      if (!(await readable(app.db, actor, registry, recordType, recordId))) throw new AppError('NOT_FOUND', 404);
      const [rounds, decidable] = await Promise.all([
        findRecordApprovals(app.db, recordType, recordId),
        canDecide(app.db, actor, recordType, recordId),
      ]);
      return { rounds, canDecide: decidable };
    },
  );
  app.post(
    '/v1/approvals/:recordType/:recordId/decision',
    {
      schema: {
        tags,
        summary: "Approve or reject the record's pending step (a comment is required to reject)",
        params: recordParams,
        body: approvalDecisionInputSchema,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { recordType, recordId } = request.params as RecordParams;
      const body = request.body as ApprovalDecisionInput;
      return app.db.transaction(async (tx) => {
        // An approver of the pending step knows the record from the notification; anyone else who cannot read it
        // learns nothing (404), whoever can read it learns why they may not decide (403).
        if (!(await canDecide(tx, actor, recordType, recordId)) && !(await readable(tx, actor, registry, recordType, recordId)))
          throw new AppError('NOT_FOUND', 404);
        return decideApproval(tx, actor, { recordType, recordId, decision: body.decision, comment: body.comment });
      });
    },
  );
}
