// The approval chain of quotes and orders: whether a discount needs approval, starting a round of the chain for a
// record, deciding its pending step, cancelling an open round. The record's own status follows through the
// ApprovalTarget its part registers; approvers and the requester are told through the notify job (approvals.notify.ts).
import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError, fieldError } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { userRoles } from '../../../platform/access/access.schema.ts';
import { enqueueJob } from '../../../platform/jobs/jobs.runner.ts';
import { Exact } from '../commerce.money.ts';
import { commerceApprovals, discountLimits } from '../commerce.schema.ts';
import { approvingUnit, loadChain, mayDecide, roleIdsOf, stepsFor } from './approvals.chain.ts';
import './approvals.messages.ts';

export type ApprovalRecordType = 'quote' | 'order';
export const APPROVAL_RECORD_TYPES: readonly ApprovalRecordType[] = ['quote', 'order'];

export interface ApprovalRequest {
  recordType: ApprovalRecordType;
  recordId: string;
  /** The record's org unit: approvers are looked for from it upwards. */
  orgUnitId: string;
  /** The largest discount off the list price, percent with up to 2 decimals ("12.5"). */
  discountPercent: string;
  /** The record's gross total, for the approvers' notification. */
  amount: string;
  /** What the approvers' notification names (Q2026-000012 v2 · 北京东区邮政局). */
  title: string;
  /** The web path the notification links to (/quotes/<id>). */
  link: string;
}

export interface ApprovalDecision {
  /** `pending` while later steps still have to decide. */
  outcome: 'pending' | 'approved' | 'rejected';
}

/**
 * What a record type does when its approval round ends: the quotes and orders parts register themselves, so the
 * approvals routes (inbox, decide) can serve both and the record's own status follows the decision.
 */
export interface ApprovalTarget {
  /** Called in the deciding transaction when the last step approves or any step rejects. */
  onDecided(tx: Tx, actor: Actor, recordId: string, outcome: 'approved' | 'rejected', comment: string | undefined): Promise<void>;
}

const targets = new Map<ApprovalRecordType, ApprovalTarget>();

export function registerApprovalTarget(recordType: ApprovalRecordType, target: ApprovalTarget): void {
  targets.set(recordType, target);
}

export function approvalTarget(recordType: ApprovalRecordType): ApprovalTarget | undefined {
  return targets.get(recordType);
}

/** The job that tells approvers a step waits for them, or the requester how the round ended. */
export const APPROVAL_NOTIFY_JOB = 'commerce.approvalNotify';
export interface ApprovalNotifyPayload {
  /** The step that became pending, or the step that ended the round. */
  approvalId: string;
  event: 'pending' | 'decided';
  /** The caller's wording of the record, when it gave one; otherwise the record's number and title. */
  title?: string;
  link?: string;
  [key: string]: unknown;
}

const notify = (tx: DbOrTx, payload: ApprovalNotifyPayload) =>
  enqueueJob(tx, APPROVAL_NOTIFY_JOB, payload, { dedupeKey: `approval-notify:${payload.event}:${payload.approvalId}` });

/**
 * The largest discount the actor may give without approval: the largest limit among their roles, 0 when none of
 * their roles has one. Administrators are no exception (as in Salesforce, an administrator's quote climbs the chain
 * too) unless their role has a limit of its own.
 */
export async function discountLimitOf(db: DbOrTx, actor: Actor): Promise<string> {
  const [row] = await db
    .select({ limit: max(discountLimits.maxPercent) })
    .from(discountLimits)
    .innerJoin(userRoles, eq(userRoles.roleId, discountLimits.roleId))
    .where(eq(userRoles.userId, actor.userId));
  return row?.limit ?? '0';
}

/** Whether `actor` may give `discountPercent` without approval (the largest limit among the actor's roles). */
export async function needsApproval(db: DbOrTx, actor: Actor, discountPercent: string): Promise<boolean> {
  return new Exact(discountPercent).gt(await discountLimitOf(db, actor));
}

/** Starts a new round of the chain for the record, notifies the first step's approvers. */
export async function requestApproval(tx: Tx, actor: Actor, request: ApprovalRequest): Promise<void> {
  const discount = new Exact(request.discountPercent).toDecimalPlaces(2);
  const steps = stepsFor(await loadChain(tx), request.recordType, discount.toFixed(2), await roleIdsOf(tx, actor.userId));
  const units: string[] = [];
  for (const step of steps) {
    const unit = await approvingUnit(tx, request.orgUnitId, step.roleId, actor.userId);
    if (!unit) throw new AppError('APPROVER_MISSING', 409, undefined, { step: step.name });
    units.push(unit);
  }
  await cancelApproval(tx, request.recordType, request.recordId);
  const [last] = await tx
    .select({ round: max(commerceApprovals.round) })
    .from(commerceApprovals)
    .where(and(eq(commerceApprovals.recordType, request.recordType), eq(commerceApprovals.recordId, request.recordId)));
  const round = (last?.round ?? 0) + 1;
  const rows = await tx
    .insert(commerceApprovals)
    .values(
      steps.map((step, i) => ({
        recordType: request.recordType,
        recordId: request.recordId,
        round,
        position: i + 1,
        stepName: step.name,
        roleId: step.roleId,
        orgUnitId: units[i]!,
        status: i === 0 ? 'pending' : 'waiting',
        discountPercent: discount.toFixed(2),
        amount: new Exact(request.amount).toFixed(2),
        requestedBy: actor.userId,
      })),
    )
    .returning({ id: commerceApprovals.id, position: commerceApprovals.position });
  await recordAudit(tx, actor, {
    recordType: request.recordType,
    recordId: request.recordId,
    action: 'approval.request',
    changes: [
      { field: 'approvalRound', old: null, new: round },
      { field: 'discountPercent', old: null, new: discount.toFixed(2) },
      { field: 'approvalSteps', old: null, new: steps.map((s) => s.name) },
    ],
  });
  const first = rows.find((r) => r.position === 1)!;
  await notify(tx, { approvalId: first.id, event: 'pending', title: request.title, link: request.link });
}

