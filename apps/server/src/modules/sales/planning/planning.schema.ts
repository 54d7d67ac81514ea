// Tables of sales planning: targets per org unit or person, period, metric and product category (a split target
// points at the one it came from); weekly forecast snapshots per unit, person and category; the scorecard weights
// administrators set; the product lines of an opportunity.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from '../../../platform/db/columns.ts';
import { orgUnits, users } from '../../../platform/access/access.schema.ts';
import { opportunities } from '../sales.schema.ts';

export const salesTargets = pgTable(
  'sales_targets',
  {
    id: idColumn(),
    version: integer('version').notNull().default(1),
    /** `2026`, `2026-Q4` or `2026-11`; startDate..endDate (inclusive) are its days, kept for overlap checks. */
    period: text('period').notNull(),
    periodKind: text('period_kind').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** revenue, new_customers or visits. */
    metric: text('metric').notNull(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    /** Set for a person's target; null for the unit's own. */
    userId: uuid('user_id').references(() => users.id),
    /** A product category (free text); null means all products. */
    category: text('category'),
    value: numeric('value', { precision: 18, scale: 2 }).notNull(),
    note: text('note'),
    /** The target this one was split from. */
    parentId: uuid('parent_id').references((): AnyPgColumn => salesTargets.id),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('sales_targets_scope_idx').on(t.orgUnitId, t.metric, t.startDate),
    index('sales_targets_user_idx').on(t.userId),
    index('sales_targets_parent_idx').on(t.parentId),
    check('sales_targets_value_not_negative', sql`${t.value} >= 0`),
  ],
);

/** The forecast as it stood at the start of a week: per period, unit, owner and category. */
export const forecastSnapshots = pgTable(
  'sales_forecast_snapshots',
  {
    id: idColumn(),
    /** Monday of the week, in the organisation's time zone. */
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    period: text('period').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** commit, best_case, pipeline (open, expected to close in the period) or closed_won (won in the period). */
    category: text('category').notNull(),
    count: integer('count').notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    weighted: numeric('weighted', { precision: 18, scale: 2 }).notNull(),
  },
  (t) => [
    uniqueIndex('sales_forecast_snapshots_key').on(t.period, t.weekStart, t.orgUnitId, t.userId, t.category),
    index('sales_forecast_snapshots_unit_idx').on(t.period, t.orgUnitId),
  ],
);

/** One row (`key` = 'default'): the weights of the scorecard's parts, in percent. */
export const scorecardWeights = pgTable('sales_scorecard_weights', {
  key: text('key').primaryKey(),
  visits: integer('visits').notNull(),
  completeness: integer('completeness').notNull(),
  results: integer('results').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: updatedAt(),
});

/** Free product lines of an opportunity; `productId` will point at the catalogue when commerce lands. */
export const opportunityLines = pgTable(
  'opportunity_lines',
  {
    id: idColumn(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id),
    position: integer('position').notNull(),
    productName: text('product_name').notNull(),
    productId: uuid('product_id'),
    category: text('category'),
    quantity: numeric('quantity', { precision: 18, scale: 4 }).notNull(),
    unitPrice: numeric('unit_price', { precision: 18, scale: 2 }).notNull(),
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }).notNull().default('0'),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('opportunity_lines_opportunity_idx').on(t.opportunityId, t.position)],
);
