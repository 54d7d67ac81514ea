// Workload `create`: POST /api/v1/test-widgets as a sales rep with the session cookie and x-csrf-token — the
// kit's validation, owner check, INSERT and audit entry in one transaction.
import { newId } from '../../apps/server/src/platform/db/columns.ts';
import { findUser } from '../dataset.ts';
import { defineWorkload, sessionHeaders } from './workload.ts';

/** Rows made here carry codes NEW-…, which a kept dataset deletes before its next run. */
const widgetBody = (n: number) => ({
  name: `上海新建测试部件${n}号`,
  code: `NEW-${n}`,
  status: 'draft',
  amount: '12345.67',
  quantity: 3,
  dueDate: '2026-06-30',
  urgent: n % 10 === 0,
  email: `new${n}@example.cn`,
});

export const createWorkload = defineWorkload({
  name: 'create',
  measures: 'POST /api/v1/test-widgets as a sales rep (cookie + x-csrf-token), one new widget per request',
  async setup(ctx) {
    const rep = findUser(ctx.dataset, 'sales_rep');
    return { rep, session: await ctx.signIn(rep.username) };
  },
  requests(_ctx, { session }) {
    let n = 0;
    return [
      {
        method: 'POST',
        path: '/api/v1/test-widgets',
        headers: sessionHeaders(session, { write: true }),
        setupRequest: (request) => ({ ...request, body: JSON.stringify(widgetBody(++n)) }),
      },
    ];
  },
  rawSql(_ctx, { rep }, iteration) {
    const body = widgetBody(iteration);
    return {
      text: `INSERT INTO test_widgets (id, owner_id, org_unit_id, created_by, updated_by, name, code, status, amount, quantity,
               due_date, urgent, email)
             VALUES ($1, $2, $3, $2, $2, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      // prettier-ignore
      params: [newId(), rep.id, rep.orgUnitId, body.name, `NEW-RAW-${iteration}`, body.status, body.amount, body.quantity,
        body.dueDate, body.urgent, body.email],
    };
  },
  rawSqlNote: 'the INSERT alone, autocommit; not the owner checks, custom field definitions or the audit entry',
});
