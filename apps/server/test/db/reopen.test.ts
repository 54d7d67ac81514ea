// Creating an embedded database (initdb + every migration) versus reopening one that exists: the reason the tests
// copy a migrated template. Only correctness is asserted; the two durations are printed for the record.
import { mkdtempSync, rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/db.ts';
import { applyMigrations, listMigrations } from '../../src/platform/db/migrate.ts';
import { newId } from '../../src/platform/db/columns.ts';
import { TMP_ROOT } from '../harness/engine.ts';
import { describeOn } from '../harness/onlyOn.ts';

describeOn('pglite', 'reopening an embedded database', 'a PostgreSQL server keeps its databases open', () => {
  const dataDir = mkdtempSync(`${TMP_ROOT}reopen-`);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // initdb alone takes several seconds, more on a busy machine.
  it('reopens a migrated directory with its data and without migrating again', async () => {
    const id = newId();
    // CPU time of this process (the engine's worker thread included) is printed too: wall time on a busy machine
    // says more about the machine than about the engine.
    const cpuMs = (since?: NodeJS.CpuUsage) => {
      const { user, system } = process.cpuUsage(since);
      return Math.round((user + system) / 1000);
    };
    let cpu = process.cpuUsage();
    let started = performance.now();
    const fresh = await openDatabase({ dataDir });
    const initMs = performance.now() - started;
    expect(await applyMigrations(fresh.pool)).toEqual(listMigrations().map((m) => m.name));
    const createMs = performance.now() - started;
    const createCpuMs = cpuMs(cpu);
    await fresh.pool.query('INSERT INTO org_units (id, name, path) VALUES ($1, $2, $3)', [id, '总部', `/${id}/`]);
    await fresh.close();

    cpu = process.cpuUsage();
    started = performance.now();
    const reopened = await openDatabase({ dataDir });
    try {
      expect(await applyMigrations(reopened.pool)).toEqual([]);
      const reopenMs = performance.now() - started;
      const reopenCpuMs = cpuMs(cpu);
      const { rows } = await reopened.pool.query('SELECT name FROM org_units WHERE id = $1', [id]);
      expect(rows).toEqual([{ name: '总部' }]);
      console.log(
        `[guanxi] PGlite: creating a database took ${Math.round(createMs)} ms (initdb ${Math.round(initMs)} ms + migrations; ${createCpuMs} ms CPU), ` +
          `reopening it ${Math.round(reopenMs)} ms (${reopenCpuMs} ms CPU)`,
      );
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
