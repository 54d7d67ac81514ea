// Saved list views (filters, sort, columns) per record type: private to their owner or shared with an org
// unit and everything below it; each user may pick one default view per record type.
import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import type { SavedViewDefinition } from '@guanxi/contracts';
import { createdAt, idColumn, updatedAt } from '../db/columns.ts';
import { orgUnits, users } from '../access/access.schema.ts';

export const savedViews = pgTable(
  'saved_views',
  {
    id: idColumn(),
    recordType: text('record_type').notNull(),
    name: text('name').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Null: private. Otherwise visible to the users of this unit and of every unit below it. */
    sharedOrgUnitId: uuid('shared_org_unit_id').references(() => orgUnits.id),
    definition: jsonb('definition').$type<SavedViewDefinition>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('saved_views_owner_idx').on(t.recordType, t.ownerId),
    index('saved_views_shared_idx').on(t.recordType, t.sharedOrgUnitId),
  ],
);

export const savedViewDefaults = pgTable(
  'saved_view_defaults',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recordType: text('record_type').notNull(),
    viewId: uuid('view_id')
      .notNull()
      .references(() => savedViews.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.recordType] })],
);
