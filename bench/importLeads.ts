// `npx tsx bench/importLeads.ts --rows 100000 --database-url URL`: lead assignment of an import (issue 5: 100k rows
// ≤ 60 s). Creates a bench database with the org tree of dataset.ts (no customers), saves assignment rules through
// PUT /api/v1/lead-assignment-rules (a source rule to a person, then one rule per province to its branch, round robin
// and least loaded in turn, then a catch-all), writes an N-row lead CSV, imports it through the API as the
// administrator and prints rows/s, the total time and whether every lead got an owner by a rule it matches.
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareBenchDatabase } from './database.ts';
import { BENCH_PASSWORD, findUser, prepareDataset } from './dataset.ts';
import { signIn } from './http.ts';
import { runImportThroughApi } from './importApi.ts';
import { startServer } from './server.ts';
import { sessionHeaders } from './workloads/workload.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The dataset the leads are imported into: the org tree and users only. */
const SIZE = 1000;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英'];
const TRADES = ['科技', '贸易', '物流', '建材', '医药', '食品', '机械', '文化', '传媒', '电子'];
/** Source labels as a marketing export has them; 展会 (trade fair) leads go to one person by the first rule. */
const SOURCES = ['网站表单', '来电', '市场活动', '展会', '转介绍'];
const INTERESTS = ['包裹快递', '邮政业务', '报刊订阅', '图书采购', '整车采购', '保险'];
/** Provinces without a branch of their own: no province rule matches them, the catch-all does. */
const OTHER_PROVINCES = ['新疆', '西藏', '宁夏', '青海'];

interface Branch {
  id: string;
  code: string;
  province: string;
}

