// Scorecards of a period: per person and per team, a score out of 100 made of activity — visits done vs planned and
// how complete the information of their customers is — and results — revenue vs target — weighted as administrators
// set (default 25 + 25 + 50). Each part returns its numbers and where to drill; people and teams are ranked.
import { eq } from 'drizzle-orm';
import Decimal from 'decimal.js';
import type { ReportQuery, ScoreComponent, ScorecardRow, Scorecards, ScorecardWeights } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { validationFailed } from '../../../platform/http/errors.ts';
import { customerCompleteness, revenue as soldRevenue, stageIdsByOutcome, teamWins, visits } from './planning.actuals.ts';
import { drillCustomers, drillIds, drillVisits, drillSold, drillWon, type DrillScope } from './planning.drill.ts';
import { parsePeriod } from './planning.periods.ts';
import { scorecardWeights } from './planning.schema.ts';
import { loadTargets } from './planning.targetFigures.ts';
import { childUnits, loadPeople, loadReportTree, money, narrowTree, rollUp, subtreeIds, type Sums } from './planning.tree.ts';

export const DEFAULT_WEIGHTS: ScorecardWeights = { visits: 25, completeness: 25, results: 50 };
const WEIGHTS_KEY = 'default';

export async function getScorecardWeights(db: DbOrTx): Promise<ScorecardWeights> {
  const [row] = await db.select().from(scorecardWeights).where(eq(scorecardWeights.key, WEIGHTS_KEY));
  return row ? { visits: row.visits, completeness: row.completeness, results: row.results } : DEFAULT_WEIGHTS;
}

/** Administrators only (the route checks); the parts must add up to 100. */
export async function saveScorecardWeights(tx: DbOrTx, actor: Actor, weights: ScorecardWeights): Promise<ScorecardWeights> {
  if (weights.visits + weights.completeness + weights.results !== 100)
    throw validationFailed(
      (['visits', 'completeness', 'results'] as const).map((field) => ({ field, code: 'WEIGHTS_SUM', message: 'WEIGHTS_SUM' })),
    );
  const values = { ...weights, updatedBy: actor.userId, updatedAt: new Date() };
  await tx
    .insert(scorecardWeights)
    .values({ key: WEIGHTS_KEY, ...values })
    .onConflictDoUpdate({ target: scorecardWeights.key, set: values });
  return getScorecardWeights(tx);
}

const round2 = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
const n = (sums: Sums | undefined, key: string) => (sums?.[key] ?? new Decimal(0)).toNumber();

function component(
  key: ScoreComponent['key'],
  weight: number,
  rate: Decimal | null,
  numbers: ScoreComponent['numbers'],
  drill: ScoreComponent['drill'],
): ScoreComponent & { exactPoints: Decimal } {
  const capped = rate === null ? new Decimal(0) : Decimal.min(rate, 1);
  const exactPoints = capped.times(weight);
  return {
    key,
    weight,
    rate: rate === null ? null : rate.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toNumber(),
    points: round2(exactPoints),
    numbers,
    drill,
    exactPoints,
  };
}

/** 1 for the best; equal scores share a rank (1, 1, 3). */
function ranked<T extends { score: number }>(rows: Omit<T, 'rank'>[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.score - a.score);
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || sorted[i - 1]!.score !== row.score) rank = i + 1;
    return { ...row, rank } as T & { rank: number };
  });
}

