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
  const server = await createServerDatabase(`TEMPLATE ${postgresTemplateName()}`);
  const database = await openDatabase({ databaseUrl: server.url, dataDir: '', poolSize: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      await server.drop();
    },
  };
}

/** A new database on the TEST_DATABASE_URL server, created with the given CREATE DATABASE options. */
export async function createServerDatabase(options: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `guanxi_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await runAdminQuery(`CREATE DATABASE ${name} ${options}`);
  return {
    url: databaseUrlFor(adminDatabaseUrl(), name),
    drop: () => dropServerDatabase(name),
  };
}

/**
 * FORCE ends the sessions still open on the database; a test role that is not a superuser may not end a
 * background worker's session (autovacuum, started by the writes a test made), so that refusal is followed by a
 * plain DROP, which stops autovacuum workers itself, retried while the servers a test stopped close their sessions.
 */
async function dropServerDatabase(name: string): Promise<void> {
  try {
    await runAdminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) throw error;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await runAdminQuery(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

const INSUFFICIENT_PRIVILEGE = '42501';
const OBJECT_IN_USE = '55006';

async function runAdminQuery(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