async function writeCsv(file: string, rows: number, branches: Branch[]): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('\uFEFF姓名,单位名称,省份,城市,手机,电子邮箱,线索来源,意向产品,留言\r\n');
  for (let i = 0; i < rows; i++) {
    // Nine in ten from a province with a branch, spread over all of them; the rest from elsewhere.
    const province = i % 10 === 9 ? OTHER_PROVINCES[i % OTHER_PROVINCES.length]! : branches[(i * 7) % branches.length]!.province;
    const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i >> 2) % GIVEN.length]!;
    const company = `${province}${SURNAMES[(i >> 3) % SURNAMES.length]}氏${TRADES[(i >> 5) % TRADES.length]}有限公司`;
    const mobile = `139${String(i).padStart(8, '0')}`;
    const email = i % 3 === 0 ? `lead${i}@l${i}.example.cn` : '';
    await write(
      `${name},${company},${province},${province}市,${mobile},${email},${SOURCES[i % SOURCES.length]},${INTERESTS[(i >> 1) % INTERESTS.length]},导入线索 ${i}\r\n`,
    );
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '100000' },
      engine: { type: 'string' },
      'max-seconds': { type: 'string', default: '1800' },
      'database-url': { type: 'string' },
      'batch-size': { type: 'string' },
      'without-rules': { type: 'boolean', default: false },
    },
  });
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 1 || rows > 1_000_000) throw new Error(`--rows must be 1 to 1000000, got ${values.rows}`);
  const adminUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL;
  const engine = values.engine ?? (adminUrl ? 'postgres' : 'pglite');
  if (engine !== 'postgres' && engine !== 'pglite') throw new Error('--engine must be pglite or postgres');
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (${os.cpus().length} CPUs) at ${new Date().toISOString()}`,
  );

  // A dataset of its own (org tree and users, no customers), dropped at the end.
  const database = await prepareBenchDatabase({ engine, size: SIZE, customers: 0, keep: false, adminUrl, repoRoot: REPO_ROOT });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'guanxi-lead-import-bench-'));
  try {
    const db = await database.open();
    let branches: Branch[];
    let dataset;
    try {
      dataset = await prepareDataset(db, SIZE, 0);
      branches = (
        await db.pool.query<{ id: string; code: string; name: string }>(
          `SELECT id, code, name FROM org_units WHERE depth = 1 ORDER BY code`,
        )
      ).rows.map((b) => ({ id: b.id, code: b.code, province: b.name.replace(/分公司$/, '') }));
    } finally {
      await db.close();
    }
    console.log(`${database.where}: ${branches.length} branches, ${dataset.users.length} users`);

    const csv = path.join(tmp, 'leads.csv');
    let t0 = performance.now();
    await writeCsv(csv, rows, branches);
    console.log(
      `CSV: ${rows} rows, ${(statSync(csv).size / 1048576).toFixed(1)} MB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const logDir = path.join(REPO_ROOT, '.tmp', 'bench');
    mkdirSync(logDir, { recursive: true });
    const server = await startServer({
      repoRoot: REPO_ROOT,
      logFile: path.join(logDir, `server-lead-import-${engine}.log`),
      env: {
        ...database.serverEnv,
        GUANXI_ADMIN_PASSWORD: BENCH_PASSWORD,
        ...(values['batch-size'] ? { IMPORT_BATCH_SIZE: values['batch-size'] } : {}),
        JOB_POLL_MS: '200',
      },
    });
    try {
      const session = await signIn(server.baseUrl, 'admin', BENCH_PASSWORD);
      const rules = values['without-rules']
        ? []
        : [
            {
              name: '展会线索 → 总部经理',
              conditions: { source: ['exhibition'] },
              targetUserId: findUser(dataset, 'head_office_manager').id,
            },
            ...branches.map((b, i) => ({
              name: `${b.province}线索 → ${b.province}分公司`,
              conditions: { province: [b.province] },
              targetOrgUnitId: b.id,
              distribution: i % 2 === 0 ? 'round_robin' : 'least_loaded',
            })),
            { name: '其他地区 → 北京分公司', conditions: {}, targetOrgUnitId: branches[0]!.id, distribution: 'round_robin' },
          ];
      const saved = await fetch(`${server.baseUrl}/api/v1/lead-assignment-rules`, {
        method: 'PUT',
        headers: sessionHeaders(session, { write: true }),
        body: JSON.stringify({ rules }),
      });
      if (!saved.ok) throw new Error(`saving the rules answered ${saved.status}: ${await saved.text()}`);
      console.log(
        rules.length
          ? `rules: ${rules.length} (1 by source to a person, ${branches.length} by province to a branch — round robin and least loaded in turn — and a catch-all)`
          : 'rules: none (--without-rules: the baseline of the same import with nothing to assign)',
      );
      t0 = performance.now();
      const outcome = await runImportThroughApi({
        server,
        session,
        recordType: 'lead',
        file: csv,
        maxSeconds: Number(values['max-seconds']),
      });
      const { seconds, progress, status } = outcome;
      console.log(
        `\nlead import of ${rows} rows: ${outcome.stopped ? `stopped after --max-seconds with ${progress.done} rows done, ${status}` : status} ` +
          `in ${seconds.toFixed(1)} s (${((progress.done ?? 0) / seconds).toFixed(0)} rows/s; upload ${outcome.uploadSeconds.toFixed(1)} s, ` +
          `upload + run ${((performance.now() - t0) / 1000).toFixed(1)} s), server peak RSS ${server.memory.overallPeakMb.toFixed(0)} MB, ` +
          `engine ${engine}${outcome.lastError ? `, error: ${outcome.lastError}` : ''}`,
      );
    } finally {
      server.memory.stop();
      await server.stop();
    }
    await checkAssignments(database);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    await database.dispose();
  }
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} at ${new Date().toISOString()}`,
  );
}

/** Every lead has an owner and the rule that chose it, and that owner is where the rule sends its leads. */
async function checkAssignments(database: Awaited<ReturnType<typeof prepareBenchDatabase>>): Promise<void> {
  const db = await database.open();
  try {
    const { rows } = await db.pool.query<Record<string, string>>(
      `SELECT count(*) AS leads, count(l.owner_id) AS with_owner, count(l.assignment_rule_id) AS by_rule,
              count(*) FILTER (WHERE l.assigned_by_rule IS NOT NULL) AS rule_named,
              count(*) FILTER (WHERE r.target_user_id IS NOT NULL AND l.owner_id <> r.target_user_id
                                 OR r.target_org_unit_id IS NOT NULL AND ou.path NOT LIKE t.path || '%') AS outside_target,
              count(*) FILTER (WHERE r.conditions ? 'province' AND NOT (r.conditions -> 'province') ? l.province
                                 OR r.conditions ? 'source' AND NOT (r.conditions -> 'source') ? l.source) AS not_matching
       FROM leads l
       LEFT JOIN lead_assignment_rules r ON r.id = l.assignment_rule_id
       LEFT JOIN org_units ou ON ou.id = l.org_unit_id
       LEFT JOIN org_units t ON t.id = r.target_org_unit_id`,
    );
    const c = rows[0]!;
    console.log(
      `check: ${c.leads} leads, ${c.with_owner} with an owner, ${c.by_rule} with the rule's id and ${c.rule_named} with its name; ` +
        `${c.outside_target} owned outside their rule's target, ${c.not_matching} not matching their rule's conditions`,
    );
    // How evenly each rule's members got their turns: the spread of leads per member within a rule, the widest.
    const spread = await db.pool.query<{ distribution: string; rules: string; widest: string }>(
      `SELECT distribution, count(*) AS rules, max(spread) AS widest
       FROM (SELECT r.id, r.distribution, max(x.n) - min(x.n) AS spread
             FROM (SELECT assignment_rule_id, owner_id, count(*) AS n FROM leads GROUP BY 1, 2) x
             JOIN lead_assignment_rules r ON r.id = x.assignment_rule_id
             WHERE r.target_org_unit_id IS NOT NULL GROUP BY r.id, r.distribution) per_rule
       GROUP BY distribution ORDER BY 1`,
    );
    for (const s of spread.rows)
      console.log(`  ${s.distribution}: ${s.rules} rules; within a rule, members' lead counts differ by at most ${s.widest}`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
