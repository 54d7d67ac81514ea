// Quotes and their lines. A quote is a kit record type; each revision is its own row (Q2026-000012 v1, v2 …) sharing
// `rootId`, the first revision's id, so the history is kept whole. An approved or sent revision is never edited:
// a change makes the next revision. Totals are stored as computed by commerce.quoteMath.ts, to the fen.
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, recordColumns } from '../../../platform/db/columns.ts';
import { contacts, customers } from '../../customers/customers.schema.ts';
import { opportunities } from '../../sales/sales.schema.ts';
import { products } from '../catalog/catalog.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => numeric(name, { precision: 18, scale: 2 });

export const quotes = pgTable(
  'quotes',
  {
    ...recordColumns(),
    /** Q2026-000012, the same for every revision. */
    number: text('number').notNull(),
    revision: integer('revision').notNull().default(1),
    /** The first revision's id (its own id on v1). */
    rootId: uuid('root_id').notNull(),
    previousId: uuid('previous_id'),
    title: text('title'),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id),
    /** draft, pendingApproval, approved, rejected, sent, accepted, declined, superseded, expired. */
    status: text('status').notNull().default('draft'),
    quoteDate: date('quote_date', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    currency: text('currency').notNull().default('CNY'),
    /** `perLine` / `perTotal`, `inclusive` / `exclusive`: copied from the settings when the quote is made. */
    rounding: text('rounding').notNull().default('perLine'),
    prices: text('prices').notNull().default('inclusive'),
    /** The total discount: `percent` or `amount` with its value, or none. */
    totalDiscountKind: text('total_discount_kind'),
    totalDiscountValue: numeric('total_discount_value', { precision: 18, scale: 2 }),
    subtotal: money('subtotal').notNull().default('0'),
    discountTotal: money('discount_total').notNull().default('0'),
    netTotal: money('net_total').notNull().default('0'),
    taxTotal: money('tax_total').notNull().default('0'),
    grossTotal: money('gross_total').notNull().default('0'),
    /** Σ quantity × standard cost: the predicted profit is net − cost. */
    costTotal: money('cost_total').notNull().default('0'),
    /** The largest discount off the list price over the lines and the total, in percent: what approval is about. */
    effectiveDiscountPercent: numeric('effective_discount_percent', { precision: 7, scale: 2 }).notNull().default('0'),
    terms: text('terms'),
    notes: text('notes'),
    approvedAt: at('approved_at'),
    approvedBy: uuid('approved_by'),
    sentAt: at('sent_at'),
    acceptedAt: at('accepted_at'),
    /** The order the acceptance created. */
    orderId: uuid('order_id'),
  },
  (t) => [
    uniqueIndex('quotes_number_revision_idx').on(t.number, t.revision),
    index('quotes_root_idx').on(t.rootId, t.revision),
    index('quotes_customer_idx').on(t.customerId, t.quoteDate),
    index('quotes_opportunity_idx').on(t.opportunityId),
    index('quotes_owner_idx').on(t.ownerId),
    index('quotes_org_unit_idx').on(t.orgUnitId),
    index('quotes_created_idx').on(t.createdAt, t.id),
    index('quotes_live_status_idx')
      .on(t.status, t.orgUnitId)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

export const quoteLines = pgTable(
  'quote_lines',
  {
    id: idColumn(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    productId: uuid('product_id').references(() => products.id),
    sku: text('sku'),
    name: text('name').notNull(),
    unit: text('unit'),
    quantity: numeric('quantity', { precision: 18, scale: 4 }).notNull(),
    /** The product's list price, for the discount off it; the engine's price; the price used (may be lower). */
    listPrice: money('list_price'),
    enginePrice: money('engine_price'),
    unitPrice: money('unit_price').notNull(),
    /** The line's own discount: `percent` or `amount`. */
    discountKind: text('discount_kind'),
    discountValue: numeric('discount_value', { precision: 18, scale: 2 }),
    /** 13 for 13 %. */
    taxRate: numeric('tax_rate', { precision: 5, scale: 2 }).notNull(),
    amount: money('amount').notNull(),
    discount: money('discount').notNull(),
    subtotal: money('subtotal').notNull(),
    totalDiscountShare: money('total_discount_share').notNull(),
    net: money('net').notNull(),
    tax: money('tax').notNull(),
    gross: money('gross').notNull(),
    unitCost: money('unit_cost'),
    /** The price engine's explanation of `enginePrice`. */
    priceSource: jsonb('price_source'),
  },
  (t) => [index('quote_lines_quote_idx').on(t.quoteId, t.position), index('quote_lines_product_idx').on(t.productId)],
);
