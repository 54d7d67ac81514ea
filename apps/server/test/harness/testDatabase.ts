// A fresh, migrated database for one test file: a copy of the PGlite template directory, or a PostgreSQL
// database created from the template database. Each file gets its own, so tests never share leftovers.
import { cpSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/db.ts';
import { adminDatabaseUrl, databaseUrlFor, pgliteTemplateDir, postgresTemplateName, testEngine, TMP_ROOT } from './engine.ts';

export async function createTestDatabase(): Promise<Database> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (testEngine() === 'pglite') {
    const dir = `${TMP_ROOT}test-db-${suffix}`;
    cpSync(pgliteTemplateDir(), dir, { recursive: true });
    const database = await openDatabase({ dataDir: dir });
    return {
      ...database,
      async close() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `guanxi_test_${suffix}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName()}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: databaseUrlFor(adminDatabaseUrl(), name), dataDir: '', poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminDatabaseUrl() });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
