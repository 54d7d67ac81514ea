// Opens the database: the embedded PGlite engine (in a worker thread) by default, a PostgreSQL server when
// DATABASE_URL is set. Both are reached through node-postgres and Drizzle, so services see one API.
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
/** A Drizzle transaction; services accept `Db | Tx` wherever they may run inside one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  engine: 'pglite' | 'postgres';
  db: Db;
  pool: pg.Pool;
  connectionString: string;
  close(): Promise<void>;
}

// numeric and int8 stay strings (exact); date stays a 'YYYY-MM-DD' string rather than a local-midnight Date.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export async function openDatabase(options: { databaseUrl?: string; dataDir: string; poolSize?: number }): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let connectionString = options.databaseUrl;
  if (!connectionString) {
    embedded = await startEmbeddedPostgres(options.dataDir);
    connectionString = embedded.connectionString;
  }
  const pool = new pg.Pool({
    connectionString,
    // PGlite has a single connection: one pooled client, so requests queue first-come first-served.
    max: embedded ? 1 : (options.poolSize ?? 10),
    idleTimeoutMillis: embedded ? 0 : 30_000,
    // Short OLTP queries gain nothing from JIT compilation and can lose seconds to it.
    ...(embedded ? {} : { options: '-c jit=off' }),
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  try {
    if (!embedded) await assertUtf8Ctype(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  return {
    engine: embedded ? 'pglite' : 'postgres',
    db: drizzle(pool, { schema }),
    pool,
    connectionString,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}

/** Trigram search of Chinese text finds nothing in a database whose character type is not UTF-8. */
export async function assertUtf8Ctype(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ ctype: string; encoding: string }>(
    `SELECT datctype AS ctype, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()`,
  );
  const row = rows[0];
  const utf8 = (value: string) => /utf-?8/i.test(value);
  if (!row || !utf8(row.encoding) || !utf8(row.ctype)) {
    throw new Error(
      `The database must use UTF-8 encoding and a UTF-8 character type (LC_CTYPE), found encoding ${row?.encoding} and ctype ${row?.ctype}. ` +
        `Chinese search cannot work otherwise. Create it with: CREATE DATABASE guanxi ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0;`,
    );
  }
}
