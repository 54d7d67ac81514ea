// Deterministic bench dataset: org tree (head office, 27 branches × 3 teams), the standard roles, one user per
// team and per branch, and N test widgets generated in SQL from a fixed formula. Same size → same rows and ids.
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { Database } from '../apps/server/src/platform/db/db.ts';
import { applyMigrations } from '../apps/server/src/platform/db/migrate.ts';
import { hashPassword } from '../apps/server/src/platform/auth/passwords.ts';
import { ensureAdministrator } from '../apps/server/src/modules/admin/admin.bootstrap.ts';
import { STANDARD_ROLES } from '../apps/server/src/demo/demo.seed.ts';
import { generateCustomers } from './customers.ts';
import { prepareOpportunities } from './opportunities.ts';
import { describeCommerce, prepareOrders, type CommerceSample } from './orders.ts';

/** Bump when the generated rows change, so a kept database from an older generator is rebuilt. */
const GENERATOR_VERSION = 3;
/** Every bench user's password (the administrator's too). */
export const BENCH_PASSWORD = 'bench-guanxi-2026';
/** The branch whose manager and reps the read and write workloads act as. */
export const BENCH_BRANCH = 'BR01';
/** Sample widget ids and customers drawn from the bench branch. */
export const SAMPLE_IDS = 500;

export type BenchRole = 'head_office_manager' | 'branch_manager' | 'sales_rep' | 'service_agent';

export interface BenchUser {
  id: string;
  username: string;
  role: BenchRole;
  orgUnitId: string;
  orgUnitPath: string;
  /** Branch code (BR01…BR27), or HQ. */
  branch: string;
}

export interface BenchCustomer {
  id: string;
  name: string;
  /** Its mobile as entered (138-0013-8000). */
  mobile: string;
}

export interface DatasetInfo {
  size: number;
  /** Number of generated customers (each with two identifiers and a search entry). */
  customers: number;
  /** Live customers of BENCH_BRANCH, in a fixed order. */
  sampleCustomers: BenchCustomer[];
  password: string;
  users: BenchUser[];
  /** Live widgets of BENCH_BRANCH, spread over its teams, in a fixed order. */
  sampleWidgetIds: string[];
  /** Seconds the generation took; null when a kept dataset was reused. */
  generatedSeconds: number | null;
  /** Number of generated opportunities (opportunities.ts), with the sales targets of their quarter. */
  opportunities: number;
  /** Seconds their generation took; null when kept ones were reused (they have a marker of their own). */
  opportunitiesGeneratedSeconds: number | null;
  /** Number of generated orders (orders.ts) with the catalogue, lines, instalments and stage states; 0 without. */
  orders: number;
  /** Seconds their generation took; null when kept ones were reused (they have a marker of their own). */
  ordersGeneratedSeconds: number | null;
  /** Products and customers the commerce workloads use; null when the database has no products. */
  commerce: CommerceSample | null;
}

// The postal bureau's layout: one branch per province, each with two sales teams and a service team.
// prettier-ignore
const PROVINCES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '陕西', '甘肃',
];
const TEAMS = [
  { suffix: 'S1', name: '销售一组', role: 'sales_rep' },
  { suffix: 'S2', name: '销售二组', role: 'sales_rep' },
  { suffix: 'CS', name: '客服组', role: 'service_agent' },
] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
  '志强',
];

// Widget names read like Chinese company names: city + brand + trade + legal form (杭州恒通物流有限公司).
// prettier-ignore
const CITIES = ['北京', '上海', '广州', '深圳', '成都', '杭州', '南京', '武汉', '西安', '重庆', '天津', '苏州', '长沙', '郑州', '青岛', '厦门', '昆明', '合肥', '福州', '济南'];
// prettier-ignore
const BRANDS = ['华信', '金桥', '恒通', '鸿达', '瑞丰', '新科', '中邮', '东方', '宏图', '天成', '永兴', '佳和', '博远', '汇通', '盛世', '嘉禾', '长城', '海纳', '富源', '锦程', '正大', '光明', '万达', '启航', '润泽', '同创', '联合', '安泰', '信达', '百川'];
// prettier-ignore
const TRADES = ['科技', '贸易', '物流', '实业', '电子', '文化', '医药', '建材', '食品', '机械', '信息', '广告', '餐饮', '教育', '环保', '能源'];
const FORMS = ['有限公司', '股份有限公司', '集团有限公司', '商行'];
// prettier-ignore
const NOTES = ['客户要求月底前交货', '已电话回访，等待报价', '需总部审批折扣', '老客户，续签合同', '展会获取的线索', '分期付款，首期已到账', '寄送样品后再跟进'];

