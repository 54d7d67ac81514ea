// The amount a product line will have, shown while it is typed: quantity × unit price × (1 − discount ÷ 100), half
// up to the fen, in whole numbers (BigInt) so it matches the server's exact decimal to the fen. The server computes
// the stored amount; this is only its preview.
import { fromFen, toFen } from './boardMoves.ts';

/** "12.5" with at most `places` decimals → the integer × 10^places, or undefined when not such a number. */
function scaled(value: string | undefined, places: number): bigint | undefined {
  const text = (value ?? '').trim();
  if (!new RegExp(`^\\d{1,16}(\\.\\d{1,${places}})?$`).test(text)) return undefined;
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 10n ** BigInt(places) + BigInt(fraction.padEnd(places, '0'));
}

/** The line's amount as a decimal string, or undefined while a number is missing or malformed. */
export function previewLineAmount(
  quantity: string | undefined,
  unitPrice: string | undefined,
  discount?: string,
): string | undefined {
  const q = scaled(quantity, 4);
  const p = scaled(unitPrice, 2);
  const d = discount?.trim() ? scaled(discount, 2) : 0n;
  if (q === undefined || p === undefined || d === undefined || d > 10000n) return undefined;
  // q·p·(100 − d)/100 with q ×10⁴, p ×10², (100 − d) ×10²: the product is yuan ×10¹⁰, fen ×10⁸.
  const product = q * p * (10000n - d);
  const fen = (product + 50_000_000n) / 100_000_000n;
  return fromFen(fen);
}

/** The sum of the lines that have an amount. */
export const sumAmounts = (amounts: (string | undefined)[]): string =>
  fromFen(amounts.reduce((total, amount) => total + (amount ? toFen(amount) : 0n), 0n));
