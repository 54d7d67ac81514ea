// An order's execution plan — instalments (amount and due date) and deliveries (quantity and date per line) — and
// the money: payments recorded against instalments, customer credit from over-payments held, and the dunning
// reminders sent for overdue instalments. Instalments carry the order's customer, owner and org unit so aging is
// one indexed scan per branch.
import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../../../platform/db/columns.ts';
import { customers } from '../../customers/customers.schema.ts';
import { orderLines, orders } from '../orders/orders.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

export const instalments = pgTable(
  'order_instalments',
  {
    id: idColumn(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** 首付款, 到货款, 质保金 … */
    name: text('name'),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amount: money('amount').notNull(),
    paidAmount: money('paid_amount').notNull().default('0'),
    /** open, partial, paid, cancelled. */
    status: text('status').notNull().default('open'),
    /** Copied from the order (and moved with it on reassignment or merge). */
    customerId: uuid('customer_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    paidAt: date('paid_at', { mode: 'string' }),
    lastDunnedAt: at('last_dunned_at'),
    dunningCount: integer('dunning_count').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('order_instalments_order_idx').on(t.orderId, t.position),
    // Aging of a unit tree, and of a rep's own instalments: index-only scans with the INCLUDE columns (amount,
    // paid_amount and the grouping columns) that migration 0018 adds — drizzle-kit does not know INCLUDE.
    index('order_instalments_open_unit_idx')
      .on(t.orgUnitId, t.dueDate)
      .where(sql`${t.status} IN ('open', 'partial')`),
    index('order_instalments_open_owner_idx')
      .on(t.ownerId, t.dueDate)
      .where(sql`${t.status} IN ('open', 'partial')`),
    index('order_instalments_open_due_idx')
      .on(t.dueDate)
      .where(sql`${t.status} IN ('open', 'partial')`),
    index('order_instalments_customer_idx').on(t.customerId),
  ],
);

export const deliveries = pgTable(
  'order_deliveries',
  {
    id: idColumn(),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    orderLineId: uuid('order_line_id')
      .notNull()
      .references(() => orderLines.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    plannedDate: date('planned_date', { mode: 'string' }).notNull(),
    quantity: numeric('quantity', { precision: 18, scale: 4 }).notNull(),
    deliveredQuantity: numeric('delivered_quantity', { precision: 18, scale: 4 }).notNull().default('0'),
    /** planned, partial, delivered, cancelled. */
    status: text('status').notNull().default('planned'),
    deliveredAt: date('delivered_at', { mode: 'string' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('order_deliveries_order_idx').on(t.orderId, t.position)],
);

export const payments = pgTable(
  'payments',
  {
    id: idColumn(),
    /** RC2026-000031. */
    number: text('number').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    orderId: uuid('order_id').references(() => orders.id),
    amount: money('amount').notNull(),
    /** The part not allocated to instalments, held as the customer's credit (only when the payer said so). */
    creditAmount: money('credit_amount').notNull().default('0'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** bank, cash, alipay, wechat, cheque, credit (paid out of the customer's credit). */
    method: text('method').notNull(),
    reference: text('reference'),
    note: text('note'),
    orgUnitId: uuid('org_unit_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: createdAt(),
    /** A reversed payment stays, its allocations undone. */
    reversedAt: at('reversed_at'),
    reversedBy: uuid('reversed_by'),
  },
  (t) => [
    uniqueIndex('payments_number_idx').on(t.number),
    index('payments_customer_idx').on(t.customerId, t.receivedOn),
    index('payments_order_idx').on(t.orderId),
  ],
);

export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    id: idColumn(),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    instalmentId: uuid('instalment_id')
      .notNull()
      .references(() => instalments.id, { onDelete: 'cascade' }),
    amount: money('amount').notNull(),
  },
  (t) => [
    index('payment_allocations_payment_idx').on(t.paymentId),
    index('payment_allocations_instalment_idx').on(t.instalmentId),
  ],
);

/** A dunning reminder sent for an overdue instalment: to whom, at which level (1st, 2nd …). */
export const dunningNotices = pgTable(
  'dunning_notices',
  {
    id: idColumn(),
    instalmentId: uuid('instalment_id')
      .notNull()
      .references(() => instalments.id, { onDelete: 'cascade' }),
    level: integer('level').notNull(),
    daysOverdue: integer('days_overdue').notNull(),
    outstanding: money('outstanding').notNull(),
    notifiedUserId: uuid('notified_user_id').notNull(),
    /** `owner` now; `email` when mail lands. */
    channel: text('channel').notNull().default('owner'),
    sentAt: at('sent_at').notNull().defaultNow(),
  },
  (t) => [index('dunning_notices_instalment_idx').on(t.instalmentId, t.level)],
);
