// The org-unit subtree a report covers, as far as the caller may see it, and the arithmetic of rolling figures up
// along it. A report asks the database one grouped query per figure (by unit and owner) and adds the rows up here.
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import Decimal from 'decimal.js';
import type { Scope } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { orgUnits, users } from '../../../platform/access/access.schema.ts';
import { likeEscape } from '../../../platform/access/recordAccess.ts';
import { scopeFor } from '../../../platform/access/scopes.ts';

export interface TreeUnit {
  id: string;
  name: string;
  parentId: string | null;
  path: string;
  depth: number;
}

export interface ReportTree {
  root: TreeUnit;
  /** The root and, when the caller sees below their own unit, every unit under it; root first, then by depth. */
  units: TreeUnit[];
  byId: Map<string, TreeUnit>;
  /** True when `units` is the whole subtree (the caller's scope covers it), so SQL may select it by path. */
  wholeSubtree: boolean;
}

/** The caller's read scope of a record type (administrators see everything). */
export const readScope = (actor: Actor, recordType: string): Scope =>
  actor.isAdmin ? 'all' : scopeFor(actor.permissions, recordType, 'read');

/** May a caller with `scope` see the records of `unit` (all of them, by unit)? */
export function unitInScope(actor: Actor, scope: Scope, unit: { id: string; path: string }): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'unit-and-below':
      return unit.path.startsWith(actor.orgUnitPath);
    case 'unit':
      return unit.id === actor.orgUnitId;
    default:
      return false;
  }
}

const unitColumns = {
  id: orgUnits.id,
  name: orgUnits.name,
  parentId: orgUnits.parentId,
  path: orgUnits.path,
  depth: orgUnits.depth,
};

/**
 * The subtree of `orgUnitId` (default: the caller's unit) that the caller may read `recordType` in. A unit outside
 * the caller's scope answers 404, as if it did not exist. With `unit` scope the report covers the unit alone.
 */
export async function loadReportTree(
  db: DbOrTx,
  actor: Actor,
  orgUnitId: string | undefined,
  recordType = 'opportunity',
): Promise<ReportTree> {
  const [root] = await db
    .select(unitColumns)
    .from(orgUnits)
    .where(eq(orgUnits.id, orgUnitId ?? actor.orgUnitId));
  const scope = readScope(actor, recordType);
  if (!root || !unitInScope(actor, scope, root)) throw new AppError('NOT_FOUND', 404);
  const wholeSubtree = scope === 'all' || scope === 'unit-and-below';
  const units = wholeSubtree
    ? await db
        .select(unitColumns)
        .from(orgUnits)
        .where(sql`${orgUnits.path} LIKE ${likeEscape(root.path) + '%'}`)
        .orderBy(asc(orgUnits.depth), asc(orgUnits.name))
    : [root];
  return { root, units, byId: new Map(units.map((u) => [u.id, u])), wholeSubtree };
}

/** `column` (an org-unit id) is one of the tree's units: by path for a whole subtree, so one parameter serves. */
export function inTree(column: AnyPgColumn | SQL, tree: ReportTree): SQL {
  if (!tree.wholeSubtree) return sql`${column} = ${tree.root.id}`;
  return sql`${column} = ANY(ARRAY(SELECT ${orgUnits.id} FROM ${orgUnits} WHERE ${orgUnits.path} LIKE ${likeEscape(tree.root.path) + '%'}))`;
}

/** The direct children of the root within the tree. */
export const childUnits = (tree: ReportTree): TreeUnit[] => tree.units.filter((u) => u.parentId === tree.root.id);

/** The ids of `unit` and every unit below it in the tree. */
export const subtreeIds = (tree: ReportTree, unit: TreeUnit): string[] =>
  tree.units.filter((u) => u.path.startsWith(unit.path)).map((u) => u.id);

/** Named figures of one row: money and counts alike, as decimals. */
export type Sums = Record<string, Decimal>;

export function addInto(target: Sums, add: Sums): void {
  for (const [key, value] of Object.entries(add)) target[key] = (target[key] ?? new Decimal(0)).plus(value);
}

/**
 * Rows grouped by unit and owner, as the grouped queries return them (figures as strings or numbers), into sums
 * per unit rolled up the tree (a unit holds its own rows and those of every unit below it) and per unit × owner.
 */
export function rollUp(
  tree: ReportTree,
  rows: { orgUnitId: string; ownerId: string | null; [figure: string]: unknown }[],
  figures: readonly string[],
): { byUnit: Map<string, Sums>; byOwner: Map<string, Sums>; byUnitOwner: Map<string, Sums> } {
  const byUnit = new Map<string, Sums>();
  const byOwner = new Map<string, Sums>();
  const byUnitOwner = new Map<string, Sums>();
  const bucket = (map: Map<string, Sums>, key: string) => {
    let sums = map.get(key);
    if (!sums) map.set(key, (sums = {}));
    return sums;
  };
  for (const row of rows) {
    const unit = tree.byId.get(row.orgUnitId);
    if (!unit) continue;
    const sums: Sums = {};
    for (const f of figures) sums[f] = new Decimal((row[f] as string | number | null) ?? 0);
    // Every unit on the path from the root down to the row's unit holds the row.
    for (const id of unit.path.split('/')) if (tree.byId.has(id)) addInto(bucket(byUnit, id), sums);
    if (row.ownerId) {
      addInto(bucket(byOwner, row.ownerId), sums);
      addInto(bucket(byUnitOwner, `${row.orgUnitId}:${row.ownerId}`), sums);
    }
  }
  return { byUnit, byOwner, byUnitOwner };
}

export interface Person {
  id: string;
  name: string;
  orgUnitId: string;
  active: boolean;
}

/** The active members of `unitIds`, and any other users among `alsoIds` (owners of records there), by name. */
export async function loadPeople(db: DbOrTx, unitIds: string[], alsoIds: Iterable<string> = []): Promise<Person[]> {
  const extra = [...new Set(alsoIds)];
  if (!unitIds.length && !extra.length) return [];
  const members = unitIds.length ? sql`(${users.orgUnitId} IN ${unitIds} AND ${users.active})` : sql`false`;
  const owners = extra.length ? sql`${users.id} IN ${extra}` : sql`false`;
  return db
    .select({ id: users.id, name: users.displayName, orgUnitId: users.orgUnitId, active: users.active })
    .from(users)
    .where(sql`${members} OR ${owners}`)
    .orderBy(asc(users.displayName));
}

/** A decimal as the API sends it: money with fen, counts whole. */
export const money = (d: Decimal | undefined): string => (d ?? new Decimal(0)).toFixed(2);
export const count = (d: Decimal | undefined): number => (d ?? new Decimal(0)).toNumber();

/** actual ÷ target in percent, one decimal; null without a (positive) target. */
export function attainment(actual: Decimal, target: Decimal | null): number | null {
  if (!target || target.isZero()) return null;
  return actual.div(target).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber();
}

/** The part of a report's tree where the caller may also read `recordType` (another figure's records). */
export function narrowTree(actor: Actor, tree: ReportTree, recordType: string): ReportTree | null {
  const scope = readScope(actor, recordType);
  if (!unitInScope(actor, scope, tree.root)) return null;
  if (scope === 'all' || scope === 'unit-and-below') return tree;
  return { root: tree.root, units: [tree.root], byId: new Map([[tree.root.id, tree.root]]), wholeSubtree: false };
}
