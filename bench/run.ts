// `npm run bench -- --engine pglite|postgres --size N`: generate the dataset, start the server, drive every
// workload over HTTP on 127.0.0.1, run the same queries as raw SQL, print the table and write the JSON.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Database } from '../apps/server/src/platform/db/db.ts';
import { prepareBenchDatabase, type BenchDatabase } from './database.ts';
import { BENCH_PASSWORD, prepareDataset } from './dataset.ts';
import { runLoad, signIn } from './http.ts';
import { runRawSql } from './rawSql.ts';
import { formatTable, writeReport, type BenchReport, type WorkloadResult } from './report.ts';
import { startServer, type RunningServer } from './server.ts';
import { WORKLOADS } from './workloads/index.ts';
import type { BenchContext, Engine, Session, Workload } from './workloads/workload.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');

const USAGE = `Usage: npm run bench -- [options]
  --engine pglite|postgres   database engine (default pglite)
  --size N                   number of test widgets to generate (default 10000)
  --customers N              number of customers to generate, each with 2 identifiers (default 10000)
  --opportunities N          number of opportunities to add on top (default 0; kept apart, reused or regenerated alone)
  --orders N                 number of orders to add on top, with the catalogue, lines and instalments (default 0: the
                             kept ones, if any, stay untouched; kept apart, reused or regenerated alone)
  --duration S               seconds per workload at most (default 10)
  --requests N               requests per workload at most (default 2000)
  --connections N            concurrent HTTP connections (default 8; login caps it lower)
  --only a,b                 run only these workloads (${WORKLOADS.map((w) => w.name).join(', ')})
  --keep                     keep the dataset for the next run of the same size (and reuse a kept one)
  --database-url URL         postgres: a server where the bench may create databases (or BENCH_DATABASE_URL)`;

