// Starts the embedded PGlite engine in a worker thread and returns a connection string for node-postgres.
// Both engines are then reached through the same driver, so the rest of the server never knows which one runs.
import { Worker } from 'node:worker_threads';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export interface EmbeddedPostgres {
  connectionString: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const absDir = path.resolve(dataDir);
  // A Unix socket path is limited to ~107 bytes, so it lives in a short directory named after the data directory.
  const socketDir = path.join('/tmp', `guanxi-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  const socketPath = path.join(socketDir, '.s.PGSQL.5432');
  removeStaleSocketDirs();
  mkdirSync(socketDir, { recursive: true });

  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: absDir, socketPath },
  });
  await new Promise<void>((resolve, reject) => {
    const onMessage = (msg: { type: string; message?: string }) => {
      if (msg.type === 'ready') resolve();
      if (msg.type === 'error') reject(new Error(`Embedded database failed to start: ${msg.message}`));
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`Embedded database worker exited with code ${code}`)));
  });

  let stopped = false;
  return {
    // node-postgres treats a host that starts with "/" as a Unix socket directory.
    connectionString: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => void worker.terminate().then(() => resolve()), 5000);
        worker.on('message', (msg: { type: string }) => {
          if (msg.type === 'stopped') {
            clearTimeout(timer);
            void worker.terminate().then(() => resolve());
          }
        });
        worker.postMessage({ type: 'stop' });
      });
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

/** Socket directories of engines whose process died without stopping them (e.g. killed with SIGKILL). */
function removeStaleSocketDirs(): void {
  for (const entry of readdirSync('/tmp')) {
    const match = /^guanxi-(\d+)-[a-z0-9]+$/.exec(entry);
    if (!match || Number(match[1]) === process.pid) continue;
    try {
      process.kill(Number(match[1]), 0);
    } catch (err) {
      // ESRCH: no such process. EPERM means it lives (as another user) and keeps its directory.
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') rmSync(path.join('/tmp', entry), { recursive: true, force: true });
    }
  }
}
