// Proves that migrations run once under their advisory lock when two servers start together against one empty
// PostgreSQL database, and that a migration changed after it was applied is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/platform/db/db.ts';
import { applyMigrations, listMigrations } from '../../src/platform/db/migrate.ts';
import { describeOn } from '../harness/onlyOn.ts';
import { createServerDatabase, createTestDatabase } from '../harness/testDatabase.ts';

const UTF8_DATABASE = `ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`;

describeOn('postgres', 'migrations under the advisory lock', 'the embedded engine has a single connection', () => {
  it('applies every migration exactly once when two servers migrate one empty database at the same time', async () => {
    const server = await createServerDatabase(UTF8_DATABASE);
    const first = await openDatabase({ databaseUrl: server.url, dataDir: '' });
    const second = await openDatabase({ databaseUrl: server.url, dataDir: '' });
    try {
      const [appliedByFirst, appliedBySecond] = await Promise.all([applyMigrations(first.pool), applyMigrations(second.pool)]);
      const names = listMigrations().map((m) => m.name);
      // One of them did all the work; the other waited for the lock and found nothing left to do.
      expect([appliedByFirst, appliedBySecond].sort((a, b) => b.length - a.length)).toEqual([names, []]);
      const { rows } = await first.pool.query<{ name: string; count: string }>(
        'SELECT name, count(*) AS count FROM guanxi_migrations GROUP BY name ORDER BY name',
      );
      expect(rows).toEqual(names.map((name) => ({ name, count: '1' })));
    } finally {
      await first.close();
      await second.close();
      await server.drop();
    }
  });
});

describe('migration checksums', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('re-running the applied migrations changes nothing', async () => {
    expect(await applyMigrations(database.pool)).toEqual([]);
  });

  it('refuses to start when an applied migration was changed afterwards', async () => {
    const [first] = listMigrations();
    await database.pool.query('UPDATE guanxi_migrations SET checksum = $1 WHERE name = $2', ['edited', first!.name]);
    await expect(applyMigrations(database.pool)).rejects.toThrow(`Migration ${first!.name} was changed after it was applied`);
  });
});
