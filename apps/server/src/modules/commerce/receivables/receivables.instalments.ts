// An order's instalment plan: read with what is paid and overdue, saved whole over its version (If-Match). The plan's
// version is the highest `version` of its instalments: every save writes all of them with that + 1, so a save from
// an older read is refused (412), while a payment changes paid amounts only and leaves the version alone. The amounts
// add up to the order's gross total to the fen (as Salesforce Billing and Dynamics payment schedules require the
// schedule to cover the order); a paid instalment is never removed or cut below what was paid.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ErrorDetail, Instalment, InstalmentPlan, InstalmentPlanInput } from '@guanxi/contracts';
import { instalmentPlanInputSchema } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError, staleVersion } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { translate } from '../../../platform/i18n/i18n.ts';
import { Exact, MONEY_LIMIT, formatMoney, readDecimal } from '../commerce.money.ts';
import { orders } from '../orders/orders.schema.ts';
import { loadOrder, lockCustomerReceivables, type OrderFacts } from './receivables.access.ts';
import { daysOverdue } from './receivables.dates.ts';
import { splitEqually, statusOf, type PlannedInstalment } from './receivables.planMath.ts';
import { instalments } from './receivables.schema.ts';
import './receivables.messages.ts';

export { defaultInstalments } from './receivables.planMath.ts';

type Row = typeof instalments.$inferSelect;

export const AMOUNT_RULE = {
  decimals: [2, 'INSTALMENT_AMOUNT_DECIMALS'],
  min: [0, 'exclusive', 'INSTALMENT_AMOUNT_NOT_POSITIVE'],
  max: [MONEY_LIMIT, 'exclusive', 'RECEIVABLES_AMOUNT_TOO_BIG'],
} as const;

const OPEN = ['open', 'partial'];

export function toInstalment(row: Row, today: string): Instalment {
  const outstanding = new Exact(row.amount).minus(row.paidAmount);
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    dueDate: row.dueDate,
    amount: row.amount,
    paidAmount: row.paidAmount,
    outstanding: row.status === 'cancelled' ? '0.00' : outstanding.toFixed(2),
    status: row.status as Instalment['status'],
    daysOverdue: OPEN.includes(row.status) ? daysOverdue(row.dueDate, today) : 0,
    paidAt: row.paidAt,
    dunningCount: row.dunningCount,
    lastDunnedAt: row.lastDunnedAt?.toISOString() ?? null,
  };
}

const planVersion = (rows: Row[]) => rows.reduce((max, r) => Math.max(max, r.version), 0);

async function loadRows(db: DbOrTx, orderId: string, lock: boolean): Promise<Row[]> {
  const query = db.select().from(instalments).where(eq(instalments.orderId, orderId));
  // Locked in id order, the order every writer of instalments uses; returned in plan order.
  const rows = lock ? await query.orderBy(asc(instalments.id)).for('update') : await query;
  return rows.sort((a, b) => a.position - b.position);
}

function toPlan(order: OrderFacts, rows: Row[], today: string): InstalmentPlan {
  return {
    orderId: order.id,
    orderNumber: order.number,
    grossTotal: order.grossTotal,
    paidTotal: order.paidTotal,
    planTotal: rows
      .filter((r) => r.status !== 'cancelled')
      .reduce((sum, r) => sum.plus(r.amount), new Exact(0))
      .toFixed(2),
    version: planVersion(rows),
    canEdit: order.canEdit,
    instalments: rows.map((r) => toInstalment(r, today)),
  };
}

export async function getInstalmentPlan(db: DbOrTx, actor: Actor, orderId: string, today: string): Promise<InstalmentPlan> {
  const order = await loadOrder(db, actor, orderId);
  return toPlan(order, await loadRows(db, orderId, false), today);
}

interface Wanted {
  id?: string;
  name: string | null;
  dueDate: string;
  amount: Exact;
}

