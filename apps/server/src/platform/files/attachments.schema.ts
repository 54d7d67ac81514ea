// Files attached to any record (a contract's scan, a quote's drawing): the bytes live in the database in chunks
// like import files (imports.files.ts), readable wherever the record is.
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from '../db/columns.ts';

export const recordAttachments = pgTable(
  'record_attachments',
  {
    id: idColumn(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    /** The chunks' file id in transfer_chunks. */
    fileId: uuid('file_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** The SHA-256 of the bytes, hex. */
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by').notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
    deletedBy: uuid('deleted_by'),
  },
  (t) => [index('record_attachments_record_idx').on(t.recordType, t.recordId)],
);
