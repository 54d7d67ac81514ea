// Workload `get-by-id`: GET /api/v1/test-widgets/:id as a branch manager (scope unit-and-below), over a fixed
// list of ids in the manager's branch, so the access condition is real and every answer is a 200.
import { findUser } from '../dataset.ts';
import { defineWorkload, roundRobin, sessionHeaders } from './workload.ts';
import { subtreePattern, unitAndBelowRead, widgetSelect } from './widgetSql.ts';

export const getByIdWorkload = defineWorkload({
  name: 'get-by-id',
  measures: 'GET /api/v1/test-widgets/:id as a branch manager, over 500 ids of the branch',
  async setup(ctx) {
    const manager = findUser(ctx.dataset, 'branch_manager');
    if (ctx.dataset.sampleWidgetIds.length === 0) throw new Error('The dataset has no widgets in the bench branch');
    return { manager, session: await ctx.signIn(manager.username), ids: ctx.dataset.sampleWidgetIds };
  },
  requests(_ctx, { session, ids }) {
    const nextId = roundRobin(ids);
    return [
      {
        method: 'GET',
        headers: sessionHeaders(session),
        setupRequest: (request) => ({ ...request, path: `/api/v1/test-widgets/${nextId()}` }),
      },
    ];
  },
  rawSql(_ctx, { manager, ids }, iteration) {
    return {
      text: `${widgetSelect()} WHERE w.id = $1 AND w.deleted_at IS NULL AND ${unitAndBelowRead(2, 3)}`,
      params: [ids[iteration % ids.length], manager.id, subtreePattern(manager.orgUnitPath)],
    };
  },
  rawSqlNote:
    "the record's SELECT with the access condition; not the session and actor lookups, custom field definitions or the per-record permissions query",
});
