// Deterministic bench opportunities and sales targets, generated in SQL on top of a dataset's org tree and customers:
// N opportunities of the standard pipeline in one INSERT … SELECT over generate_series (values from md5 of the row
// number), and targets of the current quarter for every branch, team and sales user. Kept apart from the customers,
// with their own marker, so a kept dataset of a million customers gets opportunities added without being rebuilt.
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { PART_SEPARATOR, pinyinSortKey } from '../apps/server/src/platform/search/search.text.ts';

/** Bump when the generated opportunities or targets change, so kept ones are regenerated (the customers stay). */
const OPPORTUNITY_GENERATOR_VERSION = 2;
const MARKER_TABLE = 'guanxi_bench_opportunities';

/** The standard pipeline of migration 0010_sales.sql and its stages (open ×4, won, lost). */
export const STANDARD_PIPELINE_ID = '01930000-0000-7000-8000-000000000001';
export const STAGE_IDS = {
  first: '01930000-0000-7000-8000-000000000011',
  needs: '01930000-0000-7000-8000-000000000012',
  quote: '01930000-0000-7000-8000-000000000013',
  negotiation: '01930000-0000-7000-8000-000000000014',
  won: '01930000-0000-7000-8000-000000000015',
  lost: '01930000-0000-7000-8000-000000000016',
} as const;
export const OPEN_STAGE_IDS = [STAGE_IDS.first, STAGE_IDS.needs, STAGE_IDS.quote, STAGE_IDS.negotiation];

/**
 * The day the dataset stands at: expected close dates spread over ±12 months around it; before it most are won or
 * lost, after it all are open. Fixed, so the rows are the same on every run; the reports ask for its quarter.
 */
export const DATASET_TODAY = '2026-11-15';
export const DATASET_QUARTER = '2026-Q4';
const QUARTER_START = '2026-10-01';
const QUARTER_END = '2026-12-31';
const TIME_ZONE = 'Asia/Shanghai';

/** What a deal is for: its name is the customer's name + one of these (杭州恒通物流有限公司包裹快递项目). */
const PROJECTS = ['包裹快递', '邮政业务', '报刊订阅', '图书采购', '整车采购', '维修服务', '保险'].map((w) => w + '项目');
/** Their pinyin syllables, as pinyinSortKey writes them before the separator. */
const PROJECT_SYLLABLES = PROJECTS.map((w) => pinyinSortKey(w).split(PART_SEPARATOR)[0]!);
const SOURCES = ['web_form', 'phone', 'manual', 'import', 'campaign', 'referral', 'exhibition'];
const LOSS_REASONS = ['price', 'competitor', 'no_budget', 'no_decision', 'product_fit', 'timing', 'other'];

/** 32-bit word `index` of an md5 hex string, as in dataset.ts. */
const word = (source: string, index: number) => `('x' || substr(${source}, ${index * 8 + 1}, 8))::bit(32)::bigint`;

/**
 * Makes sure the database holds exactly `count` generated opportunities (and the targets): reuses them when the
 * marker says so, otherwise empties the sales tables and generates them; 0 leaves the tables as they are. Returns the
 * seconds taken, or null when nothing was generated.
 */
