// Order types and their stage pipelines: read by every signed-in user, saved whole by administrators (If-Match). A stage
// that orders have passed through or stand in is never removed, only deactivated (409 ORDER_STAGE_IN_USE otherwise);
// a deactivated stage stays on the orders that have it and is left out of new ones. One type is the default.
import { and, asc, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { ErrorDetail, OrderStage, OrderType } from '@guanxi/contracts';
import { orderTypeInputSchema } from '@guanxi/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError, staleVersion, validationFailed } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { orderStages, orderStageStates, orderTypes } from './orders.schema.ts';

type Body = z.output<typeof orderTypeInputSchema>;
type StageRow = typeof orderStages.$inferSelect;

const toStage = (s: StageRow): OrderStage => ({
  id: s.id,
  name: s.name,
  position: s.position,
  leadTimeDays: s.leadTimeDays,
  milestone: (s.milestone as OrderStage['milestone']) ?? null,
  tracksQuantity: s.tracksQuantity,
  isArrival: s.isArrival,
  active: s.active,
});

export async function listOrderTypes(db: DbOrTx): Promise<OrderType[]> {
  const types = await db.select().from(orderTypes).orderBy(asc(orderTypes.position), asc(orderTypes.createdAt));
  const stages = await db.select().from(orderStages).orderBy(asc(orderStages.position));
  return types.map((t) => ({
    id: t.id,
    name: t.name,
    isDefault: t.isDefault,
    active: t.active,
    position: t.position,
    version: t.version,
    stages: stages.filter((s) => s.orderTypeId === t.id).map(toStage),
  }));
}

async function getOrderType(db: DbOrTx, id: string): Promise<OrderType> {
  const found = (await listOrderTypes(db)).find((t) => t.id === id);
  if (!found) throw new AppError('NOT_FOUND', 404);
  return found;
}

/** A pipeline needs an active stage; each milestone at most once among the active stages; names once each. */
function checkStages(body: Body): void {
  const details: ErrorDetail[] = [];
  const active = body.stages.filter((s) => s.active);
  if (!active.length) details.push({ field: 'stages', code: 'ORDER_TYPE_NEEDS_STAGE', message: 'ORDER_TYPE_NEEDS_STAGE' });
  const seen = new Map<string, number>();
  body.stages.forEach((s, i) => {
    if (seen.has(s.name)) details.push({ field: `stages.${i}.name`, code: 'duplicate', message: 'duplicate' });
    seen.set(s.name, i);
    if (s.active && s.milestone && active.filter((o) => o.milestone === s.milestone).indexOf(s) > 0)
      details.push({ field: `stages.${i}.milestone`, code: 'ORDER_MILESTONE_TWICE', message: 'ORDER_MILESTONE_TWICE' });
  });
  if (details.length) throw validationFailed(details);
}

async function writeStages(db: DbOrTx, typeId: string, body: Body): Promise<void> {
  for (const [i, s] of body.stages.entries()) {
    const values = {
      name: s.name,
      leadTimeDays: s.leadTimeDays,
      milestone: s.milestone,
      tracksQuantity: s.tracksQuantity,
      isArrival: s.isArrival,
      active: s.active,
      position: i,
    };
    if (s.id) await db.update(orderStages).set(values).where(eq(orderStages.id, s.id));
    else await db.insert(orderStages).values({ ...values, orderTypeId: typeId });
  }
}

export async function createOrderType(db: DbOrTx, actor: Actor, body: Body): Promise<OrderType> {
  checkStages(body);
  if (body.stages.some((s) => s.id))
    throw validationFailed([{ field: 'stages.0.id', code: 'ORDER_STAGE_NOT_IN_TYPE', message: 'ORDER_STAGE_NOT_IN_TYPE' }]);
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(orderTypes);
  const [row] = await db
    .insert(orderTypes)
    .values({ name: body.name, isDefault: body.isDefault && body.active, active: body.active, position: n })
    .returning();
  await writeStages(db, row!.id, body);
  if (row!.isDefault) await db.update(orderTypes).set({ isDefault: false }).where(ne(orderTypes.id, row!.id));
  await recordAudit(db, actor, { recordType: 'orderType', recordId: row!.id, action: 'create' });
  return getOrderType(db, row!.id);
}

export async function updateOrderType(
  db: DbOrTx,
  actor: Actor,
  id: string,
  expectedVersion: number,
  body: Body,
): Promise<OrderType> {
  const [before] = await db.select().from(orderTypes).where(eq(orderTypes.id, id)).for('update');
  if (!before) throw new AppError('NOT_FOUND', 404);
  if (before.version !== expectedVersion) throw staleVersion(await getOrderType(db, id));
  checkStages(body);
  if (before.isDefault && (!body.isDefault || !body.active))
    throw validationFailed([{ field: 'isDefault', code: 'DEFAULT_ORDER_TYPE_REQUIRED', message: 'DEFAULT_ORDER_TYPE_REQUIRED' }]);
  const existing = await db.select().from(orderStages).where(eq(orderStages.orderTypeId, id));
  const ids = new Set(existing.map((s) => s.id));
  const details: ErrorDetail[] = [];
  body.stages.forEach((s, i) => {
    if (s.id && !ids.has(s.id))
      details.push({ field: `stages.${i}.id`, code: 'ORDER_STAGE_NOT_IN_TYPE', message: 'ORDER_STAGE_NOT_IN_TYPE' });
  });
  if (details.length) throw validationFailed(details);
  const kept = body.stages.filter((s) => s.id).map((s) => s.id!);
  const removed = existing.filter((s) => !kept.includes(s.id)).map((s) => s.id);
  if (removed.length) {
    const [used] = await db
      .select({ id: orderStageStates.stageId })
      .from(orderStageStates)
      .where(inArray(orderStageStates.stageId, removed))
      .limit(1);
    if (used) throw new AppError('ORDER_STAGE_IN_USE', 409);
    await db
      .delete(orderStages)
      .where(and(eq(orderStages.orderTypeId, id), notInArray(orderStages.id, kept.length ? kept : [id])));
  }
  await writeStages(db, id, body);
  await db
    .update(orderTypes)
    .set({
      name: body.name,
      isDefault: body.isDefault,
      active: body.active,
      version: sql`${orderTypes.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(orderTypes.id, id));
  if (body.isDefault) await db.update(orderTypes).set({ isDefault: false }).where(ne(orderTypes.id, id));
  await recordAudit(db, actor, {
    recordType: 'orderType',
    recordId: id,
    action: 'update',
    changes: [
      {
        field: 'stages',
        old: existing
          .sort((a, b) => a.position - b.position)
          .map((s) => s.name)
          .join(' → '),
        new: body.stages.map((s) => s.name).join(' → '),
      },
    ],
  });
  return getOrderType(db, id);
}
