// Tables of the customers module: customers (organisations and individuals), the contacts of organisations, and
// the identifiers (phones, plates, policy numbers, …) customers and contacts are found by.
import { sql } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '@guanxi/contracts';
import { createdAt, idColumn, recordColumns } from '../../platform/db/columns.ts';

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
    /** The name compared for duplicates (customers.duplicates.ts): no legal suffix, brackets, punctuation or case. */
    nameKey: text('name_key'),
    /** The name's pinyin sort key (FieldSpec.sortKey), kept by the kit; COLLATE "C" in the migration. */
    nameSort: text('name_sort'),
  },
  (t) => [
    index('customers_org_unit_idx').on(t.orgUnitId),
    index('customers_owner_idx').on(t.ownerId),
    index('customers_created_idx').on(t.createdAt, t.id),
    index('customers_region_idx').on(t.province, t.city),
    index('customers_live_name_idx')
      .on(t.name)
      .where(sql`${t.deletedAt} IS NULL`),
    index('customers_live_name_key_idx')
      .on(t.nameKey)
      .where(sql`${t.deletedAt} IS NULL`),
    index('customers_live_name_sort_idx')
      .on(t.nameSort, t.id)
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
    /** The name's pinyin sort key (FieldSpec.sortKey), kept by the kit; COLLATE "C" in the migration. */
    nameSort: text('name_sort'),
  },
  (t) => [
    index('contacts_customer_idx').on(t.customerId),
    index('contacts_org_unit_idx').on(t.orgUnitId),
    index('contacts_owner_idx').on(t.ownerId),
    index('contacts_created_idx').on(t.createdAt, t.id),
    index('contacts_live_name_sort_idx')
      .on(t.nameSort, t.id)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

/** Identifier types an administrator adds beside the built-in ones (customers.identifiers.ts). */
export const identifierTypes = pgTable('identifier_types', {
  id: idColumn(),
  key: text('key').notNull().unique(),
  label: jsonb('label').$type<LocalizedText>().notNull(),
  unique: boolean('is_unique').notNull().default(false),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

/** One identifier of a customer, or of one of its contacts (contactId set): as entered, and normalised for matching. */
export const customerIdentifiers = pgTable(
  'customer_identifiers',
  {
    id: idColumn(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    type: text('type').notNull(),
    value: text('value').notNull(),
    normalized: text('normalized').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    index('customer_identifiers_customer_idx').on(t.customerId),
    index('customer_identifiers_contact_idx').on(t.contactId),
    index('customer_identifiers_match_idx').on(t.type, t.normalized),
  ],
);
