// The arithmetic of instalment plans and payments, without the database: the default plan, an equal split to the fen,
// an instalment's status from its paid amount, and the allocation of a payment to open instalments oldest due first.
import Decimal from 'decimal.js';
import { Exact } from '../commerce.money.ts';
import { addDays, addMonths } from './receivables.dates.ts';

export interface PlannedInstalment {
  name: string | null;
  dueDate: string;
  /** Yuan with fen ("1234.56"). */
  amount: string;
}

/** Days after the order date when the one instalment of a default plan falls due. */
export const DEFAULT_TERM_DAYS = 30;

/** The plan an order starts with: one instalment of its gross total, due 30 days after the order date. */
export function defaultInstalments(order: { orderDate: string; grossTotal: string }): PlannedInstalment[] {
  if (new Exact(order.grossTotal).lte(0)) return [];
  return [{ name: null, dueDate: addDays(order.orderDate, DEFAULT_TERM_DAYS), amount: new Exact(order.grossTotal).toFixed(2) }];
}

/**
 * `total` in `count` equal monthly instalments from `firstDueDate`: each the total divided down to the fen, the fen
 * left over on the last (100.00 in 3 → 33.33, 33.33, 33.34).
 */
export function splitEqually(total: string, count: number, firstDueDate: string): PlannedInstalment[] {
  const fenTotal = new Exact(total).times(100);
  const each = fenTotal.div(count).floor();
  const last = fenTotal.minus(each.times(count - 1));
  return Array.from({ length: count }, (_, i) => ({
    name: null,
    dueDate: addMonths(firstDueDate, i),
    amount: (i === count - 1 ? last : each).div(100).toFixed(2),
  }));
}

export type InstalmentStatus = 'open' | 'partial' | 'paid' | 'cancelled';

/** open (nothing paid), partial, paid (to the fen). */
export function statusOf(amount: Decimal.Value, paid: Decimal.Value): InstalmentStatus {
  const p = new Exact(paid);
  if (p.lte(0)) return 'open';
  return p.gte(amount) ? 'paid' : 'partial';
}

export interface OpenInstalment {
  id: string;
  dueDate: string;
  position: number;
  /** Amount − paid. */
  outstanding: Exact;
}

/**
 * Splits `amount` over `open` instalments, the oldest due first (then by position, then id, so the answer never
 * depends on row order). Returns what goes to each and what is left over (the excess).
 */
export function allocateOldestFirst(
  amount: Exact,
  open: OpenInstalment[],
): { allocations: { id: string; amount: Exact }[]; excess: Exact } {
  const sorted = [...open].sort((a, b) =>
    a.dueDate !== b.dueDate
      ? a.dueDate < b.dueDate
        ? -1
        : 1
      : a.position !== b.position
        ? a.position - b.position
        : a.id < b.id
          ? -1
          : 1,
  );
  let left = amount;
  const allocations: { id: string; amount: Exact }[] = [];
  for (const instalment of sorted) {
    if (left.lte(0)) break;
    if (instalment.outstanding.lte(0)) continue;
    const take = Exact.min(left, instalment.outstanding);
    allocations.push({ id: instalment.id, amount: take });
    left = left.minus(take);
  }
  return { allocations, excess: left };
}
