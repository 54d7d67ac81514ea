// The global search index: one row per searchable record of any type, kept by the entity kit on every write,
// with the record's owner and org unit so searches are access-checked like lists.
import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const searchDocuments = pgTable(
  'search_documents',
  {
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    title: text('title').notNull(),
    /** Lower-case text of the searchable fields, their full pinyin and their pinyin initials, without spaces. */
    haystack: text('haystack').notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.recordType, t.recordId] }),
    index('search_documents_haystack_trgm').using('gin', sql`${t.haystack} gin_trgm_ops`),
  ],
);
