// A quote's lines, read and saved whole (GET/PUT /api/v1/quotes/:id/lines, If-Match: the quote's version). A line from
// a product takes its SKU, name, unit, tax rate, list price and cost from the catalogue and its price from the price
// engine for the quote's customer and date (kept as `enginePrice` with the engine's explanation); the user may set a
// unit price of their own and a discount. Free lines name themselves. Every figure is computed by
// commerce.quoteMath.ts with the quote's rounding and prices and stored, with the quote's totals, in one transaction;
// every bad field is named at once (`lines.2.quantity`), nothing is written then.
import { asc, eq, inArray } from 'drizzle-orm';
import type { ErrorDetail, PricedLine, QuoteDiscount, QuoteLine, QuoteLines, QuoteLinesInput } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import { AppError, staleVersion, validationFailed } from '../../../platform/http/errors.ts';
import { getRecord, type KitContext } from '../../../platform/entities/entity.read.ts';
import { priceLines } from '../catalog/catalog.pricing.ts';
import { products } from '../catalog/catalog.schema.ts';
import { Exact, fen, QUANTITY_LIMIT, readDecimal } from '../commerce.money.ts';
import { calculateQuote, type Discount, type QuoteFigures, type QuoteLineInput as MathLine } from '../commerce.quoteMath.ts';
import { discountsOffList } from './quotes.discount.ts';
import { checkLocked, EDITABLE_STATUSES } from './quotes.hooks.ts';
import { quoteEntity } from './quotes.entities.ts';
import { quoteLines as l, quotes as q } from './quotes.schema.ts';
import { lockQuote, writeQuote, type QuoteRow } from './quotes.write.ts';

type LineRow = typeof l.$inferSelect;

const problem = (field: string, code: string): ErrorDetail => ({ field, code, message: code });

/** A product's tax rate as stored in the catalogue (0.13) → a quote's percent ("13"). */
const ratePercent = (fraction: string) => new Exact(fraction).times(100).toFixed();

const discountOf = (kind: string | null, value: string | null): QuoteDiscount | null =>
  kind === 'percent' || kind === 'amount' ? { kind, value: value ?? '0' } : null;

export async function readLines(db: DbOrTx, quoteId: string): Promise<LineRow[]> {
  return db.select().from(l).where(eq(l.quoteId, quoteId)).orderBy(asc(l.position));
}

function toApi(quote: QuoteRow, rows: LineRow[], editable: boolean): QuoteLines {
  const rounding = quote.rounding === 'perTotal' ? 'perTotal' : 'perLine';
  const off = discountsOffList(
    rows.map((r) => ({ ...r, listPrice: r.productId ? r.listPrice : null })),
    rounding,
  );
  return {
    quoteId: quote.id,
    version: quote.version,
    status: quote.status,
    editable,
    customerId: quote.customerId,
    quoteDate: quote.quoteDate,
    rounding,
    prices: quote.prices === 'exclusive' ? 'exclusive' : 'inclusive',
    totalDiscount: discountOf(quote.totalDiscountKind, quote.totalDiscountValue),
    lines: rows.map((r, i): QuoteLine => ({
      id: r.id,
      position: r.position,
      productId: r.productId,
      sku: r.sku,
      name: r.name,
      unit: r.unit,
      quantity: new Exact(r.quantity).toFixed(),
      listPrice: r.listPrice,
      enginePrice: r.enginePrice,
      unitPrice: r.unitPrice,
      discount: discountOf(r.discountKind, r.discountValue),
      taxRate: r.taxRate,
      amount: r.amount,
      discountAmount: r.discount,
      subtotal: r.subtotal,
      totalDiscountShare: r.totalDiscountShare,
      net: r.net,
      tax: r.tax,
      gross: r.gross,
      unitCost: r.unitCost,
      discountOffListPercent: off.lines[i]!,
      priceSource: (r.priceSource as QuoteLine['priceSource']) ?? null,
    })),
    totals: {
      subtotal: quote.subtotal,
      discountTotal: quote.discountTotal,
      netTotal: quote.netTotal,
      taxTotal: quote.taxTotal,
      grossTotal: quote.grossTotal,
      costTotal: quote.costTotal,
      effectiveDiscountPercent: quote.effectiveDiscountPercent,
    },
  };
}

