// A quote's arithmetic, exact: quantity × unit price − line discount, a total discount shared over the lines, tax per
// line at its rate, with prices that include tax or not, and rounding to the fen either per line or only on the totals.
// Pure: no database. Every bad field of the input is reported at once, named (`lines.2.unitPrice`), in one AppError.
import type { ErrorDetail } from '@guanxi/contracts';
import { validationFailed } from '../../platform/http/errors.ts';
import { Exact, MONEY_LIMIT, type DecimalRule, QUANTITY_LIMIT, exactText, fen, readDecimal, roundFen } from './commerce.money.ts';

/** A discount as a percentage of the amount (0–100) or as an amount in yuan (to the fen). */
export type Discount = { kind: 'percent'; value: string } | { kind: 'amount'; value: string };

export interface QuoteLineInput {
  /** Up to 4 decimals, more than 0. */
  quantity: string;
  /** Up to 2 decimals, 0 or more; with or without tax as `QuoteMathOptions.prices` says. */
  unitPrice: string;
  discount?: Discount;
  /** Percent: "13", "9", "6", "0" (0 ≤ rate < 100, up to 2 decimals). */
  taxRate: string;
}

export interface QuoteMathInput {
  lines: QuoteLineInput[];
  /** Taken off the sum of the lines, and shared over them in proportion so each line's tax falls with it. */
  totalDiscount?: Discount;
}

export interface QuoteMathOptions {
  /** Whether unit prices include tax ("inclusive", usual for 含税价) or not ("exclusive"). */
  prices: 'inclusive' | 'exclusive';
  /**
   * "perLine": each line's amount, discount, share of the total discount, net and tax are rounded half up to the fen,
   * and the totals are the sums of the lines. "perTotal": lines are kept exact and only the totals are rounded.
   */
  rounding: 'perLine' | 'perTotal';
}

export interface QuoteLineFigures {
  /** quantity × unit price. */
  amount: string;
  /** The line's own discount. */
  discount: string;
  /** amount − discount, what the line shows; in the prices' basis (with tax when prices include it). */
  subtotal: string;
  /** The line's part of the total discount. */
  totalDiscountShare: string;
  /** After both discounts: without tax, the tax, and with tax (net + tax = gross). */
  net: string;
  tax: string;
  gross: string;
}

export interface QuoteTotals {
  /** Sum of the lines' subtotals. */
  subtotal: string;
  totalDiscount: string;
  /** net + tax = gross, and subtotal − totalDiscount = gross (prices with tax) or net (prices without). */
  net: string;
  tax: string;
  gross: string;
}

export interface QuoteFigures {
  lines: QuoteLineFigures[];
  totals: QuoteTotals;
}

interface ReadLine {
  quantity: Exact;
  unitPrice: Exact;
  discount: Discount | undefined;
  discountValue: Exact;
  rate: Exact;
}

const PERCENT_RULE: DecimalRule = {
  decimals: [2, 'QUOTE_PERCENT_DECIMALS'],
  min: [0, 'inclusive', 'QUOTE_DISCOUNT_PERCENT_RANGE'],
  max: [100, 'inclusive', 'QUOTE_DISCOUNT_PERCENT_RANGE'],
};
const DISCOUNT_AMOUNT_RULE: DecimalRule = {
  decimals: [2, 'QUOTE_AMOUNT_DECIMALS'],
  min: [0, 'inclusive', 'QUOTE_DISCOUNT_AMOUNT_RANGE'],
  max: [MONEY_LIMIT, 'exclusive', 'QUOTE_AMOUNT_TOO_BIG'],
};

function readDiscount(discount: Discount | undefined, field: string, details: ErrorDetail[]): Exact | null {
  if (!discount) return new Exact(0);
  if (discount.kind !== 'percent' && discount.kind !== 'amount') {
    details.push({ field: `${field}.kind`, code: 'QUOTE_DISCOUNT_KIND', message: 'QUOTE_DISCOUNT_KIND' });
    return null;
  }
  const rule = discount.kind === 'percent' ? PERCENT_RULE : DISCOUNT_AMOUNT_RULE;
  return readDecimal(discount.value, `${field}.value`, rule, details);
}

