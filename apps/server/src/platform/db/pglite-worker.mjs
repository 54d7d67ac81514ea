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
    // An acknowledged commit must be on disk before the client hears about it.
    postgresqlconf: ['fsync = on', 'synchronous_commit = on', "timezone = 'UTC'"],
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
