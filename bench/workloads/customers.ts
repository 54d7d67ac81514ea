// Customer workloads of issue 4's performance targets, as a branch manager: the call-centre identifier lookup, the
// global search by Chinese substring (3+ and 2 characters), full pinyin and initials, and the customer list with a
// filter and the pinyin sort. Queries rotate over the generated vocabulary, so every one finds customers.
import type autocannon from 'autocannon';
import { findUser, SAMPLE_IDS } from '../dataset.ts';
import { CUSTOMER_BRANDS, CUSTOMER_DISTRICTS, CUSTOMER_TRADES, initialsOf, pinyinOf } from '../customers.ts';
import { subtreePattern } from './widgetSql.ts';
import { customerListSql, identifierLookupSql, searchSql } from './customerSql.ts';
import { defineWorkload, roundRobin, sessionHeaders, type BenchContext, type Session } from './workload.ts';

const manager = async (ctx: BenchContext) => {
  const user = findUser(ctx.dataset, 'branch_manager');
  return { user, pattern: subtreePattern(user.orgUnitPath), session: await ctx.signIn(user.username) };
};
type ManagerState = Awaited<ReturnType<typeof manager>>;

/** Requests cycling through `paths` (shared by all connections). */
const rotating = (session: Session, paths: string[]): autocannon.Request[] => {
  const next = roundRobin(paths);
  return [
    {
      method: 'GET',
      path: paths[0]!,
      headers: sessionHeaders(session),
      setupRequest: (req) => ({ ...req, path: next() }),
    },
  ];
};

export const identifierLookupWorkload = defineWorkload({
  name: 'identifier-lookup',
  measures: 'GET /api/v1/identifiers/lookup?value=138-0013-8000 (a mobile as typed, no type: every type is tried)',
  async setup(ctx) {
    if (!ctx.dataset.sampleCustomers.length) throw new Error('identifier-lookup needs customers (--customers N)');
    return { ...(await manager(ctx)), mobiles: ctx.dataset.sampleCustomers.map((c) => c.mobile) };
  },
  requests: (_ctx, s) =>
    rotating(
      s.session,
      s.mobiles.map((m) => `/api/v1/identifiers/lookup?value=${encodeURIComponent(m)}`),
    ),
  rawSql: (_ctx, s, i) => identifierLookupSql(s.user.id, s.pattern, s.mobiles[i % s.mobiles.length]!),
  rawSqlNote:
    'the lookup statement (customers and contacts, phone and mobile forms), unnamed (parsed and planned each run; the server names it); not the session statement',
});

/**
 * One search workload per kind of query: the same endpoint, different index paths. `queries` may come from the
 * dataset (the phone numbers of its sample customers); `example` then stands for them in the description.
 */
function searchWorkload(name: string, measures: string, queries: string[] | ((ctx: BenchContext) => string[]), example?: string) {
  const list = (ctx: BenchContext) => (typeof queries === 'function' ? queries(ctx) : queries);
  return defineWorkload<ManagerState & { queries: string[] }>({
    name,
    measures:
      typeof queries === 'function'
        ? `GET /api/v1/search?q=${example} (${measures}), every record type`
        : `GET /api/v1/search?q=${queries[0]} (and ${queries.length - 1} more like it), every record type`,
    // Each query once (a dataset's list has one per sample customer).
    warmupRequests: typeof queries === 'function' ? SAMPLE_IDS : queries.length,
    setup: async (ctx) => ({ ...(await manager(ctx)), queries: list(ctx) }),
    requests: (_ctx, s) =>
      rotating(
        s.session,
        s.queries.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`),
      ),
    rawSql: (_ctx, s, i) => searchSql(s.user.id, s.pattern, s.queries[i % s.queries.length]!),
    rawSqlNote:
      "the customer type's part of the search statement (the other types hold no entries here); not the session statement",
  });
}

const brandTrades = CUSTOMER_BRANDS.flatMap((b, i) => CUSTOMER_TRADES.filter((_, j) => (i + j) % 5 === 0).map((t) => b + t));

export const searchChineseWorkload = searchWorkload(
  'search-chinese',
  'Chinese substring of 3 characters',
  brandTrades.map((w) => w.slice(0, 3)),
);
export const searchChinese2Workload = searchWorkload('search-chinese-2', 'two Chinese characters', [
  ...CUSTOMER_DISTRICTS,
  ...CUSTOMER_BRANDS.slice(0, 8),
]);
export const searchPinyinWorkload = searchWorkload('search-pinyin', 'full pinyin', brandTrades.map(pinyinOf));
export const searchInitialsWorkload = searchWorkload('search-initials', 'pinyin initials', brandTrades.map(initialsOf));
/** 「the last four digits of a phone」: the sample customers' mobiles, 500 of the bench branch's. */
export const searchPhoneTailWorkload = searchWorkload(
  'search-phone-tail',
  "the last 4 digits of one of 500 customers' mobiles",
  (ctx) => {
    if (!ctx.dataset.sampleCustomers.length) throw new Error('search-phone-tail needs customers (--customers N)');
    return ctx.dataset.sampleCustomers.map((c) => c.mobile.replace(/\D/g, '').slice(-4));
  },
  '8000',
);

export const customerListWorkload = defineWorkload({
  name: 'customer-list',
  measures: 'GET /api/v1/customers?filter[grade][eq]=A&sort=name&limit=50 (name in pinyin order)',
  setup: manager,
  requests: (_ctx, s) => [
    {
      method: 'GET',
      path: `/api/v1/customers?${new URLSearchParams({ 'filter[grade][eq]': 'A', sort: 'name', limit: '50' }).toString()}`,
      headers: sessionHeaders(s.session),
    },
  ],
  rawSql: (_ctx, s) => customerListSql(s.user.id, s.pattern, 'A'),
  rawSqlNote: "the page SELECT; not the session statement or the titles of the page's references",
});
