// Definitions of administrator-defined fields; their values live in each record's `custom` jsonb column.
import { boolean, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { FieldType, LocalizedText } from '@guanxi/contracts';
import { createdAt, idColumn, updatedAt } from '../db/columns.ts';

export const customFieldDefs = pgTable(
  'custom_field_defs',
  {
    id: idColumn(),
    recordType: text('record_type').notNull(),
    key: text('key').notNull(),
    type: text('type').$type<FieldType>().notNull(),
    label: jsonb('label').$type<LocalizedText>().notNull(),
    options: jsonb('options').$type<{ value: string; label: LocalizedText }[]>().notNull().default([]),
    reference: text('reference'),
    required: boolean('required').notNull().default(false),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('custom_field_defs_key').on(t.recordType, t.key)],
);