interface UnitRow {
  id: string;
  code: string;
  name: string;
  parentCode: string | null;
  depth: number;
}

interface UserRow {
  username: string;
  displayName: string;
  unitCode: string;
  role: BenchRole;
}

function orgTree(): { units: UnitRow[]; users: UserRow[] } {
  const units: UnitRow[] = [{ id: '', code: 'HQ', name: '总部', parentCode: null, depth: 0 }];
  const users: UserRow[] = [{ username: 'hq_manager', displayName: '张伟', unitCode: 'HQ', role: 'head_office_manager' }];
  let person = 0;
  const nextName = () => {
    person += 1;
    return SURNAMES[person % SURNAMES.length]! + GIVEN[(person * 7) % GIVEN.length]!;
  };
  PROVINCES.forEach((province, index) => {
    const branch = `BR${String(index + 1).padStart(2, '0')}`;
    units.push({ id: '', code: branch, name: `${province}分公司`, parentCode: 'HQ', depth: 1 });
    users.push({
      username: `${branch.toLowerCase()}_manager`,
      displayName: nextName(),
      unitCode: branch,
      role: 'branch_manager',
    });
    for (const team of TEAMS) {
      const code = `${branch}-${team.suffix}`;
      units.push({ id: '', code, name: `${province}${team.name}`, parentCode: branch, depth: 2 });
      users.push({ username: code.toLowerCase().replace('-', '_'), displayName: nextName(), unitCode: code, role: team.role });
    }
  });
  return { units, users };
}

/**
 * Deterministic UUIDs for org units, roles and users, so ids are the same on every run of every engine:
 * md5 of a name, shaped as a version 8 ("custom") UUID so the API's UUID validation accepts it.
 */
const stableIdSql = (kind: string, key: string) => {
  const m = `md5('guanxi-bench/${kind}/' || ${key})`;
  return `(substr(${m}, 1, 8) || '-' || substr(${m}, 9, 4) || '-8' || substr(${m}, 14, 3) || '-a' || substr(${m}, 18, 3) || '-' || substr(${m}, 21, 12))::uuid`;
};

async function generateOrgAndUsers(client: pg.PoolClient): Promise<void> {
  const { units, users } = orgTree();
  // Parents come before children in `units`, so one INSERT per depth can read its parents' paths.
  for (const depth of [0, 1, 2]) {
    await client.query(
      `INSERT INTO org_units (id, name, code, parent_id, path, depth)
       SELECT ${stableIdSql('unit', 'u.code')}, u.name, u.code, p.id,
              coalesce(p.path, '/') || ${stableIdSql('unit', 'u.code')}::text || '/', u.depth
       FROM json_to_recordset($1::json) AS u(code text, name text, "parentCode" text, depth int)
       LEFT JOIN org_units p ON p.code = u."parentCode"
       WHERE u.depth = $2`,
      [JSON.stringify(units), depth],
    );
  }
  await client.query(
    `INSERT INTO roles (id, key, name, description, permissions)
     SELECT ${stableIdSql('role', 'r.key')}, r.key, r.name, r.description, r.permissions
     FROM json_to_recordset($1::json) AS r(key text, name text, description text, permissions jsonb)
     ON CONFLICT (key) DO NOTHING`,
    [JSON.stringify(STANDARD_ROLES)],
  );
  // One argon2 hash for everyone: hashing 109 passwords would only slow generation down.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await client.query(
    `INSERT INTO users (id, username, display_name, email, org_unit_id, password_hash, password_changed_at)
     SELECT ${stableIdSql('user', 'u.username')}, u.username, u."displayName", u.username || '@bench.example.cn',
            ou.id, $2, now()
     FROM json_to_recordset($1::json) AS u(username text, "displayName" text, "unitCode" text)
     JOIN org_units ou ON ou.code = u."unitCode"`,
    [JSON.stringify(users), passwordHash],
  );
  await client.query(
    `INSERT INTO user_roles (user_id, role_id)
     SELECT ${stableIdSql('user', 'u.username')}, r.id
     FROM json_to_recordset($1::json) AS u(username text, role text)
     JOIN roles r ON r.key = u.role`,
    [JSON.stringify(users)],
  );
}

