// Runs once per Vitest project before its tests: builds a migrated template database (a PGlite data directory or
// a PostgreSQL template database) that every test file copies, because migrating from scratch takes seconds.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/platform/db/db.ts';
import { applyMigrations } from '../../src/platform/db/migrate.ts';
import { adminDatabaseUrl, databaseUrlFor, pgliteTemplateDir, postgresTemplateName, TMP_ROOT } from './engine.ts';

export default async function setup(project: TestProject): Promise<void> {
  // The project's `env` reaches its test workers, not this main-process hook, so it is read from the project.
  const engine = project.config.env.GUANXI_TEST_ENGINE ?? 'pglite';
  const started = performance.now();
  if (engine === 'postgres') await buildPostgresTemplate();
  else await buildPgliteTemplate();
  console.log(`[guanxi] ${project.name}: template database ready in ${Math.round(performance.now() - started)} ms`);
}

async function buildPgliteTemplate(): Promise<void> {
  const dir = pgliteTemplateDir();
  if (existsSync(dir)) return;
  mkdirSync(TMP_ROOT, { recursive: true });
  const building = `${dir}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const database = await openDatabase({ dataDir: building });
  await applyMigrations(database.pool);
  await database.close();
  try {
    renameSync(building, dir);
  } catch (err) {
    // Another test run in the same tree built it first; theirs is as good as ours.
    rmSync(building, { recursive: true, force: true });
    if (!existsSync(dir)) throw err;
  }
}

async function buildPostgresTemplate(): Promise<void> {
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
