// The receivables' demo: plans on the demo orders that add up to each order's gross total, payments in the paid
// totals, money in the overdue buckets, and reminders from the first dunning run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/harness/testDatabase.ts';
import type { Database } from '../../../platform/db/db.ts';
import { EventBus } from '../../../platform/events/bus.ts';
import { ensureAdministrator } from '../../admin/admin.bootstrap.ts';
import { seedDemoData } from '../../../demo/demo.seed.ts';
import { todayIn } from '../../sales/planning/planning.periods.ts';
import { Exact } from '../commerce.money.ts';
import { orders } from '../orders/orders.schema.ts';
import { runDunning } from './receivables.dunning.ts';
import { instalments, payments } from './receivables.schema.ts';

describe('demo receivables', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureAdministrator(database.db, undefined);
    await seedDemoData(database.db);
  }, 180_000);
  afterAll(async () => database?.close());

  it('plans the demo orders to the fen, records payments, and leaves overdue money to dun', async () => {
    const rows = await database.db.select().from(instalments);
    const orderRows = await database.db.select().from(orders);
    const planned = new Set(rows.map((r) => r.orderId));
    expect(planned.size).toBeGreaterThanOrEqual(2);
    for (const orderId of planned) {
      const order = orderRows.find((o) => o.id === orderId)!;
      const plan = rows.filter((r) => r.orderId === orderId).reduce((s, r) => s.plus(r.amount), new Exact(0));
      expect(plan.toFixed(2)).toBe(new Exact(order.grossTotal).toFixed(2));
      const paid = rows.filter((r) => r.orderId === orderId).reduce((s, r) => s.plus(r.paidAmount), new Exact(0));
      expect(paid.toFixed(2)).toBe(new Exact(order.paidTotal).toFixed(2));
    }
    expect((await database.db.select().from(payments)).length).toBeGreaterThanOrEqual(2);
    const today = todayIn('Asia/Shanghai');
    const overdue = rows.filter((r) => ['open', 'partial'].includes(r.status) && r.dueDate < today);
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.status === 'partial')).toBe(true);
    expect(await runDunning(database.db, new EventBus(), 'Asia/Shanghai')).toBe(overdue.length);
  });
});
