// Record-level access as SQL: which rows of a record type an actor may see or change, and whom they may
// make owner. Every read and write path of the entity kit goes through these functions.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Action, Scope } from '@guanxi/contracts';
import type { DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { orgUnits, recordShares, users } from './access.schema.ts';
import { scopeFor, scopeRank } from './scopes.ts';

export interface OwnedColumns {
  id: AnyPgColumn;
  ownerId: AnyPgColumn;
  orgUnitId: AnyPgColumn;
}

/** Escapes LIKE wildcards so a value is matched literally. */
export const likeEscape = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

function scopeCondition(actor: Actor, scope: Scope, cols: OwnedColumns): SQL | undefined {
  switch (scope) {
    case 'all':
      return undefined;
    case 'unit-and-below':
      // = ANY(ARRAY(subquery)) is computed once and lets the planner use the org_unit_id index.
      return sql`(${cols.ownerId} = ${actor.userId} OR ${cols.orgUnitId} = ANY(ARRAY(SELECT ${orgUnits.id} FROM ${orgUnits} WHERE ${orgUnits.path} LIKE ${likeEscape(actor.orgUnitPath) + '%'})))`;
    case 'unit':
      return sql`(${cols.ownerId} = ${actor.userId} OR ${cols.orgUnitId} = ${actor.orgUnitId})`;
    case 'own':
      return sql`${cols.ownerId} = ${actor.userId}`;
    case 'none':
      return sql`false`;
  }
}

/** Actions a record share can grant: read for any share, update for an "edit" share. */
function shareCondition(actor: Actor, recordType: string, action: Action, cols: OwnedColumns): SQL | undefined {
  if (action !== 'read' && action !== 'update') return undefined;
  const access = action === 'update' ? sql` AND ${recordShares.access} = 'edit'` : sql``;
  // Uncorrelated, so it runs once per query instead of once per row, and the primary key can serve it.
  return sql`${cols.id} = ANY(ARRAY(SELECT ${recordShares.recordId} FROM ${recordShares} WHERE ${recordShares.userId} = ${actor.userId} AND ${recordShares.recordType} = ${recordType}${access}))`;
}

/**
 * The WHERE condition limiting `recordType` rows to those `actor` may `action`; undefined means no limit.
 * Used for list, get, search, export, related lists, history and every write.
 */
export function accessCondition(actor: Actor, recordType: string, action: Action, cols: OwnedColumns): SQL | undefined {
  const scope = scopeFor(actor.permissions, recordType, action);
  const byScope = scopeCondition(actor, scope, cols);
  if (byScope === undefined) return undefined;
  const byShare = shareCondition(actor, recordType, action, cols);
  return byShare ? sql`(${byScope} OR ${byShare})` : byScope;
}

/**
 * `accessCondition` for rows of several record types in one table (the search index): types with the same scope share
 * one condition — their owner/unit test and one array of the caller's shares of those types — so the condition does
 * not grow with every registered type. `cols.recordType` tells a row's type; ids are unique across types.
 */
export function accessConditionForTypes(
  actor: Actor,
  recordTypes: string[],
  action: 'read' | 'update',
  cols: OwnedColumns & { recordType: AnyPgColumn },
): SQL {
  const byScope = new Map<Scope, string[]>();
  for (const type of recordTypes) {
    const scope = scopeFor(actor.permissions, type, action);
    byScope.set(scope, [...(byScope.get(scope) ?? []), type]);
  }
  const access = action === 'update' ? sql` AND ${recordShares.access} = 'edit'` : sql``;
  const parts = [...byScope].map(([scope, types]) => {
    const ofTypes = inArray(cols.recordType, types);
    const own = scopeCondition(actor, scope, cols);
    if (own === undefined) return ofTypes;
    const shared = sql`${cols.id} = ANY(ARRAY(SELECT ${recordShares.recordId} FROM ${recordShares} WHERE ${recordShares.userId} = ${actor.userId} AND ${inArray(recordShares.recordType, types)}${access}))`;
    return sql`(${ofTypes} AND (${own} OR ${shared}))`;
  });
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export function hasAnyScope(actor: Actor, recordType: string, action: Action): boolean {
  return scopeRank(scopeFor(actor.permissions, recordType, action)) > scopeRank('none');
}

export interface OwnerTarget {
  ownerId: string;
  orgUnitId: string;
}

/**
 * Resolves and checks the owner and org unit a caller wants to give a record (on create or assign).
 * The org unit defaults to the owner's; both must be active and inside the caller's scope for `action`.
 */
export async function resolveOwnerTarget(
  db: DbOrTx,
  actor: Actor,
  recordType: string,
  action: 'create' | 'assign',
  wanted: { ownerId?: string | null; orgUnitId?: string | null },
): Promise<OwnerTarget> {
  const ownerId = wanted.ownerId ?? actor.userId;
  const invalid = (field: string, code: string) => new AppError('VALIDATION_FAILED', 400, [{ field, code, message: code }]);
  // One query: the owner with their unit, and the target unit (the owner's own unless another is named).
  const target = alias(orgUnits, 'target_unit');
  const [row] = await db
    .select({
      active: users.active,
      ownerUnitId: users.orgUnitId,
      ownerPath: orgUnits.path,
      unitId: target.id,
      unitActive: target.active,
      unitPath: target.path,
    })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .leftJoin(target, wanted.orgUnitId ? eq(target.id, wanted.orgUnitId) : eq(target.id, users.orgUnitId))
    .where(eq(users.id, ownerId));
  if (!row) throw invalid('ownerId', 'not_found_reference');
  if (!row.active) throw invalid('ownerId', 'USER_INACTIVE');
  if (!row.unitId || row.unitPath === null) throw invalid('orgUnitId', 'not_found_reference');
  if (!row.unitActive) throw invalid('orgUnitId', 'ORG_UNIT_INACTIVE');
  const owner = { orgUnitId: row.ownerUnitId, path: row.ownerPath };
  const unit = { id: row.unitId, path: row.unitPath };
  const orgUnitId = unit.id;

  const scope = scopeFor(actor.permissions, recordType, action);
  const inside = (path: string, unitId: string): boolean => {
    switch (scope) {
      case 'all':
        return true;
      case 'unit-and-below':
        return path.startsWith(actor.orgUnitPath);
      case 'unit':
        return unitId === actor.orgUnitId;
      default:
        return false;
    }
  };
  const allowed =
    scope === 'own'
      ? ownerId === actor.userId && orgUnitId === actor.orgUnitId
      : inside(owner.path, owner.orgUnitId) && inside(unit.path, unit.id);
  if (!allowed) throw new AppError('SCOPE_VIOLATION', 403);
  return { ownerId, orgUnitId };
}

/** Narrowing helper: `and()` of conditions that may be undefined. */
export const allOf = (...conditions: (SQL | undefined)[]): SQL | undefined =>
  and(...conditions.filter((c): c is SQL => c !== undefined));
