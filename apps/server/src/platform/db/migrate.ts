// Applies the committed SQL migrations in order, once, under an advisory lock so that two servers starting
// together against one database do not both run them.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));
/** Arbitrary but fixed key of the advisory lock that serialises migrations. */
const MIGRATION_LOCK_KEY = 4_231_101;

interface JournalEntry {
  idx: number;
  tag: string;
}

export function listMigrations(): { name: string; sql: string; checksum: string }[] {
  const journal = JSON.parse(readFileSync(`${MIGRATIONS_DIR}meta/_journal.json`, 'utf8')) as { entries: JournalEntry[] };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => {
      const sql = readFileSync(`${MIGRATIONS_DIR}${entry.tag}.sql`, 'utf8');
      return { name: entry.tag, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Returns the names of the migrations it applied. */
export async function applyMigrations(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS guanxi_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM guanxi_migrations')).rows.map((r) => [
        r.name,
        r.checksum,
      ]),
    );
    for (const migration of listMigrations()) {
      const previous = done.get(migration.name);
      if (previous !== undefined) {
        if (previous !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied; migrations are forward-only.`);
        }
        continue;
      }
      for (const statement of migration.sql.split('--> statement-breakpoint')) {
        if (statement.trim()) await client.query(statement);
      }
      await client.query('INSERT INTO guanxi_migrations (name, checksum) VALUES ($1, $2)', [migration.name, migration.checksum]);
      applied.push(migration.name);
    }
    await client.query('COMMIT');
    return applied;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
