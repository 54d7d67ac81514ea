// Deterministic bench orders for issue 6's commerce workloads, generated in SQL on top of a dataset's org tree and
// customers: the catalogue (catalog.ts), then N orders over the two years before the dataset's today with their lines
// (1–9, 5 on average), instalments (1–3, 2 on average; paid, partly paid, open and overdue, so aging has every bucket)
// and, for approved and in-progress orders, their stage states — each table in one INSERT … SELECT over
// generate_series whose values come from md5 of the row number. Kept apart with a marker of their own, so a kept
// dataset of a million customers gets orders added without being rebuilt.
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { PRODUCT_COUNT, generateCatalog } from './catalog.ts';
import { DATASET_TODAY } from './opportunities.ts';

/** Bump when the generated catalogue or orders change, so kept ones are regenerated (the customers stay). */
const ORDER_GENERATOR_VERSION = 1;
const MARKER_TABLE = 'guanxi_bench_orders';
/** Orders, quotes and their search entries the workloads make carry this in their memo / notes. */
export const BENCH_MARK = 'guanxi-bench:';
const TIME_ZONE = 'Asia/Shanghai';
/** Order dates spread over 731 days ending on the dataset's today. */
const DAYS = 731;
const START = `(date '${DATASET_TODAY}' - ${DAYS - 1})`;
const STANDARD_TYPE_ID = '01930000-0000-7000-8000-000000000101';
const IMPORT_TYPE_ID = '01930000-0000-7000-8000-000000000102';
// prettier-ignore
const MEMOS = ['客户要求月底前交货', '分两批发货', '开具增值税专用发票', '送货上门，需提前电话联系', '老客户续订', '展会订单',
  '含安装调试', '仓库自提'];

/** What the catalogue and order tables hold; TRUNCATE … CASCADE takes what hangs off them (approvals, contracts). */
const COMMERCE_TABLES = [
  'order_stage_events',
  'order_stage_states',
  'order_expenses',
  'payment_allocations',
  'dunning_notices',
  'payments',
  'order_deliveries',
  'order_instalments',
  'order_lines',
  'purchase_batches',
  'orders',
  'quote_lines',
  'quotes',
  'contracts',
  'commerce_approvals',
  'price_list_items',
  'price_lists',
  'discount_rules',
  'products',
  'product_categories',
];
/** The big tables whose secondary indexes and foreign keys are dropped during the load and rebuilt after it. */
const LOADED_TABLES = ['orders', 'order_lines', 'order_instalments', 'order_stage_states'];

const word = (source: string, index: number) => `('x' || substr(${source}, ${index * 8 + 1}, 8))::bit(32)::bigint`;
const words = (source: string, first: number) => [0, 1, 2, 3].map((k) => `${word(source, k)} AS r${first + k}`).join(', ');

/**
 * Makes sure the database holds exactly `count` generated orders: reuses them when the marker says so (deleting what
 * earlier workload runs added), generates them (catalogue included) when `count` differs, and leaves the tables alone
 * when `count` is 0. Returns the seconds taken, or null when nothing was generated.
 */
