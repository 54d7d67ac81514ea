// Multi-row inserts of thousands of rows (bulk creates, their audit entries and search documents) with the rows
// sent as one JSON parameter and unpacked by jsonb_to_recordset. Drizzle's own multi-row insert builds one bind
// parameter per value and spends more time building the statement than PostgreSQL spends running it (a third of an
// import's time); this path costs one JSON.stringify. Same semantics as `db.insert(table).values(rows)`: JS defaults
// ($defaultFn) are filled in, a value left undefined takes the column's database default, null is NULL.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/db.ts';

type Row = Record<string, unknown>;

/** Rows per statement: one parameter whatever the count, so the limit only keeps the JSON text moderate. */
const ROWS_PER_STATEMENT = 5000;

export interface BulkInsertOptions {
  /** ON CONFLICT (target) DO UPDATE SET every other given column to the new value (an upsert). */
  upsertOn?: PgColumn[];
  /** ON CONFLICT DO NOTHING. */
  ignoreConflicts?: boolean;
  /** A column whose text of every inserted row is answered (RETURNING). */
  returning?: PgColumn;
}

/** One element of a PostgreSQL array literal, quoted. */
const arrayItem = (text: string) => `"${text.replace(/(["\\])/g, '\\$1')}"`;

/**
 * `column = ANY('{…}'::type[])`: membership in a list of any length as one parameter. Drizzle's inArray sends one
 * parameter per value, and building a statement with thousands of them costs more than running it.
 */
export function anyOf(column: PgColumn, values: string[]): SQL {
  return sql`${column} = ANY(${arrayLiteral(values)}::${sql.raw(column.getSQLType())}[])`;
}

/** A PostgreSQL array literal of texts, to pass a list as one parameter. */
export const arrayLiteral = (values: string[]): string => `{${values.map(arrayItem).join(',')}}`;

/** How a column's value goes into the JSON: as is for json(b), else in its driver form (string, number, boolean). */
function jsonWriter(column: PgColumn): (value: unknown) => unknown {
  const type = column.getSQLType();
  if (type === 'jsonb' || type === 'json') return (value) => value;
  return (value) => (value === null ? null : column.mapToDriverValue(value));
}

/** Inserts `rows` (keyed by the table's property names, as for Drizzle) into `table`. */
export async function bulkInsert(db: DbOrTx, table: PgTable, rows: Row[], options: BulkInsertOptions = {}): Promise<string[]> {
  const answered: string[] = [];
  if (!rows.length) return answered;
  const columns = Object.entries(getTableColumns(table)) as [string, PgColumn][];
  const withDefaultFn = columns.filter(([, c]) => c.defaultFn);
  const writers = new Map(columns.map(([key, c]) => [key, jsonWriter(c)]));
  // Rows are grouped by the columns they give, so a column a row leaves out takes its default, not NULL.
  const groups = new Map<string, { keys: [string, PgColumn][]; rows: Row[] }>();
  for (const row of rows) {
    for (const [key, column] of withDefaultFn) if (row[key] === undefined) row[key] = column.defaultFn!();
    let signature = '';
    for (const [key] of columns) signature += row[key] === undefined ? '0' : '1';
    let group = groups.get(signature);
    if (!group) groups.set(signature, (group = { keys: columns.filter(([key]) => row[key] !== undefined), rows: [] }));
    group.rows.push(row);
  }
  for (const { keys, rows: groupRows } of groups.values()) {
    const names = sql.join(
      keys.map(([, c]) => sql.identifier(c.name)),
      sql`, `,
    );
    const types = sql.raw(keys.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(', '));
    const conflict: SQL = options.upsertOn
      ? sql` ON CONFLICT (${sql.join(
          options.upsertOn.map((c) => sql.identifier(c.name)),
          sql`, `,
        )}) DO UPDATE SET ${sql.join(
          keys
            .filter(([, c]) => !options.upsertOn!.includes(c))
            .map(([, c]) => sql`${sql.identifier(c.name)} = excluded.${sql.identifier(c.name)}`),
          sql`, `,
        )}`
      : options.ignoreConflicts
        ? sql` ON CONFLICT DO NOTHING`
        : sql``;
    const returning = options.returning ? sql` RETURNING ${sql.identifier(options.returning.name)}::text AS value` : sql``;
    for (let i = 0; i < groupRows.length; i += ROWS_PER_STATEMENT) {
      const json = JSON.stringify(
        groupRows.slice(i, i + ROWS_PER_STATEMENT).map((row) => {
          const out: Row = {};
          for (const [key, c] of keys) out[c.name] = writers.get(key)!(row[key]);
          return out;
        }),
      );
      const result = await db.execute<{ value: string }>(
        sql`INSERT INTO ${table} (${names}) SELECT ${names} FROM jsonb_to_recordset(${json}::jsonb) AS x(${types})${conflict}${returning}`,
      );
      if (options.returning) for (const r of result.rows) answered.push(r.value);
    }
  }
  return answered;
}
