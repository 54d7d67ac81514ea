// `npx tsx bench/import.ts --rows N [--database-url URL]`: writes an N-row customer CSV (Chinese names, phones,
// dates, GB-style headers), starts the real server on PostgreSQL (URL) or PGlite, uploads it through
// POST /api/v1/imports, runs it and prints rows/s and the server's peak RSS (VmRSS sampled every 100 ms).
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { signIn } from './http.ts';
import { runImportThroughApi } from './importApi.ts';
import { startServer } from './server.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
// Municipalities, which are their own city in the bundled region list.
const CITIES = ['北京市', '上海市', '天津市', '重庆市'];
const TRADES = ['科技', '贸易', '物流', '建材', '医药', '食品', '机械', '文化', '传媒', '电子'];

/** Five plate characters unique for i < 36^5 (digits and letters), as in 京A·3X9K2. */
const plateOf = (i: number): string => i.toString(36).toUpperCase().padStart(5, '0');

async function writeCsv(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('\uFEFF公司名称,客户性质,客户等级,省份,城市,首次接触日期,网址,备注,电话,手机,邮箱,车牌,保单号\r\n');
  for (let i = 0; i < rows; i++) {
    const city = CITIES[i % CITIES.length]!;
    const name = `${city.slice(0, 2)}${SURNAMES[i % SURNAMES.length]}氏${TRADES[(i >> 3) % TRADES.length]}有限公司${i}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    // Identifiers as a real CRM export has them: a landline on every row, a mobile, e-mail, plate and policy number
    // on some (unique per row, so none collides with another customer's).
    const phone = `010-${String(60_000_000 + i).padStart(8, '0')}`;
    const mobile = i % 2 === 0 ? `138${String(i).padStart(8, '0')}` : '';
    const email = i % 3 === 0 ? `info${i}@c${i}.example.cn` : '';
    const plate = i % 4 === 0 ? `京A${plateOf(i)}` : '';
    const policy = i % 5 === 0 ? `PDAA2024${String(i).padStart(10, '0')}` : '';
    await write(
      `${name},单位客户,${'ABCD'[i % 4]},${city},${city},2024-03-${day},https://c${i}.example.cn,导入测试 ${i},${phone},${mobile},${email},${plate},${policy}\r\n`,
    );
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '10000' },
      'max-seconds': { type: 'string', default: '3600' },
      'database-url': { type: 'string' },
      'batch-size': { type: 'string' },
    },
  });
  const rows = Number(values.rows);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'guanxi-import-bench-'));
  const csv = path.join(tmp, 'customers.csv');
  const t0 = performance.now();
  await writeCsv(csv, rows);
  console.log(
    `CSV: ${rows} rows, ${(statSync(csv).size / 1048576).toFixed(1)} MB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const password = 'bench-import-2026';
  const databaseUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL;
  const server = await startServer({
    repoRoot: REPO_ROOT,
    logFile: path.join(tmp, 'server.log'),
    env: {
      GUANXI_ADMIN_PASSWORD: password,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: path.join(tmp, 'data') }),
      ...(values['batch-size'] ? { IMPORT_BATCH_SIZE: values['batch-size'] } : {}),
      JOB_POLL_MS: '200',
    },
  });
  try {
    const session = await signIn(server.baseUrl, 'admin', password);
    const outcome = await runImportThroughApi({
      server,
      session,
      recordType: 'customer',
      file: csv,
      maxSeconds: Number(values['max-seconds']),
    });
    const { seconds, progress, status } = outcome;
    console.log(
      `\nimport of ${rows} rows: ${outcome.stopped ? `stopped after --max-seconds with ${progress.done} rows done, ${status}` : status} in ${seconds.toFixed(1)} s (${((progress.done ?? 0) / seconds).toFixed(0)} rows/s), ` +
        `upload ${outcome.uploadSeconds.toFixed(1)} s, server peak RSS ${server.memory.overallPeakMb.toFixed(0)} MB, ` +
        `engine ${databaseUrl ? 'PostgreSQL' : 'PGlite'}${outcome.lastError ? `, error: ${outcome.lastError}` : ''}`,
    );
  } finally {
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
