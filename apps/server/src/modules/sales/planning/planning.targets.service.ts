// Sales targets (plans): per org unit or person, period, metric and product category. Who may set one is decided by
// the caller's scope on `salesTarget` updates (a branch manager plans their branch and below; administrators all).
// Periods of the same scope, metric and category may not overlap; a target split down the tree points at its parent
// and the parts may not exceed it (planning.targets.split.ts). Every write takes one advisory lock, so two writers
// cannot slip past these checks.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type { SalesTarget, SalesTargetInput, SalesTargetListQuery, SalesTargetPatch, TargetMetric } from '@guanxi/contracts';
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
import { registerPermissionSubject } from '../../../platform/access/permissionSubjects.ts';

export const TARGET_RECORD_TYPE = 'salesTarget';
registerPermissionSubject(TARGET_RECORD_TYPE, { 'zh-CN': '销售目标', 'zh-TW': '銷售目標', en: 'Sales targets' });
const COUNT_METRICS = new Set<TargetMetric>(['new_customers', 'visits']);

export const bad = (field: string, code: string) => validationFailed([{ field, code, message: code }]);

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

export type TargetRow = Awaited<ReturnType<typeof selectTargets>>[number];

export function selectTargets(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(targetColumns)
    .from(t)
    .innerJoin(orgUnits, eq(orgUnits.id, t.orgUnitId))
    .leftJoin(users, eq(users.id, t.userId))
    .where(where)
    .orderBy(asc(t.startDate), asc(orgUnits.path), asc(users.displayName), asc(t.metric));
}

export function toApi(row: TargetRow): SalesTarget {
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

export interface TargetScope {
  orgUnitId: string;
  userId: string | null;
  path: string;
}

/** The unit (and person) a target is for, checked against the caller's planning scope. */
export async function resolveScope(
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

export async function lockTargets(db: DbOrTx): Promise<void> {
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
export async function overlapping(db: DbOrTx, slot: Slot): Promise<{ id: string; period: string; parentId: string | null }[]> {
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

export const overlapError = (field: string, period: string) =>
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
export async function forWrite(tx: DbOrTx, actor: Actor, id: string, version: number | null): Promise<TargetRow> {
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
