// Expenses of an order beyond its goods (freight, customs, commission, other): listed with the order's read access,
// added and removed with its update access; the order's expense total follows in the same transaction, audited.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { OrderExpense, OrderExpenseInput } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError, validationFailed } from '../../../platform/http/errors.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { MONEY_LIMIT, readDecimal } from '../commerce.money.ts';
import { readOrder } from './orders.access.ts';
import { orderExpenses, orders } from './orders.schema.ts';
import { today } from './orders.progress.ts';
import type { ErrorDetail } from '@guanxi/contracts';

export async function listExpenses(db: DbOrTx, actor: Actor, orderId: string): Promise<OrderExpense[]> {
  await readOrder(db, actor, orderId);
  const rows = await db
    .select({ e: orderExpenses, userName: users.displayName })
    .from(orderExpenses)
    .leftJoin(users, eq(users.id, orderExpenses.userId))
    .where(eq(orderExpenses.orderId, orderId))
    .orderBy(desc(orderExpenses.incurredOn), desc(orderExpenses.createdAt));
  return rows.map(({ e, userName }) => ({
    id: e.id,
    kind: e.kind as OrderExpense['kind'],
    amount: e.amount,
    note: e.note,
    incurredOn: e.incurredOn,
    userName: userName ?? null,
    createdAt: e.createdAt.toISOString(),
  }));
}

/** Σ of the order's expenses into orders.expense_total; answers the old and new totals. */
async function syncTotal(db: DbOrTx, orderId: string): Promise<string> {
  const [row] = await db
    .update(orders)
    .set({
      expenseTotal: sql`(SELECT coalesce(sum(${orderExpenses.amount}), 0) FROM ${orderExpenses} WHERE ${orderExpenses.orderId} = ${orderId})`,
    })
    .where(eq(orders.id, orderId))
    .returning({ total: orders.expenseTotal });
  return row!.total;
}

export async function addExpense(db: DbOrTx, actor: Actor, orderId: string, input: OrderExpenseInput): Promise<OrderExpense> {
  const { order } = await readOrder(db, actor, orderId, 'update', { lock: true });
  const details: ErrorDetail[] = [];
  const amount = readDecimal(
    input.amount,
    'amount',
    {
      decimals: [2, 'QUOTE_AMOUNT_DECIMALS'],
      min: [0, 'exclusive', 'EXPENSE_AMOUNT_NOT_POSITIVE'],
      max: [MONEY_LIMIT, 'exclusive', 'QUOTE_AMOUNT_TOO_BIG'],
    },
    details,
  );
  if (!amount) throw validationFailed(details);
  const [row] = await db
    .insert(orderExpenses)
    .values({
      orderId,
      kind: input.kind,
      amount: amount.toFixed(2),
      note: input.note || null,
      incurredOn: input.incurredOn ?? today(),
      userId: actor.userId,
    })
    .returning();
  const total = await syncTotal(db, orderId);
  await recordAudit(db, actor, {
    recordType: 'order',
    recordId: orderId,
    action: 'update',
    changes: [{ field: 'expenseTotal', old: order.expenseTotal, new: total }],
  });
  return (await listExpenses(db, actor, orderId)).find((e) => e.id === row!.id)!;
}

export async function deleteExpense(db: DbOrTx, actor: Actor, orderId: string, expenseId: string): Promise<void> {
  const { order } = await readOrder(db, actor, orderId, 'update', { lock: true });
  const removed = await db
    .delete(orderExpenses)
    .where(and(eq(orderExpenses.id, expenseId), eq(orderExpenses.orderId, orderId)))
    .returning({ id: orderExpenses.id });
  if (!removed.length) throw new AppError('NOT_FOUND', 404);
  const total = await syncTotal(db, orderId);
  await recordAudit(db, actor, {
    recordType: 'order',
    recordId: orderId,
    action: 'update',
    changes: [{ field: 'expenseTotal', old: order.expenseTotal, new: total }],
  });
}
