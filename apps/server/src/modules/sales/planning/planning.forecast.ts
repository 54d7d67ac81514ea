// The forecast of a period: open opportunities expected to close in it, by the category their rep set (commit, best
// case, pipeline; omitted ones left out), their weighted sum (amount × probability) and the won ones closed in it —
// per unit (rolled up its subtree) and person. Weekly snapshots keep how it stood, for the trend.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type {
  Forecast,
  ForecastFigures,
  ForecastRow,
  ForecastTrend,
  ForecastTrendQuery,
  PeriodInfo,
  ReportQuery,
} from '@guanxi/contracts';
import type { Db, DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { opportunities as o } from '../sales.schema.ts';
import { inIds, stageIdsByOutcome } from './planning.actuals.ts';
import { drillOpen, drillWon, type DrillScope } from './planning.drill.ts';
import { dateWithinPeriod, mondayOf, parsePeriod, periodsContaining, todayIn, withinPeriod } from './planning.periods.ts';
import { forecastSnapshots as s } from './planning.schema.ts';
import {
  childUnits,
  inTree,
  loadPeople,
  loadReportTree,
  money,
  rollUp,
  subtreeIds,
  type ReportTree,
  type Sums,
  type TreeUnit,
} from './planning.tree.ts';

/** The snapshot categories; `closed_won` is the won opportunities closed in the period. */
const CATEGORIES = ['commit', 'best_case', 'pipeline', 'closed_won'] as const;
type Category = (typeof CATEGORIES)[number];
const FIGURES = [...CATEGORIES.flatMap((c) => [`${c}:count`, `${c}:amount`]), 'weighted'];

interface CategoryRow {
  orgUnitId: string;
  ownerId: string;
  category: string;
  count: number;
  amount: string;
  weighted: string;
}

/** Grouped by unit, owner and category: one query for the open opportunities, one for the won ones. */
async function forecastByCategory(
  db: DbOrTx,
  unitCondition: SQL | undefined,
  p: PeriodInfo,
  tz: string,
  stageIds: { open: string[]; won: string[] },
  ownerId?: string,
): Promise<CategoryRow[]> {
  const owner = ownerId ? eq(o.ownerId, ownerId) : undefined;
  const category = sql<string>`CASE WHEN ${o.forecastCategory} IN ('commit', 'best_case') THEN ${o.forecastCategory} ELSE 'pipeline' END`;
  const [open, won] = await Promise.all([
    db
      .select({
        orgUnitId: o.orgUnitId,
        ownerId: o.ownerId,
        category,
        count: sql<number>`count(*)::int`,
        amount: sql<string>`coalesce(sum(${o.amount}), 0)::text`,
        weighted: sql<string>`coalesce(sum(${o.amount} * coalesce(${o.probability}, 0) / 100), 0)::text`,
      })
      .from(o)
      .where(
        and(
          unitCondition,
          owner,
          sql`${o.deletedAt} IS NULL`,
          dateWithinPeriod(o.expectedCloseDate, p),
          inIds(o.stageId, stageIds.open),
          sql`${o.forecastCategory} IS DISTINCT FROM 'omitted'`,
        ),
      )
      .groupBy(o.orgUnitId, o.ownerId, category),
    db
      .select({
        orgUnitId: o.orgUnitId,
        ownerId: o.ownerId,
        category: sql<string>`'closed_won'`,
        count: sql<number>`count(*)::int`,
        amount: sql<string>`coalesce(sum(${o.amount}), 0)::text`,
        weighted: sql<string>`'0'`,
      })
      .from(o)
      .where(
        and(
          unitCondition,
          owner,
          sql`${o.deletedAt} IS NULL AND ${o.closedAt} IS NOT NULL`,
          withinPeriod(o.closedAt, p, tz),
          inIds(o.stageId, stageIds.won),
        ),
      )
      .groupBy(o.orgUnitId, o.ownerId),
  ]);
  return [...open, ...won];
}

/** Category rows as rows of named figures (`commit:count`, `commit:amount`, …, `weighted`) for rolling up. */
const asFigures = (
  rows: { orgUnitId: string; ownerId: string; category: string; count: number | string; amount: string; weighted: string }[],
) =>
  rows.map((r) => ({
    orgUnitId: r.orgUnitId,
    ownerId: r.ownerId,
    [`${r.category}:count`]: r.count,
    [`${r.category}:amount`]: r.amount,
    weighted: r.weighted,
  }));

function figures(sums: Sums | undefined): ForecastFigures {
  const bucket = (c: Category) => ({
    count: (sums?.[`${c}:count`] ?? new Decimal(0)).toNumber(),
    amount: money(sums?.[`${c}:amount`]),
  });
  return {
    commit: bucket('commit'),
    bestCase: bucket('best_case'),
    pipeline: bucket('pipeline'),
    closedWon: bucket('closed_won'),
    weighted: money(sums?.weighted),
  };
}

export async function forecast(db: DbOrTx, actor: Actor, tz: string, query: ReportQuery): Promise<Forecast> {
  const p = parsePeriod(query.period);
  const tree = await loadReportTree(db, actor, query.orgUnitId, 'opportunity');
  const stageIds = await stageIdsByOutcome(db);
  const rows = asFigures(await forecastByCategory(db, inTree(o.orgUnitId, tree), p, tz, stageIds));
  const sums = rollUp(tree, rows, FIGURES);
  const drill = (scope: DrillScope) => ({
    open: drillOpen(scope, p, stageIds.open),
    closedWon: drillWon(scope, p, tz, stageIds.won),
  });
  const unitRow = (unit: TreeUnit): ForecastRow => {
    const unitIds = subtreeIds(tree, unit);
    return {
      kind: 'unit',
      orgUnitId: unit.id,
      userId: null,
      name: unit.name,
      figures: figures(sums.byUnit.get(unit.id)),
      drill: drill({ unitIds }),
    };
  };
  const root = tree.root;
  const people = await loadPeople(
    db,
    [root.id],
    rows.filter((r) => r.orgUnitId === root.id).map((r) => r.ownerId),
  );
  return {
    period: p,
    asOf: new Date().toISOString(),
    unit: unitRow(root),
    children: childUnits(tree).map(unitRow),
    people: people.map((person) => ({
      kind: 'person',
      orgUnitId: root.id,
      userId: person.id,
      name: person.name,
      figures: figures(sums.byUnitOwner.get(`${root.id}:${person.id}`)),
      drill: drill({ unitIds: [root.id], ownerId: person.id }),
    })),
  };
}

/** The weekly snapshots of a unit's (or a person's, within it) forecast for a period, then the forecast now. */
export async function forecastTrend(db: DbOrTx, actor: Actor, tz: string, query: ForecastTrendQuery): Promise<ForecastTrend> {
  const p = parsePeriod(query.period);
  const tree: ReportTree = await loadReportTree(db, actor, query.orgUnitId, 'opportunity');
  const stored = await db
    .select({
      week: s.weekStart,
      takenAt: sql<Date>`max(${s.takenAt})`,
      category: s.category,
      count: sql<number>`sum(${s.count})::int`,
      amount: sql<string>`sum(${s.amount})::text`,
      weighted: sql<string>`sum(${s.weighted})::text`,
    })
    .from(s)
    .where(and(eq(s.period, p.period), inTree(s.orgUnitId, tree), query.userId ? eq(s.userId, query.userId) : undefined))
    .groupBy(s.weekStart, s.category)
    .orderBy(asc(s.weekStart));
  const weeks = new Map<string, { takenAt: Date; sums: Sums }>();
  for (const row of stored) {
    const week = weeks.get(row.week) ?? { takenAt: new Date(row.takenAt), sums: {} };
    const [figure] = asFigures([{ ...row, orgUnitId: '', ownerId: '' }]);
    for (const [key, value] of Object.entries(figure!))
      if (key !== 'orgUnitId' && key !== 'ownerId')
        week.sums[key] = (week.sums[key] ?? new Decimal(0)).plus(value as string | number);
    weeks.set(row.week, week);
  }
  const stageIds = await stageIdsByOutcome(db);
  const live = rollUp(
    tree,
    asFigures(await forecastByCategory(db, inTree(o.orgUnitId, tree), p, tz, stageIds, query.userId)),
    FIGURES,
  );
  const now = new Date();
  return {
    period: p,
    orgUnitId: tree.root.id,
    userId: query.userId ?? null,
    points: [
      ...[...weeks.entries()].map(([week, { takenAt, sums }]) => ({
        week,
        takenAt: new Date(takenAt).toISOString(),
        live: false,
        figures: figures(sums),
      })),
      { week: todayIn(tz, now), takenAt: now.toISOString(), live: true, figures: figures(live.byUnit.get(tree.root.id)) },
    ],
  };
}

/**
 * Stores this week's forecast of the current month, quarter and year for every unit and person, once a week (the
 * first run in a week writes it; later runs that week find it and stop). Returns the rows written.
 */
export async function takeForecastSnapshot(db: Db, tz: string, now = new Date()): Promise<number> {
  const today = todayIn(tz, now);
  const weekStart = mondayOf(today);
  const stageIds = await stageIdsByOutcome(db);
  let written = 0;
  for (const period of periodsContaining(today)) {
    const [done] = await db
      .select({ id: s.id })
      .from(s)
      .where(and(eq(s.period, period), eq(s.weekStart, weekStart)))
      .limit(1);
    if (done) continue;
    const rows = await forecastByCategory(db, undefined, parsePeriod(period), tz, stageIds);
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      await db
        .insert(s)
        .values(
          chunk.map((r) => ({
            weekStart,
            takenAt: now,
            period,
            orgUnitId: r.orgUnitId,
            userId: r.ownerId,
            category: r.category,
            count: r.count,
            amount: new Decimal(r.amount).toFixed(2),
            weighted: new Decimal(r.weighted).toFixed(2),
          })),
        )
        .onConflictDoNothing();
      written += chunk.length;
    }
  }
  return written;
}
