// Where a bench run keeps its data: a PGlite data directory or a database `guanxi_bench_<size>` on a PostgreSQL
// server. Gives the server's environment, opens the database for generation and raw SQL, and disposes of it.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../apps/server/src/platform/db/db.ts';
import type { Engine } from './workloads/workload.ts';

export interface BenchDatabase {
  engine: Engine;
  /** For the output: where the data lives. */
  where: string;
  /** Environment variables that point the server at this database. */
  serverEnv: Record<string, string>;
  /** Opens it the way the server does (PGlite: worker thread + Unix socket + one pooled connection). */
  open(): Promise<Database>;
  /** Removes the data unless it is kept. */
  dispose(): Promise<void>;
}

export interface DatabaseOptions {
  engine: Engine;
  size: number;
  customers: number;
  keep: boolean;
  /** PostgreSQL only: a URL of the server with rights to create databases. */
  adminUrl?: string;
  repoRoot: string;
}

export async function prepareBenchDatabase(options: DatabaseOptions): Promise<BenchDatabase> {
  return options.engine === 'pglite' ? pgliteDatabase(options) : postgresDatabase(options);
}

function pgliteDatabase({ size, customers, keep, repoRoot }: DatabaseOptions): BenchDatabase {
  let dataDir: string;
  if (keep) {
    dataDir = path.join(repoRoot, '.tmp', 'bench', `pglite-${size}-${customers}`);
    mkdirSync(dataDir, { recursive: true });
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), `guanxi-bench-${size}-`));
  }
  return {
    engine: 'pglite',
    where: `PGlite data directory ${dataDir}${keep ? ' (kept)' : ' (temporary)'}`,
    serverEnv: { DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir }),
    async dispose() {
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function postgresDatabase({ size, customers, keep, adminUrl }: DatabaseOptions): Promise<BenchDatabase> {
  if (!adminUrl)
    throw new Error('--engine postgres needs --database-url or BENCH_DATABASE_URL (a server where it may create databases)');
  const name = `guanxi_bench_${size}_${customers}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = async (sql: string): Promise<pg.QueryResult> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const exists = (await admin(`SELECT 1 FROM pg_database WHERE datname = '${name}'`)).rowCount === 1;
  if (exists && !keep) await admin(`DROP DATABASE ${name} WITH (FORCE)`);
  if (!exists || !keep) {
    // UTF-8 ctype, or the server refuses to start (Chinese trigram search needs it).
    await admin(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
  }
  const safeUrl = new URL(url);
  safeUrl.password = safeUrl.password ? '***' : '';
  return {
    engine: 'postgres',
    where: `PostgreSQL database ${safeUrl.toString()}${keep ? ' (kept)' : ' (dropped at the end)'}`,
    serverEnv: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ databaseUrl: url.toString(), dataDir: '', poolSize: 2 }),
    async dispose() {
      if (!keep) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