function readLines(input: QuoteMathInput, details: ErrorDetail[]): ReadLine[] {
  const lines: ReadLine[] = [];
  input.lines.forEach((line, i) => {
    const at = `lines.${i}.`;
    const quantity = readDecimal(
      line.quantity,
      `${at}quantity`,
      {
        decimals: [4, 'QUOTE_QUANTITY_DECIMALS'],
        min: [0, 'exclusive', 'QUOTE_QUANTITY_NOT_POSITIVE'],
        max: [QUANTITY_LIMIT, 'exclusive', 'QUOTE_QUANTITY_TOO_BIG'],
      },
      details,
    );
    const unitPrice = readDecimal(
      line.unitPrice,
      `${at}unitPrice`,
      {
        decimals: [2, 'QUOTE_PRICE_DECIMALS'],
        min: [0, 'inclusive', 'QUOTE_PRICE_NEGATIVE'],
        max: [MONEY_LIMIT, 'exclusive', 'QUOTE_AMOUNT_TOO_BIG'],
      },
      details,
    );
    const discountValue = readDiscount(line.discount, `${at}discount`, details);
    const rate = readDecimal(
      line.taxRate,
      `${at}taxRate`,
      {
        decimals: [2, 'QUOTE_PERCENT_DECIMALS'],
        min: [0, 'inclusive', 'QUOTE_TAX_RATE_RANGE'],
        max: [100, 'exclusive', 'QUOTE_TAX_RATE_RANGE'],
      },
      details,
    );
    if (quantity && unitPrice && discountValue && rate)
      lines.push({ quantity, unitPrice, discount: line.discount, discountValue, rate });
  });
  return lines;
}

/** The line's own discount in yuan, from a percentage of `amount` or as given. */
const lineDiscount = (line: ReadLine, amount: Exact): Exact =>
  line.discount?.kind === 'percent' ? amount.times(line.discountValue).div(100) : line.discountValue;

const sum = (values: Exact[]): Exact => values.reduce((a, b) => a.plus(b), new Exact(0));

/**
 * Splits `total` fen over `weights` in proportion, each share a whole number of fen, the shares adding up to `total`
 * exactly: the fen left after rounding down go one each to the largest remainders (the earlier line on a tie).
 */
