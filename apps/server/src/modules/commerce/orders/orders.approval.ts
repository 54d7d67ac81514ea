// Submitting an order: a discount within what the submitter's roles may give, or within what the accepted quote it came
// from was approved with, approves it at once; a larger one starts
// the approval chain (commerce/approvals) and the order waits as pendingApproval; when the chain ends, the order
// follows (ApprovalTarget 'order'): approved → its first stage completes and it may reach purchasing; rejected →
// back to a draft to revise.
import Decimal from 'decimal.js';
import { count, eq, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { customerEntity } from '../../customers/customers.entities.ts';
import { needsApproval, registerApprovalTarget, requestApproval } from '../approvals/approvals.service.ts';
import { readOrder, type OrderRow } from './orders.access.ts';
import { orderLines, orders } from './orders.schema.ts';
import { quotes } from '../quotes/quotes.schema.ts';
import { startOrder } from './orders.stages.service.ts';

async function customerName(db: DbOrTx, customerId: string): Promise<string> {
  const t = customerEntity.table;
  const [row] = await db
    .select({ name: sql<string>`${customerEntity.fields[customerEntity.titleField]!.column}` })
    .from(t)
    .where(eq(t.id, customerId));
  return row?.name ?? '';
}

/** Submits a draft: approved at once within the submitter's limit, else sent up the approval chain. */
export async function submitOrder(db: Tx, actor: Actor, id: string): Promise<{ status: string }> {
  const { order } = await readOrder(db, actor, id, 'update', { lock: true });
  if (order.status !== 'draft') throw new AppError('ORDER_NOT_DRAFT', 409);
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(orderLines).where(eq(orderLines.orderId, id));
  if (!n)
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'lines', code: 'ORDER_LINES_REQUIRED', message: 'ORDER_LINES_REQUIRED' },
    ]);
  if (!(await approvedByQuote(db, order)) && (await needsApproval(db, actor, order.effectiveDiscountPercent))) {
    await requestApproval(db, actor, {
      recordType: 'order',
      recordId: id,
      orgUnitId: order.orgUnitId,
      discountPercent: order.effectiveDiscountPercent,
      amount: order.grossTotal,
      title: `${order.number} · ${await customerName(db, order.customerId)}`,
      link: `/orders/${id}`,
    });
    await setStatus(db, actor, order, 'pendingApproval');
    return { status: 'pendingApproval' };
  }
  await startOrder(db, actor, order, null);
  return { status: 'approved' };
}

/**
 * An order made from a quote the customer accepted needs no second approval of the same prices: the quote's approval
 * covered a discount at least as large (an order whose lines were changed to give more goes up the chain again).
 */
async function approvedByQuote(db: DbOrTx, order: OrderRow): Promise<boolean> {
  if (!order.quoteId) return false;
  const [quote] = await db
    .select({ status: quotes.status, discount: quotes.effectiveDiscountPercent })
    .from(quotes)
    .where(eq(quotes.id, order.quoteId));
  return quote?.status === 'accepted' && new Decimal(order.effectiveDiscountPercent).lte(quote.discount);
}

async function setStatus(db: DbOrTx, actor: Actor, order: OrderRow, status: string): Promise<void> {
  await db
    .update(orders)
    .set({ status, version: sql`${orders.version} + 1`, updatedAt: new Date(), updatedBy: actor.userId })
    .where(eq(orders.id, order.id));
  await recordAudit(db, actor, {
    recordType: 'order',
    recordId: order.id,
    action: 'update',
    changes: [{ field: 'status', old: order.status, new: status }],
  });
}

registerApprovalTarget('order', {
  async onDecided(tx, actor, recordId, outcome, comment) {
    const [order] = await tx.select().from(orders).where(eq(orders.id, recordId)).for('update');
    if (!order || order.status !== 'pendingApproval') return;
    if (outcome === 'approved') await startOrder(tx, actor, order, comment ?? null);
    else await setStatus(tx, actor, order, 'draft');
  },
});
