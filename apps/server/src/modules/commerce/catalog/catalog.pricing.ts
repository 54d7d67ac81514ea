// The price engine: the unit price of each line for a customer on a day, and which rule gave it. Everything that
// may apply to the lines' products — the customer, the products, the price lists' items, the discount rules, the
// category tree (cached) — is read in five queries sent together, then every line is priced in memory, so 200
// lines cost about as much as one.
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
//   half up to the fen.
import { and, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ErrorDetail, PricedLine, PriceSourceKind, QuoteLinesResponse } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { validationFailed } from '../../../platform/http/errors.ts';
import { Exact, fen } from '../commerce.money.ts';
import { loadCategoryTree } from './catalog.categories.ts';
import { customerGradeFor } from './catalog.customers.ts';
import { findProductsForPricing } from './catalog.products.ts';
import { trimQuantity } from './catalog.priceLists.ts';
import { discountRules, priceListItems, priceLists } from './catalog.schema.ts';
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

interface ListItemRow {
  listId: string;
  listName: string;
  kind: string;
  grade: string | null;
  validFrom: string | null;
  productId: string;
  minQuantity: string;
  unitPrice: string;
}

/** Lists first by the latest start, then the newest (ids are UUID v7: later ids were created later). */
const listOrder = (a: ListItemRow, b: ListItemRow) =>
  (b.validFrom ?? '').localeCompare(a.validFrom ?? '') || b.listId.localeCompare(a.listId);

const validOn = (from: AnyPgColumn, to: AnyPgColumn, day: string) =>
  and(or(isNull(from), lte(from, day)), or(isNull(to), gte(to, day)));

/** Prices every line; 400 naming `lines.<i>.quantity` / `.productId` for bad lines, 404 for a customer the actor may not see. */
export async function priceLines(db: DbOrTx, actor: Actor, request: PriceRequest): Promise<QuoteLinesResponse> {
  const details: ErrorDetail[] = [];
  const quantities = request.lines.map((l, i) => readValue(l.quantity, `lines.${i}.quantity`, QUANTITY_RULE, details));
  if (details.length) throw validationFailed(details);
  const day = request.date ?? organisationToday();
  const productIds = [...new Set(request.lines.map((l) => l.productId))];
  const tier = request.channelTier ?? null;

  const [customer, productsById, tree, itemRows, ruleRows] = await Promise.all([
    customerGradeFor(db, actor, request.customerId),
    findProductsForPricing(db, actor, productIds),
    loadCategoryTree(db),
    db
      .select({
        listId: priceLists.id,
        listName: priceLists.name,
        kind: priceLists.kind,
        grade: priceLists.grade,
        validFrom: priceLists.validFrom,
        productId: priceListItems.productId,
        minQuantity: priceListItems.minQuantity,
        unitPrice: priceListItems.unitPrice,
      })
      .from(priceListItems)
      .innerJoin(priceLists, eq(priceLists.id, priceListItems.priceListId))
      .where(
        and(
          inArray(priceListItems.productId, productIds),
          eq(priceLists.active, true),
          validOn(priceLists.validFrom, priceLists.validTo, day),
          or(
            inArray(priceLists.kind, ['standard', 'grade']),
            tier ? and(eq(priceLists.kind, 'tier'), eq(priceLists.tierKey, tier)) : sql`false`,
            and(eq(priceLists.kind, 'customer'), eq(priceLists.customerId, request.customerId)),
          ),
        ),
      ),
    db
      .select()
      .from(discountRules)
      .where(
        and(
          eq(discountRules.active, true),
          validOn(discountRules.validFrom, discountRules.validTo, day),
          or(isNull(discountRules.productId), inArray(discountRules.productId, productIds)),
        ),
      ),
  ]);

  request.lines.forEach((line, i) => {
    const product = productsById.get(line.productId);
    if (!product) details.push({ field: `lines.${i}.productId`, code: 'PRODUCT_NOT_FOUND', message: 'PRODUCT_NOT_FOUND' });
    else if (!product.active)
      details.push({ field: `lines.${i}.productId`, code: 'PRODUCT_INACTIVE', message: 'PRODUCT_INACTIVE' });
  });
  if (details.length) throw validationFailed(details);

  const itemsByProduct = new Map<string, ListItemRow[]>();
  for (const row of itemRows) {
    if (row.kind === 'grade' && row.grade !== customer.grade) continue;
    itemsByProduct.set(row.productId, [...(itemsByProduct.get(row.productId) ?? []), row]);
  }
  const rules = ruleRows.filter((r) => r.customerGrade === null || r.customerGrade === customer.grade);

  let total = new Exact(0);
  const lines = request.lines.map((line, i): PricedLine => {
    const product = productsById.get(line.productId)!;
    const quantity = quantities[i]!;
    const rows = itemsByProduct.get(product.id) ?? [];

    let source: PricedLine['source'] = { kind: 'listPrice', unitPrice: product.listPrice };
    levels: for (const level of LEVELS) {
      const ofLevel = rows.filter((r) => r.kind === level.kind).sort(listOrder);
      const lists = [...new Set(ofLevel.map((r) => r.listId))];
      for (const listId of lists) {
        const best = ofLevel
          .filter((r) => r.listId === listId && new Exact(r.minQuantity).lte(quantity))
          .sort((a, b) => new Exact(b.minQuantity).cmp(a.minQuantity))[0];
        if (best) {
          source = {
            kind: level.source,
            listId,
            listName: best.listName,
            breakMinQuantity: trimQuantity(best.minQuantity),
            unitPrice: best.unitPrice,
          };
          break levels;
        }
      }
    }

    const ancestors = product.categoryId ? tree.ancestors(product.categoryId) : [];
    const scopeOf = (r: (typeof rules)[number]) => (r.productId ? 0 : r.categoryId ? 1 : 2);
    const matching = rules.filter(
      (r) =>
        (r.minQuantity === null || new Exact(r.minQuantity).lte(quantity)) &&
        (r.productId ? r.productId === product.id : r.categoryId ? ancestors.includes(r.categoryId) : true),
    );
    const best = matching.sort(
      (a, b) => new Exact(b.percent).cmp(a.percent) || scopeOf(a) - scopeOf(b) || a.id.localeCompare(b.id),
    )[0];

    const base = new Exact(source.unitPrice);
    let unitPrice = base;
    const discounts: PricedLine['discounts'] = [];
    const contract = source.kind === 'customerList';
    if (best && !contract) {
      unitPrice = new Exact(fen(base.times(new Exact(100).minus(best.percent)).div(100)));
      discounts.push({
        ruleId: best.id,
        ruleName: best.name,
        percent: new Exact(best.percent).toFixed(),
        amountPerUnit: base.minus(unitPrice).toFixed(2),
        scope: (['product', 'category', 'all'] as const)[scopeOf(best)],
      });
    }
    const amount = fen(quantity.times(unitPrice));
    total = total.plus(amount);
    return {
      productId: product.id,
      sku: product.sku,
      productName: product.name,
      unit: product.unit,
      quantity: quantity.toFixed(),
      taxRate: product.taxRate,
      listPrice: product.listPrice,
      unitPrice: unitPrice.toFixed(2),
      amount,
      source,
      discounts,
      ...(best && contract ? { discountNote: 'contractPrice' as const } : {}),
    };
  });

  return { customerId: request.customerId, customerGrade: customer.grade, date: day, lines, total: total.toFixed(2) };
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
