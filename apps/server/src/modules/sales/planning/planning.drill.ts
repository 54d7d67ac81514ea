// The list filters that open the records behind a report's figure on the web's list pages (`Drill`): the kit's
// list query parameters, e.g. `filter[ownerId][eq]` → id.
import type { Drill, PeriodInfo } from '@guanxi/contracts';
import { nextDay } from './planning.periods.ts';

/** The `in` filter takes at most 100 values; a larger subtree drills without the unit filter (the caller's scope). */
const MAX_IN = 100;

/** The instant `date` 00:00 begins in time zone `tz`, as ISO 8601 UTC. */
export function zonedMidnight(date: string, tz: string): string {
  const guess = new Date(`${date}T00:00:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const shown = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return new Date(guess.getTime() - (shown - guess.getTime())).toISOString();
}

export interface DrillScope {
  unitIds?: string[];
  ownerId?: string | null;
}

function scopeFilters({ unitIds, ownerId }: DrillScope): Record<string, string> {
  const query: Record<string, string> = {};
  if (unitIds?.length && unitIds.length <= MAX_IN) query['filter[orgUnitId][in]'] = unitIds.join(',');
  if (ownerId) query['filter[ownerId][eq]'] = ownerId;
  return query;
}

function timeRange(field: string, p: PeriodInfo, tz: string): Record<string, string> {
  return {
    [`filter[${field}][gte]`]: zonedMidnight(p.startDate, tz),
    [`filter[${field}][lt]`]: zonedMidnight(nextDay(p.endDate), tz),
  };
}

/** Sold orders (approved, in progress, completed) dated in the period: the revenue figures' records. */
export const drillSold = (scope: DrillScope, p: PeriodInfo): Drill => ({
  recordType: 'order',
  query: {
    ...scopeFilters(scope),
    'filter[orderDate][gte]': p.startDate,
    'filter[orderDate][lte]': p.endDate,
    'filter[status][in]': 'approved,inProgress,completed',
  },
});

/**
 * Where a revenue figure drills: the sold orders when any order is in it, else the won deals (a figure of both
 * opens the orders, which carry most of it once commerce is in use; the deals without an order are the scorecard's
 * 赢单商机 drill).
 */
export const drillRevenue = (scope: DrillScope, p: PeriodInfo, tz: string, wonStageIds: string[], orders: number): Drill =>
  orders > 0 ? drillSold(scope, p) : drillWon(scope, p, tz, wonStageIds);

/** Opportunities won (in `wonStageIds`) and closed in the period. */
export const drillWon = (scope: DrillScope, p: PeriodInfo, tz: string, wonStageIds: string[]): Drill => ({
  recordType: 'opportunity',
  query: { ...scopeFilters(scope), ...timeRange('closedAt', p, tz), 'filter[stageId][in]': wonStageIds.join(',') },
});

/** These opportunities (at most 100). */
export const drillIds = (ids: string[]): Drill => ({
  recordType: 'opportunity',
  query: { 'filter[id][in]': ids.slice(0, MAX_IN).join(',') },
});

/** Opportunities closed (won or lost) in the period. */
export const drillClosed = (scope: DrillScope, p: PeriodInfo, tz: string): Drill => ({
  recordType: 'opportunity',
  query: { ...scopeFilters(scope), ...timeRange('closedAt', p, tz) },
});

/** Open opportunities (in `openStageIds`) expected to close in the period, not omitted from the forecast. */
export const drillOpen = (scope: DrillScope, p: PeriodInfo, openStageIds: string[]): Drill => ({
  recordType: 'opportunity',
  query: {
    ...scopeFilters(scope),
    'filter[expectedCloseDate][gte]': p.startDate,
    'filter[expectedCloseDate][lte]': p.endDate,
    'filter[stageId][in]': openStageIds.join(','),
    'filter[forecastCategory][ne]': 'omitted',
  },
});

/** Opportunities created in the period. */
export const drillCreatedOpportunities = (scope: DrillScope, p: PeriodInfo, tz: string): Drill => ({
  recordType: 'opportunity',
  query: { ...scopeFilters(scope), ...timeRange('createdAt', p, tz) },
});

/** Customers created in the period. */
export const drillNewCustomers = (scope: DrillScope, p: PeriodInfo, tz: string): Drill => ({
  recordType: 'customer',
  query: { ...scopeFilters(scope), ...timeRange('createdAt', p, tz) },
});

/** The owner's customers (all of them: information completeness). */
export const drillCustomers = (scope: DrillScope): Drill => ({ recordType: 'customer', query: scopeFilters(scope) });

/** Visits in the period; `status` done for visits done, none for all visits planned in it. */
export const drillVisits = (scope: DrillScope, p: PeriodInfo, tz: string, status?: 'done'): Drill => ({
  recordType: 'activity',
  query: {
    ...scopeFilters(scope),
    'filter[kind][eq]': 'visit',
    ...(status ? { 'filter[status][eq]': status } : {}),
    ...timeRange('occurredAt', p, tz),
  },
});
