// Who may see and change an order's execution plan and payments: the order's own access (record type `order`) — a
// hidden order answers 404, a readable one the caller may not update 403. Payments without an order follow the
// customer's access. Read straight from the tables with the kit's access conditions, so the rules are the lists'.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { accessCondition } from '../../../platform/access/recordAccess.ts';
import { customers } from '../../customers/customers.schema.ts';
import { orders } from '../orders/orders.schema.ts';

export const ORDER = 'order';
export const CUSTOMER = 'customer';

export interface OrderFacts {
  id: string;
  number: string;
  customerId: string;
  ownerId: string;
  orgUnitId: string;
  status: string;
  orderDate: string;
  grossTotal: string;
  paidTotal: string;
  /** May the caller update the order (edit its plan, record and reverse its payments)? */
  canEdit: boolean;
}

/** The condition "the caller may `action` this order" as a boolean SQL expression. */
const may = (actor: Actor, action: 'read' | 'update') => accessCondition(actor, ORDER, action, orders) ?? sql`true`;

/**
 * The order as the caller may see it: 404 when it does not exist, is in the recycle bin or is hidden from them;
 * with `need: 'update'` 403 when they may read but not update it. `lock` takes the order row FOR UPDATE.
 */
export async function loadOrder(
  db: DbOrTx,
  actor: Actor,
  orderId: string,
  need: 'read' | 'update' = 'read',
  lock = false,
): Promise<OrderFacts> {
  const query = db
    .select({
      id: orders.id,
      number: orders.number,
      customerId: orders.customerId,
      ownerId: orders.ownerId,
      orgUnitId: orders.orgUnitId,
      status: orders.status,
      orderDate: orders.orderDate,
      grossTotal: orders.grossTotal,
      paidTotal: orders.paidTotal,
      canEdit: sql<boolean>`coalesce(${may(actor, 'update')}, false)`,
    })
    .from(orders)
    .where(and(eq(orders.id, orderId), isNull(orders.deletedAt), may(actor, 'read')));
  const [row] = lock ? await query.for('update', { of: orders }) : await query;
  if (!row) throw new AppError('NOT_FOUND', 404);
  if (need === 'update' && !row.canEdit) throw new AppError('FORBIDDEN', 403);
  return row;
}

/** The customer's name when the caller may read the customer (with `need: 'update'`, also update); else 404 / 403. */
export async function loadCustomer(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  need: 'read' | 'update' = 'read',
): Promise<{ id: string; name: string; orgUnitId: string; canEdit: boolean }> {
  const [row] = await db
    .select({
      id: customers.id,
      name: customers.name,
      orgUnitId: customers.orgUnitId,
      canEdit: sql<boolean>`coalesce(${accessCondition(actor, CUSTOMER, 'update', customers) ?? sql`true`}, false)`,
    })
    .from(customers)
    .where(and(eq(customers.id, customerId), isNull(customers.deletedAt), accessCondition(actor, CUSTOMER, 'read', customers)));
  if (!row) throw new AppError('NOT_FOUND', 404);
  if (need === 'update' && !row.canEdit) throw new AppError('FORBIDDEN', 403);
  return row;
}

/** SQL: the order with id `orderIdColumn` exists, is live and the caller may `action` it. */
export function orderAllows(actor: Actor, action: 'read' | 'update', orderIdColumn: unknown): ReturnType<typeof sql> {
  return sql`EXISTS (SELECT 1 FROM ${orders} WHERE ${orders.id} = ${orderIdColumn} AND ${orders.deletedAt} IS NULL AND ${may(actor, action)})`;
}

/**
 * Serialises every change of one customer's receivables — plans, payments, reversals, credit — for the rest of the
 * transaction. Instalment rows are then locked FOR UPDATE by id, the one order every writer uses.
 */
export async function lockCustomerReceivables(db: DbOrTx, customerId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`receivables:${customerId}`}))`);
}
