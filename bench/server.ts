// Runs the real Guanxi server as a child process on 127.0.0.1 for a bench run: start, wait for /api/health,
// sample its resident memory from /proc, and stop it by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningServer {
  pid: number;
  baseUrl: string;
  logFile: string;
  memory: MemorySampler;
  /** The last lines the server wrote (stdout and stderr). */
  logTail(): string;
  stop(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 90_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startServer(options: {
  repoRoot: string;
  env: Record<string, string>;
  logFile: string;
}): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  // The bench decides the engine: a DATABASE_URL left in the shell must not point the server elsewhere.
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    GUANXI_DEMO: '0',
    GUANXI_KIT_FIXTURES: '1',
    GUANXI_ADMIN_PASSWORD: options.env.GUANXI_ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    ...options.env,
  });
  // `node --import tsx` rather than the tsx CLI, which would put a wrapper process between us and the server:
  // the PID we sample and stop must be the server's own.
  // BENCH_SERVER_NODE_ARGS adds flags Node refuses in NODE_OPTIONS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join('apps', 'server', 'src', 'main.ts')], {
    cwd: options.repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(options.logFile);
  let tail = '';
  const capture = (chunk: Buffer) => {
    log.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', capture);
  child.stderr!.on('data', capture);
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code ?? (signal ? 128 : 1);
      resolve();
    }),
  );

  const baseUrl = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    pid: child.pid!,
    baseUrl,
    logFile: options.logFile,
    memory: new MemorySampler(child.pid!),
    logTail: () => tail,
    stop: () => stopChild(child, exit, () => exited).finally(() => log.end()),
  };
  try {
    await waitForHealth(baseUrl, () => exited);
  } catch (err) {
    await server.stop();
    throw new Error(`${(err as Error).message}\n--- server output (${options.logFile}) ---\n${tail}`);
  }
  server.memory.start();
  return server;
}

async function waitForHealth(baseUrl: string, exitCode: () => number | null): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode() !== null) throw new Error(`The server exited with code ${exitCode()} before it was healthy`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`The server did not answer /api/health within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

async function stopChild(child: ChildProcess, exit: Promise<void>, exitCode: () => number | null): Promise<void> {
  if (exitCode() !== null) return;
  child.kill('SIGTERM');
  const stopped = await Promise.race([exit.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) {
    child.kill('SIGKILL');
    await exit;
  }
}

/** Samples VmRSS of one process every 100 ms; a window gives the peak of one workload. */
export class MemorySampler {
  private timer: NodeJS.Timeout | undefined;
  private windowPeakKb = 0;
  private overallPeakKb = 0;

  constructor(private readonly pid: number) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Starts a new window and returns the peak of the one before, in MB. */
  takeWindowPeakMb(): number {
    this.sample();
    const peak = this.windowPeakKb;
    this.windowPeakKb = 0;
    return peak / 1024;
  }

  get overallPeakMb(): number {
    return this.overallPeakKb / 1024;
  }

  private sample(): void {
    let kb = 0;
    try {
      const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      kb = match ? Number(match[1]) : 0;
    } catch {
      return; // The process is gone.
    }
    this.windowPeakKb = Math.max(this.windowPeakKb, kb);
    this.overallPeakKb = Math.max(this.overallPeakKb, kb);
  }
}
