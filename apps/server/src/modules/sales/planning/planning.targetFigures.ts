// The targets a report shows: a unit's own target for the period, or — when it has none — the sum of its child
// units' and its people's targets (what it was planned through); a person's own target in that unit.
import Decimal from 'decimal.js';
import type { TargetMetric } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { PeriodInfo } from '@guanxi/contracts';
import { salesTargets } from './planning.schema.ts';
import { targetsWithin } from './planning.targets.service.ts';
import { inTree, type ReportTree, type TreeUnit } from './planning.tree.ts';

export interface TargetLookup {
  unit(unit: TreeUnit, metric: TargetMetric): Decimal | null;
  person(orgUnitId: string, userId: string, metric: TargetMetric): Decimal | null;
  /** A person's targets in every unit of the tree, summed. */
  personAnywhere(userId: string, metric: TargetMetric): Decimal | null;
}

export async function loadTargets(db: DbOrTx, tree: ReportTree, p: PeriodInfo, category: string | null): Promise<TargetLookup> {
  const rows = await targetsWithin(db, inTree(salesTargets.orgUnitId, tree), p, category);
  const own = new Map<string, Decimal>();
  const people = new Map<string, Decimal>();
  const peopleOfUnit = new Map<string, Decimal>();
  const personTotal = new Map<string, Decimal>();
  const add = (map: Map<string, Decimal>, key: string, value: string) =>
    map.set(key, (map.get(key) ?? new Decimal(0)).plus(value));
  for (const row of rows) {
    if (row.userId) {
      add(people, `${row.orgUnitId}:${row.userId}:${row.metric}`, row.value);
      add(peopleOfUnit, `${row.orgUnitId}:${row.metric}`, row.value);
      add(personTotal, `${row.userId}:${row.metric}`, row.value);
    } else add(own, `${row.orgUnitId}:${row.metric}`, row.value);
  }
  const children = new Map<string, TreeUnit[]>();
  for (const u of tree.units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const memo = new Map<string, Decimal | null>();
  const unit = (u: TreeUnit, metric: TargetMetric): Decimal | null => {
    const key = `${u.id}:${metric}`;
    if (memo.has(key)) return memo.get(key)!;
    let value = own.get(key) ?? null;
    if (value === null) {
      const parts = [peopleOfUnit.get(key) ?? null, ...(children.get(u.id) ?? []).map((c) => unit(c, metric))].filter(
        (d): d is Decimal => d !== null,
      );
      value = parts.length ? parts.reduce((a, b) => a.plus(b)) : null;
    }
    memo.set(key, value);
    return value;
  };
  return {
    unit,
    person: (orgUnitId, userId, metric) => people.get(`${orgUnitId}:${userId}:${metric}`) ?? null,
    personAnywhere: (userId, metric) => personTotal.get(`${userId}:${metric}`) ?? null,
  };
}