/**
 * N widgets in one INSERT … SELECT over generate_series. Every value comes from md5 of the row number (eight
 * 32-bit words r1…r8), so the dataset is the same on every run. Owners are the 108 branch and team users;
 * created_at spreads over two years and the ids are UUIDv7-shaped from it, as the server would make them.
 */
async function generateWidgets(client: pg.PoolClient, size: number): Promise<void> {
  const word = (source: string, index: number) => `('x' || substr(${source}, ${index * 8 + 1}, 8))::bit(32)::bigint`;
  const twoYearsSeconds = 2 * 365 * 24 * 3600;
  await client.query(
    `WITH owners AS (
       SELECT row_number() OVER (ORDER BY u.username) - 1 AS idx, u.id, u.org_unit_id
       FROM users u WHERE u.username LIKE 'br%'
     ), owner_count AS (SELECT count(*) AS n FROM owners)
     INSERT INTO test_widgets (id, version, owner_id, org_unit_id, custom, created_at, created_by, updated_at, updated_by,
                               deleted_at, name, code, status, amount, quantity, due_date, remind_at, urgent, email, notes)
     SELECT
       (substr(t.hex, 1, 8) || '-' || substr(t.hex, 9, 4) || '-7' || substr(h.b, 1, 3) || '-'
         || substr('89ab', (r.r8 % 4)::int + 1, 1) || substr(h.b, 4, 3) || '-' || substr(h.b, 7, 12))::uuid,
       1, o.id, o.org_unit_id, '{}'::jsonb, t.created_at, o.id, t.created_at, o.id,
       CASE WHEN r.r7 % 200 = 0 THEN t.created_at + interval '30 days' END,
       ($2::text[])[(1 + r.r2 % cardinality($2::text[]))::int] || ($3::text[])[(1 + (r.r2 / 64) % cardinality($3::text[]))::int]
         || ($4::text[])[(1 + r.r3 % cardinality($4::text[]))::int] || ($5::text[])[(1 + (r.r3 / 64) % cardinality($5::text[]))::int],
       'W' || lpad(g.i::text, 8, '0'),
       CASE WHEN r.r4 % 100 < 20 THEN 'draft' WHEN r.r4 % 100 < 85 THEN 'active' ELSE 'retired' END,
       round(((r.r5 % 1000000)::numeric / 1000000) ^ 3 * 1000000, 2),
       (r.r6 % 500)::int,
       date '2025-01-01' + (r.r6 % 730)::int,
       CASE WHEN r.r7 % 2 = 0 THEN timestamptz '2025-01-01 01:00:00+00' + (r.r7 % 17520) * interval '1 hour' END,
       r.r4 % 9 = 0,
       'kehu' || g.i || '@example.cn',
       CASE WHEN r.r6 % 3 <> 0 THEN ($6::text[])[(1 + r.r7 % cardinality($6::text[]))::int] END
     FROM generate_series(1, $1::int) AS g(i)
     CROSS JOIN LATERAL (SELECT md5('guanxi-bench/widget/' || g.i) AS a, md5('guanxi-bench/widget-id/' || g.i) AS b) h
     CROSS JOIN LATERAL (SELECT ${[0, 1, 2, 3].map((k) => `${word('h.a', k)} AS r${k + 1}`).join(', ')},
                                ${[0, 1, 2, 3].map((k) => `${word('h.b', k)} AS r${k + 5}`).join(', ')}) r
     CROSS JOIN LATERAL (SELECT timestamptz '2024-01-01 00:00:00+08' + (g.i * ${twoYearsSeconds}::float8 / $1) * interval '1 second'
                         AS created_at) c
     CROSS JOIN LATERAL (SELECT c.created_at,
                                lpad(to_hex(floor(extract(epoch FROM c.created_at) * 1000)::bigint), 12, '0') AS hex) t
     JOIN owners o ON o.idx = r.r1 % (SELECT n FROM owner_count)`,
    [size, CITIES, BRANDS, TRADES, FORMS, NOTES],
  );
}

const MARKER_TABLE = 'guanxi_bench_dataset';

/**
 * Generates the dataset into a fresh database, or reuses a kept one of the same size and generator version; then
 * adds (or reuses, or regenerates) the opportunities on top, which have a marker of their own.
 */