/** The lines of a quote the caller may read (404 otherwise). */
export async function getQuoteLines(ctx: KitContext, quoteId: string): Promise<QuoteLines> {
  const record = await getRecord({ ...ctx, descriptor: quoteEntity }, quoteId);
  const [quote] = await ctx.db.select().from(q).where(eq(q.id, quoteId));
  const editable =
    Boolean((record.access as { update?: boolean } | undefined)?.update) && EDITABLE_STATUSES.includes(quote!.status);
  return toApi(quote!, await readLines(ctx.db, quoteId), editable);
}

interface BuiltLine {
  row: Omit<typeof l.$inferInsert, 'quoteId' | 'position'>;
  math: MathLine;
}

const QUANTITY_RULE = {
  decimals: [4, 'QUOTE_QUANTITY_DECIMALS'],
  min: [0, 'exclusive', 'QUOTE_QUANTITY_NOT_POSITIVE'],
  max: [QUANTITY_LIMIT, 'exclusive', 'QUOTE_QUANTITY_TOO_BIG'],
} as const;

/** The engine's prices of the product lines whose quantity reads; its refusals renamed to the lines' own indexes. */
async function enginePrices(
  ctx: KitContext,
  quote: QuoteRow,
  input: QuoteLinesInput['lines'],
  usable: boolean[],
  details: ErrorDetail[],
): Promise<Map<number, PricedLine>> {
  const indexes = input.flatMap((line, i) => (line.productId && usable[i] ? [i] : []));
  const priced = new Map<number, PricedLine>();
  if (!indexes.length) return priced;
  try {
    const answer = await priceLines(ctx.db, ctx.actor, {
      customerId: quote.customerId,
      date: quote.quoteDate,
      lines: indexes.map((i) => ({ productId: input[i]!.productId!, quantity: input[i]!.quantity })),
    });
    answer.lines.forEach((line, k) => priced.set(indexes[k]!, line));
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
    for (const d of err.details ?? [])
      details.push({ ...d, field: (d.field ?? '').replace(/^lines\.(\d+)\./, (_, k: string) => `lines.${indexes[Number(k)]}.`) });
  }
  return priced;
}

/** Every line checked, priced and computed; one VALIDATION_FAILED naming every bad field. */
async function buildLines(
  ctx: KitContext,
  quote: QuoteRow,
  input: QuoteLinesInput,
): Promise<{ lines: BuiltLine[]; figures: QuoteFigures }> {
  const details: ErrorDetail[] = [];
  const usable = input.lines.map((line, i) => {
    if (!line.productId) {
      if (!line.name) details.push(problem(`lines.${i}.name`, 'QUOTE_LINE_NAME_REQUIRED'));
      if (line.unitPrice === undefined || line.unitPrice === null)
        details.push(problem(`lines.${i}.unitPrice`, 'QUOTE_LINE_PRICE_REQUIRED'));
      if (line.taxRate === undefined || line.taxRate === null)
        details.push(problem(`lines.${i}.taxRate`, 'QUOTE_LINE_TAX_REQUIRED'));
    }
    return readDecimal(line.quantity, `lines.${i}.quantity`, QUANTITY_RULE, details) !== null;
  });
  const priced = await enginePrices(ctx, quote, input.lines, usable, details);
  const productIds = [...new Set([...priced.values()].map((p) => p.productId))];
  const costs = new Map(
    productIds.length
      ? (
          await ctx.db
            .select({ id: products.id, cost: products.standardCost })
            .from(products)
            .where(inArray(products.id, productIds))
        ).map((r) => [r.id, r.cost])
      : [],
  );

  const lines = input.lines.map((line, i): BuiltLine => {
    const engine = priced.get(i);
    const discount = (line.discount ?? undefined) as Discount | undefined;
    const unitPrice = line.unitPrice ?? engine?.unitPrice ?? '0';
    const taxRate = engine ? ratePercent(engine.taxRate) : (line.taxRate ?? '0');
    return {
      math: { quantity: line.quantity, unitPrice, taxRate, ...(discount ? { discount } : {}) },
      row: engine
        ? {
            productId: engine.productId,
            sku: engine.sku,
            name: engine.productName,
            unit: engine.unit,
            listPrice: engine.listPrice,
            enginePrice: engine.unitPrice,
            unitCost: costs.get(engine.productId) ?? null,
            priceSource: {
              source: engine.source,
              discounts: engine.discounts,
              ...(engine.discountNote ? { discountNote: engine.discountNote } : {}),
            },
          }
        : { productId: null, sku: null, name: line.name ?? '', unit: line.unit ?? null, listPrice: null, enginePrice: null },
    } as BuiltLine;
  });

  let figures: QuoteFigures | null = null;
  try {
    figures = calculateQuote(
      { lines: lines.map((b) => b.math), totalDiscount: (input.totalDiscount ?? undefined) as Discount | undefined },
      {
        rounding: quote.rounding === 'perTotal' ? 'perTotal' : 'perLine',
        prices: quote.prices === 'exclusive' ? 'exclusive' : 'inclusive',
      },
    );
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'VALIDATION_FAILED') throw err;
    const known = new Set(details.map((d) => d.field));
    // Missing values stood in as 0 above; their own detail already says so.
    for (const d of err.details ?? []) if (!known.has(d.field)) details.push(d);
  }
  if (details.length || !figures) throw validationFailed(details);
  return { lines, figures };
}

