// What happened in a period, per org unit and owner, for plans, scorecards and dashboards: one grouped query per
// figure over a report's units. Read-only reporting SQL over the customers, activities and orders tables (as analytics
// may), never a write to them.
import Decimal from 'decimal.js';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PeriodInfo } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import { recordShares } from '../../../platform/access/access.schema.ts';
import { activities } from '../../activities/activities.schema.ts';
import { contacts, customerIdentifiers, customers } from '../../customers/customers.schema.ts';
import { opportunities as o, stages } from '../sales.schema.ts';
import { opportunityLines } from './planning.schema.ts';
import { orderLines, orders } from '../../commerce/orders/orders.schema.ts';
import { productCategories, products } from '../../commerce/catalog/catalog.schema.ts';
import { dateWithinPeriod, withinPeriod } from './planning.periods.ts';
import { inTree, type ReportTree } from './planning.tree.ts';

export interface UnitOwnerRow {
  orgUnitId: string;
  ownerId: string;
  [figure: string]: unknown;
}

/** Stage ids by outcome (a handful of rows); SQL filters on them so no join with the stages is needed. */
export async function stageIdsByOutcome(db: DbOrTx): Promise<Record<'open' | 'won' | 'lost', string[]>> {
  const rows = await db.select({ id: stages.id, outcome: stages.outcome }).from(stages);
  const result = { open: [] as string[], won: [] as string[], lost: [] as string[] };
  for (const row of rows) result[row.outcome as 'open' | 'won' | 'lost']?.push(row.id);
  return result;
}

export const inIds = (column: SQL | typeof o.stageId, ids: string[]): SQL => (ids.length ? sql`${column} IN ${ids}` : sql`false`);

/**
 * Won opportunities closed in the period: `count`, `amount`. With a category, the amount of their product lines of
 * that category instead.
 */
export async function wonRevenue(
  db: DbOrTx,
  tree: ReportTree,
  p: PeriodInfo,
  tz: string,
  wonStageIds: string[],
  category: string | null,
  options: { withoutOrder?: boolean } = {},
): Promise<UnitOwnerRow[]> {
  const where = and(
    inTree(o.orgUnitId, tree),
    sql`${o.deletedAt} IS NULL AND ${o.closedAt} IS NOT NULL`,
    withinPeriod(o.closedAt, p, tz),
    inIds(o.stageId, wonStageIds),
    options.withoutOrder
      ? sql`NOT EXISTS (SELECT 1 FROM ${orders} WHERE ${orders.opportunityId} = ${o.id} AND ${orders.deletedAt} IS NULL AND ${orders.status} <> 'cancelled')`
      : undefined,
  );
  if (category)
    return db
      .select({
        orgUnitId: o.orgUnitId,
        ownerId: o.ownerId,
        count: sql<number>`count(DISTINCT ${o.id})::int`,
        amount: sql<string>`coalesce(sum(${opportunityLines.amount}), 0)::text`,
      })
      .from(o)
      .innerJoin(opportunityLines, eq(opportunityLines.opportunityId, o.id))
      .where(and(where, eq(opportunityLines.category, category)))
      .groupBy(o.orgUnitId, o.ownerId);
  return db
    .select({
      orgUnitId: o.orgUnitId,
      ownerId: o.ownerId,
      count: sql<number>`count(*)::int`,
      amount: sql<string>`coalesce(sum(${o.amount}), 0)::text`,
    })
    .from(o)
    .where(where)
    .groupBy(o.orgUnitId, o.ownerId);
}

/** Order statuses that count as sold: approved, being carried out, or done (not drafts, waiting or cancelled). */
export const SOLD_ORDER_STATUSES = ['approved', 'inProgress', 'completed'];

