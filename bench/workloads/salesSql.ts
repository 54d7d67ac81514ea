// Raw SQL of the sales workloads, written out as the server sends it: the board's grouped totals and its first page
// per column (modules/sales/sales.board.ts with the kit's listWhere/listPage), the forecast's two grouped queries
// (planning.forecast.ts) and plan vs actual's won revenue and new customers (planning.actuals.ts).
import { OPEN_STAGE_IDS, STAGE_IDS, STANDARD_PIPELINE_ID } from '../opportunities.ts';
import type { RawQuery } from './workload.ts';

const TIME_ZONE = 'Asia/Shanghai';

/** Own records, records of the reader's org unit subtree, or records shared with the reader ($1 user, $2 path). */
const unitAndBelow = `((o.owner_id = $1 OR o.org_unit_id = ANY(ARRAY(SELECT id FROM org_units WHERE path LIKE $2)))
    OR o.id = ANY(ARRAY(SELECT s.record_id FROM record_shares s WHERE s.user_id = $1 AND s.record_type = 'opportunity')))`;

/**
 * The board of the standard pipeline for a unit-and-below reader with `filter[orgUnitId][in]` (or eq with one unit):
 * per stage the count, sum and weighted sum, and beside each the first `limit` + 1 cards by amount descending, with
 * the owner's and unit's names — the grouped query and the column pages of opportunityBoard in one statement.
 */
export function boardSql(
  userId: string,
  pathPattern: string,
  unitIds: string[],
  stageIds: string[] | null,
  limit = 20,
): RawQuery {
  const params: unknown[] = [userId, pathPattern, STANDARD_PIPELINE_ID, unitIds];
  const stages = stageIds ? ` AND o.stage_id = ANY($${params.push(stageIds)}::uuid[])` : '';
  const where = `o.deleted_at IS NULL AND ${unitAndBelow} AND o.org_unit_id = ANY($4::uuid[])${stages} AND o.pipeline_id = $3`;
  return {
    text: `SELECT t.stage_id, t.count, t.amount, t.weighted, p.cards
      FROM (SELECT o.stage_id, count(*)::int AS count, coalesce(sum(o.amount), 0)::numeric(18,2)::text AS amount,
                   coalesce(sum(o.amount * coalesce(o.probability, 0) / 100), 0)::numeric(18,2)::text AS weighted
            FROM opportunities o WHERE ${where} GROUP BY o.stage_id) t
      CROSS JOIN LATERAL (
        SELECT json_agg(c) AS cards FROM (
          SELECT o.*, u.display_name AS owner_name, ou.name AS org_unit_name, (o.amount)::text AS k0
          FROM opportunities o
          LEFT JOIN users u ON u.id = o.owner_id
          LEFT JOIN org_units ou ON ou.id = o.org_unit_id
          WHERE ${where} AND o.stage_id = t.stage_id
          ORDER BY o.amount DESC NULLS LAST, o.id ASC LIMIT ${limit + 1}) c) p`,
    params,
  };
}

/** `column` within the quarter's days in the organisation's time zone, as planning.periods.ts withinPeriod. */
const withinPeriod = (column: string, start: string, dayAfterEnd: string) =>
  `(${column} >= ('${start}'::date::timestamp AT TIME ZONE '${TIME_ZONE}') AND ${column} < ('${dayAfterEnd}'::date::timestamp AT TIME ZONE '${TIME_ZONE}'))`;

/** `column` is one of the subtree's units ($1: the subtree's path pattern), as planning.tree.ts inTree. */
const inTree = (column: string) => `${column} = ANY(ARRAY(SELECT id FROM org_units WHERE path LIKE $1))`;

const stageList = (ids: string[]) => ids.map((id) => `'${id}'`).join(', ');

/**
 * forecastByCategory for a whole subtree: the open opportunities expected to close in the period grouped by unit,
 * owner and category, then the won ones closed in it, grouped by unit and owner.
 */
export function forecastSql(pathPattern: string, period: { startDate: string; endDate: string; dayAfterEnd: string }): RawQuery {
  const category = `CASE WHEN o.forecast_category IN ('commit', 'best_case') THEN o.forecast_category ELSE 'pipeline' END`;
  return {
    text: `SELECT o.org_unit_id, o.owner_id, ${category} AS category, count(*)::int AS count,
             coalesce(sum(o.amount), 0)::text AS amount, coalesce(sum(o.amount * coalesce(o.probability, 0) / 100), 0)::text AS weighted
      FROM opportunities o
      WHERE ${inTree('o.org_unit_id')} AND o.deleted_at IS NULL
        AND (o.expected_close_date >= $2::date AND o.expected_close_date <= $3::date)
        AND o.stage_id IN (${stageList(OPEN_STAGE_IDS)}) AND o.forecast_category IS DISTINCT FROM 'omitted'
      GROUP BY o.org_unit_id, o.owner_id, ${category}
      UNION ALL
      SELECT o.org_unit_id, o.owner_id, 'closed_won', count(*)::int, coalesce(sum(o.amount), 0)::text, '0'
      FROM opportunities o
      WHERE ${inTree('o.org_unit_id')} AND o.deleted_at IS NULL AND o.closed_at IS NOT NULL
        AND ${withinPeriod('o.closed_at', period.startDate, period.dayAfterEnd)}
        AND o.stage_id IN (${stageList([STAGE_IDS.won])})
      GROUP BY o.org_unit_id, o.owner_id`,
    params: [pathPattern, period.startDate, period.endDate],
  };
}

/** wonRevenue and newCustomers of plan vs actual for a subtree (no product category): grouped by unit and owner. */
export function planVsActualSql(pathPattern: string, period: { startDate: string; dayAfterEnd: string }): RawQuery {
  return {
    text: `SELECT o.org_unit_id, o.owner_id, count(*)::int AS count, coalesce(sum(o.amount), 0)::text AS amount
      FROM opportunities o
      WHERE ${inTree('o.org_unit_id')} AND o.deleted_at IS NULL AND o.closed_at IS NOT NULL
        AND ${withinPeriod('o.closed_at', period.startDate, period.dayAfterEnd)}
        AND o.stage_id IN (${stageList([STAGE_IDS.won])})
      GROUP BY o.org_unit_id, o.owner_id
      UNION ALL
      SELECT c.org_unit_id, c.owner_id, count(*)::int, NULL
      FROM customers c
      WHERE ${inTree('c.org_unit_id')} AND c.deleted_at IS NULL AND ${withinPeriod('c.created_at', period.startDate, period.dayAfterEnd)}
      GROUP BY c.org_unit_id, c.owner_id`,
    params: [pathPattern],
  };
}
