// GET /orders/:id/progress: the order's stages with status, expected and completion dates, per line how much each
// tracking stage has done and may still take, what happened (events by the day they happened, newest first), and what the caller may do.
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { OrderProgress, OrderStageProgress } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { readOrder } from './orders.access.ts';
import { trimQuantity } from './orders.batches.service.ts';
import { dayOf, loadProgress } from './orders.progress.ts';
import { orderLines, orderStageEvents, orderTypes } from './orders.schema.ts';
import { completable, doneQuantities, remainingOf } from './orders.stages.service.ts';

export async function orderProgress(db: DbOrTx, actor: Actor, id: string): Promise<OrderProgress> {
  const { order, canUpdate, canReopen } = await readOrder(db, actor, id);
  const [progress, lines, done, events, [type]] = await Promise.all([
    loadProgress(db, id),
    db
      .select({ id: orderLines.id, quantity: orderLines.quantity })
      .from(orderLines)
      .where(eq(orderLines.orderId, id))
      .orderBy(asc(orderLines.position)),
    doneQuantities(db, id),
    db
      .select({ e: orderStageEvents, userName: users.displayName })
      .from(orderStageEvents)
      .leftJoin(users, eq(users.id, orderStageEvents.userId))
      .where(eq(orderStageEvents.orderId, id))
      .orderBy(desc(orderStageEvents.at), desc(orderStageEvents.id))
      .limit(500),
    db.select({ name: orderTypes.name }).from(orderTypes).where(eq(orderTypes.id, order.orderTypeId)),
  ]);
  const completers = progress.map((p) => p.completedBy).filter((u): u is string => Boolean(u));
  const names = completers.length
    ? new Map(
        (await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, completers))).map((u) => [
          u.id,
          u.name,
        ]),
      )
    : new Map<string, string>();
  const open = order.status === 'approved' || order.status === 'inProgress';
  const stages: OrderStageProgress[] = progress.map((p, i) => {
    const left = p.stage.tracksQuantity ? remainingOf(progress, i, lines, done) : new Map();
    return {
      id: p.stageId,
      name: p.stage.name,
      position: p.stage.position,
      leadTimeDays: p.stage.leadTimeDays,
      milestone: (p.stage.milestone as OrderStageProgress['milestone']) ?? null,
      tracksQuantity: p.stage.tracksQuantity,
      isArrival: p.stage.isArrival,
      active: p.stage.active,
      status: p.status as OrderStageProgress['status'],
      expectedDate: p.expectedDate,
      completedAt: p.completedAt?.toISOString() ?? null,
      completedOn: p.completedOn ?? null,
      completedByName: p.completedBy ? (names.get(p.completedBy) ?? null) : null,
      completable: open && canUpdate && completable(progress, i),
      lines: [...left].map(([orderLineId, f]) => ({ orderLineId, done: f.done.toFixed(), remaining: f.remaining.toFixed() })),
    };
  });
  return {
    orderId: id,
    status: order.status,
    version: order.version,
    orderTypeId: order.orderTypeId,
    orderTypeName: type?.name ?? '',
    currentStageId: order.currentStageId,
    expectedArrivalDate: order.expectedArrivalDate,
    promisedDate: order.promisedDate,
    rush: order.rush,
    stages,
    events: events.map(({ e, userName }) => ({
      id: e.id,
      stageId: e.stageId,
      kind: e.kind,
      orderLineId: e.orderLineId,
      quantity: e.quantity === null ? null : trimQuantity(e.quantity),
      amount: e.amount,
      note: e.note,
      userId: e.userId,
      userName: userName ?? null,
      at: e.at.toISOString(),
      on: dayOf(e.at),
    })),
    canComplete: open && canUpdate,
    canReopen: order.status !== 'draft' && order.status !== 'pendingApproval' && canReopen,
  };
}