/**
 * Revenue of the period: orders dated in it (gross, 含税) plus won opportunities closed in it that no order carries
 * yet — once a deal's order exists the order is the figure, so nothing counts twice. With a category, the orders'
 * lines of products in a category of that name or below it, and the won deals' lines of that category. Rows carry
 * `count` (orders and deals), `amount` and `orders` (how many of the count are orders: where a figure drills).
 */
export async function revenue(
  db: DbOrTx,
  tree: ReportTree,
  p: PeriodInfo,
  tz: string,
  wonStageIds: string[],
  category: string | null,
): Promise<UnitOwnerRow[]> {
  const [sold, won] = await Promise.all([
    orderRevenue(db, tree, p, category),
    wonRevenue(db, tree, p, tz, wonStageIds, category, { withoutOrder: true }),
  ]);
  const sums = new Map<string, UnitOwnerRow>();
  const add = (row: UnitOwnerRow, orders: number) => {
    const key = `${row.orgUnitId}:${row.ownerId}`;
    const known = sums.get(key) ?? { orgUnitId: row.orgUnitId, ownerId: row.ownerId, count: 0, amount: '0', orders: 0 };
    known.count = Number(known.count) + Number(row.count);
    known.amount = new Decimal(String(known.amount)).plus(String(row.amount)).toFixed(2);
    known.orders = Number(known.orders) + orders;
    sums.set(key, known);
  };
  for (const row of sold) add(row, Number(row.count));
  for (const row of won) add(row, 0);
  return [...sums.values()];
}

/** Sold orders dated in the period: `count`, `amount` (gross); with a category, their lines of it (see `revenue`). */
export async function orderRevenue(
  db: DbOrTx,
  tree: ReportTree,
  p: PeriodInfo,
  category: string | null,
): Promise<UnitOwnerRow[]> {
  const where = and(
    inTree(orders.orgUnitId, tree),
    sql`${orders.deletedAt} IS NULL AND ${orders.status} IN ${SOLD_ORDER_STATUSES}`,
    dateWithinPeriod(orders.orderDate, p),
  );
  if (category) {
    // The categories named so and every category below them (a handful of rows: the tree is small).
    const inCategory = sql`${products.categoryId} IN (
      WITH RECURSIVE below AS (
        SELECT ${productCategories.id} AS id FROM ${productCategories} WHERE ${productCategories.name} = ${category}
        UNION SELECT c.id FROM ${productCategories} c JOIN below ON c.parent_id = below.id)
      SELECT id FROM below)`;
    return db
      .select({
        orgUnitId: orders.orgUnitId,
        ownerId: orders.ownerId,
        count: sql<number>`count(DISTINCT ${orders.id})::int`,
        amount: sql<string>`coalesce(sum(${orderLines.gross}), 0)::text`,
      })
      .from(orders)
      .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
      .innerJoin(products, eq(products.id, orderLines.productId))
      .where(and(where, inCategory))
      .groupBy(orders.orgUnitId, orders.ownerId);
  }
  return db
    .select({
      orgUnitId: orders.orgUnitId,
      ownerId: orders.ownerId,
      count: sql<number>`count(*)::int`,
      amount: sql<string>`coalesce(sum(${orders.grossTotal}), 0)::text`,
    })
    .from(orders)
    .where(where)
    .groupBy(orders.orgUnitId, orders.ownerId);
}

/** What a colleague won with the help of an account team: per member, the team's deals won in the period. */
export interface TeamWin {
  userId: string;
  count: number;
  amount: string;
  /** The deals, at most 100 (a drill's `in` filter takes no more). */
  ids: string[];
}

/**
 * Won opportunities closed in the period, in the tree, whose account team (record shares given as `team`) has members
 * other than the owner: per member, count, amount and the deals.
 */
