// Document numbers: a prefix, the year and a sequence per kind and year (Q2026-000012, SO2026-000345). The counter
// row is taken with one upsert in the caller's transaction, so two writers never get the same number and a rolled
// back write gives its number back.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import { commerceCounters } from './commerce.schema.ts';

export type NumberedKind = 'quote' | 'order' | 'contract' | 'payment' | 'batch';

export const NUMBER_PREFIX: Record<NumberedKind, string> = {
  quote: 'Q',
  order: 'SO',
  contract: 'HT',
  payment: 'RC',
  batch: 'PB',
};

/** The next `count` numbers of `kind` in `year` (the organisation's calendar year of the document). */
export async function nextNumbers(db: DbOrTx, kind: NumberedKind, year: number, count = 1): Promise<string[]> {
  const [row] = await db
    .insert(commerceCounters)
    .values({ kind, year, value: count })
    .onConflictDoUpdate({
      target: [commerceCounters.kind, commerceCounters.year],
      set: { value: sql`${commerceCounters.value} + ${count}` },
    })
    .returning({ value: commerceCounters.value });
  const last = row!.value;
  return Array.from({ length: count }, (_, i) => formatNumber(kind, year, last - count + 1 + i));
}

export async function nextNumber(db: DbOrTx, kind: NumberedKind, year: number): Promise<string> {
  const [number] = await nextNumbers(db, kind, year, 1);
  return number!;
}

export function formatNumber(kind: NumberedKind, year: number, sequence: number): string {
  return `${NUMBER_PREFIX[kind]}${year}-${String(sequence).padStart(6, '0')}`;
}