/** The record's pending step in its latest round (a decision then updates it only while it is still pending). */
async function pendingStep(tx: DbOrTx, recordType: ApprovalRecordType, recordId: string) {
  const [row] = await tx
    .select()
    .from(commerceApprovals)
    .where(
      and(
        eq(commerceApprovals.recordType, recordType),
        eq(commerceApprovals.recordId, recordId),
        eq(commerceApprovals.status, 'pending'),
      ),
    )
    .orderBy(desc(commerceApprovals.round), asc(commerceApprovals.position))
    .limit(1);
  return row;
}

/** Whether the actor may decide the record's pending step now (for the record page's buttons). */
export async function canDecide(db: DbOrTx, actor: Actor, recordType: ApprovalRecordType, recordId: string): Promise<boolean> {
  const step = await pendingStep(db, recordType, recordId);
  if (!step || step.requestedBy === actor.userId) return false;
  return mayDecide(db, actor, step.roleId, step.orgUnitId);
}

/** The actor approves or rejects the record's pending step (never their own request). */
export async function decideApproval(
  tx: Tx,
  actor: Actor,
  input: { recordType: ApprovalRecordType; recordId: string; decision: 'approve' | 'reject'; comment?: string },
): Promise<ApprovalDecision> {
  const comment = input.comment?.trim() || undefined;
  if (input.decision === 'reject' && !comment)
    throw fieldError('comment', 'APPROVAL_COMMENT_REQUIRED', 'APPROVAL_COMMENT_REQUIRED');
  const step = await pendingStep(tx, input.recordType, input.recordId);
  if (!step) throw new AppError('APPROVAL_NOT_PENDING', 409);
  if (step.requestedBy === actor.userId) throw new AppError('APPROVAL_OWN_REQUEST', 403);
  if (!(await mayDecide(tx, actor, step.roleId, step.orgUnitId))) throw new AppError('APPROVAL_NOT_YOURS', 403);
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  // Conditional on the step still pending: of two approvers deciding at once, the second finds it decided.
  const decided = await tx
    .update(commerceApprovals)
    .set({ status, decidedBy: actor.userId, decidedAt: new Date(), comment: comment ?? null })
    .where(and(eq(commerceApprovals.id, step.id), eq(commerceApprovals.status, 'pending')))
    .returning({ id: commerceApprovals.id });
  if (!decided.length) throw new AppError('APPROVAL_NOT_PENDING', 409);
  await recordAudit(tx, actor, {
    recordType: input.recordType,
    recordId: input.recordId,
    action: input.decision === 'approve' ? 'approval.approve' : 'approval.reject',
    changes: [
      { field: 'approvalRound', old: null, new: step.round },
      { field: 'approvalStep', old: null, new: step.stepName },
      ...(comment ? [{ field: 'comment', old: null, new: comment }] : []),
    ],
  });
  const sameRound = and(
    eq(commerceApprovals.recordType, input.recordType),
    eq(commerceApprovals.recordId, input.recordId),
    eq(commerceApprovals.round, step.round),
  );
  if (status === 'approved') {
    const [next] = await tx
      .select({ id: commerceApprovals.id })
      .from(commerceApprovals)
      .where(and(sameRound, eq(commerceApprovals.status, 'waiting')))
      .orderBy(asc(commerceApprovals.position))
      .limit(1);
    if (next) {
      await tx.update(commerceApprovals).set({ status: 'pending' }).where(eq(commerceApprovals.id, next.id));
      await notify(tx, { approvalId: next.id, event: 'pending' });
      return { outcome: 'pending' };
    }
  } else {
    await tx
      .update(commerceApprovals)
      .set({ status: 'cancelled' })
      .where(and(sameRound, eq(commerceApprovals.status, 'waiting')));
  }
  await finish(tx, actor, input.recordType, input.recordId, status, comment);
  await notify(tx, { approvalId: step.id, event: 'decided' });
  return { outcome: status };
}

async function finish(
  tx: Tx,
  actor: Actor,
  recordType: ApprovalRecordType,
  recordId: string,
  outcome: 'approved' | 'rejected',
  comment: string | undefined,
) {
  const target = approvalTarget(recordType);
  if (!target) throw new Error(`approvals: no ApprovalTarget registered for ${recordType}`);
  await target.onDecided(tx, actor, recordId, outcome, comment);
}

/** Cancels the record's open round (the record was revised, withdrawn or deleted). */
export async function cancelApproval(tx: Tx, recordType: ApprovalRecordType, recordId: string): Promise<void> {
  await tx
    .update(commerceApprovals)
    .set({ status: 'cancelled' })
    .where(
      and(
        eq(commerceApprovals.recordType, recordType),
        eq(commerceApprovals.recordId, recordId),
        inArray(commerceApprovals.status, ['pending', 'waiting']),
      ),
    );
}

/** The record's pending approval right now: used by the parts to refuse edits while a round is open. */
export async function hasOpenApproval(db: DbOrTx, recordType: ApprovalRecordType, recordId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`1` })
    .from(commerceApprovals)
    .where(
      and(
        eq(commerceApprovals.recordType, recordType),
        eq(commerceApprovals.recordId, recordId),
        inArray(commerceApprovals.status, ['pending', 'waiting']),
      ),
    )
    .limit(1);
  return row !== undefined;
}