export async function scorecards(db: DbOrTx, actor: Actor, tz: string, query: ReportQuery): Promise<Scorecards> {
  const p = parsePeriod(query.period);
  const tree = await loadReportTree(db, actor, query.orgUnitId, 'opportunity');
  const customerTree = narrowTree(actor, tree, 'customer');
  const activityTree = narrowTree(actor, tree, 'activity');
  const stageIds = await stageIdsByOutcome(db);
  const [weights, won, teamWon, visited, completeness, targets] = await Promise.all([
    getScorecardWeights(db),
    soldRevenue(db, tree, p, tz, stageIds.won, null),
    teamWins(db, tree, p, tz, stageIds.won),
    activityTree ? visits(db, activityTree, p, tz) : [],
    customerTree ? customerCompleteness(db, customerTree) : [],
    loadTargets(db, tree, p, null),
  ]);
  const revenue = rollUp(tree, won, ['amount', 'orders']);
  const visitSums = rollUp(tree, visited, ['planned', 'done']);
  const infoSums = rollUp(tree, completeness, ['customers', 'withPhone', 'withRegion', 'withIndustry', 'withContact']);

  // A person's deals won as a member of someone else's account team: shown beside their results, not scored (the
  // revenue is the owner's, and counting it twice would inflate the unit's totals).
  const teamWonBy = new Map(teamWon.map((w) => [w.userId, w]));
  const teamNumbers = (userId: string | null): Record<string, number | string> => {
    const wins = userId ? teamWonBy.get(userId) : undefined;
    return wins ? { teamCount: wins.count, teamActual: money(new Decimal(wins.amount)) } : {};
  };
  const row = (
    base: Pick<ScorecardRow, 'kind' | 'orgUnitId' | 'userId' | 'name'>,
    pick: (s: ReturnType<typeof rollUp>) => Sums | undefined,
    target: Decimal | null,
    scope: DrillScope,
  ): Omit<ScorecardRow, 'rank'> => {
    const v = pick(visitSums);
    const info = pick(infoSums);
    const actual = pick(revenue)?.amount ?? new Decimal(0);
    const planned = n(v, 'planned');
    const customers = n(info, 'customers');
    const filled = ['withPhone', 'withRegion', 'withIndustry', 'withContact'].reduce((sum, k) => sum + n(info, k), 0);
    const parts = [
      component(
        'visits',
        weights.visits,
        planned ? new Decimal(n(v, 'done')).div(planned) : null,
        { planned, done: n(v, 'done') },
        [
          { label: 'planned', drill: drillVisits(scope, p, tz) },
          { label: 'done', drill: drillVisits(scope, p, tz, 'done') },
        ],
      ),
      component(
        'completeness',
        weights.completeness,
        customers ? new Decimal(filled).div(customers * 4) : null,
        {
          customers,
          withPhone: n(info, 'withPhone'),
          withRegion: n(info, 'withRegion'),
          withIndustry: n(info, 'withIndustry'),
          withContact: n(info, 'withContact'),
        },
        [{ label: 'customers', drill: drillCustomers(scope) }],
      ),
      component(
        'results',
        weights.results,
        target && target.gt(0) ? actual.div(target) : null,
        { target: target ? money(target) : null, actual: money(actual), ...teamNumbers(base.userId) },
        [
          ...(n(pick(revenue), 'orders') > 0 ? [{ label: 'sold', drill: drillSold(scope, p) }] : []),
          { label: 'won', drill: drillWon(scope, p, tz, stageIds.won) },
          ...(base.userId && teamWonBy.has(base.userId)
            ? [{ label: 'teamWon', drill: drillIds(teamWonBy.get(base.userId)!.ids) }]
            : []),
        ],
      ),
    ];
    const score = round2(parts.reduce((sum, part) => sum.plus(part.exactPoints), new Decimal(0)));
    return { ...base, score, components: parts.map(({ exactPoints: _exact, ...part }) => part) };
  };

  const root = tree.root;
  const allIds = subtreeIds(tree, root);
  const teams = childUnits(tree).map((unit) =>
    row(
      { kind: 'unit', orgUnitId: unit.id, userId: null, name: unit.name },
      (s) => s.byUnit.get(unit.id),
      targets.unit(unit, 'revenue'),
      {
        unitIds: subtreeIds(tree, unit),
      },
    ),
  );
  const owners = [...won, ...visited, ...completeness].map((r) => r.ownerId);
  const people = (await loadPeople(db, allIds, owners)).map((person) =>
    row(
      { kind: 'person', orgUnitId: person.orgUnitId, userId: person.id, name: person.name },
      (s) => s.byOwner.get(person.id),
      targets.personAnywhere(person.id, 'revenue'),
      { unitIds: allIds, ownerId: person.id },
    ),
  );
  return {
    period: p,
    weights,
    unit: {
      ...row(
        { kind: 'unit', orgUnitId: root.id, userId: null, name: root.name },
        (s) => s.byUnit.get(root.id),
        targets.unit(root, 'revenue'),
        {
          unitIds: allIds,
        },
      ),
      rank: 1,
    },
    teams: ranked<ScorecardRow>(teams),
    people: ranked<ScorecardRow>(people),
  };
}
