// The quote's figures previewed in the browser while lines are typed: the same arithmetic as the server's
// commerce.quoteMath.ts (per-line or per-total rounding to the fen, half up; the total discount shared over the lines
// by largest remainder; tax inside or on top of the price) on exact fractions of BigInts, so the preview agrees with
// the server to the fen. The server computes what is stored; this only shows it early.

/** An exact fraction n / d, d > 0. */
interface Q {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a || 1n;
};
const q = (n: bigint, d = 1n): Q => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
};
const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);
const cmp = (a: Q, b: Q) => {
  const x = a.n * b.d - b.n * a.d;
  return x > 0n ? 1 : x < 0n ? -1 : 0;
};
const ZERO = q(0n);
const HUNDRED = q(100n);
const sum = (xs: Q[]) => xs.reduce(add, ZERO);
/** Largest integer ≤ x. */
const floor = (x: Q): bigint => (x.n >= 0n ? x.n / x.d : -((-x.n + x.d - 1n) / x.d));
/** Half up (away from zero) to the fen. */
const roundFen = (x: Q): Q => {
  const negative = x.n < 0n;
  const abs = q(negative ? -x.n : x.n, x.d);
  const fen = (abs.n * 100n * 2n + abs.d) / (2n * abs.d);
  return q(negative ? -fen : fen, 100n);
};
/** Rounded up to hundredths (for the discount off list). */
const ceil2 = (x: Q): Q => q(-floor(q(-x.n * 100n, x.d)), 100n);

/** A plain non-negative decimal with at most `places` decimals, else undefined. */
export function parseDecimal(text: string | undefined | null, places: number): Q | undefined {
  const value = (text ?? '').trim();
  if (!new RegExp(`^\\d{1,16}(\\.\\d{1,${places}})?$`).test(value)) return undefined;
  const [whole = '0', fraction = ''] = value.split('.');
  return q(BigInt(whole + fraction), 10n ** BigInt(fraction.length));
}

/** An amount to the fen as the server writes it: "1234.50", "-0.05". */
export function fenText(x: Q): string {
  const r = roundFen(x);
  const fen = (r.n * 100n) / r.d;
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export type PreviewDiscount = { kind: 'percent' | 'amount'; value: string } | null | undefined;

export interface PreviewLine {
  quantity: string;
  unitPrice: string;
  /** Percent: "13". */
  taxRate: string;
  discount?: PreviewDiscount;
  /** The product's list price; a free line's list is its own price. */
  listPrice?: string | null;
}

export interface PreviewOptions {
  rounding: 'perLine' | 'perTotal';
  prices: 'inclusive' | 'exclusive';
}

export interface PreviewFigures {
  lines: { amount: string; subtotal: string; gross: string; offList: string }[];
  totals: {
    subtotal: string;
    discountTotal: string;
    netTotal: string;
    taxTotal: string;
    grossTotal: string;
    effectiveDiscountPercent: string;
  };
}

function readDiscount(discount: PreviewDiscount): { kind: 'percent' | 'amount'; value: Q } | null | undefined {
  if (!discount || discount.value === '') return null;
  const value = parseDecimal(discount.value, 2);
  if (!value || (discount.kind === 'percent' && cmp(value, HUNDRED) > 0)) return undefined;
  return { kind: discount.kind, value };
}

/** Splits `total` over `weights` in whole fen by largest remainder, the shares adding up to `total`. */
function shareInFen(total: Q, weights: Q[]): Q[] {
  const weight = sum(weights);
  if (weight.n === 0n) return weights.map(() => ZERO);
  const totalFen = mul(total, HUNDRED);
  const exact = weights.map((w) => div(mul(totalFen, w), weight));
  const shares = exact.map(floor);
  let left = floor(totalFen) - shares.reduce((a, b) => a + b, 0n);
  const order = exact.map((e, i) => ({ i, rest: sub(e, q(shares[i]!)) })).sort((a, b) => cmp(b.rest, a.rest) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0n) break;
    shares[i]! += 1n;
    left--;
  }
  return shares.map((s) => q(s, 100n));
}

