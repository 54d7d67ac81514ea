// Reading payments: an order's (those recorded for it or allocated to its instalments) or a customer's (those of
// orders the caller may read, and those for no order), each with its allocations, newest first.
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Payment } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { customers } from '../../customers/customers.schema.ts';
import { orders } from '../orders/orders.schema.ts';
import { loadCustomer, loadOrder, orderAllows } from './receivables.access.ts';
import { instalments, paymentAllocations, payments } from './receivables.schema.ts';

/** Payments matching `where`, with names and allocations (two statements). */
async function selectPayments(db: DbOrTx, where: SQL | undefined, limit = 200): Promise<Payment[]> {
  const rows = await db
    .select({
      p: payments,
      customerName: customers.name,
      orderNumber: orders.number,
      userName: users.displayName,
    })
    .from(payments)
    .leftJoin(customers, eq(customers.id, payments.customerId))
    .leftJoin(orders, eq(orders.id, payments.orderId))
    .leftJoin(users, eq(users.id, payments.userId))
    .where(where)
    .orderBy(desc(payments.receivedOn), desc(payments.createdAt), desc(payments.id))
    .limit(limit);
  if (!rows.length) return [];
  const allocations = await db
    .select({
      paymentId: paymentAllocations.paymentId,
      instalmentId: paymentAllocations.instalmentId,
      amount: paymentAllocations.amount,
      orderId: instalments.orderId,
      orderNumber: orders.number,
      position: instalments.position,
      name: instalments.name,
      dueDate: instalments.dueDate,
    })
    .from(paymentAllocations)
    .innerJoin(instalments, eq(instalments.id, paymentAllocations.instalmentId))
    .innerJoin(orders, eq(orders.id, instalments.orderId))
    .where(
      inArray(
        paymentAllocations.paymentId,
        rows.map((r) => r.p.id),
      ),
    )
    .orderBy(instalments.dueDate, instalments.position);
  return rows.map(({ p, customerName, orderNumber, userName }) => ({
    id: p.id,
    number: p.number,
    customerId: p.customerId,
    customerName,
    orderId: p.orderId,
    orderNumber,
    amount: p.amount,
    creditAmount: p.creditAmount,
    receivedOn: p.receivedOn,
    method: p.method as Payment['method'],
    reference: p.reference,
    note: p.note,
    userId: p.userId,
    userName,
    createdAt: p.createdAt.toISOString(),
    reversedAt: p.reversedAt?.toISOString() ?? null,
    reversedBy: p.reversedBy,
    allocations: allocations.filter((a) => a.paymentId === p.id).map(({ paymentId: _, ...a }) => a),
  }));
}

/** Payments by id, without access checks (the caller has checked). */
export const loadPayments = (db: DbOrTx, query: { ids: string[] }): Promise<Payment[]> =>
  selectPayments(db, inArray(payments.id, query.ids));

export async function listPayments(
  db: DbOrTx,
  actor: Actor,
  query: { customerId?: string; orderId?: string },
): Promise<{ items: Payment[] }> {
  if (query.orderId) {
    await loadOrder(db, actor, query.orderId);
    const allocatedToOrder = sql`${payments.id} IN (SELECT ${paymentAllocations.paymentId} FROM ${paymentAllocations} JOIN ${instalments} ON ${instalments.id} = ${paymentAllocations.instalmentId} WHERE ${instalments.orderId} = ${query.orderId})`;
    const where = and(
      or(eq(payments.orderId, query.orderId), allocatedToOrder),
      query.customerId ? eq(payments.customerId, query.customerId) : undefined,
    );
    return { items: await selectPayments(db, where) };
  }
  if (query.customerId) {
    await loadCustomer(db, actor, query.customerId);
    const where = and(
      eq(payments.customerId, query.customerId),
      or(isNull(payments.orderId), orderAllows(actor, 'read', payments.orderId)),
    );
    return { items: await selectPayments(db, where) };
  }
  throw new AppError('VALIDATION_FAILED', 400, [
    { field: 'customerId', code: 'PAYMENT_FILTER_REQUIRED', message: 'PAYMENT_FILTER_REQUIRED' },
  ]);
}
