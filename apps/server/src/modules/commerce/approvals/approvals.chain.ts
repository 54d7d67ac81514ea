// Who approves what: the steps of the chain a discount climbs, and for each step the org unit whose holders of the
// step's role decide — the record's unit or the nearest unit above it with an active holder.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/db.ts';
import { orgUnits, userRoles, users } from '../../../platform/access/access.schema.ts';
import { likeEscape } from '../../../platform/access/recordAccess.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { Exact } from '../commerce.money.ts';
import { approvalSteps } from '../commerce.schema.ts';
import './approvals.messages.ts';

export interface ChainStep {
  id: string;
  position: number;
  name: string;
  roleId: string;
  upToPercent: string | null;
  appliesTo: string[];
}

/** The active steps of the chain, in position order. */
export async function loadChain(db: DbOrTx): Promise<ChainStep[]> {
  return db
    .select({
      id: approvalSteps.id,
      position: approvalSteps.position,
      name: approvalSteps.name,
      roleId: approvalSteps.roleId,
      upToPercent: approvalSteps.upToPercent,
      appliesTo: approvalSteps.appliesTo,
    })
    .from(approvalSteps)
    .where(eq(approvalSteps.active, true))
    .orderBy(asc(approvalSteps.position), asc(approvalSteps.id));
}

/**
 * The steps a request climbs: the chain's steps for the record type in order, up to and including the first whose
 * limit covers the discount. A step whose role the requester holds is passed over — nobody approves their own
 * request — so a branch manager's own discount goes to the next level up, which then has to cover it.
 */
export function stepsFor(
  chain: ChainStep[],
  recordType: string,
  discountPercent: string,
  requesterRoleIds: Set<string>,
): ChainStep[] {
  const discount = new Exact(discountPercent);
  const applicable = chain.filter((step) => step.appliesTo.includes(recordType));
  if (!applicable.length) throw new AppError('APPROVAL_CHAIN_EMPTY', 409);
  const picked: ChainStep[] = [];
  let covering: ChainStep | undefined;
  for (const step of applicable) {
    const covers = step.upToPercent === null || discount.lte(step.upToPercent);
    if (covers) covering ??= step;
    if (requesterRoleIds.has(step.roleId)) continue;
    picked.push(step);
    if (covers) return picked;
  }
  if (!covering) {
    const max = applicable.at(-1)!.upToPercent!;
    throw new AppError('APPROVAL_BEYOND_CHAIN', 422, undefined, {
      percent: discount.toFixed(),
      max: new Exact(max).toFixed(),
    });
  }
  throw new AppError('APPROVER_MISSING', 409, undefined, { step: covering.name });
}

/** The role ids a user holds. */
export async function roleIdsOf(db: DbOrTx, userId: string): Promise<Set<string>> {
  const rows = await db.select({ roleId: userRoles.roleId }).from(userRoles).where(eq(userRoles.userId, userId));
  return new Set(rows.map((r) => r.roleId));
}

/** The nearest unit from `orgUnitId` upwards (itself first) with an active holder of the role other than the requester. */
export async function approvingUnit(db: DbOrTx, orgUnitId: string, roleId: string, requesterId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(
      and(
        sql`(SELECT ${orgUnits.path} FROM ${orgUnits} WHERE ${orgUnits.id} = ${orgUnitId}) LIKE ${orgUnits.path} || '%'`,
        sql`EXISTS (SELECT 1 FROM ${users} JOIN ${userRoles} ON ${userRoles.userId} = ${users.id}
          WHERE ${users.orgUnitId} = ${orgUnits.id} AND ${users.active} AND ${userRoles.roleId} = ${roleId}
          AND ${users.id} <> ${requesterId})`,
      ),
    )
    .orderBy(sql`${orgUnits.depth} DESC`)
    .limit(1);
  return row?.id ?? null;
}

/** The active holders of `roleId` in exactly `orgUnitId` (not the requester): who is told a step waits for them. */
export async function approversIn(
  db: DbOrTx,
  orgUnitId: string,
  roleId: string,
  requesterId: string,
): Promise<{ id: string; locale: string }[]> {
  return db
    .selectDistinct({ id: users.id, locale: users.locale })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(users.orgUnitId, orgUnitId),
        eq(users.active, true),
        eq(userRoles.roleId, roleId),
        sql`${users.id} <> ${requesterId}`,
      ),
    );
}

/**
 * Whether the actor may decide a step of `roleId` at `orgUnitId`: they hold the role and work in that unit or any
 * unit above it (a superior holding the same role may stand in).
 */
export async function mayDecide(
  db: DbOrTx,
  actor: { userId: string; orgUnitPath: string },
  roleId: string,
  orgUnitId: string | null,
): Promise<boolean> {
  if (!orgUnitId) return false;
  const [row] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.id, orgUnitId),
        sql`${orgUnits.path} LIKE ${likeEscape(actor.orgUnitPath) + '%'}`,
        sql`EXISTS (SELECT 1 FROM ${userRoles} WHERE ${userRoles.userId} = ${actor.userId} AND ${userRoles.roleId} = ${roleId})`,
      ),
    );
  return row !== undefined;
}
