// An order's profit: predicted from what was ordered (net revenue without tax − Σ quantity × unit cost − expenses),
// shown to the approver before approval; actual once anything is delivered, from the delivered quantities (each
// line's net revenue in proportion, to the fen). Margin = profit ÷ revenue. Lines without a unit cost count as cost 0.
import { eq } from 'drizzle-orm';
import type { OrderProfit } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { Exact, fen, roundFen } from '../commerce.money.ts';
import { readOrder } from './orders.access.ts';
import { orderLines } from './orders.schema.ts';

function figures(revenue: Exact, cost: Exact, expenses: Exact) {
  const profit = revenue.minus(cost).minus(expenses);
  return {
    revenue: fen(revenue),
    cost: fen(cost),
    expenses: fen(expenses),
    profit: fen(profit),
    marginPercent: revenue.isZero() ? null : roundFen(profit.div(revenue).times(100)).toFixed(2),
  };
}

export async function orderProfit(db: DbOrTx, actor: Actor, id: string): Promise<OrderProfit> {
  const { order } = await readOrder(db, actor, id);
  const lines = await db
    .select({
      quantity: orderLines.quantity,
      net: orderLines.net,
      unitCost: orderLines.unitCost,
      delivered: orderLines.deliveredQuantity,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, id));
  const expenses = new Exact(order.expenseTotal);
  let cost = new Exact(0);
  let deliveredRevenue = new Exact(0);
  let deliveredCost = new Exact(0);
  for (const l of lines) {
    const unitCost = new Exact(l.unitCost ?? 0);
    cost = cost.plus(unitCost.times(l.quantity));
    const share = new Exact(l.delivered).div(l.quantity);
    deliveredRevenue = deliveredRevenue.plus(roundFen(new Exact(l.net).times(share)));
    deliveredCost = deliveredCost.plus(unitCost.times(l.delivered));
  }
  return {
    predicted: figures(new Exact(order.netTotal), roundFen(cost), expenses),
    actual:
      order.deliveredAt || lines.some((l) => new Exact(l.delivered).gt(0))
        ? figures(deliveredRevenue, roundFen(deliveredCost), expenses)
        : null,
    linesWithoutCost: lines.filter((l) => l.unitCost === null).length,
  };
}
