// The 应收款 figures of a customer's card: what is outstanding and overdue on the orders the caller may read, the
// customer's credit, and the next instalment due.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { CustomerReceivables } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { Exact } from '../commerce.money.ts';
import { orders } from '../orders/orders.schema.ts';
import { loadCustomer, orderAllows } from './receivables.access.ts';
import { availableCredit } from './receivables.payments.ts';
import { instalments as ins } from './receivables.schema.ts';

export async function customerReceivables(
  db: DbOrTx,
  actor: Actor,
  customerId: string,
  today: string,
): Promise<CustomerReceivables> {
  await loadCustomer(db, actor, customerId);
  const open = and(
    eq(ins.customerId, customerId),
    sql`${ins.status} IN ('open', 'partial')`,
    orderAllows(actor, 'read', ins.orderId),
  );
  const [sums] = await db
    .select({
      outstanding: sql<string>`coalesce(sum(${ins.amount} - ${ins.paidAmount}), 0)`,
      overdue: sql<string>`coalesce(sum(${ins.amount} - ${ins.paidAmount}) FILTER (WHERE ${ins.dueDate} < ${today}::date), 0)`,
      n: sql<number>`count(*)::int`,
    })
    .from(ins)
    .where(open);
  const [next] = await db
    .select({ row: ins, orderNumber: orders.number })
    .from(ins)
    .innerJoin(orders, eq(orders.id, ins.orderId))
    .where(and(open, sql`${ins.dueDate} >= ${today}::date`))
    .orderBy(asc(ins.dueDate), asc(ins.position))
    .limit(1);
  return {
    customerId,
    outstanding: new Exact(sums?.outstanding ?? 0).toFixed(2),
    overdue: new Exact(sums?.overdue ?? 0).toFixed(2),
    openCount: Number(sums?.n ?? 0),
    credit: (await availableCredit(db, customerId)).toFixed(2),
    nextDue: next
      ? {
          instalmentId: next.row.id,
          orderId: next.row.orderId,
          orderNumber: next.orderNumber,
          position: next.row.position,
          dueDate: next.row.dueDate,
          outstanding: new Exact(next.row.amount).minus(next.row.paidAmount).toFixed(2),
        }
      : null,
  };
}
