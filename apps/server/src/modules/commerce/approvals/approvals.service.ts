// The approval chain of quotes and orders (to be written: this file holds the agreed signatures only).
import type { DbOrTx, Tx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';

export type ApprovalRecordType = 'quote' | 'order';

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

/** Whether `actor` may give `discountPercent` without approval (the largest limit among the actor's roles). */
export async function needsApproval(_db: DbOrTx, _actor: Actor, _discountPercent: string): Promise<boolean> {
  throw new Error('approvals: not written yet');
}

/** Starts a new round of the chain for the record, notifies the first step's approvers. */
export async function requestApproval(_tx: Tx, _actor: Actor, _request: ApprovalRequest): Promise<void> {
  throw new Error('approvals: not written yet');
}

/** The actor approves or rejects the record's pending step (never their own request). */
export async function decideApproval(
  _tx: Tx,
  _actor: Actor,
  _input: { recordType: ApprovalRecordType; recordId: string; decision: 'approve' | 'reject'; comment?: string },
): Promise<ApprovalDecision> {
  throw new Error('approvals: not written yet');
}

/** Cancels the record's open round (the record was revised, withdrawn or deleted). */
export async function cancelApproval(_tx: Tx, _recordType: ApprovalRecordType, _recordId: string): Promise<void> {
  throw new Error('approvals: not written yet');
}
