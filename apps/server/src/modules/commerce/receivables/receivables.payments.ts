// Payments received: allocated to open instalments (as given, or the oldest due first), the excess refused or held as
// the customer's credit, credit spent by a payment of method `credit`, and reversal. One customer's money changes one
// writer at a time (an advisory lock per customer, then the instalments FOR UPDATE in id order), so two payments for
// the last 100 元 cannot both be allocated: the second sees nothing left and gets 409 PAYMENT_EXCEEDS_DUE.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ErrorDetail, Payment, PaymentInput, PaymentPreview } from '@guanxi/contracts';
import { paymentInputSchema } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { Exact, MONEY_LIMIT, formatMoney, readDecimal } from '../commerce.money.ts';
import { nextNumber } from '../commerce.numbers.ts';
import { orders } from '../orders/orders.schema.ts';
import { loadCustomer, loadOrder, lockCustomerReceivables, orderAllows } from './receivables.access.ts';
import { allocateOldestFirst, statusOf } from './receivables.planMath.ts';
import { instalments, paymentAllocations, payments } from './receivables.schema.ts';
import { loadPayments } from './receivables.paymentsRead.ts';
import './receivables.messages.ts';

const PAYMENT_RULE = {
  decimals: [2, 'INSTALMENT_AMOUNT_DECIMALS'],
  min: [0, 'exclusive', 'PAYMENT_AMOUNT_NOT_POSITIVE'],
  max: [MONEY_LIMIT, 'exclusive', 'RECEIVABLES_AMOUNT_TOO_BIG'],
} as const;

type InstalmentRow = typeof instalments.$inferSelect;
const text = (v: string | number) => (typeof v === 'number' ? String(v) : v);

/** The customer's credit available now: over-payments held, less payments made out of credit (reversed ones left out). */
export async function availableCredit(db: DbOrTx, customerId: string): Promise<Exact> {
  const [row] = await db
    .select({
      credit: sql<string>`coalesce(sum(CASE WHEN ${payments.method} = 'credit' THEN -${payments.amount} ELSE ${payments.creditAmount} END), 0)`,
    })
    .from(payments)
    .where(and(eq(payments.customerId, customerId), isNull(payments.reversedAt)));
  return new Exact(row?.credit ?? 0);
}

interface PaymentPlan {
  customer: { id: string; name: string; orgUnitId: string };
  order: { id: string; orgUnitId: string } | null;
  amount: Exact;
  allocations: { row: InstalmentRow; amount: Exact }[];
  outstanding: Exact;
  excess: Exact;
  credit: Exact;
}

/**
 * What a payment would do: checks the input and access, finds the instalments it may go to (the order's, or the
 * customer's on orders the caller may update) and allocates it. `lock` takes the customer's lock and the rows FOR
 * UPDATE (recording); without it this is the dialog's preview.
 */
