// Sales targets (plans): per org unit or person, period, metric and product category. Who may set one is decided by
// the caller's scope on `salesTarget` updates (a branch manager plans their branch and below; administrators all).
// Periods of the same scope, metric and category may not overlap; a target split down the tree points at its parent
// and the parts may not exceed it. Every write takes one advisory lock, so two writers cannot slip past these checks.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type {
  SalesTarget,
  SalesTargetInput,
  SalesTargetListQuery,
  SalesTargetPatch,
  SalesTargetSplit,
  SalesTargetSplitResult,
  TargetMetric,
} from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError, staleVersion, validationFailed } from '../../../platform/http/errors.ts';
import { orgUnits, users } from '../../../platform/access/access.schema.ts';
import { likeEscape } from '../../../platform/access/recordAccess.ts';
import { scopeFor } from '../../../platform/access/scopes.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { parsePeriod } from './planning.periods.ts';
import { salesTargets as t } from './planning.schema.ts';
import { readScope, unitInScope } from './planning.tree.ts';

export const TARGET_RECORD_TYPE = 'salesTarget';
const COUNT_METRICS = new Set<TargetMetric>(['new_customers', 'visits']);

const bad = (field: string, code: string) => validationFailed([{ field, code, message: code }]);

/** A target value as stored: not negative, at most 2 decimals, whole for counts. */
export function checkTargetValue(metric: TargetMetric, raw: string, field = 'value'): string {
  let value: Decimal;
  try {
    value = new Decimal(raw);
  } catch {
    throw bad(field, 'invalid_value');
  }
  if (!value.isFinite()) throw bad(field, 'invalid_value');
  if (value.isNegative() && !value.isZero()) throw bad(field, 'TARGET_NEGATIVE');
  if (value.decimalPlaces() > 2) throw bad(field, 'TOO_MANY_DECIMALS');
  if (COUNT_METRICS.has(metric) && !value.isInteger()) throw bad(field, 'TARGET_COUNT_NOT_WHOLE');
  if (value.gte('1e16')) throw bad(field, 'VALUE_TOO_BIG');
  return value.toFixed(2);
}

const normCategory = (category: string | null | undefined): string | null => category?.trim() || null;

const writeScope = (actor: Actor) => (actor.isAdmin ? 'all' : scopeFor(actor.permissions, TARGET_RECORD_TYPE, 'update'));

const targetColumns = {
  id: t.id,
  version: t.version,
  period: t.period,
  periodKind: t.periodKind,
  startDate: t.startDate,
  endDate: t.endDate,
  metric: t.metric,
  orgUnitId: t.orgUnitId,
  orgUnitName: orgUnits.name,
  orgUnitPath: orgUnits.path,
  userId: t.userId,
  userName: users.displayName,
  category: t.category,
  value: t.value,
  note: t.note,
  parentId: t.parentId,
  childrenTotal: sql<string>`(SELECT coalesce(sum(ct.value), 0)::numeric(18,2)::text FROM ${t} ct WHERE ct.parent_id = ${t.id})`,
  createdAt: t.createdAt,
  updatedAt: t.updatedAt,
};

type TargetRow = Awaited<ReturnType<typeof selectTargets>>[number];

function selectTargets(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(targetColumns)
    .from(t)
    .innerJoin(orgUnits, eq(orgUnits.id, t.orgUnitId))
    .leftJoin(users, eq(users.id, t.userId))
    .where(where)
    .orderBy(asc(t.startDate), asc(orgUnits.path), asc(users.displayName), asc(t.metric));
}

