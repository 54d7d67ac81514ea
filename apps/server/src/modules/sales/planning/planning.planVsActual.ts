// Plan vs actual for a period and an org unit: the unit rolled up over its subtree, each child unit rolled up over
// its own, and the unit's people — target and actual of revenue (orders of the period, and won deals without an order:
// planning.actuals.ts revenue), new
// customers (created in the period) and visits (done in the period). One grouped query per metric, rolled up here.
import Decimal from 'decimal.js';
import type { PlanFigure, PlanRow, PlanVsActual, ReportQuery, TargetMetric, Drill } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { newCustomers, revenue as soldRevenue, stageIdsByOutcome, visits } from './planning.actuals.ts';
import { drillNewCustomers, drillRevenue, drillVisits, type DrillScope } from './planning.drill.ts';
import { parsePeriod } from './planning.periods.ts';
import { loadTargets } from './planning.targetFigures.ts';
import {
  attainment,
  childUnits,
  loadPeople,
  loadReportTree,
  money,
  narrowTree,
  rollUp,
  subtreeIds,
  type Sums,
  type TreeUnit,
} from './planning.tree.ts';

export const normCategory = (category: string | null | undefined): string | null => category?.trim() || null;

function figure(target: Decimal | null, actual: Decimal | undefined, isMoney: boolean, drill: Drill): PlanFigure {
  const a = actual ?? new Decimal(0);
  const show = (d: Decimal) => (isMoney ? money(d) : d.toFixed(0));
  return { target: target === null ? null : show(target), actual: show(a), attainment: attainment(a, target), drill };
}

export async function planVsActual(db: DbOrTx, actor: Actor, tz: string, query: ReportQuery): Promise<PlanVsActual> {
  const p = parsePeriod(query.period);
  const category = normCategory(query.category);
  const tree = await loadReportTree(db, actor, query.orgUnitId, 'opportunity');
  const customerTree = narrowTree(actor, tree, 'customer');
  const activityTree = narrowTree(actor, tree, 'activity');
  const stageIds = await stageIdsByOutcome(db);
  const [won, created, visited, targets] = await Promise.all([
    soldRevenue(db, tree, p, tz, stageIds.won, category),
    customerTree ? newCustomers(db, customerTree, p, tz) : [],
    activityTree ? visits(db, activityTree, p, tz) : [],
    loadTargets(db, tree, p, category),
  ]);
  const revenue = rollUp(tree, won, ['amount', 'orders']);
  const customers = rollUp(tree, created, ['count']);
  const done = rollUp(tree, visited, ['done']);

  const row = (
    kind: 'unit' | 'person',
    unit: TreeUnit,
    userId: string | null,
    name: string,
    pick: (sums: { byUnit: Map<string, Sums>; byUnitOwner: Map<string, Sums> }) => Sums | undefined,
    target: (metric: TargetMetric) => Decimal | null,
    scope: DrillScope,
  ): PlanRow => ({
    kind,
    orgUnitId: unit.id,
    userId,
    name,
    revenue: figure(
      target('revenue'),
      pick(revenue)?.amount,
      true,
      drillRevenue(scope, p, tz, stageIds.won, pick(revenue)?.orders?.toNumber() ?? 0),
    ),
    newCustomers: figure(target('new_customers'), pick(customers)?.count, false, drillNewCustomers(scope, p, tz)),
    visits: figure(target('visits'), pick(done)?.done, false, drillVisits(scope, p, tz, 'done')),
  });
  const unitRow = (unit: TreeUnit) =>
    row(
      'unit',
      unit,
      null,
      unit.name,
      (s) => s.byUnit.get(unit.id),
      (m) => targets.unit(unit, m),
      {
        unitIds: subtreeIds(tree, unit),
      },
    );

  const root = tree.root;
  const owners = [...won, ...created, ...visited].filter((r) => r.orgUnitId === root.id).map((r) => r.ownerId);
  const people = await loadPeople(db, [root.id], owners);
  return {
    period: p,
    category,
    unit: unitRow(root),
    children: childUnits(tree).map(unitRow),
    people: people.map((person) =>
      row(
        'person',
        root,
        person.id,
        person.name,
        (s) => s.byUnitOwner.get(`${root.id}:${person.id}`),
        (m) => targets.person(root.id, person.id, m),
        { unitIds: [root.id], ownerId: person.id },
      ),
    ),
  };
}
