// Commerce workloads of issue 6's performance targets, on the generated catalogue and orders (--orders N): a rep
// creating a direct order of 50 lines, pricing 200 lines, the receivables aging of the whole company (administrator,
// by org unit) and of one branch (its manager, by customer), a branch manager's search of one customer's orders in a
// period, and the PDF of a 50-line quote.
import { newId } from '../../apps/server/src/platform/db/columns.ts';
import { findUser, type BenchUser } from '../dataset.ts';
import { BENCH_MARK } from '../orders.ts';
import { PRICING_DAY } from '../catalog.ts';
import { DATASET_TODAY } from '../opportunities.ts';
import { subtreePattern } from './widgetSql.ts';
import { agingSql, benchActor, orderCreateSql, orderSearchSql, pricingFactsSql, type RawOrderLine } from './commerceSql.ts';
import { defineWorkload, roundRobin, sessionHeaders, type BenchContext, type RawQuery, type Session } from './workload.ts';

const commerceOf = (ctx: BenchContext, name: string) => {
  if (!ctx.dataset.commerce || !ctx.dataset.commerce.productIds.length)
    throw new Error(`${name} needs orders and the catalogue (--orders N)`);
  return ctx.dataset.commerce;
};

/** One API call of a workload's setup; throws with the body on anything but 2xx. */
async function api<T>(
  ctx: BenchContext,
  session: Session,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ body: T; etag: string | null }> {
  const response = await fetch(ctx.baseUrl + path, {
    method,
    headers: { ...sessionHeaders(session, { write: method !== 'GET' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 500)}`);
  return { body: JSON.parse(text) as T, etag: response.headers.get('etag') };
}

/** `count` lines over consecutive products from `offset`, quantities 1–120 so some reach the quantity breaks. */
const linesOf = (productIds: string[], count: number, offset = 0) =>
  Array.from({ length: count }, (_, i) => ({
    productId: productIds[(offset + i) % productIds.length]!,
    quantity: String(1 + ((i * 37 + offset) % 120)),
  }));

interface PricedLines {
  lines: { productId: string; quantity: string; unitPrice: string }[];
}

export const orderCreate50Workload = defineWorkload({
  name: 'order-create-50',
  needsOrders: true,
  measures: 'POST /api/v1/orders/direct as a BR01 sales rep: a draft order of 50 product lines (priced by the engine in setup)',
  async setup(ctx) {
    const commerce = commerceOf(ctx, 'order-create-50');
    const rep = findUser(ctx.dataset, 'sales_rep');
    const session = await ctx.signIn(rep.username);
    // Ten baskets of 50 lines, priced once through the engine as the order form would before saving.
    const baskets: RawOrderLine[][] = [];
    for (let b = 0; b < 10; b++) {
      const priced = await api<PricedLines>(ctx, session, 'POST', '/api/v1/pricing/quote-lines', {
        customerId: commerce.teamCustomerIds[b]!,
        lines: linesOf(commerce.productIds, 50, b * 50),
      });
      baskets.push(priced.body.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice })));
    }
    return { rep, session, baskets, customers: commerce.teamCustomerIds, year: Number(new Date().getUTCFullYear()) };
  },
  requests(_ctx, s) {
    let n = 0;
    return [
      {
        method: 'POST',
        path: '/api/v1/orders/direct',
        headers: sessionHeaders(s.session, { write: true }),
        setupRequest: (request) => {
          n += 1;
          const body = {
            customerId: s.customers[n % s.customers.length]!,
            memo: `${BENCH_MARK} order-create-50 #${n}`,
            lines: s.baskets[n % s.baskets.length]!,
          };
          return { ...request, body: JSON.stringify(body) };
        },
      },
    ];
  },
  rawSql: (_ctx, s, i) =>
    orderCreateSql(s.rep, {
      id: newId(),
      customerId: s.customers[i % s.customers.length]!,
      memo: `${BENCH_MARK} raw order-create-50 #${i}`,
      year: s.year,
      lines: s.baskets[i % s.baskets.length]!,
    }),
  rawSqlNote:
    'one statement: the counter, the order with totals summed in SQL, 50 lines joined to their products and the 5 stage ' +
    'states; not the line arithmetic in JS, the access and reference checks, the audit entry, the search entry or the ' +
    'record read back for the reply',
});

export const pricing200Workload = defineWorkload({
  name: 'pricing-200',
  needsOrders: true,
  measures: 'POST /api/v1/pricing/quote-lines as a BR01 sales rep: 200 lines of 200 products for a customer of the team',
  async setup(ctx) {
    const commerce = commerceOf(ctx, 'pricing-200');
    const rep = findUser(ctx.dataset, 'sales_rep');
    const bodies = Array.from({ length: 20 }, (_, b) => ({
      customerId: commerce.teamCustomerIds[b % commerce.teamCustomerIds.length]!,
      date: PRICING_DAY,
      lines: linesOf(commerce.productIds, 200, b * 13),
    }));
    const actor = benchActor(rep);
    const raw: RawQuery[] = [];
    for (const body of bodies)
      raw.push(
        await pricingFactsSql(
          actor,
          body.customerId,
          body.lines.map((l) => l.productId),
          PRICING_DAY,
        ),
      );
    return { rep, session: await ctx.signIn(rep.username), bodies, raw };
  },
  requests(_ctx, s) {
    const next = roundRobin(s.bodies);
    return [
      {
        method: 'POST',
        path: '/api/v1/pricing/quote-lines',
        headers: sessionHeaders(s.session, { write: true }),
        setupRequest: (request) => ({ ...request, body: JSON.stringify(next()) }),
      },
    ];
  },
  rawSql: (_ctx, s, i) => s.raw[i % s.raw.length]!,
  rawSqlNote:
    'the facts statement (customer grade, products, price list items, discount rules as JSON) as the server compiles ' +
    'it; not the category tree, the pricing of each line in JS or the session lookup',
});