function toApi(row: TargetRow): SalesTarget {
  const { orgUnitPath: _path, ...rest } = row;
  void _path;
  return {
    ...rest,
    periodKind: row.periodKind as SalesTarget['periodKind'],
    metric: row.metric as TargetMetric,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** May the caller see this target: its unit is in their read scope, or it is their own. */
const canRead = (actor: Actor, row: TargetRow): boolean =>
  row.userId === actor.userId ||
  unitInScope(actor, readScope(actor, TARGET_RECORD_TYPE), { id: row.orgUnitId, path: row.orgUnitPath });

async function getVisible(db: DbOrTx, actor: Actor, id: string): Promise<TargetRow> {
  const [row] = await selectTargets(db, eq(t.id, id));
  if (!row || !canRead(actor, row)) throw new AppError('NOT_FOUND', 404);
  return row;
}

export async function getTarget(db: DbOrTx, actor: Actor, id: string): Promise<SalesTarget> {
  return toApi(await getVisible(db, actor, id));
}

export async function listTargets(db: DbOrTx, actor: Actor, query: SalesTargetListQuery): Promise<SalesTarget[]> {
  const conditions: SQL[] = [];
  if (query.period) {
    const p = parsePeriod(query.period);
    conditions.push(sql`${t.startDate} >= ${p.startDate}::date AND ${t.endDate} <= ${p.endDate}::date`);
  }
  if (query.metric) conditions.push(eq(t.metric, query.metric));
  if (query.userId) conditions.push(eq(t.userId, query.userId));
  if (query.parentId) conditions.push(eq(t.parentId, query.parentId));
  if (query.category !== undefined) {
    const category = normCategory(query.category);
    conditions.push(category ? eq(t.category, category) : sql`${t.category} IS NULL`);
  }
  if (query.orgUnitId) {
    if (query.subtree === 'true') {
      const [unit] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, query.orgUnitId));
      if (!unit) return [];
      conditions.push(sql`${orgUnits.path} LIKE ${likeEscape(unit.path) + '%'}`);
    } else conditions.push(eq(t.orgUnitId, query.orgUnitId));
  }
  const rows = await selectTargets(db, and(...conditions));
  return rows.filter((row) => canRead(actor, row)).map(toApi);
}

interface TargetScope {
  orgUnitId: string;
  userId: string | null;
  path: string;
}

/** The unit (and person) a target is for, checked against the caller's planning scope. */
async function resolveScope(
  db: DbOrTx,
  actor: Actor,
  wanted: { orgUnitId?: string; userId?: string | null },
  prefix = '',
): Promise<TargetScope> {
  let orgUnitId = wanted.orgUnitId;
  const userId = wanted.userId ?? null;
  if (userId) {
    const [user] = await db.select({ orgUnitId: users.orgUnitId }).from(users).where(eq(users.id, userId));
    if (!user) throw bad(`${prefix}userId`, 'not_found_reference');
    orgUnitId ??= user.orgUnitId;
    if (orgUnitId !== user.orgUnitId) throw bad(`${prefix}userId`, 'TARGET_PERSON_NOT_IN_UNIT');
  }
  if (!orgUnitId) throw bad(`${prefix}orgUnitId`, 'required');
  const [unit] = await db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, orgUnitId));
  if (!unit) throw bad(`${prefix}orgUnitId`, 'not_found_reference');
  if (!unitInScope(actor, writeScope(actor), unit)) throw new AppError('TARGET_OUT_OF_SCOPE', 403);
  return { orgUnitId, userId, path: unit.path };
}

