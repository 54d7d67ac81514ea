// Starts the real Guanxi server for the end-to-end run: a free port on 127.0.0.1, a fresh data directory, demo data,
// a known admin password; waits for /api/health; stops it by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { distDir, resultsDir, serverDir } from './paths.ts';

export interface RunningServer {
  baseUrl: string;
  adminPassword: string;
  logFile: string;
  stop(): Promise<void>;
}

const running = new Set<() => Promise<void>>();

/** Stops every server this process started, also one still starting up (for Ctrl-C). */
export async function stopServers(): Promise<void> {
  await Promise.allSettled([...running].map((stop) => stop()));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before it was healthy`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server was not healthy after ${timeoutMs / 1000} s`);
}

export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'guanxi-e2e-'));
  const adminPassword = 'e2e-Guanxi-Pass-2026';
  const logFile = path.join(resultsDir, 'e2e-server.log');
  const log = createWriteStream(logFile);
  // `node --import tsx` runs the server in this one process, so its PID is the server's own.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      GUANXI_ADMIN_PASSWORD: adminPassword,
      GUANXI_DEMO: '1',
      // The hand-written demo customers only: the specs rely on them, and generated ones would slow every start.
      GUANXI_DEMO_CUSTOMERS: '60',
      WEB_DIST: distDir,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(child.pid, 'SIGTERM');
      const killed = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(killed);
    }
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
    running.delete(stop);
  };
  running.add(stop);

  try {
    await waitForHealth(baseUrl, child, 120_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, adminPassword, logFile, stop };
}