export async function prepareDataset(
  database: Database,
  size: number,
  customers: number,
  opportunities = 0,
  orders = 0,
): Promise<DatasetInfo> {
  await applyMigrations(database.pool);
  const client = await database.pool.connect();
  let generatedSeconds: number | null = null;
  let opportunitiesGeneratedSeconds: number | null = null;
  let ordersGeneratedSeconds: number | null = null;
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS ${MARKER_TABLE} (size int NOT NULL, generator int NOT NULL, seconds float8 NOT NULL,
      generated_at timestamptz NOT NULL DEFAULT now(), customers int NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{ size: number; generator: number; customers: number }>(
      `SELECT size, generator, customers FROM ${MARKER_TABLE}`,
    );
    const kept =
      rows.length === 1 && rows[0]!.size === size && rows[0]!.generator === GENERATOR_VERSION && rows[0]!.customers === customers;
    if (kept) {
      // Rows the create workload added on an earlier run go, so every run starts from the same data.
      await client.query(`DELETE FROM test_widgets WHERE code LIKE 'NEW-%'`);
    } else {
      if (rows.length) throw new Error(`${MARKER_TABLE} describes another dataset (${JSON.stringify(rows)}); drop it first`);
      const started = performance.now();
      await client.query('BEGIN');
      await generateOrgAndUsers(client);
      await generateWidgets(client, size);
      await generateCustomers(client, customers);
      await client.query(`INSERT INTO ${MARKER_TABLE} (size, generator, seconds, customers) VALUES ($1, $2, $3, $4)`, [
        size,
        GENERATOR_VERSION,
        (performance.now() - started) / 1000,
        customers,
      ]);
      await client.query('COMMIT');
      await client.query('ANALYZE');
      generatedSeconds = (performance.now() - started) / 1000;
    }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
    throw err;
  }
  try {
    opportunitiesGeneratedSeconds = await prepareOpportunities(client, opportunities);
    ordersGeneratedSeconds = await prepareOrders(client, orders);
  } finally {
    client.release();
  }
  await ensureAdministrator(database.db, BENCH_PASSWORD);
  return {
    size,
    customers,
    password: BENCH_PASSWORD,
    generatedSeconds,
    opportunities,
    opportunitiesGeneratedSeconds,
    orders,
    ordersGeneratedSeconds,
    // Kept orders serve a workload named in --only even without --orders.
    commerce: await describeCommerce(database.pool, BENCH_BRANCH),
    ...(await describeDataset(database.pool)),
  };
}

async function describeDataset(pool: pg.Pool): Promise<Pick<DatasetInfo, 'users' | 'sampleWidgetIds' | 'sampleCustomers'>> {
  const users = await pool.query<BenchUser>(
    `SELECT u.id, u.username, r.key AS role, u.org_unit_id AS "orgUnitId", o.path AS "orgUnitPath",
            split_part(o.code, '-', 1) AS branch
     FROM users u JOIN org_units o ON o.id = u.org_unit_id
     JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
     WHERE u.username <> 'admin' ORDER BY u.username`,
  );
  const ids = await pool.query<{ id: string }>(
    `SELECT w.id FROM test_widgets w JOIN org_units o ON o.id = w.org_unit_id
     WHERE w.deleted_at IS NULL AND split_part(o.code, '-', 1) = $1
     ORDER BY md5(w.id::text) LIMIT $2`,
    [BENCH_BRANCH, SAMPLE_IDS],
  );
  const sampleCustomers = await pool.query<BenchCustomer>(
    `SELECT c.id, c.name, i.value AS mobile FROM customers c
     JOIN org_units o ON o.id = c.org_unit_id
     JOIN customer_identifiers i ON i.customer_id = c.id AND i.type = 'mobile'
     WHERE c.deleted_at IS NULL AND split_part(o.code, '-', 1) = $1
     ORDER BY md5(c.id::text) LIMIT $2`,
    [BENCH_BRANCH, SAMPLE_IDS],
  );
  return { users: users.rows, sampleWidgetIds: ids.rows.map((r) => r.id), sampleCustomers: sampleCustomers.rows };
}

/** The dataset user of a role in a branch (the first one when the branch has several, e.g. two sales teams). */
export function findUser(dataset: DatasetInfo, role: BenchRole, branch = BENCH_BRANCH): BenchUser {
  const user = dataset.users.find((u) => u.role === role && (role === 'head_office_manager' || u.branch === branch));
  if (!user) throw new Error(`The dataset has no ${role} in ${branch}`);
  return user;
}