/** Reads and checks the instalments given (or the split asked for); every bad field named at once. */
function readWanted(input: ReturnType<typeof instalmentPlanInputSchema.parse>, order: OrderFacts, rows: Row[]): Wanted[] {
  if (!!input.instalments === !!input.split)
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'instalments', code: 'INSTALMENT_PLAN_INPUT', message: 'INSTALMENT_PLAN_INPUT' },
    ]);
  if (input.split) {
    const paid = rows.find((r) => new Exact(r.paidAmount).gt(0));
    if (paid) throw paidError('INSTALMENT_PAID', paid, 'split');
    // Each instalment must be at least one fen: 0.05 splits in at most 5.
    if (new Exact(order.grossTotal).times(100).lt(input.split.count))
      throw new AppError('VALIDATION_FAILED', 400, [
        { field: 'split.count', code: 'INSTALMENT_AMOUNT_NOT_POSITIVE', message: 'INSTALMENT_AMOUNT_NOT_POSITIVE' },
      ]);
    return splitEqually(order.grossTotal, input.split.count, input.split.firstDueDate).map((p: PlannedInstalment) => ({
      ...p,
      amount: new Exact(p.amount),
    }));
  }
  const details: ErrorDetail[] = [];
  const known = new Set(rows.map((r) => r.id));
  const seen = new Set<string>();
  const wanted = input.instalments!.map((item, i): Wanted => {
    const amount = readDecimal(
      typeof item.amount === 'number' ? String(item.amount) : item.amount,
      `instalments.${i}.amount`,
      AMOUNT_RULE,
      details,
    );
    if (item.id && !known.has(item.id))
      details.push({ field: `instalments.${i}.id`, code: 'INSTALMENT_NOT_FOUND', message: 'INSTALMENT_NOT_FOUND' });
    else if (item.id && seen.has(item.id))
      details.push({ field: `instalments.${i}.id`, code: 'INSTALMENT_DUPLICATE', message: 'INSTALMENT_DUPLICATE' });
    if (item.id) seen.add(item.id);
    return { id: item.id, name: item.name?.trim() || null, dueDate: item.dueDate, amount: amount ?? new Exact(0) };
  });
  if (details.length) throw new AppError('VALIDATION_FAILED', 400, details);
  return wanted;
}

const paidError = (code: 'INSTALMENT_PAID' | 'INSTALMENT_BELOW_PAID', row: Row, field: string) =>
  new AppError(code, 409, [{ field, code, message: code }], { position: row.position, paid: formatMoney(row.paidAmount) });

/**
 * Saves the order's plan whole: instalments with an `id` are changed, new ones added, missing ones removed. Needs
 * update rights on the order; `version` is the plan version read (412 when it changed since).
 */
