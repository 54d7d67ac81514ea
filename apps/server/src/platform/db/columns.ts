// Column sets shared by every table: ids, timestamps and the standard columns of an owned record.
import { v7 as uuidv7 } from 'uuid';
import { integer, jsonb, timestamp, uuid } from 'drizzle-orm/pg-core';

export const newId = (): string => uuidv7();

export const idColumn = () => uuid('id').primaryKey().$defaultFn(newId);

export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** Columns every record type managed by the entity kit carries. */
export const recordColumns = () => ({
  id: idColumn(),
  version: integer('version').notNull().default(1),
  ownerId: uuid('owner_id').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
  custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  createdBy: uuid('created_by'),
  updatedAt: updatedAt(),
  updatedBy: uuid('updated_by'),
  deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  deletedBy: uuid('deleted_by'),
});
