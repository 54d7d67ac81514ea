// Worker thread that owns the embedded PGlite engine and serves it over a Unix socket.
// PGlite runs every query on the thread that calls it, so it lives here, never on the HTTP event loop.
// Plain JavaScript so it loads the same way under tsx, Vitest and plain node.
import { parentPort, workerData } from 'node:worker_threads';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, socketPath } = workerData;

async function start() {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({
    dataDir,
    extensions: { pg_trgm },
    relaxedDurability: false,
    // An acknowledged commit must have reached the operating system before the client hears about it:
    // synchronous_commit makes COMMIT write its WAL first (test/db/durability.test.ts proves it with SIGKILL).
    // fsync is not ours to set: PGlite starts postgres with -F (SHOW fsync answers off) and its WASM file system
    // makes fsync a no-op, so a power cut (not a killed process) can still lose the last commits.
    // shared_buffers: PGlite's WASM heap holds the buffer pool and never gives memory back; 32MB instead of the
    // default 128MB keeps the server process about 100 MB smaller, and the operating system's page cache still holds
    // the data files.
    postgresqlconf: ['synchronous_commit = on', "timezone = 'UTC'", 'shared_buffers = 32MB'],
  });
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
  await server.start();
  parentPort.postMessage({ type: 'ready' });
  parentPort.on('message', async (msg) => {
    if (msg?.type !== 'stop') return;
    await server.stop().catch(() => {});
    await db.close().catch(() => {});
    parentPort.postMessage({ type: 'stopped' });
  });
}

start().catch((err) => {
  parentPort.postMessage({ type: 'error', message: String(err?.stack ?? err) });
});