export async function saveInstalmentPlan(
  tx: DbOrTx,
  actor: Actor,
  orderId: string,
  version: number,
  raw: InstalmentPlanInput,
  today: string,
): Promise<InstalmentPlan> {
  const input = instalmentPlanInputSchema.parse(raw);
  const order = await loadOrder(tx, actor, orderId, 'update');
  if (order.status === 'cancelled') throw new AppError('PLAN_ORDER_CANCELLED', 409);
  await lockCustomerReceivables(tx, order.customerId);
  const rows = await loadRows(tx, orderId, true);
  if (planVersion(rows) !== version) throw staleVersion(toPlan(order, rows, today));

  const wanted = readWanted(input, order, rows);
  const planTotal = wanted.reduce((sum, w) => sum.plus(w.amount), new Exact(0));
  if (!planTotal.eq(order.grossTotal)) {
    const params = { planTotal: formatMoney(planTotal), grossTotal: formatMoney(order.grossTotal) };
    const message = translate(actor.locale, 'INSTALMENTS_TOTAL_MISMATCH', params);
    throw new AppError(
      'INSTALMENTS_TOTAL_MISMATCH',
      400,
      [{ field: 'instalments', code: 'INSTALMENTS_TOTAL_MISMATCH', message }],
      params,
      undefined,
      {
        planTotal: planTotal.toFixed(2),
        grossTotal: new Exact(order.grossTotal).toFixed(2),
      },
    );
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const kept = new Set(wanted.flatMap((w) => (w.id ? [w.id] : [])));
  const removed = rows.filter((r) => !kept.has(r.id));
  const paidRemoved = removed.find((r) => new Exact(r.paidAmount).gt(0));
  if (paidRemoved) throw paidError('INSTALMENT_PAID', paidRemoved, 'instalments');
  wanted.forEach((w, i) => {
    const before = w.id ? byId.get(w.id) : undefined;
    if (before && w.amount.lt(before.paidAmount)) throw paidError('INSTALMENT_BELOW_PAID', before, `instalments.${i}.amount`);
  });

  const next = planVersion(rows) + 1;
  if (removed.length)
    await tx.delete(instalments).where(
      inArray(
        instalments.id,
        removed.map((r) => r.id),
      ),
    );
  const copied = { customerId: order.customerId, ownerId: order.ownerId, orgUnitId: order.orgUnitId };
  for (const [i, w] of wanted.entries()) {
    const before = w.id ? byId.get(w.id) : undefined;
    const values = {
      position: i + 1,
      name: w.name,
      dueDate: w.dueDate,
      amount: w.amount.toFixed(2),
      status: statusOf(w.amount, before?.paidAmount ?? 0),
      version: next,
      ...copied,
    };
    if (before) {
      const paidAt = values.status === 'paid' ? (before.paidAt ?? today) : null;
      await tx
        .update(instalments)
        .set({ ...values, paidAt })
        .where(eq(instalments.id, before.id));
    } else await tx.insert(instalments).values({ ...values, orderId });
  }
  await recordAudit(tx, actor, {
    recordType: 'order',
    recordId: orderId,
    action: 'update',
    changes: [{ field: 'instalments', old: summary(rows), new: summary(wanted) }],
  });
  return toPlan(order, await loadRows(tx, orderId, false), today);
}

/** The plan as one line of the order's history: 「2026-05-01 5,000.00；2026-06-01 7,345.67」. */
const summary = (items: { dueDate: string; amount: string | Exact }[]) =>
  items.map((i) => `${i.dueDate} ${formatMoney(i.amount)}`).join('；') || null;

/**
 * Writes a plan for an order that has none (the orders part calls it when an order is created, with
 * `defaultInstalments(order)`): owner, org unit and customer copied from the order.
 */
export async function createInstalments(tx: DbOrTx, orderId: string, plan: PlannedInstalment[]): Promise<void> {
  if (!plan.length) return;
  const [order] = await tx
    .select({ customerId: orders.customerId, ownerId: orders.ownerId, orgUnitId: orders.orgUnitId })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!order) throw new AppError('NOT_FOUND', 404);
  await tx.insert(instalments).values(
    plan.map((p, i) => ({
      orderId,
      position: i + 1,
      name: p.name,
      dueDate: p.dueDate,
      amount: new Exact(p.amount).toFixed(2),
      ...order,
    })),
  );
}

/**
 * Copies the order's customer, owner and org unit onto its instalments again — for the orders part after a
 * reassignment or a customer merge, so aging and the dunning job follow the order.
 */
export async function syncInstalmentsWithOrder(tx: DbOrTx, orderId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE ${instalments} SET customer_id = o.customer_id, owner_id = o.owner_id, org_unit_id = o.org_unit_id
    FROM ${orders} o WHERE o.id = ${orderId} AND ${instalments.orderId} = o.id
      AND (${instalments.customerId}, ${instalments.ownerId}, ${instalments.orgUnitId}) IS DISTINCT FROM (o.customer_id, o.owner_id, o.org_unit_id)`);
}

/** Cancels what is still open of an order's plan (the order was cancelled or deleted): aging and dunning drop it. */
export async function cancelOpenInstalments(tx: DbOrTx, orderId: string): Promise<void> {
  await tx
    .update(instalments)
    .set({ status: 'cancelled' })
    .where(and(eq(instalments.orderId, orderId), inArray(instalments.status, OPEN)));
}
