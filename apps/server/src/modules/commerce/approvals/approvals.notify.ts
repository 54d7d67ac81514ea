// The approvals' notifications, sent by a job queued in the deciding transaction (so nobody is told of a step that
// rolled back): a step became pending → its approvers, in their own language; a round ended → the requester.
import type { FastifyInstance } from 'fastify';
import type {} from '../../../app.ts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Locale } from '@guanxi/contracts';
import type { Db } from '../../../platform/db/db.ts';
import type { EntityRegistry } from '../../../platform/entities/registry.ts';
import type { EventBus } from '../../../platform/events/bus.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { createNotification } from '../../../platform/events/notifications.service.ts';
import { translate } from '../../../platform/i18n/i18n.ts';
import { Exact, formatMoney } from '../commerce.money.ts';
import { commerceApprovals } from '../commerce.schema.ts';
import { approversIn } from './approvals.chain.ts';
import { recordLabels } from './approvals.records.ts';
import { APPROVAL_NOTIFY_JOB, type ApprovalNotifyPayload } from './approvals.service.ts';
import './approvals.messages.ts';

export const APPROVAL_PENDING_NOTIFICATION = 'commerce.approval.pending';
export const APPROVAL_DECIDED_NOTIFICATION = 'commerce.approval.decided';

const payloadSchema = z.object({
  approvalId: z.uuid(),
  event: z.enum(['pending', 'decided']),
  title: z.string().optional(),
  link: z.string().optional(),
});

async function userName(db: Db, id: string | null): Promise<{ name: string; locale: Locale } | null> {
  if (!id) return null;
  const [row] = await db.select({ name: users.displayName, locale: users.locale }).from(users).where(eq(users.id, id));
  return row ? { name: row.name, locale: row.locale as Locale } : null;
}

export async function sendApprovalNotifications(
  db: Db,
  bus: EventBus,
  registry: EntityRegistry,
  payload: ApprovalNotifyPayload,
): Promise<void> {
  const [step] = await db.select().from(commerceApprovals).where(eq(commerceApprovals.id, payload.approvalId));
  if (!step) return;
  const described = (await recordLabels(db, registry, step.recordType, [step.recordId])).get(step.recordId);
  const title = payload.title ?? described?.label ?? step.recordId;
  const link = payload.link ?? described?.link ?? undefined;
  const requester = await userName(db, step.requestedBy);
  if (payload.event === 'pending') {
    // Decided in the meantime (or cancelled by a revision): nothing waits for anyone.
    if (step.status !== 'pending' || !step.orgUnitId) return;
    for (const approver of await approversIn(db, step.orgUnitId, step.roleId, step.requestedBy)) {
      const locale = approver.locale as Locale;
      await createNotification(db, bus, {
        userId: approver.id,
        kind: APPROVAL_PENDING_NOTIFICATION,
        title: translate(locale, 'APPROVAL_PENDING_TITLE', { title }).slice(0, 300),
        body: translate(locale, 'APPROVAL_PENDING_BODY', {
          requester: requester?.name ?? '',
          percent: new Exact(step.discountPercent ?? '0').toFixed(),
          amount: formatMoney(step.amount ?? '0'),
          step: step.stepName,
        }),
        link,
      });
    }
    return;
  }
  if (!requester || (step.status !== 'approved' && step.status !== 'rejected')) return;
  const decider = await userName(db, step.decidedBy);
  await createNotification(db, bus, {
    userId: step.requestedBy,
    kind: APPROVAL_DECIDED_NOTIFICATION,
    title: translate(requester.locale, step.status === 'approved' ? 'APPROVAL_APPROVED_TITLE' : 'APPROVAL_REJECTED_TITLE', {
      title,
    }).slice(0, 300),
    body: step.comment
      ? translate(requester.locale, 'APPROVAL_DECIDED_BODY', {
          decider: decider?.name ?? '',
          step: step.stepName,
          comment: step.comment,
        }).slice(0, 4000)
      : undefined,
    link,
  });
}

export function registerApprovalJobs(app: FastifyInstance): void {
  app.jobs.register(
    APPROVAL_NOTIFY_JOB,
    async (payload, { db }) => sendApprovalNotifications(db, app.events, app.entities, payload),
    { payload: payloadSchema },
  );
}
