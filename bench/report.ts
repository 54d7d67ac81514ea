// Output of a bench run: the table printed on stdout and the JSON file under bench/results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HttpResult } from './http.ts';
import type { RawResult } from './rawSql.ts';
import type { Engine } from './workloads/workload.ts';

export interface WorkloadResult {
  name: string;
  measures: string;
  connections: number;
  http: HttpResult;
  raw: RawResult | null;
  rawSqlNote: string | null;
  /** HTTP p50 / raw SQL p50. */
  ratio: number | null;
  serverRssPeakMb: number;
  /** The machine's 1-minute load average when the workload's measured run ended (the figures are worth that much). */
  loadAverage: number;
}

export interface BenchReport {
  engine: Engine;
  size: number;
  customers: number;
  opportunities: number;
  orders: number;
  startedAt: string;
  commit: string | null;
  node: string;
  cpus: number;
  /** 1-minute load average before and after: other work on the machine skews every number. */
  loadAverage: { start: number; end: number };
  database: string;
  options: { durationSeconds: number; maxRequests: number; connections: number; only: string[] | null };
  generationSeconds: number | null;
  /** Seconds the opportunities took to generate; null when kept ones were reused. */
  opportunityGenerationSeconds: number | null;
  /** Seconds the catalogue and orders took to generate; null when kept ones were reused. */
  orderGenerationSeconds: number | null;
  rawSqlMethod: string;
  serverRssPeakMb: number;
  results: WorkloadResult[];
  /** True when any workload had non-2xx responses or connection errors. */
  failed: boolean;
}

const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '—' : value < 10 ? value.toFixed(2) : value.toFixed(1);

export function formatTable(results: WorkloadResult[]): string {
  const header = [
    'workload',
    'requests',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors',
    'server p50/p95 ms',
    'raw SQL p50/p95 ms',
    'ratio',
    'server RSS MB',
    'load',
  ];
  const rows = results.map((r) => [
    r.name,
    String(r.http.requests),
    r.http.requestsPerSecond.toFixed(1),
    ms(r.http.p50),
    ms(r.http.p95),
    ms(r.http.p99),
    String(r.http.errors),
    r.http.server ? `${ms(r.http.server.p50)} / ${ms(r.http.server.p95)}` : '—',
    r.raw ? `${ms(r.raw.p50)} / ${ms(r.raw.p95)}` : '—',
    r.ratio === null ? '—' : `${r.ratio.toFixed(1)}×`,
    r.serverRssPeakMb.toFixed(0),
    r.loadAverage.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  // Text left, numbers right, as a reader scans them.
  const line = (cells: string[]) =>
    '| ' + cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(' | ') + ' |';
  const rule = '|' + widths.map((w, i) => (i === 0 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|') + '|';
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** Writes bench/results/<engine>-<size>-<timestamp>.json (colons left out of the time, for every file system). */
export function writeReport(resultsDir: string, report: BenchReport): string {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = report.startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const file = path.join(resultsDir, `${report.engine}-${report.size}-${stamp}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}
