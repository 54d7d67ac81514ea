// Orders: order types with their configurable stage pipelines (approved → purchasing → customs → … → paid), orders
// (a kit record type) and their lines, what happened at each stage (who, when, quantity, amount, note; partial
// quantities allowed), the purchasing batches open lines are gathered into per supplier, and recorded expenses.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, recordColumns, updatedAt } from '../../../platform/db/columns.ts';
import { contacts, customers } from '../../customers/customers.schema.ts';
import { products } from '../catalog/catalog.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const quantity = (name: string) => numeric(name, { precision: 18, scale: 4 });

/** 进口订单, 标准订单 …: each has its own stage pipeline. */
export const orderTypes = pgTable('order_types', {
  id: idColumn(),
  name: text('name').notNull(),
  isDefault: boolean('is_default').notNull().default(false),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull().default(0),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * A stage of an order type, in `position` order. `leadTimeDays` is how long it usually takes, for the expected
 * arrival date; `milestone` marks the stages other parts act on: `purchasing` (open lines join a supplier batch),
 * `delivered` (profit becomes actual, deliveries count), `paid`. `tracksQuantity`: completed line by line in parts.
 */
export const orderStages = pgTable(
  'order_stages',
  {
    id: idColumn(),
    orderTypeId: uuid('order_type_id')
      .notNull()
      .references(() => orderTypes.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    leadTimeDays: integer('lead_time_days').notNull().default(0),
    milestone: text('milestone'),
    tracksQuantity: boolean('tracks_quantity').notNull().default(false),
    /** The customer's expected arrival is when this stage completes (the last such stage when several). */
    isArrival: boolean('is_arrival').notNull().default(false),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('order_stages_type_idx').on(t.orderTypeId, t.position)],
);

export const orders = pgTable(
  'orders',
  {
    ...recordColumns(),
    /** SO2026-000123. */
    number: text('number').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    quoteId: uuid('quote_id'),
    contractId: uuid('contract_id'),
    opportunityId: uuid('opportunity_id'),
    orderTypeId: uuid('order_type_id')
      .notNull()
      .references(() => orderTypes.id),
    /** draft, pendingApproval, approved, inProgress, completed, cancelled. */
    status: text('status').notNull().default('draft'),
    /** The first stage not yet completed (null when all are). */
    currentStageId: uuid('current_stage_id'),
    orderDate: date('order_date', { mode: 'string' }).notNull(),
    /** Computed from the stages' lead times, moved as stages complete. */
    expectedArrivalDate: date('expected_arrival_date', { mode: 'string' }),
    /** What was promised to the customer, if anything (the expected date is compared with it). */
    promisedDate: date('promised_date', { mode: 'string' }),
    rush: boolean('rush').notNull().default(false),
    currency: text('currency').notNull().default('CNY'),
    rounding: text('rounding').notNull().default('perLine'),
    prices: text('prices').notNull().default('inclusive'),
    totalDiscountKind: text('total_discount_kind'),
    totalDiscountValue: numeric('total_discount_value', { precision: 18, scale: 2 }),
    subtotal: money('subtotal').notNull().default('0'),
    discountTotal: money('discount_total').notNull().default('0'),
    netTotal: money('net_total').notNull().default('0'),
    taxTotal: money('tax_total').notNull().default('0'),
    grossTotal: money('gross_total').notNull().default('0'),
    costTotal: money('cost_total').notNull().default('0'),
    expenseTotal: money('expense_total').notNull().default('0'),
    effectiveDiscountPercent: numeric('effective_discount_percent', { precision: 7, scale: 2 }).notNull().default('0'),
    /** Σ payments received (the receivables part keeps it). */
    paidTotal: money('paid_total').notNull().default('0'),
    memo: text('memo'),
    shippingAddress: text('shipping_address'),
    approvedAt: at('approved_at'),
    approvedBy: uuid('approved_by'),
    deliveredAt: at('delivered_at'),
    completedAt: at('completed_at'),
  },
  (t) => [
    uniqueIndex('orders_number_idx').on(t.number),
    index('orders_customer_date_idx')
      .on(t.customerId, t.orderDate, t.id)
      .where(sql`${t.deletedAt} IS NULL`),
    index('orders_unit_date_idx')
      .on(t.orgUnitId, t.orderDate)
      .where(sql`${t.deletedAt} IS NULL`),
    index('orders_owner_idx').on(t.ownerId),
    index('orders_org_unit_idx').on(t.orgUnitId),
    index('orders_created_idx').on(t.createdAt, t.id),
    index('orders_quote_idx').on(t.quoteId),
    // Sales plan vs actual: a won deal counts only while no order carries it (planning.actuals.ts revenue).
    index('orders_opportunity_idx').on(t.opportunityId),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: idColumn(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: uuid('product_id').references(() => products.id),
    sku: text('sku'),
    name: text('name').notNull(),
    unit: text('unit'),
    /** Copied from the product: purchasing batches group open lines by it. */
    supplier: text('supplier'),
    quantity: quantity('quantity').notNull(),
    listPrice: money('list_price'),
    unitPrice: money('unit_price').notNull(),
    discountKind: text('discount_kind'),
    discountValue: numeric('discount_value', { precision: 18, scale: 2 }),
    taxRate: numeric('tax_rate', { precision: 5, scale: 2 }).notNull(),
    amount: money('amount').notNull(),
    discount: money('discount').notNull(),
    subtotal: money('subtotal').notNull(),
    totalDiscountShare: money('total_discount_share').notNull(),
    net: money('net').notNull(),
    tax: money('tax').notNull(),
    gross: money('gross').notNull(),
    unitCost: money('unit_cost'),
    /** The purchasing batch the line went into (null: not yet, or a rush line sent on its own). */
    batchId: uuid('batch_id'),
    deliveredQuantity: quantity('delivered_quantity').notNull().default('0'),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId, t.position),
    index('order_lines_product_idx').on(t.productId, t.orderId),
    index('order_lines_batch_idx').on(t.batchId),
  ],
);

/** Per order and stage: where it stands. One row per stage of the order's type, made with the order. */
export const orderStageStates = pgTable(
  'order_stage_states',
  {
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => orderStages.id),
    position: integer('position').notNull(),
    /** pending, partial, done. */
    status: text('status').notNull().default('pending'),
    /** Expected completion, recomputed as earlier stages complete. */
    expectedDate: date('expected_date', { mode: 'string' }),
    completedAt: at('completed_at'),
    completedBy: uuid('completed_by'),
    /** Bumped on every change: completing a stage is a conditional update on it, so two at once cannot both win. */
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('order_stage_states_key').on(t.orderId, t.stageId)],
);

/** What happened at a stage: complete, a partial quantity of a line, reopen. */
export const orderStageEvents = pgTable(
  'order_stage_events',
  {
    id: idColumn(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    stageId: uuid('stage_id').notNull(),
    orderLineId: uuid('order_line_id'),
    /** complete, partial, reopen. */
    kind: text('kind').notNull(),
    quantity: quantity('quantity'),
    amount: money('amount'),
    note: text('note'),
    userId: uuid('user_id').notNull(),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('order_stage_events_order_idx').on(t.orderId, t.at)],
);

/** Open order lines of one supplier gathered for purchasing; closed when the purchase order is placed. */
export const purchaseBatches = pgTable(
  'purchase_batches',
  {
    id: idColumn(),
    /** PB2026-000007. */
    number: text('number').notNull(),
    supplier: text('supplier').notNull(),
    /** open, closed. A rush batch holds one rush order's lines and is closed at once. */
    status: text('status').notNull().default('open'),
    rush: boolean('rush').notNull().default(false),
    createdAt: createdAt(),
    closedAt: at('closed_at'),
    closedBy: uuid('closed_by'),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('purchase_batches_number_idx').on(t.number),
    index('purchase_batches_open_idx')
      .on(t.supplier)
      .where(sql`${t.status} = 'open'`),
  ],
);

/** Costs of an order beyond its goods (freight, customs, commission): revenue − cost − these = profit. */
export const orderExpenses = pgTable(
  'order_expenses',
  {
    id: idColumn(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    amount: money('amount').notNull(),
    note: text('note'),
    incurredOn: date('incurred_on', { mode: 'string' }).notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('order_expenses_order_idx').on(t.orderId)],
);
