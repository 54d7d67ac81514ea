// An order's lines as stored: the caller's lines checked and computed with the quote arithmetic (commerce.quoteMath),
// the products' SKU, name, unit, supplier and standard cost copied, the cost total and the largest discount off the
// list price. One query reads every product named; every bad field comes back at once (`lines.3.quantity`).
import { and, isNull } from 'drizzle-orm';
import type { ErrorDetail } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError, validationFailed } from '../../../platform/http/errors.ts';
import { accessCondition } from '../../../platform/access/recordAccess.ts';
import { anyOf } from '../../../platform/entities/entity.bulkInsert.ts';
import { Exact, MONEY_LIMIT, fen, readDecimal, roundFen } from '../commerce.money.ts';
import { calculateQuote, type Discount } from '../commerce.quoteMath.ts';
import { products } from '../catalog/catalog.schema.ts';
import type { NewOrderLine } from './orders.create.ts';
import { orderLines } from './orders.schema.ts';

export type OrderLineRow = Omit<typeof orderLines.$inferInsert, 'orderId'>;

export interface OrderFigures {
  lines: OrderLineRow[];
  totals: {
    subtotal: string;
    discountTotal: string;
    netTotal: string;
    taxTotal: string;
    grossTotal: string;
    costTotal: string;
    effectiveDiscountPercent: string;
  };
}

export interface OrderPricing {
  rounding: 'perLine' | 'perTotal';
  prices: 'inclusive' | 'exclusive';
  totalDiscount?: Discount | null;
}

const MAX_LINES = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type ProductFacts = Pick<typeof products.$inferSelect, 'id' | 'sku' | 'name' | 'unit' | 'supplier' | 'standardCost' | 'taxRate'>;

/** The products the lines name that exist and the actor may read, by id (one query). */
async function readProducts(db: DbOrTx, actor: Actor, ids: string[]): Promise<Map<string, ProductFacts>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      unit: products.unit,
      supplier: products.supplier,
      standardCost: products.standardCost,
      taxRate: products.taxRate,
    })
    .from(products)
    .where(and(anyOf(products.id, ids), isNull(products.deletedAt), accessCondition(actor, 'product', 'read', products)));
  return new Map(rows.map((r) => [r.id, r]));
}

const MONEY_RULE = {
  decimals: [2, 'QUOTE_PRICE_DECIMALS'],
  min: [0, 'inclusive', 'QUOTE_PRICE_NEGATIVE'],
  max: [MONEY_LIMIT, 'exclusive', 'QUOTE_AMOUNT_TOO_BIG'],
} as const;

/** Computes the rows and totals of `lines`, or throws one VALIDATION_FAILED naming every bad field. */
export async function computeOrderLines(
  db: DbOrTx,
  actor: Actor,
  lines: NewOrderLine[],
  pricing: OrderPricing,
): Promise<OrderFigures> {
  const details: ErrorDetail[] = [];
  if (!Array.isArray(lines) || lines.length === 0)
    throw validationFailed([{ field: 'lines', code: 'ORDER_LINES_REQUIRED', message: 'ORDER_LINES_REQUIRED' }]);
  if (lines.length > MAX_LINES)
    throw validationFailed([{ field: 'lines', code: 'ORDER_TOO_MANY_LINES', message: 'ORDER_TOO_MANY_LINES' }]);
  const ids = [...new Set(lines.map((l) => l.productId).filter((id): id is string => typeof id === 'string' && UUID.test(id)))];
  const found = await readProducts(db, actor, ids);
  // A line may leave its tax rate to the product's (stored as a fraction, 0.13; lines carry percent, "13").
  lines = lines.map((line) => {
    const product = line.productId ? found.get(line.productId) : undefined;
    if (line.taxRate !== undefined && line.taxRate !== null) return line;
    return { ...line, taxRate: product ? new Exact(product.taxRate).times(100).toFixed() : (line.taxRate as unknown as string) };
  });
  const costs: (Exact | null)[] = [];
  lines.forEach((line, i) => {
    const at = `lines.${i}.`;
    const product = line.productId ? found.get(line.productId) : undefined;
    if (line.productId && !product)
      details.push({ field: `${at}productId`, code: 'PRODUCT_NOT_FOUND', message: 'PRODUCT_NOT_FOUND' });
    const name = (line.name ?? '').trim() || product?.name || '';
    if (!name) details.push({ field: `${at}name`, code: 'ORDER_LINE_NAME_REQUIRED', message: 'ORDER_LINE_NAME_REQUIRED' });
    else if (name.length > 200) details.push({ field: `${at}name`, code: 'too_big', message: 'too_big' });
    if (line.listPrice !== undefined && line.listPrice !== null)
      readDecimal(line.listPrice, `${at}listPrice`, MONEY_RULE, details);
    const cost = line.unitCost ?? product?.standardCost ?? null;
    costs.push(cost === null ? null : readDecimal(cost, `${at}unitCost`, MONEY_RULE, details));
  });
  let figures: ReturnType<typeof calculateQuote> | undefined;
  try {
    figures = calculateQuote(
      { lines, ...(pricing.totalDiscount ? { totalDiscount: pricing.totalDiscount } : {}) },
      { prices: pricing.prices, rounding: pricing.rounding },
    );
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
    details.push(...(err.details ?? []));
  }
  if (details.length || !figures) throw validationFailed(details);

  let costTotal = new Exact(0);
  let largestDiscount = new Exact(0);
  const rows: OrderLineRow[] = lines.map((line, i) => {
    const product = line.productId ? found.get(line.productId) : undefined;
    const f = figures.lines[i]!;
    const quantity = new Exact(line.quantity);
    const cost = costs[i] ?? null;
    if (cost) costTotal = costTotal.plus(quantity.times(cost));
    // What the customer pays for the line against what it lists at, after both discounts, in the prices' own basis.
    const listAmount = quantity.times(line.listPrice ?? line.unitPrice);
    if (listAmount.gt(0)) {
      const paid = new Exact(f.subtotal).minus(f.totalDiscountShare);
      const off = listAmount.minus(paid).div(listAmount).times(100);
      if (off.gt(largestDiscount)) largestDiscount = off;
    }
    return {
      position: i,
      productId: product?.id ?? null,
      sku: line.sku ?? product?.sku ?? null,
      name: (line.name ?? '').trim() || product!.name,
      unit: line.unit ?? product?.unit ?? null,
      supplier: product?.supplier?.trim() || null,
      quantity: quantity.toFixed(),
      listPrice: line.listPrice ?? null,
      unitPrice: line.unitPrice,
      discountKind: line.discount?.kind ?? null,
      discountValue: line.discount?.value ?? null,
      taxRate: line.taxRate,
      amount: fen(f.amount),
      discount: fen(f.discount),
      subtotal: fen(f.subtotal),
      totalDiscountShare: fen(f.totalDiscountShare),
      net: fen(f.net),
      tax: fen(f.tax),
      gross: fen(f.gross),
      unitCost: cost ? cost.toFixed(2) : null,
    };
  });
  return {
    lines: rows,
    totals: {
      subtotal: figures.totals.subtotal,
      discountTotal: figures.totals.totalDiscount,
      netTotal: figures.totals.net,
      taxTotal: figures.totals.tax,
      grossTotal: figures.totals.gross,
      costTotal: fen(costTotal),
      effectiveDiscountPercent: roundFen(Exact.min(largestDiscount, 100)).toFixed(2),
    },
  };
}
