// Proves that a write the embedded engine acknowledged survives `kill -9` of the server process: a child process
// commits rows and prints "ACK <id>" after each COMMIT, is killed with SIGKILL, and the reopened directory has them.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/db.ts';
import { pgliteTemplateDir, TMP_ROOT } from '../harness/engine.ts';
import { describeOn } from '../harness/onlyOn.ts';

const SERVER_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WRITER = fileURLToPath(new URL('./fixtures/ackWrites.ts', import.meta.url));

/** Runs the writer until it has acknowledged `count` rows, kills it with SIGKILL, returns every id it acknowledged. */
async function writeUntilKilled(dataDir: string, count: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir], {
    cwd: SERVER_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const acked: string[] = [];
  // Every ACK that reached the pipe counts, including any that arrive in the same chunk after the kill.
  for await (const line of createInterface({ input: child.stdout })) {
    const id = /^ACK (\S+)$/.exec(line)?.[1];
    if (!id) continue;
    acked.push(id);
    if (acked.length === count) child.kill('SIGKILL');
  }
  const signal = await exited;
  // A killed process cannot remove the directory of its engine's Unix socket (see embedded.ts); do it for it.
  for (const entry of readdirSync('/tmp')) {
    if (entry.startsWith(`guanxi-${child.pid}-`)) rmSync(`/tmp/${entry}`, { recursive: true, force: true });
  }
  if (signal !== 'SIGKILL') throw new Error(`writer ended with ${signal} after ${acked.length} ACKs, not by SIGKILL:\n${stderr}`);
  return acked;
}

describeOn('pglite', 'embedded engine durability', 'a PostgreSQL server fsyncs by its own configuration', () => {
  const dataDir = mkdtempSync(`${TMP_ROOT}durability-`);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Spawns a process and opens the engine twice: slow on a busy machine, hence its own timeout.
  it('keeps every acknowledged write after the process is killed with SIGKILL', async () => {
    cpSync(pgliteTemplateDir(), dataDir, { recursive: true });
    const acked = await writeUntilKilled(dataDir, 5);
    const database = await openDatabase({ dataDir });
    try {
      const { rows } = await database.pool.query<{ id: string }>('SELECT id FROM org_units WHERE id = ANY($1::uuid[])', [acked]);
      expect(rows.map((r) => r.id).sort()).toEqual([...acked].sort());
      // The setting that makes COMMIT wait for its WAL write; with it off, the last acknowledged rows are lost.
      expect((await database.pool.query('SHOW synchronous_commit')).rows[0].synchronous_commit).toBe('on');
      const { fsync } = (await database.pool.query('SHOW fsync')).rows[0];
      console.log(
        `[guanxi] durability: ${acked.length} acknowledged rows, all found after SIGKILL and reopening (fsync ${fsync})`,
      );
    } finally {
      await database.close();
    }
  }, 120_000);
});