function agingWorkload(
  name: string,
  measures: string,
  pick: (ctx: BenchContext) => {
    user: { username: string; orgUnitPath: string };
    query: string;
    groupBy: 'orgUnit' | 'customer';
  },
) {
  return defineWorkload({
    name,
    needsOrders: true,
    measures,
    async setup(ctx) {
      commerceOf(ctx, name);
      const { user, query, groupBy } = pick(ctx);
      return {
        path: `/api/v1/receivables/aging?${query}`,
        pattern: subtreePattern(user.orgUnitPath),
        groupBy,
        session: await ctx.signIn(user.username),
      };
    },
    requests: (_ctx, s) => [{ method: 'GET', path: s.path, headers: sessionHeaders(s.session) }],
    rawSql: (_ctx, s) => agingSql(s.pattern, s.groupBy, DATASET_TODAY),
    rawSqlNote: 'the grouped statement with the totals row; not the org tree, the labels of the groups or the session lookup',
  });
}

/** The administrator sits at the root of the org tree (admin.bootstrap.ts); the head office unit's path is theirs. */
const administrator = (ctx: BenchContext) => ({
  username: 'admin',
  orgUnitPath: findUser(ctx.dataset, 'head_office_manager').orgUnitPath,
});

export const agingCompanyWorkload = agingWorkload(
  'aging-company',
  `GET /api/v1/receivables/aging?groupBy=orgUnit&asOf=${DATASET_TODAY} as the administrator: the whole company by branch`,
  (ctx) => ({ user: administrator(ctx), query: `groupBy=orgUnit&asOf=${DATASET_TODAY}`, groupBy: 'orgUnit' }),
);

export const agingBranchWorkload = agingWorkload(
  'aging-branch',
  `GET /api/v1/receivables/aging?groupBy=customer&orgUnitId=<BR01>&asOf=${DATASET_TODAY} as BR01’s manager: the largest 100 customers`,
  (ctx) => {
    const user = findUser(ctx.dataset, 'branch_manager');
    return { user, query: `groupBy=customer&orgUnitId=${user.orgUnitId}&asOf=${DATASET_TODAY}`, groupBy: 'customer' };
  },
);

/** Half-year periods of the two generated years, newest last. */
const PERIODS: [string, string][] = [
  ['2025-01-01', '2025-06-30'],
  ['2025-07-01', '2025-12-31'],
  ['2026-01-01', '2026-06-30'],
  ['2026-05-16', '2026-11-15'],
];

export const orderSearchWorkload = defineWorkload({
  name: 'order-search',
  needsOrders: true,
  measures:
    'GET /api/v1/orders?filter[customerId][eq]=…&filter[orderDate][gte]=…&filter[orderDate][lte]=… as BR01’s manager: ' +
    'the first page of one of the branch’s 100 busiest customers in a half year',
  async setup(ctx) {
    const commerce = commerceOf(ctx, 'order-search');
    const user: BenchUser = findUser(ctx.dataset, 'branch_manager');
    const searches = commerce.orderCustomers.flatMap((c) => PERIODS.map((period) => ({ customerId: c.id, period })));
    return { user, pattern: subtreePattern(user.orgUnitPath), searches, session: await ctx.signIn(user.username) };
  },
  requests(_ctx, s) {
    const next = roundRobin(s.searches);
    return [
      {
        method: 'GET',
        path: '/api/v1/orders',
        headers: sessionHeaders(s.session),
        setupRequest: (request) => {
          const { customerId, period } = next();
          const query = new URLSearchParams({
            'filter[customerId][eq]': customerId,
            'filter[orderDate][gte]': period[0],
            'filter[orderDate][lte]': period[1],
          });
          return { ...request, path: `/api/v1/orders?${query.toString()}` };
        },
      },
    ];
  },
  rawSql: (_ctx, s, i) => {
    const { customerId, period } = s.searches[i % s.searches.length]!;
    return orderSearchSql(s.user.id, s.pattern, customerId, period[0], period[1]);
  },
  rawSqlNote:
    'the page SELECT (limit 51); not the titles of the references (customer, type, stage), the custom field definitions or the session lookup',
});

export const quotePdf50Workload = defineWorkload({
  name: 'quote-pdf-50',
  needsOrders: true,
  // Rendering is CPU-bound in the server process: more connections would only queue.
  maxConnections: 1,
  measures: 'GET /api/v1/quotes/:id/pdf as a BR01 sales rep: a quote of 50 lines made through the API in setup',
  async setup(ctx) {
    const commerce = commerceOf(ctx, 'quote-pdf-50');
    const rep = findUser(ctx.dataset, 'sales_rep');
    const session = await ctx.signIn(rep.username);
    const quote = await api<{ id: string; version: number }>(ctx, session, 'POST', '/api/v1/quotes', {
      customerId: commerce.teamCustomerIds[0]!,
      notes: `${BENCH_MARK} quote-pdf-50`,
    });
    await api(
      ctx,
      session,
      'PUT',
      `/api/v1/quotes/${quote.body.id}/lines`,
      { lines: linesOf(commerce.productIds, 50, 100) },
      {
        'if-match': `"${quote.body.version}"`,
      },
    );
    return { session, path: `/api/v1/quotes/${quote.body.id}/pdf` };
  },
  requests: (_ctx, s) => [{ method: 'GET', path: s.path, headers: { ...sessionHeaders(s.session), accept: 'application/pdf' } }],
});
