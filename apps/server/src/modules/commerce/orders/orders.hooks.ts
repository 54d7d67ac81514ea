// The order record type's kit hooks: a new order gets its number, type, date, totals (from createOrder's computed
// lines, handed over for the transaction) and, once written, its lines and stage states; updates keep the pipeline in
// step (type and date only while a draft; rush moves waiting lines out of their batch); search terms add the
// products' SKUs and names.
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { EntityHooks } from '../../../platform/entities/descriptor.ts';
import { newId } from '../../../platform/db/columns.ts';
import { bulkInsert } from '../../../platform/entities/entity.bulkInsert.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { cancelOpenInstalments, syncInstalmentsWithOrder } from '../receivables/receivables.instalments.ts';
import { nextNumber } from '../commerce.numbers.ts';
import type { OrderFigures, OrderPricing } from './orders.lines.ts';
import { initialStates, insertStates, today, typeStages } from './orders.progress.ts';
import { orderLines, orderStageStates } from './orders.schema.ts';
import { rushWaitingLines } from './orders.batches.service.ts';

interface PreparedOrder {
  figures: OrderFigures;
  pricing: OrderPricing;
  quoteId: string | null;
  contractId: string | null;
  states?: ReturnType<typeof initialStates>['rows'];
}

// What createOrder computed for the order it is about to create, by transaction: the kit's create takes only the
// writable fields, so the derived ones reach the hooks this way. Taken (and removed) by the create's hooks.
const prepared = new WeakMap<object, PreparedOrder>();

export function prepareOrder(db: DbOrTx, order: PreparedOrder): void {
  prepared.set(db, order);
}

/** Text an order is found by beyond its number and memo: its products' SKUs and names. */
async function productTerms(db: DbOrTx, orderIds: string[]): Promise<Map<string, string[]>> {
  const terms = new Map<string, string[]>(orderIds.map((id) => [id, []]));
  if (!orderIds.length) return terms;
  const rows = await db
    .select({ orderId: orderLines.orderId, sku: orderLines.sku, name: orderLines.name })
    .from(orderLines)
    .where(inArray(orderLines.orderId, orderIds))
    .orderBy(asc(orderLines.orderId), asc(orderLines.position));
  for (const r of rows) terms.get(r.orderId)!.push(...[r.sku, r.name].filter((t): t is string => Boolean(t)));
  return terms;
}

const linesTerms = (figures: OrderFigures) => [
  ...new Set(figures.lines.flatMap((l) => [l.sku, l.name]).filter((t): t is string => Boolean(t))),
];

export const orderHooks: EntityHooks = {
  async beforeCreate(ctx, values) {
    const order = prepared.get(ctx.db);
    const date = (values.orderDate as string | undefined) ?? today();
    const { typeId, stages } = await typeStages(ctx.db, values.orderTypeId as string | undefined);
    values.number = await nextNumber(ctx.db, 'order', Number(date.slice(0, 4)));
    values.orderTypeId = typeId;
    values.orderDate = date;
    values.status = 'draft';
    if (order) {
      Object.assign(values, order.figures.totals, {
        quoteId: order.quoteId,
        contractId: order.contractId,
        rounding: order.pricing.rounding,
        prices: order.pricing.prices,
        totalDiscountKind: order.pricing.totalDiscount?.kind ?? null,
        totalDiscountValue: order.pricing.totalDiscount?.value ?? null,
      });
    }
    // The id is known before the insert (UUID v7 made here), so the states can be planned now and written after.
    values.id ??= newId();
    const plan = initialStates(values.id as string, stages, date);
    values.currentStageId = plan.currentStageId;
    values.expectedArrivalDate = plan.arrival;
    prepared.set(ctx.db, { ...(order ?? emptyOrder()), states: plan.rows });
  },

  async beforeDelete(_ctx, order) {
    if (order.status !== 'draft' && order.status !== 'cancelled') throw new AppError('ORDER_NOT_DELETABLE', 409);
  },

  async afterWrite(ctx, record, action) {
    // Receivables carry the order's customer, owner and unit (aging reads them there); a deleted order owes nothing.
    if (action === 'assign' || action === 'update') await syncInstalmentsWithOrder(ctx.db, record.id as string);
    if (action === 'delete') await cancelOpenInstalments(ctx.db, record.id as string);
    if (action !== 'create') return;
    const order = prepared.get(ctx.db);
    prepared.delete(ctx.db);
    if (!order) return;
    const orderId = record.id as string;
    if (order.figures.lines.length)
      await bulkInsert(
        ctx.db,
        orderLines,
        order.figures.lines.map((l) => ({ ...l, orderId })),
      );
    if (order.states?.length) await insertStates(ctx.db, order.states);
  },

  async beforeUpdate(ctx, before, changes) {
    const draft = before.status === 'draft';
    const typeChanged = changes.orderTypeId !== undefined && changes.orderTypeId !== before.orderTypeId;
    const dateChanged = changes.orderDate !== undefined && changes.orderDate !== before.orderDate;
    if ((typeChanged || dateChanged) && !draft) throw new AppError('ORDER_LOCKED', 409);
    if (changes.customerId !== undefined && changes.customerId !== before.customerId && !draft)
      throw new AppError('ORDER_LOCKED', 409);
    if (typeChanged || dateChanged) {
      const { typeId, stages } = await typeStages(ctx.db, (changes.orderTypeId ?? before.orderTypeId) as string);
      const plan = initialStates(before.id as string, stages, (changes.orderDate ?? before.orderDate) as string);
      await ctx.db.delete(orderStageStates).where(eq(orderStageStates.orderId, before.id as string));
      await insertStates(ctx.db, plan.rows);
      changes.orderTypeId = typeId;
      changes.currentStageId = plan.currentStageId;
      changes.expectedArrivalDate = plan.arrival;
    }
    if (changes.rush === true && before.rush !== true) await rushWaitingLines(ctx.db, ctx.actor, before.id as string);
  },

  async searchTerms(db, record) {
    const order = prepared.get(db);
    if (order && order.figures.lines.length) return linesTerms(order.figures);
    return (await productTerms(db, [record.id as string])).get(record.id as string) ?? [];
  },

  async searchTermsMany(db, records) {
    const terms = await productTerms(
      db,
      records.map((r) => r.id as string),
    );
    return records.map((r) => [...new Set(terms.get(r.id as string) ?? [])]);
  },
};

function emptyOrder(): PreparedOrder {
  return {
    figures: { lines: [], totals: {} as OrderFigures['totals'] },
    pricing: { rounding: 'perLine', prices: 'inclusive' },
    quoteId: null,
    contractId: null,
  };
}
