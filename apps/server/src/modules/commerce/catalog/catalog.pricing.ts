// The price engine: the unit price of each line for a customer on a day, and which rule gave it. Everything that
// may apply to the lines' products — the customer, the products, the price lists' items, the discount rules — is read
// in one statement (catalog.pricing.facts.ts), the category tree from the reference cache, then every line is priced
// in memory, so 200 lines cost about as much as one.
//
// Precedence (docs/ARCHITECTURE.md, "Commerce: catalogue and prices"):
//   1. the list price source, first that has a quantity break ≤ the quantity for the product:
//      customer-specific list > channel-tier list > customer-grade list > standard list > the product's list price;
//      among lists of the same level the one valid from the latest day wins (an open start counts as earliest),
//      then the most recently created; within the list the break with the largest minimum quantity ≤ the quantity;
//   2. then the best single discount rule (no stacking, as Salesforce CPQ discount schedules and Dynamics discount
//      lists): the largest percentage among the active rules valid that day for the customer's grade (or any
//      grade) from their minimum quantity, naming the product, a category above it or every product; a tie goes to
//      the most specific (product > category > all). A customer-specific list is a negotiated contract price:
//      no rule discounts it further.
//   Unit prices are rounded half up to the fen after the discount; the line amount is quantity × unit price,
//   half up to the fen; the total is the sum of the line amounts.
import type { ErrorDetail, PricedLine, PriceSourceKind, QuoteLinesResponse } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError, validationFailed } from '../../../platform/http/errors.ts';
import { loadCategoryTree } from './catalog.categories.ts';
import { loadPricingFacts, type PricingItem } from './catalog.pricing.facts.ts';
import { trimQuantity } from './catalog.priceLists.ts';
import { QUANTITY_RULE, readValue } from './catalog.values.ts';

export interface PriceRequest {
  customerId: string;
  /** YYYY-MM-DD; today in the organisation's time zone when left out. */
  date?: string;
  channelTier?: string;
  lines: { productId: string; quantity: string | number }[];
}

const LEVELS: { kind: string; source: PriceSourceKind }[] = [
  { kind: 'customer', source: 'customerList' },
  { kind: 'tier', source: 'tierList' },
  { kind: 'grade', source: 'gradeList' },
  { kind: 'standard', source: 'standardList' },
];

export const organisationToday = (): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: process.env.GUANXI_TIME_ZONE || 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

type ListItemRow = PricingItem;

interface Candidate {
  row: ListItemRow;
  level: number;
  /** The break's minimum quantity in ten-thousandths. */
  min: bigint;
}

// The arithmetic runs on exact integers — prices in fen, quantities in ten-thousandths, percentages in hundredths of
// a percent — as BigInt: exact like decimal.js, about twenty times faster, which 200 lines in 20 ms need.

/** "95.5" with `places` 2 → 9550n. The texts come validated (no sign, no exponent) or from numeric columns. */
const scaled = (text: string, places: number): bigint => {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole + fraction.padEnd(places, '0').slice(0, places));
};

/** n ÷ d rounded half up, for n ≥ 0 and d > 0. */
const divideHalfUp = (n: bigint, d: bigint): bigint => (2n * n + d) / (2n * d);

/** An amount in fen as the API writes it: "1234.50". */
const fenText = (fen: bigint): string => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;

/** Lists first by the latest start, then the newest (ids are UUID v7: later ids were created later). */
const listOrder = (a: ListItemRow, b: ListItemRow) =>
  compareText(b.validFrom ?? '', a.validFrom ?? '') || compareText(b.listId, a.listId);