export async function prepareOpportunities(client: pg.PoolClient, count: number): Promise<number | null> {
  await client.query(`CREATE TABLE IF NOT EXISTS ${MARKER_TABLE} (count int NOT NULL, generator int NOT NULL,
    seconds float8 NOT NULL, generated_at timestamptz NOT NULL DEFAULT now())`);
  // 0 leaves kept ones alone: emptying them would also have to empty the quotes and orders that name them.
  if (count === 0) return null;
  const { rows } = await client.query<{ count: number; generator: number }>(`SELECT count, generator FROM ${MARKER_TABLE}`);
  if (rows.length === 1 && rows[0]!.count === count && rows[0]!.generator === OPPORTUNITY_GENERATOR_VERSION) return null;
  const started = performance.now();
  await client.query('BEGIN');
  try {
    await client.query(`DELETE FROM ${MARKER_TABLE}`);
    await client.query(
      // CASCADE: quotes name their opportunity (the commerce workloads' quote goes with them; orders do not reference it).
      'TRUNCATE opportunity_lines, opportunity_stage_history, sales_forecast_snapshots, sales_targets, opportunities CASCADE',
    );
    if (count > 0) {
      await generateOpportunities(client, count);
      await generateTargets(client);
    }
    await client.query(`INSERT INTO ${MARKER_TABLE} (count, generator, seconds) VALUES ($1, $2, $3)`, [
      count,
      OPPORTUNITY_GENERATOR_VERSION,
      (performance.now() - started) / 1000,
    ]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
  // VACUUM too: autovacuum would otherwise visit the fresh million rows during the first measurements, and index-only
  // scans need the visibility map it sets.
  await client.query('VACUUM (ANALYZE) opportunities');
  await client.query('ANALYZE sales_targets');
  return (performance.now() - started) / 1000;
}

/**
 * Owners are the sales users of every branch: the branch manager (10 %) and the two sales teams' reps (45 % each);
 * the org unit is the owner's. The customer is one of the same branch's customers (row number modulo their count).
 */
async function generateOpportunities(client: pg.PoolClient, count: number): Promise<void> {
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = 'opportunities'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const { name } of indexes) await client.query(`DROP INDEX "${name}"`);
  await client.query(`CREATE TEMP TABLE bench_opp_owner ON COMMIT DROP AS
    SELECT u.id, u.org_unit_id, dense_rank() OVER (ORDER BY split_part(o.code, '-', 1)) - 1 AS b, split_part(o.code, '-', 1) AS branch,
           CASE WHEN o.depth = 1 THEN 0 WHEN o.code LIKE '%-S1' THEN 1 ELSE 2 END AS slot
    FROM users u JOIN org_units o ON o.id = u.org_unit_id
    WHERE u.username LIKE 'br%' AND o.code NOT LIKE '%-CS'`);
  await client.query(`CREATE TEMP TABLE bench_opp_customer ON COMMIT DROP AS
    SELECT split_part(o.code, '-', 1) AS branch, row_number() OVER (PARTITION BY split_part(o.code, '-', 1) ORDER BY c.id) - 1 AS n,
           c.id, c.name, split_part(c.name_sort, chr(1), 1) AS syllables
    FROM customers c JOIN org_units o ON o.id = c.org_unit_id WHERE c.deleted_at IS NULL`);
  await client.query(`CREATE TEMP TABLE bench_opp_customer_count ON COMMIT DROP AS
    SELECT branch, count(*) AS n FROM bench_opp_customer GROUP BY branch`);
  const { rows: branches } = await client.query<{ branches: string; covered: string }>(
    `SELECT (SELECT count(DISTINCT b) FROM bench_opp_owner) AS branches,
            (SELECT count(*) FROM bench_opp_customer_count) AS covered`,
  );
  if (Number(branches[0]!.covered) < Number(branches[0]!.branches))
    throw new Error('--opportunities needs customers in every branch (--customers N, at least a few hundred)');
  await client.query('ANALYZE bench_opp_owner');
  await client.query('ANALYZE bench_opp_customer');
  await client.query('ANALYZE bench_opp_customer_count');
  // stage: 0-3 open, 4 won, 5 lost. Before DATASET_TODAY: 35 % won, 55 % lost, 10 % still open (overdue); after it
  // all open, early stages more often than late ones.
  await client.query(
    `WITH picked AS (
       SELECT g.i, h.b AS hb, r.*, (date '${DATASET_TODAY}' + ((r.r4 % 731) - 365)::int) AS close_date
       FROM generate_series(1, $1::int) AS g(i)
       CROSS JOIN LATERAL (SELECT md5('guanxi-bench/opportunity/' || g.i) AS a, md5('guanxi-bench/opportunity-id/' || g.i) AS b) h
       CROSS JOIN LATERAL (SELECT ${[0, 1, 2, 3].map((k) => `${word('h.a', k)} AS r${k + 1}`).join(', ')},
                                  ${[0, 1, 2, 3].map((k) => `${word('h.b', k)} AS r${k + 5}`).join(', ')}) r
     ), staged AS (
       SELECT p.*,
         CASE WHEN p.close_date < date '${DATASET_TODAY}' AND p.r5 % 100 < 35 THEN 4
              WHEN p.close_date < date '${DATASET_TODAY}' AND p.r5 % 100 < 90 THEN 5
              WHEN p.r6 % 100 < 35 THEN 0 WHEN p.r6 % 100 < 65 THEN 1 WHEN p.r6 % 100 < 85 THEN 2 ELSE 3 END AS stage,
         CASE WHEN p.r2 % 100 < 10 THEN 0 WHEN p.r2 % 100 < 55 THEN 1 ELSE 2 END AS slot
       FROM picked p
     ), dated AS (
       SELECT s.*,
         least((s.close_date - (14 + s.r7 % 180)::int)::timestamp, date '${DATASET_TODAY}'::timestamp - (1 + s.r7 % 30) * interval '1 day')
           + (9 + s.r8 % 9) * interval '1 hour' + (s.r8 % 3600) * interval '1 second' AS created_local,
         CASE WHEN s.stage >= 4 THEN (s.close_date::timestamp + (9 + s.r6 % 9) * interval '1 hour') AT TIME ZONE '${TIME_ZONE}' END AS closed_at
       FROM staged s
     ), timed AS (
       SELECT d.*, d.created_local AT TIME ZONE '${TIME_ZONE}' AS created_at FROM dated d
     )
     INSERT INTO opportunities (id, version, owner_id, org_unit_id, custom, created_at, created_by, updated_at, updated_by,
                                name, name_sort, customer_id, pipeline_id, stage_id, amount, currency, expected_close_date, probability,
                                forecast_category, source, loss_reason, stage_entered_at, closed_at)
     SELECT
       (substr(x.hex, 1, 8) || '-' || substr(x.hex, 9, 4) || '-7' || substr(t.hb, 1, 3) || '-'
         || substr('89ab', (t.r8 % 4)::int + 1, 1) || substr(t.hb, 4, 3) || '-' || substr(t.hb, 7, 12))::uuid,
       1, o.id, o.org_unit_id, '{}'::jsonb, t.created_at, o.id, coalesce(t.closed_at, e.entered_at), o.id,
       c.name || ($2::text[])[t.project],
       -- pinyinSortKey of the name, from the customer's key and the project's syllables: without it the server's
       -- start-up backfill would fill a million keys while the bench measures.
       c.syllables || ' ' || ($6::text[])[t.project] || chr(1) || c.name || ($2::text[])[t.project],
       c.id, '${STANDARD_PIPELINE_ID}', ($3::uuid[])[t.stage + 1],
       round(1000 + ((t.r1 % 1000000)::numeric / 1000000) ^ 3 * 2000000, 2), 'CNY', t.close_date,
       (ARRAY[10, 25, 50, 75, 100, 0])[t.stage + 1],
       CASE WHEN t.stage = 4 THEN 'closed' WHEN t.stage = 5 THEN 'omitted'
            WHEN t.r7 % 100 < 5 THEN 'omitted'
            WHEN t.stage = 3 AND t.r7 % 100 < 75 THEN 'commit'
            WHEN t.stage >= 2 AND t.r7 % 100 < 55 THEN 'best_case'
            ELSE 'pipeline' END,
       ($4::text[])[(1 + t.r5 % cardinality($4::text[]))::int],
       CASE WHEN t.stage = 5 THEN ($5::text[])[(1 + t.r6 % cardinality($5::text[]))::int] END,
       coalesce(t.closed_at, e.entered_at), t.closed_at
     FROM (SELECT timed.*, (1 + timed.r3 % cardinality($2::text[]))::int AS project FROM timed) t
     CROSS JOIN LATERAL (SELECT least(t.created_at + (t.r8 % 40) * interval '1 day',
                                      (date '${DATASET_TODAY}'::timestamp AT TIME ZONE '${TIME_ZONE}')) AS entered_at) e
     CROSS JOIN LATERAL (SELECT lpad(to_hex(floor(extract(epoch FROM t.created_at) * 1000)::bigint), 12, '0') AS hex) x
     JOIN bench_opp_owner o ON o.b = t.r1 % (SELECT count(DISTINCT b) FROM bench_opp_owner) AND o.slot = t.slot
     JOIN bench_opp_customer_count cc ON cc.branch = o.branch
     JOIN bench_opp_customer c ON c.branch = o.branch AND c.n = t.r3 % cc.n`,
    [
      count,
      PROJECTS,
      [STAGE_IDS.first, STAGE_IDS.needs, STAGE_IDS.quote, STAGE_IDS.negotiation, STAGE_IDS.won, STAGE_IDS.lost],
      SOURCES,
      LOSS_REASONS,
      PROJECT_SYLLABLES,
    ],
  );
  for (const { definition } of indexes) await client.query(definition);
}

/**
 * Targets of DATASET_QUARTER, as managers would set and split them: revenue, new customers and visits for every
 * branch; revenue split to its two sales teams, and each team's to its rep (40 % / 40 % of the branch, the rest kept
 * for the branch manager's own deals, who gets a person target too). Values from md5 of the branch code.
 */
async function generateTargets(client: pg.PoolClient): Promise<void> {
  const id = (key: string) => `md5('guanxi-bench/target/' || ${key})::uuid`;
  const period = `'${DATASET_QUARTER}', 'quarter', date '${QUARTER_START}', date '${QUARTER_END}'`;
  const columns = '(id, period, period_kind, start_date, end_date, metric, org_unit_id, user_id, value, parent_id)';
  // A branch's quarterly revenue target: 8–16 million yuan, in whole ten-thousands.
  const branchRevenue = `(800 + ('x' || substr(md5(b.code), 1, 6))::bit(24)::int % 800) * 10000`;
  await client.query(`CREATE TEMP TABLE bench_target_branch ON COMMIT DROP AS
    SELECT b.id, b.code, ${branchRevenue}::numeric AS revenue, m.id AS manager_id
    FROM org_units b JOIN users m ON m.org_unit_id = b.id
    WHERE b.depth = 1`);
  await client.query(`INSERT INTO sales_targets ${columns}
    SELECT ${id("b.code || '/revenue'")}, ${period}, 'revenue', b.id, NULL::uuid, b.revenue, NULL::uuid FROM bench_target_branch b
    UNION ALL
    SELECT ${id("b.code || '/new_customers'")}, ${period}, 'new_customers', b.id, NULL::uuid, round(b.revenue / 50000), NULL::uuid FROM bench_target_branch b
    UNION ALL
    SELECT ${id("b.code || '/visits'")}, ${period}, 'visits', b.id, NULL::uuid, round(b.revenue / 20000), NULL::uuid FROM bench_target_branch b
    UNION ALL
    SELECT ${id("b.code || '/manager'")}, ${period}, 'revenue', b.id, b.manager_id, round(b.revenue * 0.2, 2), ${id("b.code || '/revenue'")}
    FROM bench_target_branch b`);
  await client.query(`INSERT INTO sales_targets ${columns}
    SELECT ${id("t.code || '/revenue'")}, ${period}, 'revenue', t.id, NULL::uuid, round(b.revenue * 0.4, 2), ${id("b.code || '/revenue'")}
    FROM bench_target_branch b JOIN org_units t ON t.parent_id = b.id AND t.code NOT LIKE '%-CS'
    UNION ALL
    SELECT ${id("t.code || '/rep'")}, ${period}, 'revenue', t.id, u.id, round(b.revenue * 0.4, 2), ${id("t.code || '/revenue'")}
    FROM bench_target_branch b JOIN org_units t ON t.parent_id = b.id AND t.code NOT LIKE '%-CS'
    JOIN users u ON u.org_unit_id = t.id`);
}
