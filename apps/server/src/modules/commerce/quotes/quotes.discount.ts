// How far a quote goes below the list prices — what approval is about. Pure.
//
// A line's list value is quantity × list price (the product's list price; a free line's own unit price), rounded to
// the fen when the quote rounds per line. Its value after discounts is its subtotal less its share of the total
// discount (both in the quote's price basis, like the list price). A line's discount off list is
// (list value − value after discounts) ÷ list value; the quote's is the same over the sums of all lines. The quote's
// effective discount is the largest of the quote's and every line's, as a percentage rounded UP to 2 decimals (so a
// limit of 20 % is never passed unseen by 20.004 %), and 0 when the prices are at or above list. A line of list
// value 0 has no discount off list.
import { Exact, roundFen } from '../commerce.money.ts';

export interface DiscountLine {
  quantity: string;
  /** null for a free line: its unit price is its list. */
  listPrice: string | null;
  unitPrice: string;
  subtotal: string;
  totalDiscountShare: string;
}

const percentOff = (list: Exact, value: Exact): Exact =>
  list.lte(0) ? new Exact(0) : Exact.max(0, list.minus(value).div(list).times(100));

const ceil2 = (value: Exact): string => value.toDecimalPlaces(2, Exact.ROUND_CEIL).toFixed(2);

export function discountsOffList(
  lines: DiscountLine[],
  rounding: 'perLine' | 'perTotal',
): { lines: string[]; effective: string } {
  let listSum = new Exact(0);
  let valueSum = new Exact(0);
  let largest = new Exact(0);
  const perLine = lines.map((l) => {
    const exactList = new Exact(l.quantity).times(l.listPrice ?? l.unitPrice);
    const list = rounding === 'perLine' ? roundFen(exactList) : exactList;
    const value = new Exact(l.subtotal).minus(l.totalDiscountShare);
    listSum = listSum.plus(list);
    valueSum = valueSum.plus(value);
    const off = percentOff(list, value);
    if (off.gt(largest)) largest = off;
    return ceil2(off);
  });
  const whole = percentOff(listSum, valueSum);
  return { lines: perLine, effective: ceil2(Exact.max(largest, whole)) };
}