interface Options {
  engine: Engine;
  size: number;
  customers: number;
  opportunities: number;
  orders: number;
  durationSeconds: number;
  maxRequests: number;
  connections: number;
  only: string[] | null;
  keep: boolean;
  databaseUrl: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      engine: { type: 'string', default: 'pglite' },
      size: { type: 'string', default: '10000' },
      customers: { type: 'string', default: '10000' },
      opportunities: { type: 'string', default: '0' },
      orders: { type: 'string', default: '0' },
      duration: { type: 'string', default: '10' },
      requests: { type: 'string', default: '2000' },
      connections: { type: 'string', default: '8' },
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'database-url': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const positive = (name: string, raw: string, max: number): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be an integer from 1 to ${max}, got "${raw}"`);
    return n;
  };
  if (values.engine !== 'pglite' && values.engine !== 'postgres')
    throw new Error(`--engine must be pglite or postgres\n${USAGE}`);
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : null;
  const unknown = only?.filter((name) => !WORKLOADS.some((w) => w.name === name)) ?? [];
  if (unknown.length)
    throw new Error(`Unknown workload(s) ${unknown.join(', ')}; known: ${WORKLOADS.map((w) => w.name).join(', ')}`);
  return {
    engine: values.engine,
    size: positive('size', values.size, 50_000_000),
    customers: positive('customers', values.customers, 50_000_000),
    opportunities: values.opportunities === '0' ? 0 : positive('opportunities', values.opportunities, 50_000_000),
    orders: values.orders === '0' ? 0 : positive('orders', values.orders, 20_000_000),
    // Bounded on purpose: this is a shared 2-core machine.
    durationSeconds: positive('duration', values.duration, 120),
    maxRequests: positive('requests', values.requests, 100_000),
    connections: positive('connections', values.connections, 64),
    only,
    keep: values.keep,
    databaseUrl: values['database-url'] ?? process.env.BENCH_DATABASE_URL,
  };
}

const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** Undo steps run newest first, on success, error and Ctrl-C alike. */
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!().catch((err: unknown) => progress(`cleanup failed: ${String(err)}`));
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg()[0]!;
  const workloads = WORKLOADS.filter((w) =>
    options.only
      ? options.only.includes(w.name)
      : (!w.needsOpportunities || options.opportunities > 0) && (!w.needsOrders || options.orders > 0),
  );

  const database = await prepareBenchDatabase({
    engine: options.engine,
    size: options.size,
    customers: options.customers,
    keep: options.keep,
    adminUrl: options.databaseUrl,
    repoRoot: REPO_ROOT,
  });
  cleanups.push(() => database.dispose());
  progress(`${database.where}`);

  // PGlite opens in one process at a time: generate, close, then start the server.
  const generator = await openClosing(database);
  const dataset = await prepareDataset(
    generator.db,
    options.size,
    options.customers,
    options.opportunities,
    options.orders,
  ).finally(generator.close);
  progress(
    dataset.generatedSeconds === null
      ? `reused the kept dataset of ${options.size} widgets and ${options.customers} customers`
      : `generated ${options.size} widgets, ${options.customers} customers (${2 * options.customers} identifiers) and ` +
          `${dataset.users.length} users in ${dataset.generatedSeconds.toFixed(1)} s`,
  );
  if (options.opportunities > 0)
    progress(
      dataset.opportunitiesGeneratedSeconds === null
        ? `reused the kept ${options.opportunities} opportunities and their targets`
        : `generated ${options.opportunities} opportunities and the targets of their quarter in ${dataset.opportunitiesGeneratedSeconds.toFixed(1)} s`,
    );
  if (options.orders > 0)
    progress(
      dataset.ordersGeneratedSeconds === null
        ? `reused the kept ${options.orders} orders and their catalogue`
        : `generated the catalogue and ${options.orders} orders with lines, instalments and stage states in ${dataset.ordersGeneratedSeconds.toFixed(1)} s`,
    );

  const logDir = path.join(REPO_ROOT, '.tmp', 'bench');
  mkdirSync(logDir, { recursive: true });
  const server = await startServer({
    repoRoot: REPO_ROOT,
    env: { ...database.serverEnv, GUANXI_ADMIN_PASSWORD: BENCH_PASSWORD },
    logFile: path.join(logDir, `server-${options.engine}-${options.size}.log`),
  });
  let serverStopped = false;
  const stopServer = async () => {
    if (serverStopped) return;
    serverStopped = true;
    server.memory.stop();
    await server.stop();
  };
  cleanups.push(stopServer);
  progress(`server PID ${server.pid} at ${server.baseUrl} (log ${server.logFile})`);

  const sessions = new Map<string, Promise<Session>>();
  const ctx: BenchContext = {
    baseUrl: server.baseUrl,
    engine: options.engine,
    size: options.size,
    dataset,
    signIn(username) {
      if (!sessions.has(username)) sessions.set(username, signIn(server.baseUrl, username, dataset.password));
      return sessions.get(username)!;
    },
  };

  const runs: { workload: Workload; state: unknown; result: Omit<WorkloadResult, 'raw' | 'ratio'> }[] = [];
  for (const workload of workloads) {
    runs.push({ workload, ...(await runHttp(workload, ctx, server, options)) });
  }
  const serverRssPeakMb = server.memory.overallPeakMb;
  await stopServer();

  const rawSqlMethod =
    options.engine === 'pglite'
      ? 'after the HTTP runs the server is stopped and the bench opens the same data directory the way the server does (PGlite in a worker thread behind a Unix socket, node-postgres, one connection); each query runs sequentially'
      : 'after the HTTP runs the server is stopped and the bench sends each query sequentially over one node-postgres connection to the same database';
  progress(`raw SQL: ${rawSqlMethod}`);
  const rawDb = await openClosing(database);
  const results: WorkloadResult[] = [];
  try {
    const client = await rawDb.db.pool.connect();
    try {
      for (const { workload, state, result } of runs) {
        const raw =
          workload.rawSql && result.http.requests > 0
            ? await runRawSql(client, result.http.requests, (i) => workload.rawSql!(ctx, state, i))
            : null;
        results.push({ ...result, raw, ratio: raw && raw.p50 > 0 ? result.http.p50 / raw.p50 : null });
      }
    } finally {
      client.release();
    }
  } finally {
    await rawDb.close();
  }

  const report: BenchReport = {
    engine: options.engine,
    size: options.size,
    customers: options.customers,
    opportunities: options.opportunities,
    orders: options.orders,
    startedAt,
    commit: gitCommit(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { start: loadAtStart, end: os.loadavg()[0]! },
    database: database.where,
    options: {
      durationSeconds: options.durationSeconds,
      maxRequests: options.maxRequests,
      connections: options.connections,
      only: options.only,
    },
    generationSeconds: dataset.generatedSeconds,
    opportunityGenerationSeconds: dataset.opportunitiesGeneratedSeconds,
    orderGenerationSeconds: dataset.ordersGeneratedSeconds,
    rawSqlMethod,
    serverRssPeakMb,
    results,
    failed: results.some((r) => r.http.errors > 0),
  };
  printReport(report);
  const file = writeReport(RESULTS_DIR, report);
  console.log(`\nJSON: ${path.relative(REPO_ROOT, file)}`);
  return report.failed ? 1 : 0;
}

/** Opens the bench database and registers its closing, so Ctrl-C closes it before the data is removed. */
async function openClosing(database: BenchDatabase): Promise<{ db: Database; close: () => Promise<void> }> {
  const db = await database.open();
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= db.close());
  cleanups.push(close);
  return { db, close };
}

async function runHttp(
  workload: Workload,
  ctx: BenchContext,
  server: RunningServer,
  options: Options,
): Promise<{ state: unknown; result: Omit<WorkloadResult, 'raw' | 'ratio'> }> {
  const state = await workload.setup(ctx);
  const connections = Math.min(options.connections, workload.maxConnections ?? Infinity);
  const load = (maxRequests: number, durationSeconds: number) =>
    runLoad({ baseUrl: ctx.baseUrl, requests: workload.requests(ctx, state), connections, durationSeconds, maxRequests });
  // Warm-up (JIT, plan caches, connection pool, the pages the workload's queries read), not counted: the workload's
  // own warm-up requests, then two seconds more, so the timed run starts as warm as the raw SQL run after it, which
  // repeats one statement in a tight loop.
  await load(Math.max(connections * 5, workload.warmupRequests ?? 0), 30);
  await load(100_000, 2);
  server.memory.takeWindowPeakMb();
  progress(
    `${workload.name}: ${connections} connection(s), up to ${options.durationSeconds} s or ${options.maxRequests} requests`,
  );
  const http = await load(options.maxRequests, options.durationSeconds);
  const serverRssPeakMb = server.memory.takeWindowPeakMb();
  const loadAverage = os.loadavg()[0]!;
  if (http.errors > 0) {
    progress(`${workload.name}: ${http.errors} error(s); status codes ${JSON.stringify(http.statusCodes)}`);
    for (const [status, body] of Object.entries(http.errorSamples)) progress(`  ${status}: ${body}`);
  }
  return {
    state,
    result: {
      name: workload.name,
      measures: workload.measures,
      connections,
      http,
      rawSqlNote: workload.rawSqlNote ?? null,
      serverRssPeakMb,
      loadAverage,
    },
  };
}

function printReport(report: BenchReport): void {
  const generated =
    report.generationSeconds === null ? 'kept dataset reused' : `generated in ${report.generationSeconds.toFixed(1)} s`;
  console.log(
    `\nGuanxi bench — ${report.engine}, ${report.size} widgets, ${report.customers} customers (${generated}), ` +
      `${report.opportunities} opportunities, ${report.orders} orders, node ${report.node}, ${report.cpus} CPUs, ` +
      `${report.options.connections} connections, ≤ ${report.options.durationSeconds} s or ${report.options.maxRequests} requests per workload\n`,
  );
  console.log(formatTable(report.results));
  const { start, end } = report.loadAverage;
  console.log(`\nload average (1 min): ${start.toFixed(2)} at start, ${end.toFixed(2)} at end; ${report.cpus} CPUs`);
  if (Math.max(start, end) > report.cpus) {
    console.log(
      `\nWARNING: the machine was busy (load average ${start.toFixed(1)} at start, ${end.toFixed(1)} at end, ${report.cpus} CPUs).`,
    );
  }
  console.log(
    `\nserver peak RSS over the run: ${report.serverRssPeakMb.toFixed(0)} MB (${
      report.engine === 'pglite'
        ? "the Node process, PGlite's worker thread included"
        : "the Node process; PostgreSQL's own processes not counted"
    })`,
  );
  console.log(`raw SQL: ${report.rawSqlMethod}; ratio = HTTP p50 / raw SQL p50.`);
  for (const r of report.results) {
    console.log(`  ${r.name} (${r.connections} conn): ${r.measures}${r.rawSqlNote ? `\n      raw SQL = ${r.rawSqlNote}` : ''}`);
  }
  const failed = report.results.filter((r) => r.http.errors > 0);
  for (const r of failed) {
    // prettier-ignore
    console.log(`\nERRORS in ${r.name}: ${r.http.errors} (status codes ${JSON.stringify(r.http.statusCodes)}, ` +
      `connection errors ${r.http.connectionErrors}, timeouts ${r.http.timeouts})`);
    for (const [status, body] of Object.entries(r.http.errorSamples)) console.log(`  first ${status}: ${body}`);
  }
}

function gitCommit(): string | null {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

process.once('SIGINT', () => {
  progress('interrupted; stopping the server and removing the dataset');
  void cleanUp().finally(() => process.exit(130));
});

main()
  .then(async (code) => {
    await cleanUp();
    process.exit(code);
  })
  .catch(async (err: unknown) => {
    console.error(`[bench] failed: ${err instanceof Error ? err.message : String(err)}`);
    await cleanUp();
    process.exit(2);
  });
