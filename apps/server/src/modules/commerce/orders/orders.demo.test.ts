// The demo orders: both types at various stages — a draft, approved orders waiting in open batches, one partly
// shipped, one delivered with its freight, one rush sent out in a closed batch — and reps without the reopen right.
// Their history happened on past days: approved and moved on the day each step was taken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, isNotNull } from 'drizzle-orm';
import { createTestDatabase } from '../../../../test/harness/testDatabase.ts';
import type { Database } from '../../../platform/db/db.ts';
import { roles } from '../../../platform/access/access.schema.ts';
import { ensureAdministrator } from '../../admin/admin.bootstrap.ts';
import { seedDemoData } from '../../../demo/demo.seed.ts';
import { orderExpenses, orders, orderStageStates, purchaseBatches } from './orders.schema.ts';
import { addDays } from './orders.stagePlan.ts';
import { dayOf, today } from './orders.progress.ts';

describe('demo orders', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureAdministrator(database.db, undefined);
    await seedDemoData(database.db);
  }, 180_000);
  afterAll(async () => database?.close());

  it('seeds orders at various stages, open and rush batches, and no reopen right for reps', async () => {
    const db = database.db;
    const rows = await db.select().from(orders);
    const statuses = rows.map((o) => o.status);
    expect(statuses).toContain('draft');
    expect(statuses).toContain('approved');
    expect(statuses).toContain('inProgress');
    expect(rows.some((o) => o.rush)).toBe(true);
    expect(rows.some((o) => o.deliveredAt !== null)).toBe(true);
    expect(new Set(rows.map((o) => o.orderTypeId)).size).toBe(2);
    const partial = await db.select().from(orderStageStates).where(eq(orderStageStates.status, 'partial'));
    expect(partial.length).toBeGreaterThan(0);
    const batches = await db.select().from(purchaseBatches);
    expect(batches.some((b) => b.status === 'open')).toBe(true);
    expect(batches.some((b) => b.rush && b.status === 'closed')).toBe(true);
    expect(await db.select().from(orderExpenses).where(isNotNull(orderExpenses.amount))).toHaveLength(1);
    const reps = await db
      .select()
      .from(roles)
      .where(inArray(roles.key, ['sales_rep', 'service_agent']));
    for (const role of reps) expect(role.permissions.orderStageReopen?.update).toBe('none');
  });

  it('dates the history back: approved 2 days ago is expected 0 + 3 + 1 + 3 days later, received 12 days ago arrived then', async () => {
    const db = database.db;
    const [waiting] = await db.select().from(orders).where(eq(orders.memo, '学校图书馆补充'));
    expect(dayOf(waiting!.approvedAt!)).toBe(addDays(today(), -2));
    expect(waiting!.expectedArrivalDate).toBe(addDays(today(), 5));
    const [delivered] = await db.select().from(orders).where(eq(orders.memo, '物流培训教材'));
    expect(delivered!.expectedArrivalDate).toBe(addDays(today(), -12));
    expect(dayOf(delivered!.deliveredAt!)).toBe(addDays(today(), -12));
  });
});
