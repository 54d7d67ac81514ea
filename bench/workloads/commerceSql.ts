// Raw SQL of the commerce workloads: the inserts of a direct order (counter, order, lines, stage states) in one
// statement, the price engine's facts statement exactly as the server builds it (catalog.pricing.facts.ts, compiled
// here by Drizzle's dialect), the receivables aging's grouped statement (receivables.aging.ts) and the orders list's
// first page (the kit's listPage with the customer and order date filters).
import { PgDialect } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../apps/server/src/platform/db/db.ts';
import type { Actor } from '../../apps/server/src/platform/http/context.ts';
import { STANDARD_ROLES } from '../../apps/server/src/demo/demo.seed.ts';
import { loadPricingFacts } from '../../apps/server/src/modules/commerce/catalog/catalog.pricing.facts.ts';
import type { BenchUser } from '../dataset.ts';
import type { RawQuery } from './workload.ts';

export const STANDARD_ORDER_TYPE_ID = '01930000-0000-7000-8000-000000000101';

/** An actor with the standard role's permissions, as the server would load it for this bench user. */
export function benchActor(user: BenchUser): Actor {
  const role = STANDARD_ROLES.find((r) => r.key === user.role);
  if (!role) throw new Error(`No standard role ${user.role}`);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.username,
    orgUnitId: user.orgUnitId,
    orgUnitPath: user.orgUnitPath,
    isAdmin: false,
    permissions: role.permissions,
    roleKeys: [role.key],
    locale: 'zh-CN',
    source: 'api',
    requestId: null,
    via: 'session',
  } as Actor;
}

/**
 * The price engine's one statement for these lines, compiled as the server sends it: loadPricingFacts runs against a
 * stand-in database that keeps the SQL instead of executing it.
 */
export async function pricingFactsSql(actor: Actor, customerId: string, productIds: string[], day: string): Promise<RawQuery> {
  const dialect = new PgDialect();
  let captured: RawQuery | null = null;
  const capture = {
    async execute(query: SQL) {
      const { sql, params } = dialect.sqlToQuery(query);
      captured = { text: sql, params };
      return { rows: [{ customer: null, products: [], items: [], rules: [] }] };
    },
  };
  await loadPricingFacts(capture as unknown as DbOrTx, actor, { customerId, productIds, day, tier: null });
  if (!captured) throw new Error('loadPricingFacts sent no statement');
  return captured;
}

export interface RawOrderLine {
  productId: string;
  quantity: string;
  unitPrice: string;
}

/**
 * A draft order with its lines and stage states in one statement (one transaction): the year's counter, the order
 * with totals summed from the lines (tax-inclusive, to the fen), the lines with the products' SKU, name, unit,
 * supplier, cost and tax rate, and one pending state per stage of the standard type with its expected date.
 */
export function orderCreateSql(
  rep: BenchUser,
  input: { id: string; customerId: string; memo: string; year: number; lines: RawOrderLine[] },
): RawQuery {
  const lines = input.lines.map((l, position) => ({
    position,
    product_id: l.productId,
    quantity: l.quantity,
    unit_price: l.unitPrice,
  }));
  return {
    text: `WITH n AS (
        INSERT INTO commerce_counters (kind, year, value) VALUES ('order', $6, 1)
        ON CONFLICT (kind, year) DO UPDATE SET value = commerce_counters.value + 1 RETURNING value
      ), l AS (
        SELECT l.position, l.quantity, l.unit_price, p.id, p.sku, p.name, p.unit, p.supplier, p.standard_cost,
               p.tax_rate * 100 AS tax_pct, round(l.quantity * l.unit_price, 2) AS amount,
               round(round(l.quantity * l.unit_price, 2) / (1 + p.tax_rate), 2) AS net
        FROM jsonb_to_recordset($7::jsonb) AS l(position int, product_id uuid, quantity numeric, unit_price numeric)
        JOIN products p ON p.id = l.product_id
      ), t AS (
        SELECT sum(amount) AS gross, sum(net) AS net, round(sum(quantity * standard_cost), 2) AS cost FROM l
      ), st AS (
        SELECT s.id, s.position, sum(s.lead_time_days) OVER (ORDER BY s.position)::int AS days
        FROM order_stages s WHERE s.order_type_id = $8 AND s.active
      ), o AS (
        INSERT INTO orders (id, owner_id, org_unit_id, created_by, updated_by, number, customer_id, order_type_id, status,
                            current_stage_id, order_date, expected_arrival_date, subtotal, net_total, tax_total, gross_total,
                            cost_total, memo)
        SELECT $1, $2, $3, $2, $2, 'SO' || $6 || '-' || lpad(n.value::text, 6, '0'), $4, $8, 'draft',
               (SELECT id FROM st ORDER BY position LIMIT 1), current_date, current_date + 7,
               t.gross, t.net, t.gross - t.net, t.gross, t.cost, $5
        FROM n, t RETURNING id, order_date
      ), ol AS (
        INSERT INTO order_lines (id, order_id, position, product_id, sku, name, unit, supplier, quantity, unit_price,
                                 tax_rate, amount, discount, subtotal, total_discount_share, net, tax, gross, unit_cost)
        SELECT gen_random_uuid(), o.id, l.position, l.id, l.sku, l.name, l.unit, l.supplier, l.quantity, l.unit_price,
               l.tax_pct, l.amount, 0, l.amount, 0, l.net, l.amount - l.net, l.amount, l.standard_cost
        FROM o, l
      ), ss AS (
        INSERT INTO order_stage_states (order_id, stage_id, position, status, expected_date)
        SELECT o.id, st.id, st.position, 'pending', o.order_date + st.days FROM o, st
      )
      SELECT id FROM o`,
    params: [
      input.id,
      rep.id,
      rep.orgUnitId,
      input.customerId,
      input.memo,
      input.year,
      JSON.stringify(lines),
      STANDARD_ORDER_TYPE_ID,
    ],
  };
}

