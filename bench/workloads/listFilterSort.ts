// Workload `list-filter-sort`: the list a branch manager opens most — active widgets in an amount range,
// largest first, first page of 50 — through the kit's filters, sort and access condition.
import { findUser } from '../dataset.ts';
import { defineWorkload, sessionHeaders } from './workload.ts';
import { subtreePattern, unitAndBelowRead, widgetSelect } from './widgetSql.ts';

const AMOUNT_FROM = '10000.00';
const AMOUNT_TO = '500000.00';

export const listFilterSortWorkload = defineWorkload({
  name: 'list-filter-sort',
  measures: `GET /api/v1/test-widgets?filter[status][eq]=active&filter[amount][between]=${AMOUNT_FROM},${AMOUNT_TO}&sort=-amount&limit=50 as a branch manager`,
  async setup(ctx) {
    const manager = findUser(ctx.dataset, 'branch_manager');
    return { manager, session: await ctx.signIn(manager.username) };
  },
  requests(_ctx, { session }) {
    const query = new URLSearchParams({
      'filter[status][eq]': 'active',
      'filter[amount][between]': `${AMOUNT_FROM},${AMOUNT_TO}`,
      sort: '-amount',
      limit: '50',
    });
    return [{ method: 'GET', path: `/api/v1/test-widgets?${query.toString()}`, headers: sessionHeaders(session) }];
  },
  rawSql(_ctx, { manager }) {
    // The kit asks for limit + 1 rows to know whether there is a next page, and selects the sort key as text.
    return {
      text: `${widgetSelect(', (w.amount)::text AS k0')}
        WHERE w.deleted_at IS NULL AND ${unitAndBelowRead(1, 2)}
          AND w.status = $3::text AND w.amount BETWEEN $4::numeric AND $5::numeric
        ORDER BY w.amount DESC NULLS LAST, w.id ASC LIMIT 51`,
      params: [manager.id, subtreePattern(manager.orgUnitPath), 'active', AMOUNT_FROM, AMOUNT_TO],
    };
  },
  rawSqlNote: 'the page SELECT; not the session and actor lookups or the custom field definitions',
});
