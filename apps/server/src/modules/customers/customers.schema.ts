// Tables of the customers module: customers (organisations and individuals) and the contacts of organisations.
import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../../platform/db/columns.ts';

export const customers = pgTable(
  'customers',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    industry: text('industry'),
    customerType: text('customer_type'),
    grade: text('grade'),
    lifecycleStage: text('lifecycle_stage'),
    status: text('status').default('active'),
    source: text('source'),
    firstContactDate: date('first_contact_date', { mode: 'string' }),
    province: text('province'),
    city: text('city'),
    district: text('district'),
    address: text('address'),
    website: text('website'),
    tags: jsonb('tags').$type<string[]>(),
    notes: text('notes'),
  },
  (t) => [
    index('customers_org_unit_idx').on(t.orgUnitId),
    index('customers_owner_idx').on(t.ownerId),
    index('customers_created_idx').on(t.createdAt, t.id),
    index('customers_region_idx').on(t.province, t.city),
    index('customers_live_name_idx')
      .on(t.name)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    ...recordColumns(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    name: text('name').notNull(),
    title: text('title'),
    department: text('department'),
    decisionRole: text('decision_role'),
    phone: text('phone'),
    mobile: text('mobile'),
    email: text('email'),
    birthday: date('birthday', { mode: 'string' }),
    preferredChannel: text('preferred_channel'),
    notes: text('notes'),
  },
  (t) => [
    index('contacts_customer_idx').on(t.customerId),
    index('contacts_org_unit_idx').on(t.orgUnitId),
    index('contacts_owner_idx').on(t.ownerId),
    index('contacts_created_idx').on(t.createdAt, t.id),
  ],
);
