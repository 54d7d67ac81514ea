// Two people completing the same stage at once, forced to overlap on PostgreSQL: the second has read the stage as
// pending and waits on the first's row lock; when the first commits, its conditional UPDATE (on the version read)
// finds no row — 409 STAGE_ALREADY_DONE, and nothing of it is written.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { describeOn } from '../../../../test/harness/onlyOn.ts';
import { completeStage } from './orders.stages.service.ts';
import { orderStageEvents } from './orders.schema.ts';
import { buildOrdersWorld, makeOrder, STAGE, type OrdersWorld } from './orders.testSetup.ts';

let w: OrdersWorld;

describeOn('postgres', 'completing one stage twice at once', 'PGlite has one connection: writers never overlap', () => {
  beforeAll(async () => {
    w = await buildOrdersWorld();
  });
  afterAll(() => w.t.close());

  it('lets the conditional update decide: one completion, one STAGE_ALREADY_DONE', async () => {
    const order = await makeOrder(w.rep.client, {
      customerId: w.customer.id,
      lines: [{ productId: w.products.book.id, quantity: '2', unitPrice: '120.00' }],
    });
    await w.rep.client.post(`/api/v1/orders/${order.id}/submit`);
    const [first, second] = [await w.rep.actor(), await w.eastManager.actor()];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let firstDone!: () => void;
    const firstWrote = new Promise<void>((resolve) => (firstDone = resolve));
    const a = w.t.db.transaction(async (tx) => {
      await completeStage(tx, first, order.id, STAGE.stocking, { note: 'first' });
      firstDone();
      await gate;
    });
    await firstWrote;
    const b = w.t.db
      .transaction((tx) => completeStage(tx, second, order.id, STAGE.stocking, { note: 'second' }))
      .then(
        () => 'completed',
        (err: { code?: string }) => err.code,
      );
    // Wait until the second writer is blocked on the first's lock of the stage state, then let the first commit.
    for (let i = 0; i < 200; i++) {
      const waiting = await w.t.db.execute(
        sql`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'update "order_stage_states"%'`,
      );
      if (waiting.rows.length) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    release();
    await a;
    expect(await b).toBe('STAGE_ALREADY_DONE');
    const events = await w.t.db
      .select({ note: orderStageEvents.note })
      .from(orderStageEvents)
      .where(
        and(
          eq(orderStageEvents.orderId, order.id),
          eq(orderStageEvents.stageId, STAGE.stocking),
          isNull(orderStageEvents.orderLineId),
        ),
      );
    expect(events).toEqual([{ note: 'first' }]);
  });
});