function shareInFen(total: Exact, weights: Exact[]): Exact[] {
  const weight = sum(weights);
  if (weight.isZero()) return weights.map(() => new Exact(0));
  const totalFen = total.times(100);
  const exact = weights.map((w) => totalFen.times(w).div(weight));
  const shares = exact.map((e) => e.floor());
  let left = totalFen.minus(sum(shares)).toNumber();
  const order = exact.map((e, i) => ({ i, rest: e.minus(shares[i]!) })).sort((a, b) => b.rest.cmp(a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = shares[i]!.plus(1);
    left--;
  }
  return shares.map((s) => s.div(100));
}

/** The tax inside an amount that includes it: amount × rate ÷ (100 + rate). */
const taxIncluded = (gross: Exact, rate: Exact): Exact => gross.times(rate).div(rate.plus(100));

function tooBig(value: Exact, field: string, details: ErrorDetail[]): void {
  if (roundFen(value).abs().gte(MONEY_LIMIT))
    details.push({ field, code: 'QUOTE_AMOUNT_TOO_BIG', message: 'QUOTE_AMOUNT_TOO_BIG' });
}

/**
 * The figures of a quote: every line and the totals. Throws VALIDATION_FAILED (400) naming every bad field, including
 * a discount larger than what it is taken from and any figure beyond numeric(18,2).
 */
export function calculateQuote(input: QuoteMathInput, options: QuoteMathOptions): QuoteFigures {
  const details: ErrorDetail[] = [];
  const lines = readLines(input, details);
  const totalDiscountValue = readDiscount(input.totalDiscount, 'totalDiscount', details);
  if (details.length || !totalDiscountValue) throw validationFailed(details);

  const perLine = options.rounding === 'perLine';
  const round = (v: Exact) => (perLine ? roundFen(v) : v);
  const amounts = lines.map((l) => round(l.quantity.times(l.unitPrice)));
  const discounts = lines.map((l, i) => round(lineDiscount(l, amounts[i]!)));
  lines.forEach((l, i) => {
    if (l.discount?.kind === 'amount' && discounts[i]!.gt(amounts[i]!))
      details.push({
        field: `lines.${i}.discount.value`,
        code: 'QUOTE_DISCOUNT_AMOUNT_RANGE',
        message: 'QUOTE_DISCOUNT_AMOUNT_RANGE',
      });
    tooBig(amounts[i]!, `lines.${i}.amount`, details);
  });
  const subtotals = amounts.map((a, i) => a.minus(discounts[i]!));
  const subtotal = sum(subtotals);
  const totalDiscount =
    input.totalDiscount?.kind === 'percent' ? round(subtotal.times(totalDiscountValue).div(100)) : totalDiscountValue;
  // A line already refused makes the subtotal meaningless: say nothing of the total discount then.
  if (!details.length && totalDiscount.gt(subtotal))
    details.push({
      field: 'totalDiscount.value',
      code: 'QUOTE_DISCOUNT_AMOUNT_RANGE',
      message: 'QUOTE_DISCOUNT_AMOUNT_RANGE',
    });
  tooBig(subtotal, 'totals.subtotal', details);
  if (details.length) throw validationFailed(details);

  const shares = perLine
    ? shareInFen(totalDiscount, subtotals)
    : subtotals.map((s) => (subtotal.isZero() ? new Exact(0) : totalDiscount.times(s).div(subtotal)));
  const bases = subtotals.map((s, i) => s.minus(shares[i]!));
  const taxes = bases.map((b, i) => {
    const rate = lines[i]!.rate;
    if (options.prices === 'exclusive') return round(b.times(rate).div(100));
    // With tax included, the net is what is rounded (as on a 发票: 金额 = 含税金额 ÷ (1 + 税率)) and the tax is the rest.
    return perLine ? b.minus(roundFen(b.minus(taxIncluded(b, rate)))) : taxIncluded(b, rate);
  });
  const nets = bases.map((b, i) => (options.prices === 'exclusive' ? b : b.minus(taxes[i]!)));
  const grosses = bases.map((b, i) => (options.prices === 'exclusive' ? b.plus(taxes[i]!) : b));
  grosses.forEach((g, i) => tooBig(g, `lines.${i}.gross`, details));

  // Per total, the totals are rounded in a chain so that the printed figures add up: the discounted base is rounded
  // once, the discount shown is what separates it from the rounded subtotal, and the tax is the exact tax rounded.
  const base = roundFen(sum(bases));
  const tax = roundFen(sum(taxes));
  const net = options.prices === 'exclusive' ? base : base.minus(tax);
  const gross = options.prices === 'exclusive' ? base.plus(tax) : base;
  tooBig(gross, 'totals.gross', details);
  if (details.length) throw validationFailed(details);

  const text = (v: Exact) => (perLine ? fen(v) : exactText(v));
  return {
    lines: lines.map((_, i) => ({
      amount: text(amounts[i]!),
      discount: text(discounts[i]!),
      subtotal: text(subtotals[i]!),
      totalDiscountShare: text(shares[i]!),
      net: text(nets[i]!),
      tax: text(taxes[i]!),
      gross: text(grosses[i]!),
    })),
    totals: {
      subtotal: fen(subtotal),
      totalDiscount: fen(roundFen(subtotal).minus(base)),
      net: fen(net),
      tax: fen(tax),
      gross: fen(gross),
    },
  };
}
