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
    /**
     * Lower-case text of the searchable fields, their full pinyin and pinyin initials (with the other common readings
     * of polyphonic characters), without spaces, the parts separated by U+0001.
     */
    haystack: text('haystack').notNull(),
    /**
     * Every two-character piece of the haystack's parts and every six-letter piece of their letter runs (search.text.ts
     * tokensOf), for two-character and long letter queries, and the owner and org unit tokens. NULL on
     * entries written before the column existed, until the start-up backfill (search.backfill.ts) fills them.
     */
    tokens: text('tokens').array(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.recordType, t.recordId] }),
    index('search_documents_haystack_trgm').using('gin', sql`${t.haystack} gin_trgm_ops`),
    index('search_documents_tokens_idx').using('gin', t.tokens),
    // Entries still without tokens are searched by LIKE until the backfill reaches them; this keeps finding them cheap.
    index('search_documents_untokenized_idx')
      .on(t.recordType)
      .where(sql`${t.tokens} IS NULL`),
  ],
);
