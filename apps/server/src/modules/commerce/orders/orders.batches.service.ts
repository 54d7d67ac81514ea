// Purchase batches: when an order reaches its purchasing stage its open lines join the open batch of their supplier
// (one per supplier, made when none is open; PB2026-000007); a rush order's lines go into a batch of their own that
// is closed at once, and marking an order rush later moves its waiting lines out the same way. Lists show the lines
// of orders the caller may read; closing needs update rights on every order in the batch (or an administrator).
import { and, asc, desc, eq, inArray, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { PurchaseBatch } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { accessCondition, allOf } from '../../../platform/access/recordAccess.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { nextNumbers } from '../commerce.numbers.ts';
import { orderLines, orders, purchaseBatches } from './orders.schema.ts';
import { today } from './orders.progress.ts';

/** Lines without a supplier are gathered under this name. */
export const NO_SUPPLIER = '';

const supplierOf = (supplier: string | null) => supplier?.trim() || NO_SUPPLIER;

/** New batches, numbered together (one counter round trip). */
async function newBatches(db: DbOrTx, actor: Actor, suppliers: string[], rush: boolean): Promise<Map<string, string>> {
  const numbers = await nextNumbers(db, 'batch', Number(today().slice(0, 4)), suppliers.length);
  const closed = rush ? { status: 'closed', closedAt: new Date(), closedBy: actor.userId } : {};
  const rows = await db
    .insert(purchaseBatches)
    .values(suppliers.map((supplier, i) => ({ number: numbers[i]!, supplier, rush, ...closed })))
    .returning({ id: purchaseBatches.id, supplier: purchaseBatches.supplier });
  return new Map(rows.map((r) => [r.supplier, r.id]));
}

/** Points the lines at their supplier's batch (one statement). */
async function assign(db: DbOrTx, lines: { id: string; supplier: string }[], batchOf: Map<string, string>): Promise<void> {
  if (!lines.length) return;
  const values = sql.join(
    lines.map((l) => sql`(${l.id}::uuid, ${batchOf.get(l.supplier)!}::uuid)`),
    sql`, `,
  );
  await db.execute(sql`UPDATE ${orderLines} SET batch_id = v.b FROM (VALUES ${values}) AS v(l, b) WHERE ${orderLines.id} = v.l`);
}

/** The open batch of each supplier, made when none is (under a lock per supplier, so two orders never make two). */
async function openBatches(db: DbOrTx, actor: Actor, suppliers: string[]): Promise<Map<string, string>> {
  for (const supplier of [...suppliers].sort())
    await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'purchase-batch:' + supplier}))`);
  const found = await db
    .select({ id: purchaseBatches.id, supplier: purchaseBatches.supplier })
    .from(purchaseBatches)
    .where(and(inArray(purchaseBatches.supplier, suppliers), eq(purchaseBatches.status, 'open'), eq(purchaseBatches.rush, false)))
    .orderBy(asc(purchaseBatches.createdAt));
  const batchOf = new Map<string, string>();
  for (const b of found) if (!batchOf.has(b.supplier)) batchOf.set(b.supplier, b.id);
  const missing = suppliers.filter((s) => !batchOf.has(s));
  if (missing.length) for (const [s, id] of await newBatches(db, actor, missing, false)) batchOf.set(s, id);
  return batchOf;
}

/** The order reached its purchasing stage: its lines not yet in a batch nor delivered join their supplier's batch. */
export async function joinPurchaseBatches(db: DbOrTx, actor: Actor, orderId: string, rush: boolean): Promise<void> {
  const rows = await db
    .select({ id: orderLines.id, supplier: orderLines.supplier })
    .from(orderLines)
    .where(
      and(eq(orderLines.orderId, orderId), isNull(orderLines.batchId), lt(orderLines.deliveredQuantity, orderLines.quantity)),
    );
  if (!rows.length) return;
  const lines = rows.map((r) => ({ id: r.id, supplier: supplierOf(r.supplier) }));
  const suppliers = [...new Set(lines.map((l) => l.supplier))];
  const batchOf = rush ? await newBatches(db, actor, suppliers, true) : await openBatches(db, actor, suppliers);
  await assign(db, lines, batchOf);
}

/** The order was marked rush: its lines waiting in open batches go straight out, in a closed batch of their own. */
export async function rushWaitingLines(db: DbOrTx, actor: Actor, orderId: string): Promise<void> {
  const rows = await db
    .select({ id: orderLines.id, supplier: purchaseBatches.supplier, batchId: purchaseBatches.id })
    .from(orderLines)
    .innerJoin(purchaseBatches, eq(purchaseBatches.id, orderLines.batchId))
    .where(and(eq(orderLines.orderId, orderId), eq(purchaseBatches.status, 'open')));
  if (!rows.length) return;
  const suppliers = [...new Set(rows.map((r) => r.supplier))];
  await assign(db, rows, await newBatches(db, actor, suppliers, true));
  // An open batch left without lines has nothing to purchase: it goes.
  const left = [...new Set(rows.map((r) => r.batchId))];
  await db
    .delete(purchaseBatches)
    .where(
      and(
        inArray(purchaseBatches.id, left),
        notExists(db.select({ id: orderLines.id }).from(orderLines).where(eq(orderLines.batchId, purchaseBatches.id))),
      ),
    );
}

/** The batches holding lines of orders the caller may read, with those lines (open: all; closed: the latest). */
export async function listPurchaseBatches(
  db: DbOrTx,
  actor: Actor,
  query: { status?: 'open' | 'closed'; supplier?: string; limit?: number; id?: string },
): Promise<PurchaseBatch[]> {
  const readable = allOf(isNull(orders.deletedAt), accessCondition(actor, 'order', 'read', orders));
  const batchRows = await db
    .selectDistinct({ batch: purchaseBatches, closedByName: users.displayName })
    .from(purchaseBatches)
    .innerJoin(orderLines, eq(orderLines.batchId, purchaseBatches.id))
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .leftJoin(users, eq(users.id, purchaseBatches.closedBy))
    .where(
      allOf(
        readable,
        query.status ? eq(purchaseBatches.status, query.status) : undefined,
        query.supplier !== undefined ? eq(purchaseBatches.supplier, query.supplier) : undefined,
        query.id ? eq(purchaseBatches.id, query.id) : undefined,
      ),
    )
    .orderBy(desc(purchaseBatches.createdAt), desc(purchaseBatches.id))
    .limit(query.limit ?? 100);
  if (!batchRows.length) return [];
  const ids = batchRows.map((b) => b.batch.id);
  const lines = await db
    .select({
      batchId: orderLines.batchId,
      orderLineId: orderLines.id,
      orderId: orders.id,
      orderNumber: orders.number,
      rush: orders.rush,
      sku: orderLines.sku,
      name: orderLines.name,
      unit: orderLines.unit,
      quantity: orderLines.quantity,
      deliveredQuantity: orderLines.deliveredQuantity,
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(allOf(inArray(orderLines.batchId, ids), readable))
    .orderBy(asc(orders.number), asc(orderLines.position));
  return batchRows.map(({ batch, closedByName }) => ({
    id: batch.id,
    number: batch.number,
    supplier: batch.supplier,
    status: batch.status as PurchaseBatch['status'],
    rush: batch.rush,
    createdAt: batch.createdAt.toISOString(),
    closedAt: batch.closedAt?.toISOString() ?? null,
    closedByName: closedByName ?? null,
    lines: lines
      .filter((l) => l.batchId === batch.id)
      .map(({ batchId: _b, ...l }) => ({
        ...l,
        quantity: trimQuantity(l.quantity),
        deliveredQuantity: trimQuantity(l.deliveredQuantity),
      })),
  }));
}

/** "12.0000" → "12". */
export const trimQuantity = (q: string): string => (q.includes('.') ? q.replace(/\.?0+$/, '') : q);

/** Closes an open batch: the purchase order for it was placed. */
export async function closePurchaseBatch(db: DbOrTx, actor: Actor, id: string, note?: string): Promise<PurchaseBatch> {
  const [batch] = await db.select().from(purchaseBatches).where(eq(purchaseBatches.id, id)).for('update');
  if (!batch) throw new AppError('NOT_FOUND', 404);
  const [rights] = await db
    .select({
      readable: sql<number>`count(*) FILTER (WHERE ${accessCondition(actor, 'order', 'read', orders) ?? sql`true`})`.mapWith(
        Number,
      ),
      updatable: sql<number>`count(*) FILTER (WHERE ${accessCondition(actor, 'order', 'update', orders) ?? sql`true`})`.mapWith(
        Number,
      ),
      total: sql<number>`count(*)`.mapWith(Number),
    })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orderLines.batchId, id), isNull(orders.deletedAt)));
  if (!actor.isAdmin && !rights?.readable) throw new AppError('NOT_FOUND', 404);
  if (!actor.isAdmin && rights!.updatable < rights!.total) throw new AppError('BATCH_CLOSE_FORBIDDEN', 403);
  if (batch.status !== 'open') throw new AppError('BATCH_CLOSED', 409);
  await db
    .update(purchaseBatches)
    .set({ status: 'closed', closedAt: new Date(), closedBy: actor.userId, note: note ?? null })
    .where(eq(purchaseBatches.id, id));
  await recordAudit(db, actor, {
    recordType: 'purchaseBatch',
    recordId: id,
    action: 'close',
    changes: [{ field: 'status', old: 'open', new: 'closed' }],
  });
  const [listed] = await listPurchaseBatches(db, actor, { id });
  return listed!;
}