const summary = (
  rows: { name: string; quantity: string; unitPrice: string; discountKind?: string | null; discountValue?: string | null }[],
) =>
  rows.map((r) => {
    const discount =
      r.discountKind === 'percent' ? ` −${r.discountValue}%` : r.discountKind === 'amount' ? ` −${r.discountValue}` : '';
    return `${r.name} × ${new Exact(r.quantity).toFixed()} @ ${r.unitPrice}${discount}`;
  });

/** Replaces the lines and the totals (in a transaction: `ctx.db` is it). */
export async function saveQuoteLines(
  ctx: KitContext,
  quoteId: string,
  expectedVersion: number,
  input: QuoteLinesInput,
): Promise<QuoteLines> {
  const kit = { ...ctx, descriptor: quoteEntity };
  const before = await lockQuote(kit, quoteId, 'update');
  if (before.version !== expectedVersion) throw staleVersion(await getRecord(kit, quoteId));
  checkLocked(before.status);
  const { lines, figures } = await buildLines(kit, before, input);
  const old = await readLines(ctx.db, quoteId);
  await ctx.db.delete(l).where(eq(l.quoteId, quoteId));
  const rows = lines.map((b, position) => {
    const f = figures.lines[position]!;
    return {
      ...b.row,
      quoteId,
      position,
      quantity: new Exact(b.math.quantity).toFixed(4),
      unitPrice: fen(b.math.unitPrice),
      discountKind: b.math.discount?.kind ?? null,
      discountValue: b.math.discount ? new Exact(b.math.discount.value).toFixed(2) : null,
      taxRate: new Exact(b.math.taxRate).toFixed(2),
      amount: fen(f.amount),
      discount: fen(f.discount),
      subtotal: fen(f.subtotal),
      totalDiscountShare: fen(f.totalDiscountShare),
      net: fen(f.net),
      tax: fen(f.tax),
      gross: fen(f.gross),
    };
  });
  if (rows.length) await ctx.db.insert(l).values(rows);
  const rounding = before.rounding === 'perTotal' ? 'perTotal' : 'perLine';
  // The effective discount is judged on the exact figures, not the ones rounded for storage.
  const off = discountsOffList(
    lines.map((b, i) => ({
      quantity: b.math.quantity,
      listPrice: b.row.productId ? (b.row.listPrice ?? null) : null,
      unitPrice: b.math.unitPrice,
      subtotal: figures.lines[i]!.subtotal,
      totalDiscountShare: figures.lines[i]!.totalDiscountShare,
    })),
    rounding,
  );
  const cost = rows.reduce((sum, r) => sum.plus(new Exact(r.quantity).times(r.unitCost ?? 0)), new Exact(0));
  const total = input.totalDiscount ?? null;
  const after = await writeQuote(
    ctx.db,
    ctx.actor,
    before,
    {
      totalDiscountKind: total?.kind ?? null,
      totalDiscountValue: total ? new Exact(total.value).toFixed(2) : null,
      subtotal: figures.totals.subtotal,
      discountTotal: figures.totals.totalDiscount,
      netTotal: figures.totals.net,
      taxTotal: figures.totals.tax,
      grossTotal: figures.totals.gross,
      costTotal: fen(cost),
      effectiveDiscountPercent: off.effective,
    },
    [{ field: 'lines', old: summary(old), new: summary(rows) }],
  );
  return toApi(after, await readLines(ctx.db, quoteId), true);
}