async function lockTargets(db: DbOrTx): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('sales_targets'))`);
}

interface Slot {
  orgUnitId: string;
  userId: string | null;
  metric: string;
  category: string | null;
  startDate: string;
  endDate: string;
}

/** The targets of the same scope, metric and category whose days overlap the slot's. */
async function overlapping(db: DbOrTx, slot: Slot): Promise<{ id: string; period: string; parentId: string | null }[]> {
  return db
    .select({ id: t.id, period: t.period, parentId: t.parentId })
    .from(t)
    .where(
      and(
        eq(t.orgUnitId, slot.orgUnitId),
        slot.userId ? eq(t.userId, slot.userId) : sql`${t.userId} IS NULL`,
        eq(t.metric, slot.metric),
        slot.category ? eq(t.category, slot.category) : sql`${t.category} IS NULL`,
        sql`${t.startDate} <= ${slot.endDate}::date AND ${t.endDate} >= ${slot.startDate}::date`,
      ),
    );
}

const overlapError = (field: string, period: string) =>
  new AppError('TARGET_OVERLAP', 409, [{ field, code: 'TARGET_OVERLAP', message: 'TARGET_OVERLAP' }], { period });

export async function createTarget(tx: DbOrTx, actor: Actor, input: SalesTargetInput): Promise<SalesTarget> {
  const p = parsePeriod(input.period);
  const value = checkTargetValue(input.metric, input.value);
  const scope = await resolveScope(tx, actor, input);
  const slot: Slot = {
    ...scope,
    metric: input.metric,
    category: normCategory(input.category),
    startDate: p.startDate,
    endDate: p.endDate,
  };
  await lockTargets(tx);
  const [clash] = await overlapping(tx, slot);
  if (clash) throw overlapError('period', clash.period);
  const [row] = await tx
    .insert(t)
    .values({
      period: p.period,
      periodKind: p.kind,
      startDate: p.startDate,
      endDate: p.endDate,
      metric: input.metric,
      orgUnitId: scope.orgUnitId,
      userId: scope.userId,
      category: slot.category,
      value,
      note: input.note ?? null,
      createdBy: actor.userId,
      updatedBy: actor.userId,
    })
    .returning({ id: t.id });
  await recordAudit(tx, actor, {
    recordType: TARGET_RECORD_TYPE,
    recordId: row!.id,
    action: 'create',
    changes: [{ field: 'value', old: null, new: value }],
  });
  return getTarget(tx, actor, row!.id);
}

/** The stored target for a write: visible, inside the caller's planning scope, at the version they saw. */
async function forWrite(tx: DbOrTx, actor: Actor, id: string, version: number | null): Promise<TargetRow> {
  const row = await getVisible(tx, actor, id);
  if (!unitInScope(actor, writeScope(actor), { id: row.orgUnitId, path: row.orgUnitPath }))
    throw new AppError('TARGET_OUT_OF_SCOPE', 403);
  if (version !== null && row.version !== version) throw staleVersion(toApi(row));
  return row;
}

/** The parent's value may not fall below its parts, nor its parts rise above it. */
async function checkAgainstFamily(tx: DbOrTx, row: TargetRow, newValue: Decimal): Promise<void> {
  if (newValue.lt(row.childrenTotal)) throw new AppError('TARGET_BELOW_CHILDREN', 422, undefined, { total: row.childrenTotal });
  if (row.parentId) {
    const [parent] = await tx.select({ value: t.value }).from(t).where(eq(t.id, row.parentId));
    const [others] = await tx
      .select({ total: sql<string>`coalesce(sum(${t.value}), 0)::text` })
      .from(t)
      .where(and(eq(t.parentId, row.parentId), sql`${t.id} <> ${row.id}`));
    if (parent && newValue.plus(others?.total ?? 0).gt(parent.value))
      throw new AppError(
        'TARGET_SPLIT_EXCEEDS_PARENT',
        422,
        [{ field: 'value', code: 'TARGET_SPLIT_EXCEEDS_PARENT', message: 'TARGET_SPLIT_EXCEEDS_PARENT' }],
        {
          parent: new Decimal(parent.value).toFixed(2),
        },
      );
  }
}

export async function updateTarget(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  version: number,
  patch: SalesTargetPatch,
): Promise<SalesTarget> {
  await lockTargets(tx);
  const row = await forWrite(tx, actor, id, version);
  const changes: Partial<typeof t.$inferInsert> = {};
  if (patch.value !== undefined) {
    const value = checkTargetValue(row.metric as TargetMetric, patch.value);
    await checkAgainstFamily(tx, row, new Decimal(value));
    changes.value = value;
  }
  if (patch.note !== undefined) changes.note = patch.note;
  await tx
    .update(t)
    .set({ ...changes, version: row.version + 1, updatedBy: actor.userId, updatedAt: new Date() })
    .where(eq(t.id, id));
  const auditChanges = Object.entries(changes)
    .filter(([field, value]) => String(row[field as keyof TargetRow] ?? '') !== String(value ?? ''))
    .map(([field, value]) => ({ field, old: row[field as keyof TargetRow] ?? null, new: value ?? null }));
  await recordAudit(tx, actor, { recordType: TARGET_RECORD_TYPE, recordId: id, action: 'update', changes: auditChanges });
  return getTarget(tx, actor, id);
}

export async function deleteTarget(tx: DbOrTx, actor: Actor, id: string, version: number): Promise<void> {
  await lockTargets(tx);
  const row = await forWrite(tx, actor, id, version);
  if (new Decimal(row.childrenTotal).gt(0) || (await tx.select({ id: t.id }).from(t).where(eq(t.parentId, id)).limit(1)).length)
    throw new AppError('TARGET_HAS_CHILDREN', 409);
  await tx.delete(t).where(eq(t.id, id));
  await recordAudit(tx, actor, {
    recordType: TARGET_RECORD_TYPE,
    recordId: id,
    action: 'delete',
    changes: [{ field: 'value', old: row.value, new: null }],
  });
}

/**
 * Splits a unit's target into parts for its child units and its own people. A scope that already has a part of this
 * target gets the new value; any other target of a part's scope in an overlapping period is a conflict (409).
 */
export async function splitTarget(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  input: SalesTargetSplit,
): Promise<SalesTargetSplitResult> {
  await lockTargets(tx);
  const parent = await forWrite(tx, actor, id, null);
  if (parent.userId) throw new AppError('TARGET_SPLIT_PERSON', 422);
  const metric = parent.metric as TargetMetric;
  const seen = new Set<string>();
  const parts: { scope: TargetScope; value: string; note: string | null | undefined; existingId: string | null }[] = [];
  for (const [i, child] of input.children.entries()) {
    const prefix = `children.${i}.`;
    const value = checkTargetValue(metric, child.value, `${prefix}value`);
    if (!child.userId && !child.orgUnitId) throw bad(`${prefix}orgUnitId`, 'required');
    const scope = await resolveScope(
      tx,
      actor,
      { orgUnitId: child.userId ? undefined : child.orgUnitId, userId: child.userId },
      prefix,
    );
    if (child.userId && child.orgUnitId && child.orgUnitId !== scope.orgUnitId)
      throw bad(`${prefix}userId`, 'TARGET_PERSON_NOT_IN_UNIT');
    // A part is for a direct child unit, or for a person of the parent's own unit.
    const fits = scope.userId ? scope.orgUnitId === parent.orgUnitId : scope.path === `${parent.orgUnitPath}${scope.orgUnitId}/`;
    if (!fits) throw bad(scope.userId ? `${prefix}userId` : `${prefix}orgUnitId`, 'TARGET_SPLIT_NOT_BELOW');
    const key = `${scope.orgUnitId}:${scope.userId ?? ''}`;
    if (seen.has(key)) throw bad(scope.userId ? `${prefix}userId` : `${prefix}orgUnitId`, 'TARGET_SPLIT_DUPLICATE');
    seen.add(key);
    const clashes = await overlapping(tx, {
      ...scope,
      metric,
      category: parent.category,
      startDate: parent.startDate,
      endDate: parent.endDate,
    });
    const own = clashes.find((c) => c.parentId === parent.id && c.period === parent.period);
    const other = clashes.find((c) => c !== own);
    if (other) throw overlapError(`children.${i}`, other.period);
    parts.push({ scope, value, note: child.note, existingId: own?.id ?? null });
  }
  // The parts after the split: the untouched existing ones and the listed ones.
  const existing = await tx.select({ id: t.id, value: t.value }).from(t).where(eq(t.parentId, parent.id));
  const touched = new Set(parts.map((p) => p.existingId).filter(Boolean));
  const total = existing
    .filter((e) => !touched.has(e.id))
    .reduce(
      (sum, e) => sum.plus(e.value),
      parts.reduce((sum, p) => sum.plus(p.value), new Decimal(0)),
    );
  if (total.gt(parent.value))
    throw new AppError('TARGET_SPLIT_EXCEEDS_PARENT', 422, undefined, {
      total: total.toFixed(2),
      parent: new Decimal(parent.value).toFixed(2),
    });
  const ids: string[] = [];
  for (const part of parts) {
    if (part.existingId) {
      await tx
        .update(t)
        .set({
          value: part.value,
          ...(part.note !== undefined ? { note: part.note } : {}),
          version: sql`${t.version} + 1`,
          updatedBy: actor.userId,
          updatedAt: new Date(),
        })
        .where(eq(t.id, part.existingId));
      ids.push(part.existingId);
    } else {
      const [row] = await tx
        .insert(t)
        .values({
          period: parent.period,
          periodKind: parent.periodKind,
          startDate: parent.startDate,
          endDate: parent.endDate,
          metric,
          orgUnitId: part.scope.orgUnitId,
          userId: part.scope.userId,
          category: parent.category,
          value: part.value,
          note: part.note ?? null,
          parentId: parent.id,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })
        .returning({ id: t.id });
      ids.push(row!.id);
    }
  }
  await recordAudit(tx, actor, {
    recordType: TARGET_RECORD_TYPE,
    recordId: parent.id,
    action: 'split',
    changes: [{ field: 'childrenTotal', old: parent.childrenTotal, new: total.toFixed(2) }],
  });
  const children = await selectTargets(tx, inArray(t.id, ids));
  return { parent: await getTarget(tx, actor, parent.id), children: children.map(toApi) };
}

/** Targets of the report's units for a period (those whose period lies within it), metric and category. */
export async function targetsWithin(
  db: DbOrTx,
  unitCondition: SQL,
  p: { startDate: string; endDate: string },
  category: string | null,
): Promise<{ orgUnitId: string; userId: string | null; metric: string; value: string }[]> {
  return db
    .select({ orgUnitId: t.orgUnitId, userId: t.userId, metric: t.metric, value: sql<string>`sum(${t.value})::text` })
    .from(t)
    .where(
      and(
        unitCondition,
        sql`${t.startDate} >= ${p.startDate}::date AND ${t.endDate} <= ${p.endDate}::date`,
        category ? eq(t.category, category) : sql`${t.category} IS NULL`,
      ),
    )
    .groupBy(t.orgUnitId, t.userId, t.metric);
}

export { t as salesTargetsTable };
