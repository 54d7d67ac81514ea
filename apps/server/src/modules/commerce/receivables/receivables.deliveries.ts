// An order's delivery schedule: per order line, planned quantities on planned dates, saved whole over the plan's
// version (the highest version of its rows, as for instalments). What has been delivered comes from the order lines'
// `delivered_quantity` (the orders part records it when its `delivered` stage takes quantities) and is spread over
// the line's deliveries in date order on every read: planned, partial, delivered, or overdue (past its date and not
// all delivered). Nothing is stored about it here, so the schedule can never disagree with the stage records.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Delivery, DeliveryPlan, DeliveryPlanInput, ErrorDetail } from '@guanxi/contracts';
import { deliveryPlanInputSchema } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError, staleVersion } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { translate } from '../../../platform/i18n/i18n.ts';
import { Exact, QUANTITY_LIMIT, formatQuantity, readDecimal } from '../commerce.money.ts';
import { orderLines } from '../orders/orders.schema.ts';
import { loadOrder, type OrderFacts } from './receivables.access.ts';
import { deliveries } from './receivables.schema.ts';
import './receivables.messages.ts';

const QUANTITY_RULE = {
  decimals: [4, 'DELIVERY_PLAN_QUANTITY_DECIMALS'],
  min: [0, 'exclusive', 'DELIVERY_PLAN_QUANTITY_NOT_POSITIVE'],
  max: [QUANTITY_LIMIT, 'exclusive', 'RECEIVABLES_AMOUNT_TOO_BIG'],
} as const;

type Row = typeof deliveries.$inferSelect;
type Line = Pick<typeof orderLines.$inferSelect, 'id' | 'position' | 'name' | 'unit' | 'quantity' | 'deliveredQuantity'>;

const planVersion = (rows: Row[]) => rows.reduce((max, r) => Math.max(max, r.version), 0);

async function loadLines(db: DbOrTx, orderId: string): Promise<Line[]> {
  return db
    .select({
      id: orderLines.id,
      position: orderLines.position,
      name: orderLines.name,
      unit: orderLines.unit,
      quantity: orderLines.quantity,
      deliveredQuantity: orderLines.deliveredQuantity,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.position));
}

const loadRows = (db: DbOrTx, orderId: string, lock = false) => {
  const query = db.select().from(deliveries).where(eq(deliveries.orderId, orderId)).orderBy(asc(deliveries.id));
  return lock ? query.for('update') : query;
};

/** Spreads each line's delivered quantity over its deliveries, earliest planned date first. */
export function deliveryStatuses(lines: Line[], rows: Row[], today: string): Delivery[] {
  const left = new Map(lines.map((l) => [l.id, new Exact(l.deliveredQuantity)]));
  const byDate = [...rows].sort((a, b) =>
    a.plannedDate !== b.plannedDate ? (a.plannedDate < b.plannedDate ? -1 : 1) : a.position - b.position,
  );
  const filled = new Map<string, Exact>();
  for (const row of byDate) {
    const remaining = left.get(row.orderLineId) ?? new Exact(0);
    const take = Exact.min(remaining, row.quantity);
    filled.set(row.id, take);
    left.set(row.orderLineId, remaining.minus(take));
  }
  return [...rows]
    .sort((a, b) => a.position - b.position)
    .map((row) => {
      const done = filled.get(row.id)!;
      const status: Delivery['status'] = done.gte(row.quantity)
        ? 'delivered'
        : row.plannedDate < today
          ? 'overdue'
          : done.gt(0)
            ? 'partial'
            : 'planned';
      return {
        id: row.id,
        position: row.position,
        orderLineId: row.orderLineId,
        plannedDate: row.plannedDate,
        quantity: formatQuantity(row.quantity),
        deliveredQuantity: formatQuantity(done),
        status,
        note: row.note,
      };
    });
}

function toPlan(order: OrderFacts, lines: Line[], rows: Row[], today: string): DeliveryPlan {
  const planned = new Map<string, Exact>();
  for (const r of rows) planned.set(r.orderLineId, (planned.get(r.orderLineId) ?? new Exact(0)).plus(r.quantity));
  return {
    orderId: order.id,
    version: planVersion(rows),
    canEdit: order.canEdit,
    lines: lines.map((l) => ({
      id: l.id,
      position: l.position,
      name: l.name,
      unit: l.unit,
      quantity: formatQuantity(l.quantity),
      deliveredQuantity: formatQuantity(l.deliveredQuantity),
      plannedQuantity: formatQuantity(planned.get(l.id) ?? 0),
    })),
    deliveries: deliveryStatuses(lines, rows, today),
  };
}

