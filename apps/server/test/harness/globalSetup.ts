// Runs once before the integration tests: builds a migrated template database (a PGlite data directory or a
// PostgreSQL template database) that every test file copies, because migrating from scratch takes seconds.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/db.ts';
import { applyMigrations } from '../../src/platform/db/migrate.ts';
import { adminDatabaseUrl, databaseUrlFor, pgliteTemplateDir, postgresTemplateName, testEngine, TMP_ROOT } from './engine.ts';

export default async function setup(): Promise<void> {
  if (testEngine() === 'pglite') {
    const dir = pgliteTemplateDir();
    if (existsSync(dir)) return;
    mkdirSync(TMP_ROOT, { recursive: true });
    const building = `${dir}.building-${process.pid}`;
    rmSync(building, { recursive: true, force: true });
    const database = await openDatabase({ dataDir: building });
    await applyMigrations(database.pool);
    await database.close();
    renameSync(building, dir);
    return;
  }
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    const name = postgresTemplateName();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    const building = `${name}_building`;
    await admin.query(`DROP DATABASE IF EXISTS ${building}`);
    await admin.query(`CREATE DATABASE ${building} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
    const database = await openDatabase({ databaseUrl: databaseUrlFor(adminDatabaseUrl(), building), dataDir: '' });
    await applyMigrations(database.pool);
    await database.close();
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
  } finally {
    await admin.end();
  }
}
