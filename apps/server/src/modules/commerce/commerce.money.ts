// Exact decimal money for commerce: strict parsing of amounts given as strings (field-named errors), half-up rounding
// to the fen, the numeric(18,2) range, and display formatting. decimal.js, as everywhere in the server; never floats.
import Decimal from 'decimal.js';
import type { ErrorDetail } from '@guanxi/contracts';
import './commerce.messages.ts';

/** Enough significant digits for quantity × price × rate of the largest values the columns hold, with room to spare. */
export const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
export type Exact = InstanceType<typeof Exact>;

/** Amounts are stored as numeric(18,2): at most 16 digits before the point. */
export const MONEY_LIMIT = new Exact('1e16');
/** Quantities are stored as numeric(18,4): at most 14 digits before the point. */
export const QUANTITY_LIMIT = new Exact('1e14');

/** A plain decimal as people type it: no exponent, no hex, no spaces, no thousands separators. */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

export interface DecimalRule {
  /** Most digits allowed after the point, and the code of the error when there are more. */
  decimals: readonly [number, string];
  /** The range allowed and the code of the error outside it. */
  min?: readonly [Decimal.Value, 'inclusive' | 'exclusive', string];
  max?: readonly [Decimal.Value, 'inclusive' | 'exclusive', string];
}

/**
 * Reads `raw` as an exact decimal, checking it against `rule`. A bad value adds one detail naming `field` (the first
 * rule it breaks) and gives null, so a caller can check every field before answering with all of them.
 */
export function readDecimal(raw: unknown, field: string, rule: DecimalRule, details: ErrorDetail[]): Exact | null {
  const fail = (code: string) => {
    details.push({ field, code, message: code });
    return null;
  };
  if (typeof raw !== 'string' || !PLAIN_DECIMAL.test(raw)) return fail('DECIMAL_INVALID');
  const value = new Exact(raw);
  if (value.decimalPlaces() > rule.decimals[0]) return fail(rule.decimals[1]);
  if (rule.min) {
    const [bound, kind, code] = rule.min;
    if (kind === 'inclusive' ? value.lt(bound) : value.lte(bound)) return fail(code);
  }
  if (rule.max) {
    const [bound, kind, code] = rule.max;
    if (kind === 'inclusive' ? value.gt(bound) : value.gte(bound)) return fail(code);
  }
  return value;
}

/** Half up to the fen (0.005 → 0.01, −0.005 → −0.01), the rounding of Chinese invoices. */
export const roundFen = (value: Decimal.Value): Exact => new Exact(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** An amount to the fen, as stored and sent: always two decimals ("12.50"). */
export const fen = (value: Decimal.Value): string => roundFen(value).toFixed(2);

/**
 * An unrounded figure as a string: exact when its decimal expansion ends within `places` (always for products and
 * sums of the inputs), else rounded half up there (a tax-inclusive split or a share of a total discount); at least
 * two decimals so it reads as money.
 */
export function exactText(value: Exact, places = 10): string {
  const v = value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  return v.decimalPlaces() < 2 ? v.toFixed(2) : v.toFixed();
}

/** An amount for print: thousands separated, two decimals ("12,345.67", "-0.50"). */
export function formatMoney(amount: Decimal.Value): string {
  const [int = '0', frac = '00'] = roundFen(amount).abs().toFixed(2).split('.');
  const sign = new Exact(amount).isNegative() && !roundFen(amount).isZero() ? '-' : '';
  return `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

/** A quantity for print: no trailing zeros after the point ("3", "2.5", "0.0001"). */
export const formatQuantity = (quantity: Decimal.Value): string => new Exact(quantity).toFixed();

/** A percentage for print ("13%", "12.5%"). */
export const formatPercent = (percent: Decimal.Value): string => `${new Exact(percent).toFixed()}%`;
