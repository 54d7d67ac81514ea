// Money on the receivables pages: amounts typed as text checked to the fen, sums and differences in whole fen (no
// float ever adds money), and amounts shown as ¥12,345.67.
import { fromFen, toFen } from '../../sales/boardMoves.ts';
import { formatDecimal } from '../../records/fieldValues.ts';

/** A plain amount with at most two decimals, as the server accepts it. */
export const isMoney = (value: string): boolean => /^\d{1,16}(\.\d{1,2})?$/.test(value.trim());

/** Σ of the amounts that are valid money (the others count as 0 until corrected). */
export const sumMoney = (amounts: (string | undefined)[]): string =>
  fromFen(amounts.reduce((sum, a) => sum + (a && isMoney(a) ? toFen(a.trim()) : 0n), 0n));

/** `a` − `b`, to the fen. */
export const fenDifference = (a: string, b: string): string => fromFen(toFen(a) - toFen(b));

export const yuan = (value: string | null | undefined): string => (value == null ? '—' : `¥${formatDecimal(value)}`);
