// The sales dashboard of a unit and period, scoped to what the caller may see: the funnel of a pipeline's
// opportunities created in the period, the open pipeline by stage and owner, win rate, average cycle length and the
// leaderboard — grouped SQL, each figure with the list filters behind it. Plan vs actual by unit and the forecast
// trend have their own endpoints.
import { and, eq, sql } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type { DashboardQuery, SalesDashboard } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { users } from '../../../platform/access/access.schema.ts';
import { defaultPipelineId, getPipeline } from '../sales.pipelines.service.ts';
import { opportunities as o, opportunityStageHistory as h, stages } from '../sales.schema.ts';
import { inIds, revenue as soldRevenue, stageIdsByOutcome } from './planning.actuals.ts';
import { drillClosed, drillCreatedOpportunities, drillOpen, drillRevenue, drillWon } from './planning.drill.ts';
import { dateWithinPeriod, parsePeriod, withinPeriod } from './planning.periods.ts';
import { loadTargets } from './planning.targetFigures.ts';
import { attainment, inTree, loadReportTree, money, rollUp, subtreeIds } from './planning.tree.ts';

const LEADERS = 10;

export async function salesDashboard(db: DbOrTx, actor: Actor, tz: string, query: DashboardQuery): Promise<SalesDashboard> {
  const p = parsePeriod(query.period);
  const tree = await loadReportTree(db, actor, query.orgUnitId, 'opportunity');
  const pipelineId = query.pipelineId ?? (await defaultPipelineId(db));
  if (!pipelineId) throw new AppError('NOT_FOUND', 404);
  const pipeline = await getPipeline(db, pipelineId);
  const stageIds = await stageIdsByOutcome(db);
  const unitIds = subtreeIds(tree, tree.root);
  const live = and(inTree(o.orgUnitId, tree), sql`${o.deletedAt} IS NULL`);

  // How far each opportunity created in the period got: the highest open or won stage it entered.
  const reach = db
    .select({
      id: o.id,
      amount: o.amount,
      top: sql<number>`max(${stages.position}) FILTER (WHERE ${stages.outcome} <> 'lost')`.as('top'),
    })
    .from(o)
    .innerJoin(h, eq(h.opportunityId, o.id))
    .innerJoin(stages, eq(stages.id, h.stageId))
    .where(and(live, eq(o.pipelineId, pipelineId), withinPeriod(o.createdAt, p, tz)))
    .groupBy(o.id, o.amount)
    .as('reach');
  const [tops, byStageOwner, closed, won, targets] = await Promise.all([
    db
      .select({
        top: reach.top,
        count: sql<number>`count(*)::int`,
        amount: sql<string>`coalesce(sum(${reach.amount}), 0)::text`,
      })
      .from(reach)
      .groupBy(reach.top),
    db
      .select({
        stageId: o.stageId,
        ownerId: o.ownerId,
        ownerName: users.displayName,
        count: sql<number>`count(*)::int`,
        amount: sql<string>`coalesce(sum(${o.amount}), 0)::text`,
      })
      .from(o)
      .innerJoin(users, eq(users.id, o.ownerId))
      .where(and(live, eq(o.pipelineId, pipelineId), inIds(o.stageId, stageIds.open), dateWithinPeriod(o.expectedCloseDate, p)))
      .groupBy(o.stageId, o.ownerId, users.displayName),
    db
      .select({
        won: sql<number>`(count(*) FILTER (WHERE ${inIds(o.stageId, stageIds.won)}))::int`,
        lost: sql<number>`(count(*) FILTER (WHERE ${inIds(o.stageId, stageIds.lost)}))::int`,
        days: sql<
          string | null
        >`(avg(extract(epoch FROM ${o.closedAt} - ${o.createdAt})) FILTER (WHERE ${inIds(o.stageId, stageIds.won)}) / 86400)::text`,
      })
      .from(o)
      .where(and(live, sql`${o.closedAt} IS NOT NULL`, withinPeriod(o.closedAt, p, tz))),
    soldRevenue(db, tree, p, tz, stageIds.won, null),
    loadTargets(db, tree, p, null),
  ]);

  const stageList = pipeline.stages.filter((s) => s.outcome !== 'lost');
  const created = drillCreatedOpportunities({ unitIds }, p, tz);
  const funnel = stageList.map((stage) => {
    // Reaching a stage: the furthest stage entered is this one or later (a won one is past every open stage).
    const reached = tops.filter((t) =>
      stage.outcome === 'won'
        ? stageList.some((s) => s.outcome === 'won' && s.position === t.top)
        : t.top !== null && t.top >= stage.position,
    );
    const atOrPast = pipeline.stages.filter((s) => s.outcome !== 'lost' && s.position >= stage.position).map((s) => s.id);
    return {
      stageId: stage.id,
      name: stage.name,
      outcome: stage.outcome,
      reached: reached.reduce((n, t) => n + t.count, 0),
      amount: money(reached.reduce((sum, t) => sum.plus(t.amount), new Decimal(0))),
      drill: {
        ...created,
        query: { ...created.query, 'filter[pipelineId][eq]': pipelineId, 'filter[stageId][in]': atOrPast.join(',') },
      },
    };
  });

  const stageName = new Map(pipeline.stages.map((s) => [s.id, s]));
  const pipelineByStageOwner = byStageOwner
    .sort(
      (a, b) =>
        stageName.get(a.stageId)!.position - stageName.get(b.stageId)!.position ||
        a.ownerName.localeCompare(b.ownerName, 'zh-CN'),
    )
    .map((row) => {
      const open = drillOpen({ unitIds, ownerId: row.ownerId }, p, [row.stageId]);
      return {
        stageId: row.stageId,
        stageName: stageName.get(row.stageId)?.name ?? '',
        ownerId: row.ownerId,
        ownerName: row.ownerName,
        count: row.count,
        amount: money(new Decimal(row.amount)),
        drill: { ...open, query: { ...open.query, 'filter[pipelineId][eq]': pipelineId } },
      };
    });

  const c = closed[0] ?? { won: 0, lost: 0, days: null };
  const rate =
    c.won + c.lost
      ? new Decimal(c.won)
          .div(c.won + c.lost)
          .times(100)
          .toDecimalPlaces(1)
          .toNumber()
      : null;

  const revenue = rollUp(tree, won, ['amount', 'count', 'orders']);
  const leaders = [...revenue.byOwner.entries()].sort(([, a], [, b]) => b.amount!.comparedTo(a.amount!)).slice(0, LEADERS);
  const names = leaders.length
    ? await db
        .select({ id: users.id, name: users.displayName, orgUnitId: users.orgUnitId })
        .from(users)
        .where(sql`${users.id} IN ${leaders.map(([id]) => id)}`)
    : [];
  const who = new Map(names.map((u) => [u.id, u]));
  const leaderboard = leaders.map(([userId, sums]) => {
    const rank = leaders.findIndex(([, other]) => other.amount!.eq(sums.amount!)) + 1;
    const target = targets.personAnywhere(userId, 'revenue');
    return {
      rank,
      userId,
      name: who.get(userId)?.name ?? '',
      orgUnitId: who.get(userId)?.orgUnitId ?? tree.root.id,
      won: sums.count!.toNumber(),
      revenue: money(sums.amount),
      target: target ? money(target) : null,
      attainment: attainment(sums.amount!, target),
      drill: drillRevenue({ unitIds, ownerId: userId }, p, tz, stageIds.won, sums.orders?.toNumber() ?? 0),
    };
  });

  return {
    period: p,
    orgUnitId: tree.root.id,
    pipelineId,
    funnel,
    pipelineByStageOwner,
    winRate: { won: c.won, lost: c.lost, rate, drill: drillClosed({ unitIds }, p, tz) },
    cycle: {
      won: c.won,
      averageDays: c.days === null ? null : new Decimal(c.days).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber(),
      drill: drillWon({ unitIds }, p, tz, stageIds.won),
    },
    leaderboard,
  };
}
