// The audit log: one row per write to a record, with the changed fields.
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../db/columns.ts';

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export const auditLog = pgTable(
  'audit_log',
  {
    id: idColumn(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<FieldChange[]>().notNull().default([]),
    userId: uuid('user_id'),
    source: text('source').notNull(),
    requestId: text('request_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_record_idx').on(t.recordType, t.recordId, t.at)],
);
