// Stored sort keys (FieldSpec.sortKey): the values the kit writes beside a field so lists sort it by pinyin.
// Used by every writer of records (create, update, bulk create) and by the start-up backfill.
import { getTableColumns } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { EntityDescriptor } from '../entities/descriptor.ts';
import { pinyinSortKey } from './search.text.ts';

type Row = Record<string, unknown>;

export interface SortKeyField {
  /** The field's property in a row. */
  field: string;
  /** The shadow column's property in a row and the column itself. */
  property: string;
  column: AnyPgColumn;
}

const cache = new WeakMap<EntityDescriptor, SortKeyField[]>();

/** The fields of a record type that have a stored sort key, with their shadow columns. */
export function sortKeyFields(descriptor: EntityDescriptor): SortKeyField[] {
  const cached = cache.get(descriptor);
  if (cached) return cached;
  const columns = Object.entries(getTableColumns(descriptor.table));
  const found = Object.entries(descriptor.fields).flatMap(([field, spec]) => {
    if (!spec.sortKey) return [];
    const property = columns.find(([, column]) => column === spec.sortKey!.column)?.[0];
    if (!property) throw new Error(`${descriptor.name}.${field}: its sort key column is not in the table`);
    return [{ field, property, column: spec.sortKey.column }];
  });
  cache.set(descriptor, found);
  return found;
}

/** The shadow values for the fields `values` writes (only those), to merge into the INSERT or UPDATE. */
export function sortKeyValues(descriptor: EntityDescriptor, values: Row): Row {
  const keys: Row = {};
  for (const { field, property } of sortKeyFields(descriptor)) {
    if (!(field in values)) continue;
    const value = values[field];
    keys[property] = typeof value === 'string' && value.trim() ? pinyinSortKey(value) : null;
  }
  return keys;
}