/** Own records, records of the reader's org unit subtree, or records shared with the reader ($1 user, $2 path). */
const unitAndBelow = (alias: string, recordType: string) =>
  `((${alias}.owner_id = $1 OR ${alias}.org_unit_id = ANY(ARRAY(SELECT id FROM org_units WHERE path LIKE $2)))
    OR ${alias}.id = ANY(ARRAY(SELECT s.record_id FROM record_shares s WHERE s.user_id = $1 AND s.record_type = '${recordType}')))`;

/**
 * The orders list's first page for a unit-and-below reader: one customer's orders in a period, newest order date
 * first (the order type's default sort), 50 + 1 rows with the owner's and unit's names.
 */
export function orderSearchSql(userId: string, pathPattern: string, customerId: string, from: string, to: string): RawQuery {
  return {
    text: `SELECT o.*, u.display_name AS owner_name, ou.name AS org_unit_name, (o.order_date)::text AS k0
      FROM orders o
      LEFT JOIN users u ON u.id = o.owner_id
      LEFT JOIN org_units ou ON ou.id = o.org_unit_id
      WHERE o.deleted_at IS NULL AND ${unitAndBelow('o', 'order')}
        AND o.customer_id = $3 AND o.order_date >= $4::date AND o.order_date <= $5::date
      ORDER BY o.order_date DESC NULLS LAST, o.id ASC LIMIT 51`,
    params: [userId, pathPattern, customerId, from, to],
  };
}

/** YYYY-MM-DD `days` after `day`. */
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The aging's grouped statement over the open instalments of a unit subtree ($1: its path pattern), by org unit (all
 * groups) or by customer (the largest `limit`), with the totals row — as agingReport sends it: one sum per group and
 * bucket, then the buckets side by side.
 */
export function agingSql(pathPattern: string, groupBy: 'orgUnit' | 'customer', asOf: string, limit = 100): RawQuery {
  const key = groupBy === 'orgUnit' ? 'org_unit_id' : 'customer_id';
  return {
    text: `WITH s AS (
        SELECT ${key} AS key,
               CASE WHEN due_date >= $2::date THEN 0 WHEN due_date >= $3::date THEN 1
                    WHEN due_date >= $4::date THEN 2 WHEN due_date >= $5::date THEN 3 ELSE 4 END AS b,
               sum(amount - paid_amount) AS o, count(*) AS n
        FROM order_instalments
        WHERE status IN ('open', 'partial') AND org_unit_id = ANY(ARRAY(SELECT id FROM org_units WHERE path LIKE $1))
        GROUP BY 1, 2),
      g AS MATERIALIZED (
        SELECT key, coalesce(sum(o) FILTER (WHERE b = 0), 0) AS current, coalesce(sum(o) FILTER (WHERE b = 1), 0) AS d1_30,
               coalesce(sum(o) FILTER (WHERE b = 2), 0) AS d31_60, coalesce(sum(o) FILTER (WHERE b = 3), 0) AS d61_90,
               coalesce(sum(o) FILTER (WHERE b = 4), 0) AS d90plus, sum(o) AS total, sum(n) AS n
        FROM s GROUP BY key)
      (SELECT key::text, current, d1_30, d31_60, d61_90, d90plus, total, n, 0 AS groups FROM g
       ORDER BY total DESC, key${groupBy === 'orgUnit' ? '' : ` LIMIT ${limit}`})
      UNION ALL
      SELECT NULL, sum(current), sum(d1_30), sum(d31_60), sum(d61_90), sum(d90plus), sum(total), sum(n), count(*) FROM g`,
    params: [pathPattern, asOf, addDays(asOf, -30), addDays(asOf, -60), addDays(asOf, -90)],
  };
}