export async function prepareOrders(client: pg.PoolClient, count: number): Promise<number | null> {
  await client.query(`CREATE TABLE IF NOT EXISTS ${MARKER_TABLE} (count int NOT NULL, generator int NOT NULL,
    seconds float8 NOT NULL, generated_at timestamptz NOT NULL DEFAULT now())`);
  const { rows } = await client.query<{ count: number; generator: number }>(`SELECT count, generator FROM ${MARKER_TABLE}`);
  const kept = rows.length === 1 && rows[0]!.generator === ORDER_GENERATOR_VERSION && (count === 0 || rows[0]!.count === count);
  if (kept) {
    await removeWorkloadRows(client);
    if (await quietDunning(client)) await client.query('VACUUM (ANALYZE) order_instalments');
    return null;
  }
  if (count === 0) return null;
  const started = performance.now();
  await client.query('BEGIN');
  try {
    await client.query(`DELETE FROM ${MARKER_TABLE}`);
    await client.query(`TRUNCATE ${COMMERCE_TABLES.join(', ')} CASCADE`);
    await client.query(`DELETE FROM commerce_counters WHERE kind IN ('order', 'quote', 'contract', 'payment', 'batch')`);
    await client.query(`DELETE FROM search_documents WHERE record_type IN ('product', 'order', 'quote', 'contract')`);
    await generateCatalog(client);
    const restore = await dropIndexesAndKeys(client);
    await generateOrders(client, count);
    for (const statement of restore) await client.query(statement);
    await quietDunning(client);
    await client.query(`INSERT INTO ${MARKER_TABLE} (count, generator, seconds) VALUES ($1, $2, $3)`, [
      count,
      ORDER_GENERATOR_VERSION,
      (performance.now() - started) / 1000,
    ]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
  // VACUUM too: autovacuum would otherwise visit the fresh millions of rows during the first measurements, and
  // index-only scans need the visibility map it sets.
  for (const table of [...LOADED_TABLES, 'products', 'price_list_items', 'discount_rules', 'product_categories'])
    await client.query(`VACUUM (ANALYZE) ${table}`);
  return (performance.now() - started) / 1000;
}

/** Orders (with lines, states, instalments) and quotes an earlier run's workloads made, and their search entries. */
async function removeWorkloadRows(client: pg.PoolClient): Promise<void> {
  await client.query(`DELETE FROM search_documents s USING orders o
    WHERE s.record_type = 'order' AND s.record_id = o.id AND o.memo LIKE '${BENCH_MARK}%'`);
  await client.query(`DELETE FROM orders WHERE memo LIKE '${BENCH_MARK}%'`);
  await client.query(`DELETE FROM search_documents s USING quotes q
    WHERE s.record_type = 'quote' AND s.record_id = q.id AND q.notes LIKE '${BENCH_MARK}%'`);
  await client.query(`DELETE FROM quotes WHERE notes LIKE '${BENCH_MARK}%'`);
}

/**
 * Keeps the dunning job (receivables.dunning.ts, daily, also right after a start) from reminding the hundred thousand
 * overdue instalments while the workloads run: every open instalment counts as reminded on the dataset's today (the
 * overdue ones once) and the interval between reminders is ten years. Idempotent; returns the rows it changed.
 */
async function quietDunning(client: pg.PoolClient): Promise<number> {
  await client.query('UPDATE commerce_settings SET dunning_interval_days = 3650 WHERE id = 1 AND dunning_interval_days <> 3650');
  const { rowCount } = await client.query(`UPDATE order_instalments
    SET last_dunned_at = (date '${DATASET_TODAY}' + time '09:00') AT TIME ZONE '${TIME_ZONE}',
        dunning_count = CASE WHEN due_date < date '${DATASET_TODAY}' THEN greatest(dunning_count, 1) ELSE dunning_count END
    WHERE status IN ('open', 'partial') AND last_dunned_at IS NULL`);
  return rowCount ?? 0;
}

/** Drops the loaded tables' secondary indexes and foreign keys; returns the statements that put them back. */
async function dropIndexesAndKeys(client: pg.PoolClient): Promise<string[]> {
  const { rows: keys } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid::regclass::text = ANY($1)`,
    [LOADED_TABLES],
  );
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [LOADED_TABLES],
  );
  for (const k of keys) await client.query(`ALTER TABLE ${k.table} DROP CONSTRAINT "${k.name}"`);
  for (const i of indexes) await client.query(`DROP INDEX "${i.name}"`);
  return [
    ...indexes.map((i) => i.definition),
    ...keys.map((k) => `ALTER TABLE ${k.table} ADD CONSTRAINT "${k.name}" ${k.definition}`),
  ];
}

/**
 * Line k of order i, as SQL over `o` (a bench_ord row) and `k`: a product by md5, a quantity (mostly 1–5, some 5–25,
 * one in ten 20–220), the unit price 0/5/10/15 % below the list price, tax-inclusive amounts to the fen. The product's
 * figures come from arrays of fixed-width values ($1 list price in fen, $2 cost in fen, $3 tax rate in percent), so
 * subscripting is direct; the insert of the lines joins the product's texts.
 */
const LINE = `
  CROSS JOIN LATERAL (SELECT md5('guanxi-bench/order-line/' || o.i || '/' || k) AS lh) lh
  CROSS JOIN LATERAL (SELECT (${word('lh.lh', 0)} % ${PRODUCT_COUNT})::int AS pn, ${word('lh.lh', 1)} AS w2, ${word('lh.lh', 2)} AS w3) lw
  CROSS JOIN LATERAL (SELECT ($1::bigint[])[lw.pn + 1] / 100.0 AS list_price, ($2::bigint[])[lw.pn + 1] / 100.0 AS unit_cost,
                             ($3::int[])[lw.pn + 1] AS tax_pct,
                             (CASE WHEN lw.w2 % 10 < 6 THEN 1 + lw.w2 % 5 WHEN lw.w2 % 10 < 9 THEN 5 + lw.w2 % 20
                                   ELSE 20 + lw.w2 % 200 END)::numeric AS quantity,
                             (ARRAY[0, 0, 0, 5, 10, 15])[(1 + lw.w3 % 6)::int] AS off) lp
  CROSS JOIN LATERAL (SELECT round(lp.list_price * (100 - lp.off) / 100, 2) AS unit_price) up
  CROSS JOIN LATERAL (SELECT round(lp.quantity * up.unit_price, 2) AS amount) la
  CROSS JOIN LATERAL (SELECT round(la.amount / (1 + lp.tax_pct / 100.0), 2) AS net) ln`;

/**
 * Instalment j of an order of gross `gross` (SQL over `b`, a bench_ord row, and `j`): equal parts to the fen, the last
 * taking the rest; due 30 days apart after the order date (+0–14 days); paid, partly paid or open by the order's status
 * and whether it is due before the dataset's today.
 */
const instalment = (gross: string) => `
  CROSS JOIN LATERAL (SELECT md5('guanxi-bench/instalment/' || b.i || '/' || j) AS ih) ih
  CROSS JOIN LATERAL (SELECT ${word('ih.ih', 0)} % 100 AS p, ${word('ih.ih', 1)} AS w,
                             b.order_date + (30 * j + ${word('ih.ih', 2)} % 15)::int AS due_date,
                             CASE WHEN j < b.n_inst THEN round(${gross} / b.n_inst, 2)
                                  ELSE ${gross} - (b.n_inst - 1) * round(${gross} / b.n_inst, 2) END AS amount) iv
  CROSS JOIN LATERAL (SELECT CASE
      WHEN b.status = 'cancelled' THEN 'cancelled'
      WHEN b.status IN ('draft', 'pendingApproval') THEN 'open'
      WHEN b.status = 'completed' THEN CASE WHEN iv.p < 98 THEN 'paid' ELSE 'partial' END
      WHEN iv.due_date < date '${DATASET_TODAY}' THEN CASE WHEN iv.p < 55 THEN 'paid' WHEN iv.p < 70 THEN 'partial' ELSE 'open' END
      ELSE CASE WHEN iv.p < 10 THEN 'paid' WHEN iv.p < 20 THEN 'partial' ELSE 'open' END END AS status) ist
  CROSS JOIN LATERAL (SELECT CASE ist.status WHEN 'paid' THEN iv.amount
      WHEN 'partial' THEN round(iv.amount * (20 + iv.w % 60) / 100, 2) ELSE 0 END AS paid_amount) ipa`;

async function generateOrders(client: pg.PoolClient, count: number): Promise<void> {
  await client.query(`CREATE TEMP TABLE bench_ord_owner ON COMMIT DROP AS
    SELECT u.id, u.org_unit_id, dense_rank() OVER (ORDER BY split_part(o.code, '-', 1)) - 1 AS b, split_part(o.code, '-', 1) AS branch,
           CASE WHEN o.depth = 1 THEN 0 WHEN o.code LIKE '%-S1' THEN 1 ELSE 2 END AS slot,
           m.id AS manager_id
    FROM users u JOIN org_units o ON o.id = u.org_unit_id
    JOIN users m ON m.username = lower(split_part(o.code, '-', 1)) || '_manager'
    WHERE u.username LIKE 'br%' AND o.code NOT LIKE '%-CS'`);
  await client.query(`CREATE TEMP TABLE bench_ord_customer ON COMMIT DROP AS
    SELECT split_part(o.code, '-', 1) AS branch, row_number() OVER (PARTITION BY split_part(o.code, '-', 1) ORDER BY c.id) - 1 AS n, c.id
    FROM customers c JOIN org_units o ON o.id = c.org_unit_id WHERE c.deleted_at IS NULL`);
  // A branch's key accounts, its first 1 % of customers, place 30 % of its orders: some customers have dozens.
  await client.query(`CREATE TEMP TABLE bench_ord_customer_count ON COMMIT DROP AS
    SELECT branch, count(*) AS n, greatest(1, count(*) / 100) AS heavy FROM bench_ord_customer GROUP BY branch`);
  const { rows: covered } = await client.query<{ branches: string; covered: string }>(
    `SELECT (SELECT count(DISTINCT b) FROM bench_ord_owner) AS branches, (SELECT count(*) FROM bench_ord_customer_count) AS covered`,
  );
  if (Number(covered[0]!.covered) < Number(covered[0]!.branches))
    throw new Error('--orders needs customers in every branch (--customers N, at least a few hundred)');
  await client.query('CREATE INDEX ON bench_ord_customer (branch, n)');
  await client.query(`CREATE TEMP TABLE bench_ord_product ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY p.sku)::int - 1 AS n, p.id, p.sku, p.name, p.unit, p.supplier,
           (p.list_price * 100)::bigint AS list_fen, (p.standard_cost * 100)::bigint AS cost_fen, (p.tax_rate * 100)::int AS tax_pct
    FROM products p`);
  // Each type's stages with the days from the order date to each stage's completion, and to the arrival.
  await client.query(`CREATE TEMP TABLE bench_ord_stage ON COMMIT DROP AS
    SELECT s.order_type_id AS type_id, s.position, s.id, count(*) OVER (PARTITION BY s.order_type_id) AS stages,
           sum(s.lead_time_days) OVER (PARTITION BY s.order_type_id ORDER BY s.position)::int AS days,
           max(s.position) FILTER (WHERE s.is_arrival) OVER (PARTITION BY s.order_type_id) AS arrival_position
    FROM order_stages s WHERE s.active AND s.order_type_id IN ('${STANDARD_TYPE_ID}', '${IMPORT_TYPE_ID}')`);
  for (const t of ['bench_ord_owner', 'bench_ord_customer', 'bench_ord_customer_count', 'bench_ord_product', 'bench_ord_stage'])
    await client.query(`ANALYZE ${t}`);

  // One row per order: date (monotonic in the row number, so the number's sequence within its year is arithmetic),
  // status by its age, type, owner, customer, line and instalment counts, and the stage it stands at.
  await client.query(
    `CREATE TEMP TABLE bench_ord ON COMMIT DROP AS
     WITH picked AS (
       SELECT g.i, h.hb, r.*, ${START} + (((g.i - 1)::bigint * ${DAYS}) / $1)::int AS order_date
       FROM generate_series(1, $1::int) AS g(i)
       CROSS JOIN LATERAL (SELECT md5('guanxi-bench/order/' || g.i) AS ha, md5('guanxi-bench/order-id/' || g.i) AS hb) h
       CROSS JOIN LATERAL (SELECT ${words('h.ha', 1)}, ${words('h.hb', 5)}) r
     ), aged AS (
       SELECT p.*, date '${DATASET_TODAY}' - p.order_date AS age, extract(year FROM p.order_date)::int AS year,
         CASE WHEN p.r6 % 10 = 0 THEN '${IMPORT_TYPE_ID}' ELSE '${STANDARD_TYPE_ID}' END::uuid AS type_id,
         CASE WHEN p.r2 % 100 < 10 THEN 0 WHEN p.r2 % 100 < 55 THEN 1 ELSE 2 END AS slot
       FROM picked p
     ), statused AS (
       SELECT a.*, CASE
           WHEN a.age > 60 THEN CASE WHEN a.r5 % 100 < 85 THEN 'completed' WHEN a.r5 % 100 < 90 THEN 'cancelled' ELSE 'inProgress' END
           WHEN a.age > 14 THEN CASE WHEN a.r5 % 100 < 10 THEN 'completed' WHEN a.r5 % 100 < 15 THEN 'cancelled'
                                     WHEN a.r5 % 100 < 30 THEN 'approved' ELSE 'inProgress' END
           ELSE CASE WHEN a.r5 % 100 < 30 THEN 'draft' WHEN a.r5 % 100 < 45 THEN 'pendingApproval'
                     WHEN a.r5 % 100 < 70 THEN 'approved' ELSE 'inProgress' END END AS status,
         (a.order_date::timestamp + (9 + a.r8 % 9) * interval '1 hour' + (a.r8 % 3600) * interval '1 second')
           AT TIME ZONE '${TIME_ZONE}' AS created_at,
         a.i - ((greatest(0, make_date(a.year, 1, 1) - ${START})::bigint * $1 + ${DAYS - 1}) / ${DAYS}) AS seq
       FROM aged a
     )
     SELECT s.i, s.order_date, s.year, s.seq, s.status, s.type_id, s.created_at, s.r8 % 20 = 1 AS rush,
       CASE WHEN s.r7 % 4 = 0 THEN ($2::text[])[(1 + (s.r7 >> 4) % cardinality($2::text[]))::int] END AS memo,
       (1 + s.r7 % 9)::int AS n_lines, (1 + (s.r7 >> 8) % 3)::int AS n_inst,
       CASE s.status WHEN 'draft' THEN 0 WHEN 'pendingApproval' THEN 0 WHEN 'approved' THEN 1
         WHEN 'inProgress' THEN 1 + (s.r6 >> 8) % (CASE WHEN s.type_id = '${STANDARD_TYPE_ID}' THEN 3 ELSE 7 END) END AS cp,
       (substr(x.hex, 1, 8) || '-' || substr(x.hex, 9, 4) || '-7' || substr(s.hb, 1, 3) || '-'
         || substr('89ab', (s.r8 % 4)::int + 1, 1) || substr(s.hb, 4, 3) || '-' || substr(s.hb, 7, 12))::uuid AS id,
       o.id AS owner_id, o.org_unit_id, o.manager_id, c.id AS customer_id
     FROM statused s
     CROSS JOIN LATERAL (SELECT lpad(to_hex(floor(extract(epoch FROM s.created_at) * 1000)::bigint), 12, '0') AS hex) x
     JOIN bench_ord_owner o ON o.b = s.r1 % (SELECT count(DISTINCT b) FROM bench_ord_owner) AND o.slot = s.slot
     JOIN bench_ord_customer_count cc ON cc.branch = o.branch
     JOIN bench_ord_customer c ON c.branch = o.branch
       AND c.n = CASE WHEN s.r3 % 100 < 30 THEN s.r4 % cc.heavy ELSE s.r4 % cc.n END`,
    [count, MEMOS],
  );
  await client.query('ANALYZE bench_ord');
  const { rows: arrays } = await client.query<{ list: string[]; cost: string[]; tax: number[] }>(
    `SELECT array_agg(list_fen ORDER BY n) AS list, array_agg(cost_fen ORDER BY n) AS cost, array_agg(tax_pct ORDER BY n) AS tax
     FROM bench_ord_product`,
  );
  const productArrays = [arrays[0]!.list, arrays[0]!.cost, arrays[0]!.tax];

  // The orders with totals summed from their lines and the paid total from their instalments.
  await client.query(
    `INSERT INTO orders (id, version, owner_id, org_unit_id, custom, created_at, created_by, updated_at, updated_by, number,
                         customer_id, order_type_id, status, current_stage_id, order_date, expected_arrival_date, rush,
                         subtotal, discount_total, net_total, tax_total, gross_total, cost_total, effective_discount_percent,
                         paid_total, memo, approved_at, approved_by, delivered_at, completed_at)
     SELECT o.id, 1, o.owner_id, o.org_unit_id, '{}'::jsonb, o.created_at, o.owner_id,
       o.created_at + CASE WHEN o.status = 'completed' THEN (a.days + 30) * interval '1 day' ELSE interval '0' END, o.owner_id,
       'SO' || o.year || '-' || lpad(o.seq::text, greatest(6, length(o.seq::text)), '0'),
       o.customer_id, o.type_id, o.status, cur.id, o.order_date, o.order_date + a.days, o.rush,
       t.subtotal, 0, t.net, t.subtotal - t.net, t.subtotal, t.cost, t.off, p.paid, o.memo,
       CASE WHEN o.status IN ('approved', 'inProgress', 'completed') THEN o.created_at + interval '2 hours' END,
       CASE WHEN o.status IN ('approved', 'inProgress', 'completed') THEN o.manager_id END,
       CASE WHEN o.status = 'completed' THEN o.created_at + a.days * interval '1 day' END,
       CASE WHEN o.status = 'completed' THEN o.created_at + (a.days + 30) * interval '1 day' END
     FROM bench_ord o
     JOIN (SELECT DISTINCT type_id, days FROM bench_ord_stage WHERE position = arrival_position) a ON a.type_id = o.type_id
     LEFT JOIN bench_ord_stage cur ON cur.type_id = o.type_id AND cur.position = o.cp
     CROSS JOIN LATERAL (
       SELECT sum(la.amount) AS subtotal, sum(ln.net) AS net, round(sum(lp.quantity * lp.unit_cost), 2) AS cost,
              max(lp.off)::numeric(7, 2) AS off
       FROM generate_series(1, o.n_lines) AS k ${LINE}) t
     CROSS JOIN LATERAL (
       SELECT sum(ipa.paid_amount) AS paid FROM (SELECT o.*) b CROSS JOIN generate_series(1, o.n_inst) AS j ${instalment('t.subtotal')}) p`,
    productArrays,
  );
  await client.query(
    `INSERT INTO order_lines (id, order_id, position, product_id, sku, name, unit, supplier, quantity, list_price, unit_price,
                              tax_rate, amount, discount, subtotal, total_discount_share, net, tax, gross, unit_cost,
                              delivered_quantity)
     SELECT (substr(lh.lh, 1, 8) || '-' || substr(lh.lh, 9, 4) || '-8' || substr(lh.lh, 14, 3) || '-a' || substr(lh.lh, 18, 3)
              || '-' || substr(lh.lh, 21, 12))::uuid,
       o.id, k - 1, p.id, p.sku, p.name, p.unit, p.supplier, lp.quantity, lp.list_price, up.unit_price, lp.tax_pct,
       la.amount, 0, la.amount, 0, ln.net, la.amount - ln.net, la.amount, lp.unit_cost,
       CASE WHEN o.status = 'completed' THEN lp.quantity ELSE 0 END
     FROM bench_ord o CROSS JOIN LATERAL generate_series(1, o.n_lines) AS k ${LINE}
     JOIN bench_ord_product p ON p.n = lw.pn`,
    productArrays,
  );
  await client.query(
    `INSERT INTO order_instalments (id, order_id, position, name, due_date, amount, paid_amount, status, customer_id,
                                    owner_id, org_unit_id, paid_at)
     SELECT (substr(ih.ih, 1, 8) || '-' || substr(ih.ih, 9, 4) || '-8' || substr(ih.ih, 14, 3) || '-a' || substr(ih.ih, 18, 3)
              || '-' || substr(ih.ih, 21, 12))::uuid,
       b.id, j - 1, CASE WHEN b.n_inst = 1 THEN '全款' WHEN j = 1 THEN '首付款' WHEN j = b.n_inst THEN '尾款' ELSE '到货款' END,
       iv.due_date, iv.amount, ipa.paid_amount, ist.status, b.customer_id, b.owner_id, b.org_unit_id,
       CASE WHEN ist.status IN ('paid', 'partial') THEN least(iv.due_date + (iv.w % 40)::int - 20, date '${DATASET_TODAY}') END
     FROM orders ord JOIN bench_ord b ON b.id = ord.id
     CROSS JOIN LATERAL generate_series(1, b.n_inst) AS j ${instalment('ord.gross_total')}`,
  );
  // Approved and in-progress orders stand at a stage: the ones before it done, it and the rest pending.
  await client.query(
    `INSERT INTO order_stage_states (order_id, stage_id, position, status, expected_date, completed_at, completed_by)
     SELECT b.id, s.id, s.position, CASE WHEN s.position < b.cp THEN 'done' ELSE 'pending' END, b.order_date + s.days,
       CASE WHEN s.position < b.cp THEN b.created_at + s.days * interval '1 day' + interval '3 hours' END,
       CASE WHEN s.position < b.cp THEN b.owner_id END
     FROM bench_ord b JOIN bench_ord_stage s ON s.type_id = b.type_id
     WHERE b.status IN ('approved', 'inProgress')`,
  );
  // The order counter of each year continues after the generated numbers.
  await client.query(`INSERT INTO commerce_counters (kind, year, value)
    SELECT 'order', year, max(seq) FROM bench_ord GROUP BY year`);
}

export interface CommerceSample {
  /** Live products in SKU order. */
  productIds: string[];
  /** Customers of BENCH_BRANCH's first sales team (readable by its rep), in a fixed order. */
  teamCustomerIds: string[];
  /** Customers of BENCH_BRANCH with the most orders, with the quarters they ordered in. */
  orderCustomers: { id: string; orders: number }[];
}

/**
 * What the commerce workloads pick from: products, a team's customers, the branch's customers with most orders; null
 * when there are no products (no --orders yet).
 */
export async function describeCommerce(pool: pg.Pool, branch: string): Promise<CommerceSample | null> {
  const products = await pool.query<{ id: string }>(
    'SELECT id FROM products WHERE deleted_at IS NULL AND NOT discontinued ORDER BY sku LIMIT 500',
  );
  if (!products.rows.length) return null;
  const team = await pool.query<{ id: string }>(
    `SELECT c.id FROM customers c JOIN org_units o ON o.id = c.org_unit_id
     WHERE c.deleted_at IS NULL AND o.code = $1 ORDER BY md5(c.id::text) LIMIT 200`,
    [`${branch}-S1`],
  );
  const customers = await pool.query<{ id: string; orders: number }>(
    `SELECT o.customer_id AS id, count(*)::int AS orders FROM orders o
     WHERE o.deleted_at IS NULL AND o.org_unit_id = ANY(ARRAY(SELECT id FROM org_units WHERE code LIKE $1))
     GROUP BY o.customer_id ORDER BY count(*) DESC, o.customer_id LIMIT 100`,
    [`${branch}%`],
  );
  return {
    productIds: products.rows.map((r) => r.id),
    teamCustomerIds: team.rows.map((r) => r.id),
    orderCustomers: customers.rows,
  };
}
