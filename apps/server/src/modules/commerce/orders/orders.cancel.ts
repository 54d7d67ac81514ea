// Cancelling an order (POST /api/v1/orders/:id/cancel, a reason required): only before anything was delivered or
// paid — after that it is a return or a refund, not a cancellation. The order leaves any open approval round, its lines
// leave the open purchase batches (a batch left empty goes), its open instalments leave aging and dunning; the audit
// entry keeps the reason. A cancelled, completed, delivered or (partly) paid order answers 409.
import { and, eq, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError, validationFailed } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { indexRecord } from '../../../platform/search/search.service.ts';
import { cancelApproval } from '../approvals/approvals.service.ts';
import { cancelOpenInstalments } from '../receivables/receivables.instalments.ts';
import { readOrder } from './orders.access.ts';
import { orderEntity } from './orders.entities.ts';
import { orderLines, orders, purchaseBatches } from './orders.schema.ts';

const CANCELLABLE = ['draft', 'pendingApproval', 'approved', 'inProgress'];

export async function cancelOrder(tx: Tx, actor: Actor, id: string, reason: string): Promise<void> {
  if (!reason.trim()) throw validationFailed([{ field: 'reason', code: 'ORDER_CANCEL_REASON', message: 'ORDER_CANCEL_REASON' }]);
  const { order } = await readOrder(tx, actor, id, 'update', { lock: true });
  if (!CANCELLABLE.includes(order.status)) throw new AppError('ORDER_NOT_CANCELLABLE', 409);
  if (order.deliveredAt || Number(order.paidTotal) > 0) throw new AppError('ORDER_NOT_CANCELLABLE', 409);
  const [delivered] = await tx
    .select({ id: orderLines.id })
    .from(orderLines)
    .where(and(eq(orderLines.orderId, id), sql`${orderLines.deliveredQuantity} > 0`))
    .limit(1);
  if (delivered) throw new AppError('ORDER_NOT_CANCELLABLE', 409);

  if (order.status === 'pendingApproval') await cancelApproval(tx, 'order', id);
  // Out of the open purchase batches; a batch left without lines has nothing to buy.
  const waiting = await tx
    .select({ batchId: orderLines.batchId })
    .from(orderLines)
    .innerJoin(purchaseBatches, eq(purchaseBatches.id, orderLines.batchId))
    .where(and(eq(orderLines.orderId, id), eq(purchaseBatches.status, 'open')));
  const batchIds = [...new Set(waiting.map((w) => w.batchId!))];
  if (batchIds.length) {
    await tx
      .update(orderLines)
      .set({ batchId: null })
      .where(and(eq(orderLines.orderId, id), inArray(orderLines.batchId, batchIds)));
    await tx
      .delete(purchaseBatches)
      .where(
        and(
          inArray(purchaseBatches.id, batchIds),
          notExists(tx.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.batchId, purchaseBatches.id))),
        ),
      );
  }
  await cancelOpenInstalments(tx, id);
  const [after] = await tx
    .update(orders)
    .set({ status: 'cancelled', version: sql`${orders.version} + 1`, updatedAt: new Date(), updatedBy: actor.userId })
    .where(and(eq(orders.id, id), isNull(orders.deletedAt)))
    .returning();
  await recordAudit(tx, actor, {
    recordType: 'order',
    recordId: id,
    action: 'update',
    changes: [
      { field: 'status', old: order.status, new: 'cancelled' },
      { field: 'cancelReason', old: null, new: reason.trim() },
    ],
  });
  await indexRecord(tx, orderEntity, after!);
}
