// Statements whose SQL never changes, for the queries every request runs: rendered from Drizzle once, then sent by
// name, so neither Drizzle nor the server (which keeps a named statement's plan per connection) builds them again.
import type pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

const dialect = new PgDialect();

/** The n-th value of a fixed statement (`$n`): its values are given when it runs, never while it is built. */
export const param = (n: number): SQL => sql.raw(`$${n}`);

export function fixedStatement<Row extends Record<string, unknown>>(
  name: string,
  build: () => SQL,
): (pool: pg.Pool, values: unknown[]) => Promise<Row[]> {
  let text: string | undefined;
  return async (pool, values) => {
    if (text === undefined) {
      const query = dialect.sqlToQuery(build());
      if (query.params.length) throw new Error(`fixed statement ${name} embeds values; use param(n)`);
      text = query.sql;
    }
    return (await pool.query<Row>({ name, text, values })).rows;
  };
}
