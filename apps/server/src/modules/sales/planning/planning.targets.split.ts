// Splitting a unit's target down the tree: parts for its direct child units and its own people, in the same period,
// metric and category, pointing at the parent; together never more than the parent, all written or none.
import { eq, inArray, sql } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type { SalesTargetSplit, SalesTargetSplitResult, TargetMetric } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { salesTargets as t } from './planning.schema.ts';
import {
  bad,
  checkTargetValue,
  forWrite,
  getTarget,
  lockTargets,
  overlapError,
  overlapping,
  resolveScope,
  selectTargets,
  TARGET_RECORD_TYPE,
  toApi,
  type TargetScope,
} from './planning.targets.service.ts';

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