/** The figures of the lines, or undefined while any number is missing or malformed (or a discount is too large). */
export function previewQuote(
  lines: PreviewLine[],
  totalDiscount: PreviewDiscount,
  options: PreviewOptions,
): PreviewFigures | undefined {
  const perLine = options.rounding === 'perLine';
  const round = (x: Q) => (perLine ? roundFen(x) : x);
  const read = lines.map((l) => ({
    quantity: parseDecimal(l.quantity, 4),
    price: parseDecimal(l.unitPrice, 2),
    rate: parseDecimal(l.taxRate, 2),
    discount: readDiscount(l.discount),
    list: l.listPrice ? parseDecimal(l.listPrice, 2) : parseDecimal(l.unitPrice, 2),
  }));
  if (read.some((l) => !l.quantity || l.quantity.n === 0n || !l.price || !l.rate || l.discount === undefined || !l.list))
    return undefined;
  const total = readDiscount(totalDiscount);
  if (total === undefined) return undefined;
  const amounts = read.map((l) => round(mul(l.quantity!, l.price!)));
  const discounts = read.map((l, i) =>
    !l.discount
      ? ZERO
      : l.discount.kind === 'percent'
        ? round(div(mul(amounts[i]!, l.discount.value), HUNDRED))
        : l.discount.value,
  );
  if (discounts.some((d, i) => cmp(d, amounts[i]!) > 0)) return undefined;
  const subtotals = amounts.map((a, i) => sub(a, discounts[i]!));
  const subtotal = sum(subtotals);
  const totalDiscountValue = !total
    ? ZERO
    : total.kind === 'percent'
      ? round(div(mul(subtotal, total.value), HUNDRED))
      : total.value;
  if (cmp(totalDiscountValue, subtotal) > 0) return undefined;
  const shares = perLine
    ? shareInFen(totalDiscountValue, subtotals)
    : subtotals.map((s) => (subtotal.n === 0n ? ZERO : div(mul(totalDiscountValue, s), subtotal)));
  const bases = subtotals.map((s, i) => sub(s, shares[i]!));
  const taxes = bases.map((b, i) => {
    const rate = read[i]!.rate!;
    if (options.prices === 'exclusive') return round(div(mul(b, rate), HUNDRED));
    const included = div(mul(b, rate), add(rate, HUNDRED));
    return perLine ? sub(b, roundFen(sub(b, included))) : included;
  });
  const grosses = bases.map((b, i) => (options.prices === 'exclusive' ? add(b, taxes[i]!) : b));
  const base = roundFen(sum(bases));
  const tax = roundFen(sum(taxes));
  const net = options.prices === 'exclusive' ? base : sub(base, tax);
  const gross = options.prices === 'exclusive' ? add(base, tax) : base;

  // Off list: (list value − value after both discounts) ÷ list value, the largest of the lines and the whole, rounded up.
  const lists = read.map((l) => round(mul(l.quantity!, l.list!)));
  const off = (list: Q, value: Q) =>
    cmp(list, ZERO) <= 0 ? ZERO : cmp(value, list) >= 0 ? ZERO : div(mul(sub(list, value), HUNDRED), list);
  const lineOff = lists.map((list, i) => off(list, bases[i]!));
  const largest = [...lineOff, off(sum(lists), sum(bases))].reduce((a, b) => (cmp(a, b) >= 0 ? a : b), ZERO);
  return {
    lines: read.map((_, i) => ({
      amount: fenText(amounts[i]!),
      subtotal: fenText(subtotals[i]!),
      gross: fenText(grosses[i]!),
      offList: fenText(ceil2(lineOff[i]!)),
    })),
    totals: {
      subtotal: fenText(subtotal),
      discountTotal: fenText(sub(roundFen(subtotal), base)),
      netTotal: fenText(net),
      taxTotal: fenText(tax),
      grossTotal: fenText(gross),
      effectiveDiscountPercent: fenText(ceil2(largest)),
    },
  };
}

/** a − b of two amounts to the fen ("440.00" − "300.00" = "140.00"); undefined when either is not an amount. */
export function minusFen(a: string, b: string): string | undefined {
  const x = parseDecimal(a.replace(/^-/, ''), 2);
  const y = parseDecimal(b.replace(/^-/, ''), 2);
  if (!x || !y) return undefined;
  const signed = (v: Q, text: string) => (text.startsWith('-') ? q(-v.n, v.d) : v);
  return fenText(sub(signed(x, a), signed(y, b)));
}
