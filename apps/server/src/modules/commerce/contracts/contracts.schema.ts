// Contracts: from an accepted quote or standalone; parties, dates, amount, terms; attachments through the platform's
// record attachments; a renewal reminder to the owner before the end date (contracts.jobs).
import { sql } from 'drizzle-orm';
import { date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../../platform/db/columns.ts';
import { contacts, customers } from '../../customers/customers.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const contracts = pgTable(
  'contracts',
  {
    ...recordColumns(),
    /** HT2026-000004. */
    number: text('number').notNull(),
    name: text('name').notNull(),
    nameSort: text('name_sort'),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    quoteId: uuid('quote_id'),
    /** draft, active, expired, terminated, renewed. */
    status: text('status').notNull().default('draft'),
    /** 甲方 (the customer's signatory) and 乙方 (ours), as printed. */
    customerSignatory: text('customer_signatory'),
    ourSignatory: text('our_signatory'),
    signedOn: date('signed_on', { mode: 'string' }),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    amount: numeric('amount', { precision: 18, scale: 2 }),
    currency: text('currency').notNull().default('CNY'),
    paymentTerms: text('payment_terms'),
    terms: text('terms'),
    /** Days before the end date when the owner is reminded (null: the settings' default). */
    renewalReminderDays: integer('renewal_reminder_days'),
    renewalRemindedAt: at('renewal_reminded_at'),
    /** The contract this one renews. */
    renewedFromId: uuid('renewed_from_id'),
  },
  (t) => [
    uniqueIndex('contracts_number_idx').on(t.number),
    index('contracts_customer_idx').on(t.customerId),
    index('contracts_owner_idx').on(t.ownerId),
    index('contracts_org_unit_idx').on(t.orgUnitId),
    index('contracts_created_idx').on(t.createdAt, t.id),
    index('contracts_live_end_idx')
      .on(t.endDate)
      .where(sql`${t.deletedAt} IS NULL AND ${t.status} = 'active'`),
    index('contracts_live_name_sort_idx')
      .on(t.nameSort, t.id)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);
