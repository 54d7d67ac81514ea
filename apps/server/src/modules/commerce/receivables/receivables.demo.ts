// The receivables' demo data, written after the orders' demo through the same services as the API: an instalment plan
// on each demo order (首付款 / 到货款 / 尾款 with one late and partly paid, a single overdue instalment, equal monthly
// splits, default plans) and payments, so 应收账款 shows every bucket and the dunning job has work at the first start.
// Without demo orders (the orders part's demo not there) two orders are made for 王芳's first customers. Each order is
// written in a savepoint: a step that fails leaves that order out instead of failing the first start.
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { loadActor } from '../../../platform/access/actor.ts';
import { customers } from '../../customers/customers.schema.ts';
import { todayIn } from '../../sales/planning/planning.periods.ts';
import { Exact } from '../commerce.money.ts';
import { createOrder } from '../orders/orders.create.ts';
import { orders } from '../orders/orders.schema.ts';
import { addDays, addMonths } from './receivables.dates.ts';
import { getInstalmentPlan, saveInstalmentPlan } from './receivables.instalments.ts';
import { recordPayment } from './receivables.payments.ts';

const actorOf = (db: DbOrTx, userId: string): Promise<Actor | null> =>
  loadActor(db, userId, { source: 'import', requestId: null, via: 'system' });

/** `gross` × percent / 100 to the fen, the rest on the last part, so the parts add up exactly. */
function parts(gross: string, percents: number[]): string[] {
  const total = new Exact(gross);
  const amounts = percents.slice(0, -1).map((p) => total.times(p).div(100).toDecimalPlaces(2, 1));
  const last = amounts.reduce((rest, a) => rest.minus(a), total);
  return [...amounts, last].map((a) => a.toFixed(2));
}

async function demoOrders(
  tx: Tx,
): Promise<{ id: string; ownerId: string; customerId: string; grossTotal: string; orderDate: string }[]> {
  const existing = await tx
    .select({
      id: orders.id,
      ownerId: orders.ownerId,
      customerId: orders.customerId,
      grossTotal: orders.grossTotal,
      orderDate: orders.orderDate,
    })
    .from(orders)
    .where(and(isNull(orders.deletedAt), ne(orders.status, 'cancelled')))
    .orderBy(asc(orders.createdAt))
    .limit(8);
  if (existing.length) return existing.filter((o) => new Exact(o.grossTotal).gt(0));
  const [rep] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'wangfang'));
  const actor = rep && (await actorOf(tx, rep.id));
  if (!actor) return [];
  const mine = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.ownerId, actor.userId), isNull(customers.deletedAt)))
    .orderBy(asc(customers.createdAt))
    .limit(2);
  const today = todayIn(process.env.GUANXI_TIME_ZONE || 'Asia/Shanghai');
  for (const [i, c] of mine.entries())
    await createOrder(tx, actor, {
      customerId: c.id,
      orderDate: addDays(today, -90 + i * 30),
      lines: [
        {
          name: i ? '英汉大词典（第三版）' : '中国历史地图集',
          unit: '套',
          quantity: String(20 + i * 10),
          unitPrice: '368.00',
          taxRate: '9',
        },
      ],
    });
  return demoOrders(tx);
}

export async function seedReceivablesDemo(db: DbOrTx): Promise<void> {
  const tx = db as Tx;
  const today = todayIn(process.env.GUANXI_TIME_ZONE || 'Asia/Shanghai');
  const list = await demoOrders(tx);
  for (const [i, order] of list.entries()) {
    try {
      await tx.transaction(async (sp) => {
        const actor = await actorOf(sp, order.ownerId);
        if (!actor) return;
        const version = (await getInstalmentPlan(sp, actor, order.id, today)).version;
        const save = (instalments: { name?: string; dueDate: string; amount: string }[]) =>
          saveInstalmentPlan(sp, actor, order.id, version, { instalments }, today);
        const pay = (amount: string, receivedOn: string, reference: string) =>
          recordPayment(sp, actor, {
            customerId: order.customerId,
            orderId: order.id,
            amount,
            receivedOn,
            method: 'bank',
            reference,
          });
        switch (i % 4) {
          case 0: {
            // 首付款 paid ten days late, 到货款 overdue and partly paid, 尾款 to come.
            const [first, second, last] = parts(order.grossTotal, [30, 50, 20]) as [string, string, string];
            await save([
              { name: '首付款', dueDate: addDays(today, -60), amount: first },
              { name: '到货款', dueDate: addDays(today, -20), amount: second },
              { name: '尾款', dueDate: addDays(today, 25), amount: last },
            ]);
            await pay(first, addDays(today, -50), '工行回单 20260001');
            await pay(new Exact(second).times(0.4).toDecimalPlaces(2, 1).toFixed(2), addDays(today, -5), '工行回单 20260002');
            break;
          }
          case 1:
            // One instalment, 75 days overdue and unpaid: the 61–90 bucket and a dunning reminder.
            await save([{ name: '全款', dueDate: addDays(today, -75), amount: new Exact(order.grossTotal).toFixed(2) }]);
            break;
          case 2: {
            // Three equal monthly instalments from last month: the first paid on time.
            const [a, b, c] = parts(order.grossTotal, [33.33, 33.33, 33.34]) as [string, string, string];
            const start = addMonths(today, -1);
            await save([
              { dueDate: start, amount: a },
              { dueDate: addMonths(start, 1), amount: b },
              { dueDate: addMonths(start, 2), amount: c },
            ]);
            await pay(a, addDays(start, -1), '支付宝 2026031');
            break;
          }
          default:
            // Due in a month, over 90 days for a long-overdue one of an older order.
            await save([
              { name: '货款', dueDate: addDays(today, i > 4 ? -120 : 30), amount: new Exact(order.grossTotal).toFixed(2) },
            ]);
        }
      });
    } catch {
      // A demo order another part left in a state this plan does not fit: it keeps its plan as it is.
    }
  }
}
