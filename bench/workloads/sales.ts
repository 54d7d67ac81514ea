// Sales workloads of issue 5's performance targets, on the generated opportunities (--opportunities N): the board of
// the standard pipeline narrowed to one branch as its manager, the forecast of the quarter rolled up the whole org
// tree as the head office manager, and plan vs actual of a branch with its teams as the branch's manager.
import { findUser, type BenchUser } from '../dataset.ts';
import { DATASET_QUARTER, OPEN_STAGE_IDS, STANDARD_PIPELINE_ID } from '../opportunities.ts';
import { subtreePattern } from './widgetSql.ts';
import { boardSql, forecastSql, planVsActualSql } from './salesSql.ts';
import { defineWorkload, sessionHeaders, type BenchContext } from './workload.ts';

const QUARTER = { startDate: '2026-10-01', endDate: '2026-12-31', dayAfterEnd: '2027-01-01' };

const needOpportunities = (ctx: BenchContext, name: string) => {
  if (!ctx.dataset.opportunities) throw new Error(`${name} needs opportunities (--opportunities N)`);
};

/** The units of the manager's branch: the branch itself first, then its teams. */
const branchUnits = (ctx: BenchContext, manager: BenchUser): string[] => [
  manager.orgUnitId,
  ...new Set(
    ctx.dataset.users.filter((u) => u.branch === manager.branch && u.orgUnitId !== manager.orgUnitId).map((u) => u.orgUnitId),
  ),
];

/** A board workload: the branch manager's board of the standard pipeline with these org units (and stages). */
function boardWorkload(name: string, measures: string, pick: (units: string[]) => { units: string[]; stages: string[] | null }) {
  return defineWorkload({
    name,
    measures,
    needsOpportunities: true,
    async setup(ctx) {
      needOpportunities(ctx, name);
      const user = findUser(ctx.dataset, 'branch_manager');
      const { units, stages } = pick(branchUnits(ctx, user));
      const query = new URLSearchParams();
      if (units.length === 1) query.set('filter[orgUnitId][eq]', units[0]!);
      else query.set('filter[orgUnitId][in]', units.join(','));
      if (stages) query.set('filter[stageId][in]', stages.join(','));
      return {
        user,
        units,
        stages,
        pattern: subtreePattern(user.orgUnitPath),
        path: `/api/v1/opportunities/board/${STANDARD_PIPELINE_ID}?${query.toString()}`,
        session: await ctx.signIn(user.username),
      };
    },
    requests: (_ctx, s) => [{ method: 'GET', path: s.path, headers: sessionHeaders(s.session) }],
    rawSql: (_ctx, s) => boardSql(s.user.id, s.pattern, s.units, s.stages),
    rawSqlNote:
      'the grouped counts and sums with each column’s first page (limit 21, LATERAL) in one statement; not the pipeline, ' +
      'the custom field definitions, the customer titles of the cards or the session lookups',
  });
}

export const kanbanWorkload = boardWorkload(
  'kanban',
  'GET /api/v1/opportunities/board/<standard pipeline>?filter[orgUnitId][in]=<BR01 and its 3 teams> as BR01’s manager',
  (units) => ({ units, stages: null }),
);

export const kanbanUnitWorkload = boardWorkload(
  'kanban-unit',
  'the same board with filter[orgUnitId][eq]=<BR01> (the web board’s org unit filter: the branch’s own deals)',
  (units) => ({ units: units.slice(0, 1), stages: null }),
);

export const kanbanOpenWorkload = boardWorkload(
  'kanban-open',
  'the BR01 board of the open stages only (filter[stageId][in]=<the four open stages>)',
  (units) => ({ units, stages: OPEN_STAGE_IDS }),
);

export const forecastWorkload = defineWorkload({
  name: 'forecast',
  needsOpportunities: true,
  measures: `GET /api/v1/sales-forecast?period=${DATASET_QUARTER} as the head office manager (the whole org tree, rolled up)`,
  async setup(ctx) {
    needOpportunities(ctx, 'forecast');
    const user = findUser(ctx.dataset, 'head_office_manager');
    return { user, pattern: subtreePattern(user.orgUnitPath), session: await ctx.signIn(user.username) };
  },
  requests: (_ctx, s) => [
    { method: 'GET', path: `/api/v1/sales-forecast?period=${DATASET_QUARTER}`, headers: sessionHeaders(s.session) },
  ],
  rawSql: (_ctx, s) => forecastSql(s.pattern, QUARTER),
  rawSqlNote:
    'the open and won grouped queries, one after the other (UNION ALL) where the server runs them at once on two ' +
    'connections (so HTTP may take less); not the org tree, the stages, the people or the session lookups',
});

export const planVsActualWorkload = defineWorkload({
  name: 'plan-vs-actual',
  needsOpportunities: true,
  measures: `GET /api/v1/sales-plan-vs-actual?period=${DATASET_QUARTER}&orgUnitId=<BR01> as BR01’s manager (branch, teams, people)`,
  async setup(ctx) {
    needOpportunities(ctx, 'plan-vs-actual');
    const user = findUser(ctx.dataset, 'branch_manager');
    return { user, pattern: subtreePattern(user.orgUnitPath), session: await ctx.signIn(user.username) };
  },
  requests: (_ctx, s) => [
    {
      method: 'GET',
      path: `/api/v1/sales-plan-vs-actual?period=${DATASET_QUARTER}&orgUnitId=${s.user.orgUnitId}`,
      headers: sessionHeaders(s.session),
    },
  ],
  rawSql: (_ctx, s) => planVsActualSql(s.pattern, QUARTER),
  rawSqlNote: 'won revenue and new customers grouped (UNION ALL); not the visits, the targets, the org tree or the people',
});