export async function getDeliveryPlan(db: DbOrTx, actor: Actor, orderId: string, today: string): Promise<DeliveryPlan> {
  const order = await loadOrder(db, actor, orderId);
  return toPlan(order, await loadLines(db, orderId), await loadRows(db, orderId), today);
}

/** Saves the schedule whole (update rights on the order; `version` as read, else 412). Σ per line ≤ the line's quantity. */
export async function saveDeliveryPlan(
  tx: DbOrTx,
  actor: Actor,
  orderId: string,
  version: number,
  raw: DeliveryPlanInput,
  today: string,
): Promise<DeliveryPlan> {
  const input = deliveryPlanInputSchema.parse(raw);
  const order = await loadOrder(tx, actor, orderId, 'update', true);
  if (order.status === 'cancelled') throw new AppError('PLAN_ORDER_CANCELLED', 409);
  const lines = await loadLines(tx, orderId);
  const rows = await loadRows(tx, orderId, true);
  if (planVersion(rows) !== version) throw staleVersion(toPlan(order, lines, rows, today));

  const details: ErrorDetail[] = [];
  const lineById = new Map(lines.map((l) => [l.id, l]));
  const known = new Set(rows.map((r) => r.id));
  const sums = new Map<string, { total: Exact; last: number }>();
  const wanted = input.deliveries.map((d, i) => {
    const quantity = readDecimal(
      typeof d.quantity === 'number' ? String(d.quantity) : d.quantity,
      `deliveries.${i}.quantity`,
      QUANTITY_RULE,
      details,
    );
    if (!lineById.has(d.orderLineId))
      details.push({
        field: `deliveries.${i}.orderLineId`,
        code: 'DELIVERY_PLAN_LINE_NOT_FOUND',
        message: 'DELIVERY_PLAN_LINE_NOT_FOUND',
      });
    if (d.id && !known.has(d.id))
      details.push({ field: `deliveries.${i}.id`, code: 'DELIVERY_PLAN_NOT_FOUND', message: 'DELIVERY_PLAN_NOT_FOUND' });
    if (quantity) {
      const sum = sums.get(d.orderLineId) ?? { total: new Exact(0), last: i };
      sums.set(d.orderLineId, { total: sum.total.plus(quantity), last: i });
    }
    return { ...d, quantity: quantity ?? new Exact(0) };
  });
  for (const [lineId, { total, last }] of sums) {
    const line = lineById.get(lineId);
    if (line && total.gt(line.quantity)) {
      const params = { line: line.name, planned: formatQuantity(total), quantity: formatQuantity(line.quantity) };
      details.push({
        field: `deliveries.${last}.quantity`,
        code: 'DELIVERIES_EXCEED_LINE',
        message: translate(actor.locale, 'DELIVERIES_EXCEED_LINE', params),
      });
    }
  }
  if (details.length) throw new AppError('VALIDATION_FAILED', 400, details);

  const next = planVersion(rows) + 1;
  const kept = new Set(wanted.flatMap((w) => (w.id ? [w.id] : [])));
  const removed = rows.filter((r) => !kept.has(r.id)).map((r) => r.id);
  if (removed.length) await tx.delete(deliveries).where(inArray(deliveries.id, removed));
  for (const [i, w] of wanted.entries()) {
    const values = {
      orderLineId: w.orderLineId,
      position: i + 1,
      plannedDate: w.plannedDate,
      quantity: w.quantity.toFixed(4),
      note: w.note?.trim() || null,
      version: next,
    };
    if (w.id) await tx.update(deliveries).set(values).where(eq(deliveries.id, w.id));
    else await tx.insert(deliveries).values({ ...values, orderId });
  }
  await recordAudit(tx, actor, {
    recordType: 'order',
    recordId: orderId,
    action: 'update',
    changes: [
      {
        field: 'deliveries',
        old: rows.map((r) => `${r.plannedDate} ${formatQuantity(r.quantity)}`).join('；') || null,
        new: wanted.map((w) => `${w.plannedDate} ${formatQuantity(w.quantity)}`).join('；') || null,
      },
    ],
  });
  return toPlan(order, lines, await loadRows(tx, orderId), today);
}