async function planPayment(
  tx: DbOrTx,
  actor: Actor,
  input: ReturnType<typeof paymentInputSchema.parse>,
  lock: boolean,
): Promise<PaymentPlan> {
  const details: ErrorDetail[] = [];
  const amount = readDecimal(text(input.amount), 'amount', PAYMENT_RULE, details);
  const explicit = input.allocations?.map((a, i) => ({
    instalmentId: a.instalmentId,
    amount: readDecimal(text(a.amount), `allocations.${i}.amount`, PAYMENT_RULE, details),
  }));
  if (input.method === 'credit' && input.holdExcessAsCredit)
    details.push({ field: 'holdExcessAsCredit', code: 'CREDIT_NOT_FOR_CREDIT', message: 'CREDIT_NOT_FOR_CREDIT' });
  if (details.length || !amount) throw new AppError('VALIDATION_FAILED', 400, details);
  const given = explicit?.reduce((sum, a) => sum.plus(a.amount!), new Exact(0));
  if (given?.gt(amount))
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'allocations', code: 'ALLOCATIONS_EXCEED_PAYMENT', message: 'ALLOCATIONS_EXCEED_PAYMENT' },
    ]);

  const customer = await loadCustomer(tx, actor, input.customerId, input.orderId ? 'read' : 'update');
  let order: PaymentPlan['order'] = null;
  if (input.orderId) {
    const facts = await loadOrder(tx, actor, input.orderId, 'update');
    if (facts.customerId !== customer.id)
      throw new AppError('VALIDATION_FAILED', 400, [
        { field: 'orderId', code: 'PAYMENT_ORDER_CUSTOMER', message: 'PAYMENT_ORDER_CUSTOMER' },
      ]);
    if (facts.status === 'cancelled') throw new AppError('PLAN_ORDER_CANCELLED', 409);
    order = { id: facts.id, orgUnitId: facts.orgUnitId };
  }
  if (lock) await lockCustomerReceivables(tx, customer.id);

  const query = tx
    .select()
    .from(instalments)
    .where(
      and(
        input.orderId ? eq(instalments.orderId, input.orderId) : eq(instalments.customerId, customer.id),
        inArray(instalments.status, ['open', 'partial']),
        input.orderId ? undefined : orderAllows(actor, 'update', instalments.orderId),
      ),
    )
    .orderBy(asc(instalments.id));
  const open = lock ? await query.for('update', { of: instalments }) : await query;
  const outstandingOf = (row: InstalmentRow) => new Exact(row.amount).minus(row.paidAmount);
  const outstanding = open.reduce((sum, row) => sum.plus(outstandingOf(row)), new Exact(0));
  const credit = await availableCredit(tx, customer.id);

  let allocations: PaymentPlan['allocations'];
  let excess: Exact;
  if (explicit) {
    const byId = new Map(open.map((r) => [r.id, r]));
    const problems: ErrorDetail[] = [];
    let conflict: AppError | null = null;
    allocations = explicit.map((a, i) => {
      const row = byId.get(a.instalmentId);
      if (!row)
        problems.push({ field: `allocations.${i}.instalmentId`, code: 'ALLOCATION_NOT_OPEN', message: 'ALLOCATION_NOT_OPEN' });
      else if (a.amount!.gt(outstandingOf(row)))
        conflict ??= new AppError(
          'ALLOCATION_EXCEEDS_OUTSTANDING',
          409,
          [
            {
              field: `allocations.${i}.amount`,
              code: 'ALLOCATION_EXCEEDS_OUTSTANDING',
              message: 'ALLOCATION_EXCEEDS_OUTSTANDING',
            },
          ],
          { outstanding: formatMoney(outstandingOf(row)) },
          undefined,
          { outstanding: outstandingOf(row).toFixed(2) },
        );
      return { row: row!, amount: a.amount! };
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', 400, problems);
    if (new Set(explicit.map((a) => a.instalmentId)).size !== explicit.length)
      throw new AppError('VALIDATION_FAILED', 400, [
        { field: 'allocations', code: 'INSTALMENT_DUPLICATE', message: 'INSTALMENT_DUPLICATE' },
      ]);
    if (conflict) throw conflict;
    excess = amount.minus(given!);
  } else {
    const byId = new Map(open.map((r) => [r.id, r]));
    const result = allocateOldestFirst(
      amount,
      open.map((r) => ({ id: r.id, dueDate: r.dueDate, position: r.position, outstanding: outstandingOf(r) })),
    );
    allocations = result.allocations.map((a) => ({ row: byId.get(a.id)!, amount: a.amount }));
    excess = result.excess;
  }
  return { customer, order, amount, allocations, outstanding, excess, credit };
}

export async function previewPayment(tx: DbOrTx, actor: Actor, raw: PaymentInput): Promise<PaymentPreview> {
  const plan = await planPayment(tx, actor, paymentInputSchema.parse(raw), false);
  const numbers = await orderNumbers(
    tx,
    plan.allocations.map((a) => a.row.orderId),
  );
  return {
    allocations: plan.allocations.map((a) => ({
      instalmentId: a.row.id,
      orderId: a.row.orderId,
      orderNumber: numbers.get(a.row.orderId) ?? '',
      position: a.row.position,
      name: a.row.name,
      dueDate: a.row.dueDate,
      amount: a.amount.toFixed(2),
    })),
    outstanding: plan.outstanding.toFixed(2),
    excess: plan.excess.toFixed(2),
    availableCredit: plan.credit.toFixed(2),
  };
}

async function orderNumbers(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: orders.id, number: orders.number })
    .from(orders)
    .where(inArray(orders.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.number]));
}

/** Adds `delta` (negative to undo) to the instalments' paid amounts and their orders' paid totals. */
async function applyAllocations(
  tx: DbOrTx,
  items: { row: InstalmentRow; amount: Exact }[],
  sign: 1 | -1,
  paidOn: string,
): Promise<void> {
  const perOrder = new Map<string, Exact>();
  for (const { row, amount } of items) {
    const paid = new Exact(row.paidAmount).plus(amount.times(sign));
    const status = row.status === 'cancelled' ? 'cancelled' : statusOf(row.amount, paid);
    await tx
      .update(instalments)
      .set({ paidAmount: paid.toFixed(2), status, paidAt: status === 'paid' ? (row.paidAt ?? paidOn) : null })
      .where(eq(instalments.id, row.id));
    perOrder.set(row.orderId, (perOrder.get(row.orderId) ?? new Exact(0)).plus(amount.times(sign)));
  }
  for (const [orderId, delta] of [...perOrder].sort(([a], [b]) => (a < b ? -1 : 1)))
    await tx
      .update(orders)
      .set({ paidTotal: sql`${orders.paidTotal} + ${delta.toFixed(2)}::numeric` })
      .where(eq(orders.id, orderId));
}

