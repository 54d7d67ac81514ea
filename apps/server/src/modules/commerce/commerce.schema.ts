// Configuration shared by quotes, contracts and orders: the company's letterhead and defaults (one row), the
// discount each role may give without approval, the approval chain a larger discount climbs, and the counters
// that number quotes, contracts, orders and batches (Q2026-000001).
import { boolean, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, updatedAt } from '../../platform/db/columns.ts';
import { roles } from '../../platform/access/access.schema.ts';

/** The letterhead printed on quotes and contracts, and how amounts are computed. Exactly one row (id = 1). */
export const commerceSettings = pgTable('commerce_settings', {
  id: integer('id').primaryKey().default(1),
  companyName: text('company_name').notNull().default(''),
  companyAddress: text('company_address'),
  companyPhone: text('company_phone'),
  taxNumber: text('tax_number'),
  bankAccount: text('bank_account'),
  /** A PNG or JPEG, base64, for the letterhead. */
  logo: text('logo'),
  /** `perLine` or `perTotal` (commerce.quoteMath.ts). */
  rounding: text('rounding').notNull().default('perLine'),
  /** `inclusive` (含税价) or `exclusive`. */
  prices: text('prices').notNull().default('inclusive'),
  quoteValidityDays: integer('quote_validity_days').notNull().default(30),
  quoteTerms: text('quote_terms'),
  /** Days before a contract ends when its owner is reminded to renew. */
  contractRenewalDays: integer('contract_renewal_days').notNull().default(30),
  /** Days past due between two dunning reminders of the same instalment. */
  dunningIntervalDays: integer('dunning_interval_days').notNull().default(7),
  version: integer('version').notNull().default(1),
  updatedAt: updatedAt(),
});

/** The largest discount (percent off the list price) a role's holders may give without approval. */
export const discountLimits = pgTable('commerce_discount_limits', {
  roleId: uuid('role_id')
    .primaryKey()
    .references(() => roles.id, { onDelete: 'cascade' }),
  maxPercent: numeric('max_percent', { precision: 5, scale: 2 }).notNull(),
  updatedAt: updatedAt(),
});

/**
 * One step of the approval chain, in `position` order: holders of `roleId` in the requester's org unit or the
 * nearest unit above it that has one approve; the chain stops at the first step whose `upToPercent` covers the
 * discount (null: no limit, the last step). E.g. 分公司经理 up to 20 % → 总部 without limit.
 */
export const approvalSteps = pgTable('commerce_approval_steps', {
  id: idColumn(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  roleId: uuid('role_id')
    .notNull()
    .references(() => roles.id),
  upToPercent: numeric('up_to_percent', { precision: 5, scale: 2 }),
  /** Which record kinds the step applies to: `quote`, `order` (both by default). */
  appliesTo: jsonb('applies_to').$type<string[]>().notNull().default(['quote', 'order']),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

/** Sequence numbers per kind and year: `quote`/2026 → 123 gives Q2026-000123. Taken with an atomic upsert. */
export const commerceCounters = pgTable(
  'commerce_counters',
  {
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    value: integer('value').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);

/**
 * A quote's or an order's way through the approval chain: one row per step it must pass, created when approval is
 * requested. `pending` until someone holding the step's role (not the requester) approves or rejects; the next step
 * waits for the previous. A new request (a new revision) starts new rows; the old ones stay as history.
 */
export const commerceApprovals = pgTable(
  'commerce_approvals',
  {
    id: idColumn(),
    /** `quote` or `order`. */
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    /** The approval round: 1 for the first request, 2 after a rejection and a new request… */
    round: integer('round').notNull().default(1),
    position: integer('position').notNull(),
    stepName: text('step_name').notNull(),
    roleId: uuid('role_id').notNull(),
    /** The org unit whose holders of the role may decide (the requester's or the nearest above with one). */
    orgUnitId: uuid('org_unit_id'),
    /** `waiting` (an earlier step is pending), `pending`, `approved`, `rejected`, `cancelled`. */
    status: text('status').notNull().default('waiting'),
    /** What was asked: the largest discount in percent, and the amount. */
    discountPercent: numeric('discount_percent', { precision: 5, scale: 2 }),
    amount: numeric('amount', { precision: 18, scale: 2 }),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    comment: text('comment'),
  },
  (t) => [
    index('commerce_approvals_record_idx').on(t.recordType, t.recordId, t.round, t.position),
    index('commerce_approvals_pending_idx').on(t.status, t.roleId),
  ],
);
