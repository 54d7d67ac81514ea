// An order's lines as read (with the batch each went into) and as saved whole while the order is a draft — after
// submission they are fixed (409 ORDER_LOCKED). Saving recomputes every figure and the order's totals, audited, and
// refreshes the search entry (the products' SKUs and names are in it).
import { asc, eq, sql } from 'drizzle-orm';
import type { OrderLines, OrderLinesInput } from '@guanxi/contracts';
import type { Tx } from '../../../platform/db/db.ts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError, staleVersion } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { bulkInsert } from '../../../platform/entities/entity.bulkInsert.ts';
import { indexRecord } from '../../../platform/search/search.service.ts';
import { readOrder, type OrderRow } from './orders.access.ts';
import type { NewOrderLine } from './orders.create.ts';
import { orderEntity } from './orders.entities.ts';
import { computeOrderLines } from './orders.lines.ts';
import { orderLines, orders, purchaseBatches } from './orders.schema.ts';
import { trimQuantity } from './orders.batches.service.ts';

const discountOf = (kind: string | null, value: string | null) =>
  kind && value !== null ? { kind: kind as 'percent' | 'amount', value } : null;

function linesView(order: OrderRow, rows: { line: typeof orderLines.$inferSelect; batchNumber: string | null }[]): OrderLines {
  return {
    lines: rows.map(({ line: l, batchNumber }) => ({
      id: l.id,
      position: l.position,
      productId: l.productId,
      sku: l.sku,
      name: l.name,
      unit: l.unit,
      supplier: l.supplier,
      quantity: trimQuantity(l.quantity),
      listPrice: l.listPrice,
      unitPrice: l.unitPrice,
      discount: discountOf(l.discountKind, l.discountValue),
      taxRate: trimQuantity(l.taxRate),
      amount: l.amount,
      discountAmount: l.discount,
      subtotal: l.subtotal,
      totalDiscountShare: l.totalDiscountShare,
      net: l.net,
      tax: l.tax,
      gross: l.gross,
      unitCost: l.unitCost,
      deliveredQuantity: trimQuantity(l.deliveredQuantity),
      batchId: l.batchId,
      batchNumber,
    })),
    totals: {
      subtotal: order.subtotal,
      discountTotal: order.discountTotal,
      netTotal: order.netTotal,
      taxTotal: order.taxTotal,
      grossTotal: order.grossTotal,
      costTotal: order.costTotal,
      effectiveDiscountPercent: order.effectiveDiscountPercent,
    },
    totalDiscount: discountOf(order.totalDiscountKind, order.totalDiscountValue),
    rounding: order.rounding as OrderLines['rounding'],
    prices: order.prices as OrderLines['prices'],
    editable: order.status === 'draft',
  };
}

async function readLines(db: DbOrTx, order: OrderRow): Promise<OrderLines> {
  const rows = await db
    .select({ line: orderLines, batchNumber: purchaseBatches.number })
    .from(orderLines)
    .leftJoin(purchaseBatches, eq(purchaseBatches.id, orderLines.batchId))
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.position));
  return linesView(order, rows);
}

export async function getOrderLines(db: DbOrTx, actor: Actor, id: string): Promise<OrderLines> {
  return readLines(db, (await readOrder(db, actor, id)).order);
}

/** Replaces a draft's lines and totals (If-Match: the order's version). */
export async function replaceOrderLines(
  tx: Tx,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: OrderLinesInput,
): Promise<OrderLines & { version: number }> {
  const { order } = await readOrder(tx, actor, id, 'update', { lock: true });
  if (order.version !== expectedVersion) throw staleVersion({ id, version: order.version });
  if (order.status !== 'draft') throw new AppError('ORDER_LOCKED', 409);
  const pricing = {
    rounding: input.rounding ?? (order.rounding as 'perLine' | 'perTotal'),
    prices: input.prices ?? (order.prices as 'inclusive' | 'exclusive'),
    totalDiscount: input.totalDiscount ?? null,
  };
  const figures = await computeOrderLines(tx, actor, input.lines as NewOrderLine[], pricing);
  await tx.delete(orderLines).where(eq(orderLines.orderId, id));
  await bulkInsert(
    tx,
    orderLines,
    figures.lines.map((l) => ({ ...l, orderId: id })),
  );
  const [after] = await tx
    .update(orders)
    .set({
      ...figures.totals,
      rounding: pricing.rounding,
      prices: pricing.prices,
      totalDiscountKind: pricing.totalDiscount?.kind ?? null,
      totalDiscountValue: pricing.totalDiscount?.value ?? null,
      version: sql`${orders.version} + 1`,
      updatedAt: new Date(),
      updatedBy: actor.userId,
    })
    .where(eq(orders.id, id))
    .returning();
  const changes = (['subtotal', 'discountTotal', 'netTotal', 'taxTotal', 'grossTotal', 'costTotal'] as const)
    .filter((f) => order[f] !== after![f])
    .map((f) => ({ field: f, old: order[f], new: after![f] }));
  await recordAudit(tx, actor, {
    recordType: 'order',
    recordId: id,
    action: 'update',
    changes: [{ field: 'lines', old: null, new: `${figures.lines.length}` }, ...changes],
  });
  await indexRecord(tx, orderEntity, after!);
  return { ...(await readLines(tx, after!)), version: after!.version };
}