export async function teamWins(
  db: DbOrTx,
  tree: ReportTree,
  p: PeriodInfo,
  tz: string,
  wonStageIds: string[],
): Promise<TeamWin[]> {
  const { rows } = await db.execute<{ user_id: string; count: number; amount: string; ids: string[] }>(sql`
    SELECT ${recordShares.userId} AS user_id, count(*)::int AS count, coalesce(sum(${o.amount}), 0)::text AS amount,
           (array_agg(${o.id} ORDER BY ${o.closedAt} DESC))[1:100] AS ids
    FROM ${recordShares} JOIN ${o} ON ${o.id} = ${recordShares.recordId}
    WHERE ${recordShares.recordType} = 'opportunity' AND ${recordShares.reason} = 'team' AND ${recordShares.userId} <> ${o.ownerId}
      AND ${and(
        inTree(o.orgUnitId, tree),
        sql`${o.deletedAt} IS NULL AND ${o.closedAt} IS NOT NULL`,
        withinPeriod(o.closedAt, p, tz),
        inIds(o.stageId, wonStageIds),
      )}
    GROUP BY ${recordShares.userId}`);
  return rows.map((r) => ({ userId: r.user_id, count: Number(r.count), amount: r.amount, ids: r.ids }));
}

/** Customers created in the period: `count`. */
export async function newCustomers(db: DbOrTx, tree: ReportTree, p: PeriodInfo, tz: string): Promise<UnitOwnerRow[]> {
  return db
    .select({ orgUnitId: customers.orgUnitId, ownerId: customers.ownerId, count: sql<number>`count(*)::int` })
    .from(customers)
    .where(and(inTree(customers.orgUnitId, tree), sql`${customers.deletedAt} IS NULL`, withinPeriod(customers.createdAt, p, tz)))
    .groupBy(customers.orgUnitId, customers.ownerId);
}

/** Visits whose time falls in the period: `planned` (all of them, planned or done) and `done`. */
export async function visits(db: DbOrTx, tree: ReportTree, p: PeriodInfo, tz: string): Promise<UnitOwnerRow[]> {
  const a = activities;
  return db
    .select({
      orgUnitId: a.orgUnitId,
      ownerId: a.ownerId,
      planned: sql<number>`count(*)::int`,
      done: sql<number>`(count(*) FILTER (WHERE ${a.status} = 'done'))::int`,
    })
    .from(a)
    .where(and(inTree(a.orgUnitId, tree), sql`${a.kind} = 'visit' AND ${a.deletedAt} IS NULL`, withinPeriod(a.occurredAt, p, tz)))
    .groupBy(a.orgUnitId, a.ownerId);
}

/**
 * How complete the information of the owners' customers is: how many customers, and how many of them have a phone
 * or mobile number (theirs or a contact's), a region (province), an industry and at least one contact.
 */
export async function customerCompleteness(db: DbOrTx, tree: ReportTree): Promise<UnitOwnerRow[]> {
  const c = customers;
  const hasPhone = sql`EXISTS (SELECT 1 FROM ${customerIdentifiers} WHERE ${customerIdentifiers.customerId} = ${c.id} AND ${customerIdentifiers.type} IN ('phone', 'mobile'))`;
  const hasContact = sql`EXISTS (SELECT 1 FROM ${contacts} WHERE ${contacts.customerId} = ${c.id} AND ${contacts.deletedAt} IS NULL)`;
  return db
    .select({
      orgUnitId: c.orgUnitId,
      ownerId: c.ownerId,
      customers: sql<number>`count(*)::int`,
      withPhone: sql<number>`(count(*) FILTER (WHERE ${hasPhone}))::int`,
      withRegion: sql<number>`(count(*) FILTER (WHERE coalesce(${c.province}, '') <> ''))::int`,
      withIndustry: sql<number>`(count(*) FILTER (WHERE coalesce(${c.industry}, '') <> ''))::int`,
      withContact: sql<number>`(count(*) FILTER (WHERE ${hasContact}))::int`,
    })
    .from(c)
    .where(and(inTree(c.orgUnitId, tree), sql`${c.deletedAt} IS NULL`))
    .groupBy(c.orgUnitId, c.ownerId);
}
