// What the approvals show: the caller's inbox (steps waiting for them, or the steps they decided) and one record's
// rounds with their steps. Access: the inbox is always the caller's own; a record's rounds are checked by the route.
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ApprovalInbox, ApprovalInboxItem, ApprovalRound, ApprovalStepStatus } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import type { EntityRegistry } from '../../../platform/entities/registry.ts';
import { orgUnits, roles, userRoles, users } from '../../../platform/access/access.schema.ts';
import { likeEscape } from '../../../platform/access/recordAccess.ts';
import { commerceApprovals } from '../commerce.schema.ts';
import { recordLabels } from './approvals.records.ts';
import type { ApprovalRecordType } from './approvals.service.ts';

const INBOX_LIMIT = 200;
const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

/** Pending steps the actor may decide (the query joins the step's org unit): see approvals.chain.ts mayDecide. */
const waitingFor = (actor: Actor) =>
  and(
    eq(commerceApprovals.status, 'pending'),
    ne(commerceApprovals.requestedBy, actor.userId),
    sql`${commerceApprovals.roleId} IN (SELECT ${userRoles.roleId} FROM ${userRoles} WHERE ${userRoles.userId} = ${actor.userId})`,
    sql`${orgUnits.path} LIKE ${likeEscape(actor.orgUnitPath) + '%'}`,
  );

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * `pending`: the steps the caller may decide now — of a role they hold, at their org unit or a unit below it, not
 * requested by themselves — oldest first. `decided`: the steps they approved or rejected, newest first.
 */
export async function findApprovalInbox(
  db: DbOrTx,
  actor: Actor,
  registry: EntityRegistry,
  status: 'pending' | 'decided',
): Promise<ApprovalInbox> {
  const a = commerceApprovals;
  const where =
    status === 'pending' ? waitingFor(actor) : and(eq(a.decidedBy, actor.userId), inArray(a.status, ['approved', 'rejected']));
  const rows = await db
    .select({
      step: a,
      orgUnitName: orgUnits.name,
      requestedByName: requester.displayName,
      total: sql<number>`count(*) OVER ()::int`,
    })
    .from(a)
    .innerJoin(orgUnits, eq(orgUnits.id, a.orgUnitId))
    .leftJoin(requester, eq(requester.id, a.requestedBy))
    .where(where)
    .orderBy(...(status === 'pending' ? [asc(a.requestedAt), asc(a.id)] : [desc(a.decidedAt), desc(a.id)]))
    .limit(INBOX_LIMIT);
  const labels = new Map<string, Awaited<ReturnType<typeof recordLabels>>>();
  for (const type of new Set(rows.map((r) => r.step.recordType)))
    labels.set(
      type,
      await recordLabels(
        db,
        registry,
        type,
        rows.filter((r) => r.step.recordType === type).map((r) => r.step.recordId),
      ),
    );
  const items: ApprovalInboxItem[] = rows.map(({ step, orgUnitName, requestedByName }) => {
    const label = labels.get(step.recordType)?.get(step.recordId);
    return {
      id: step.id,
      recordType: step.recordType as ApprovalRecordType,
      recordId: step.recordId,
      number: label?.number ?? null,
      title: label?.title ?? null,
      link: label?.link ?? null,
      round: step.round,
      position: step.position,
      stepName: step.stepName,
      orgUnitName,
      status: step.status as ApprovalStepStatus,
      discountPercent: step.discountPercent,
      amount: step.amount,
      requestedBy: step.requestedBy,
      requestedByName,
      requestedAt: step.requestedAt.toISOString(),
      decidedAt: iso(step.decidedAt),
      comment: step.comment,
    };
  });
  return { items, total: rows[0]?.total ?? 0 };
}

/** How many steps wait for the caller: the navigation's badge. */
export async function countPendingApprovals(db: DbOrTx, actor: Actor): Promise<number> {
  const a = commerceApprovals;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(a)
    .innerJoin(orgUnits, eq(orgUnits.id, a.orgUnitId))
    .where(waitingFor(actor));
  return row?.n ?? 0;
}

function roundStatus(statuses: string[]): ApprovalRound['status'] {
  if (statuses.includes('rejected')) return 'rejected';
  if (statuses.includes('pending') || statuses.includes('waiting')) return 'pending';
  if (statuses.every((s) => s === 'approved')) return 'approved';
  return 'cancelled';
}

/** The record's rounds, newest first, each with its steps in order. */
export async function findRecordApprovals(
  db: DbOrTx,
  recordType: ApprovalRecordType,
  recordId: string,
): Promise<ApprovalRound[]> {
  const a = commerceApprovals;
  const rows = await db
    .select({
      step: a,
      roleName: roles.name,
      orgUnitName: orgUnits.name,
      requestedByName: requester.displayName,
      decidedByName: decider.displayName,
    })
    .from(a)
    .leftJoin(roles, eq(roles.id, a.roleId))
    .leftJoin(orgUnits, eq(orgUnits.id, a.orgUnitId))
    .leftJoin(requester, eq(requester.id, a.requestedBy))
    .leftJoin(decider, eq(decider.id, a.decidedBy))
    .where(and(eq(a.recordType, recordType), eq(a.recordId, recordId)))
    .orderBy(desc(a.round), asc(a.position));
  const rounds: ApprovalRound[] = [];
  for (const row of rows) {
    let round = rounds.at(-1);
    if (!round || round.round !== row.step.round) {
      round = {
        round: row.step.round,
        status: 'pending',
        discountPercent: row.step.discountPercent,
        amount: row.step.amount,
        requestedBy: row.step.requestedBy,
        requestedByName: row.requestedByName,
        requestedAt: row.step.requestedAt.toISOString(),
        steps: [],
      };
      rounds.push(round);
    }
    round.steps.push({
      id: row.step.id,
      position: row.step.position,
      stepName: row.step.stepName,
      roleName: row.roleName,
      orgUnitName: row.orgUnitName,
      status: row.step.status as ApprovalStepStatus,
      decidedBy: row.step.decidedBy,
      decidedByName: row.decidedByName,
      decidedAt: iso(row.step.decidedAt),
      comment: row.step.comment,
    });
  }
  for (const round of rounds) round.status = roundStatus(round.steps.map((s) => s.status));
  return rounds;
}