/** Code-unit order (ISO dates, UUIDs): localeCompare would ask ICU for every comparison. */
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Prices every line; 400 naming `lines.<i>.quantity` / `.productId` for bad lines, 404 for a customer the actor may not see. */
export async function priceLines(db: DbOrTx, actor: Actor, request: PriceRequest): Promise<QuoteLinesResponse> {
  const details: ErrorDetail[] = [];
  const quantities = request.lines.map((l, i) => readValue(l.quantity, `lines.${i}.quantity`, QUANTITY_RULE, details));
  if (details.length) throw validationFailed(details);
  const day = request.date ?? organisationToday();
  const productIds = [...new Set(request.lines.map((l) => l.productId))];
  const tier = request.channelTier ?? null;

  const [facts, tree] = await Promise.all([
    loadPricingFacts(db, actor, { customerId: request.customerId, productIds, day, tier }),
    loadCategoryTree(db),
  ]);
  const customer = facts.customer;
  if (!customer) throw new AppError('NOT_FOUND', 404);
  const productsById = new Map(facts.products.map((p) => [p.id, p]));

  request.lines.forEach((line, i) => {
    const product = productsById.get(line.productId);
    if (!product) details.push({ field: `lines.${i}.productId`, code: 'PRODUCT_NOT_FOUND', message: 'PRODUCT_NOT_FOUND' });
    else if (product.discontinued)
      details.push({ field: `lines.${i}.productId`, code: 'PRODUCT_DISCONTINUED', message: 'PRODUCT_DISCONTINUED' });
  });
  if (details.length) throw validationFailed(details);

  // Per product, its candidate rows in precedence order — level, then list (latest start, newest), then the largest
  // break first — so a line's price is the first row whose break is ≤ its quantity.
  const levelOf = new Map(LEVELS.map((l, i) => [l.kind, i]));
  const candidates = new Map<string, Candidate[]>();
  // Grade lists of other grades and rules of other grades were left out by the query.
  for (const row of facts.items) {
    const list = candidates.get(row.productId) ?? [];
    list.push({ row, level: levelOf.get(row.kind)!, min: scaled(row.minQuantity, 4) });
    candidates.set(row.productId, list);
  }
  for (const list of candidates.values())
    list.sort((a, b) => a.level - b.level || listOrder(a.row, b.row) || (a.min > b.min ? -1 : a.min < b.min ? 1 : 0));
  const rules = facts.rules
    .map((r) => ({
      rule: r,
      min: r.minQuantity === null ? null : scaled(r.minQuantity, 4),
      percent: scaled(r.percent, 2),
      scope: r.productId ? 0 : r.categoryId ? 1 : 2,
    }))
    // Best first: the largest percentage, then the most specific, then by id so the choice never wavers.
    .sort((a, b) => Number(b.percent - a.percent) || a.scope - b.scope || compareText(a.rule.id, b.rule.id));

  let total = 0n;
  const lines = request.lines.map((line, i): PricedLine => {
    const product = productsById.get(line.productId)!;
    const quantity = quantities[i]!;
    const q = scaled(quantity.toFixed(4), 4);
    const hit = candidates.get(product.id)?.find((c) => c.min <= q);
    const source: PricedLine['source'] = hit
      ? {
          kind: LEVELS[hit.level]!.source,
          listId: hit.row.listId,
          listName: hit.row.listName,
          breakMinQuantity: trimQuantity(hit.row.minQuantity),
          unitPrice: hit.row.unitPrice,
        }
      : { kind: 'listPrice', unitPrice: product.listPrice };

    const ancestors = product.categoryId ? tree.ancestors(product.categoryId) : [];
    const best = rules.find(
      ({ rule, min }) =>
        (min === null || min <= q) &&
        (rule.productId ? rule.productId === product.id : rule.categoryId ? ancestors.includes(rule.categoryId) : true),
    );

    const base = scaled(source.unitPrice, 2);
    let unitPrice = base;
    const discounts: PricedLine['discounts'] = [];
    const contract = source.kind === 'customerList';
    if (best && !contract) {
      unitPrice = divideHalfUp(base * (10_000n - best.percent), 10_000n);
      discounts.push({
        ruleId: best.rule.id,
        ruleName: best.rule.name,
        percent: trimQuantity(best.rule.percent),
        amountPerUnit: fenText(base - unitPrice),
        scope: (['product', 'category', 'all'] as const)[best.scope]!,
      });
    }
    const amount = divideHalfUp(q * unitPrice, 10_000n);
    total += amount;
    return {
      productId: product.id,
      sku: product.sku,
      productName: product.name,
      unit: product.unit,
      quantity: quantity.toFixed(),
      taxRate: product.taxRate,
      listPrice: product.listPrice,
      unitPrice: fenText(unitPrice),
      amount: fenText(amount),
      source,
      discounts,
      ...(best && contract ? { discountNote: 'contractPrice' as const } : {}),
    };
  });

  return { customerId: request.customerId, customerGrade: customer.grade, date: day, lines, total: fenText(total) };
}

/** One line: the engine's answer for a product and quantity. */
export async function priceFor(
  db: DbOrTx,
  actor: Actor,
  input: { customerId: string; productId: string; quantity: string | number; date?: string; channelTier?: string },
): Promise<PricedLine> {
  const { productId, quantity, ...rest } = input;
  return (await priceLines(db, actor, { ...rest, lines: [{ productId, quantity }] })).lines[0]!;
}