/** Records a payment in `tx` (its number RC<year>-…, allocations, paid amounts, the orders' paid totals, credit, audit). */
export async function recordPayment(tx: DbOrTx, actor: Actor, raw: PaymentInput): Promise<Payment> {
  const input = paymentInputSchema.parse(raw);
  const plan = await planPayment(tx, actor, input, true);
  if (plan.excess.gt(0) && !input.holdExcessAsCredit) {
    const params = { outstanding: formatMoney(plan.outstanding), excess: formatMoney(plan.excess) };
    throw new AppError(
      'PAYMENT_EXCEEDS_DUE',
      409,
      [{ field: 'amount', code: 'PAYMENT_EXCEEDS_DUE', message: 'PAYMENT_EXCEEDS_DUE' }],
      params,
      undefined,
      {
        outstanding: plan.outstanding.toFixed(2),
        excess: plan.excess.toFixed(2),
      },
    );
  }
  if (input.method === 'credit' && plan.amount.gt(plan.credit))
    throw new AppError(
      'CREDIT_INSUFFICIENT',
      409,
      [{ field: 'amount', code: 'CREDIT_INSUFFICIENT', message: 'CREDIT_INSUFFICIENT' }],
      {
        available: formatMoney(plan.credit),
      },
    );
  const number = await nextNumber(tx, 'payment', Number(input.receivedOn.slice(0, 4)));
  const [payment] = await tx
    .insert(payments)
    .values({
      number,
      customerId: plan.customer.id,
      orderId: plan.order?.id ?? null,
      amount: plan.amount.toFixed(2),
      creditAmount: plan.excess.toFixed(2),
      receivedOn: input.receivedOn,
      method: input.method,
      reference: input.reference?.trim() || null,
      note: input.note?.trim() || null,
      orgUnitId: plan.order?.orgUnitId ?? plan.customer.orgUnitId,
      userId: actor.userId,
    })
    .returning({ id: payments.id });
  if (plan.allocations.length)
    await tx
      .insert(paymentAllocations)
      .values(plan.allocations.map((a) => ({ paymentId: payment!.id, instalmentId: a.row.id, amount: a.amount.toFixed(2) })));
  await applyAllocations(tx, plan.allocations, 1, input.receivedOn);
  await recordAudit(tx, actor, {
    recordType: 'payment',
    recordId: payment!.id,
    action: 'create',
    changes: [
      { field: 'amount', old: null, new: plan.amount.toFixed(2) },
      { field: 'creditAmount', old: null, new: plan.excess.toFixed(2) },
    ],
  });
  return (await loadPayments(tx, { ids: [payment!.id] }))[0]!;
}

/**
 * Reverses a payment: its allocations are taken off the instalments and orders, the payment stays with `reversedAt`.
 * Needs update rights on every order it paid (on the customer when it paid none). Credit it gave that was spent since
 * cannot be taken back (409 CREDIT_IN_USE).
 */
export async function reversePayment(tx: DbOrTx, actor: Actor, paymentId: string): Promise<Payment> {
  const [payment] = await tx.select().from(payments).where(eq(payments.id, paymentId));
  if (!payment) throw new AppError('NOT_FOUND', 404);
  const allocated = await tx
    .select({ instalmentId: paymentAllocations.instalmentId, amount: paymentAllocations.amount, orderId: instalments.orderId })
    .from(paymentAllocations)
    .innerJoin(instalments, eq(instalments.id, paymentAllocations.instalmentId))
    .where(eq(paymentAllocations.paymentId, paymentId));
  const orderIds = [...new Set([...(payment.orderId ? [payment.orderId] : []), ...allocated.map((a) => a.orderId)])];
  // Hidden → 404 before anything else is said about the payment.
  for (const orderId of orderIds) await loadOrder(tx, actor, orderId, 'read');
  if (!orderIds.length) await loadCustomer(tx, actor, payment.customerId, 'read');
  for (const orderId of orderIds) await loadOrder(tx, actor, orderId, 'update');
  if (!orderIds.length) await loadCustomer(tx, actor, payment.customerId, 'update');

  await lockCustomerReceivables(tx, payment.customerId);
  const [fresh] = await tx.select({ reversedAt: payments.reversedAt }).from(payments).where(eq(payments.id, paymentId));
  if (fresh?.reversedAt) throw new AppError('PAYMENT_ALREADY_REVERSED', 409);
  const credit = await availableCredit(tx, payment.customerId);
  if (new Exact(payment.creditAmount).gt(credit))
    throw new AppError('CREDIT_IN_USE', 409, undefined, { available: formatMoney(credit) });
  const rows = allocated.length
    ? await tx
        .select()
        .from(instalments)
        .where(
          inArray(
            instalments.id,
            allocated.map((a) => a.instalmentId),
          ),
        )
        .orderBy(asc(instalments.id))
        .for('update')
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  await applyAllocations(
    tx,
    allocated.map((a) => ({ row: byId.get(a.instalmentId)!, amount: new Exact(a.amount) })),
    -1,
    payment.receivedOn,
  );
  await tx.update(payments).set({ reversedAt: new Date(), reversedBy: actor.userId }).where(eq(payments.id, paymentId));
  await recordAudit(tx, actor, { recordType: 'payment', recordId: paymentId, action: 'reverse' });
  return (await loadPayments(tx, { ids: [paymentId] }))[0]!;
}
