// Pure helpers of the planning pages: periods as the API names them (2026, 2026-Q4, 2026-11), the list page a
// figure drills into, a target's split checked against its parent to the fen, and attainment for display.
import type { Drill, PeriodKind } from '@guanxi/contracts';
import { fromFen, toFen } from '../boardMoves.ts';

export interface PeriodParts {
  kind: PeriodKind;
  year: number;
  /** 1–4 for a quarter. */
  quarter?: number;
  /** 1–12 for a month. */
  month?: number;
}

export function parsePeriod(period: string): PeriodParts | undefined {
  const match = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(period);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (match[2]) return { kind: 'quarter', year, quarter: Number(match[2]) };
  if (match[3]) return { kind: 'month', year, month: Number(match[3]) };
  return { kind: 'year', year };
}

/** The period of `kind` that holds the day (year, month 1–12). */
export function periodOf(kind: PeriodKind, year: number, month: number): string {
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The first day of a period, YYYY-MM-DD (for a date picker's value). */
export function periodStart(period: string): string | undefined {
  const parts = parsePeriod(period);
  if (!parts) return undefined;
  const month = parts.kind === 'month' ? parts.month! : parts.kind === 'quarter' ? (parts.quarter! - 1) * 3 + 1 : 1;
  return `${parts.year}-${String(month).padStart(2, '0')}-01`;
}

const PLURALS: Record<Drill['recordType'], string> = {
  opportunity: 'opportunities',
  activity: 'activities',
  customer: 'customers',
  order: 'orders',
};

/** The records list page behind a figure, with the figure's filters in the address. */
export function drillPath(drill: Drill): string {
  const query = new URLSearchParams(drill.query).toString();
  return `/${PLURALS[drill.recordType]}${query ? `?${query}` : ''}`;
}

export interface SplitSummary {
  /** Sum of the parts, a decimal string. */
  total: string;
  /** Parent minus the parts (negative when they exceed it). */
  remaining: string;
  exceeds: boolean;
  /** Positions of parts that are not non-negative decimals with at most 2 places (or whole numbers for counts). */
  invalid: number[];
}

const DECIMAL = /^\d{1,16}(\.\d{1,2})?$/;
const WHOLE = /^\d{1,16}$/;

/** The parts of a split against the parent, exact to the fen; empty parts count as not given. */
export function splitSummary(parent: string, parts: (string | undefined)[], wholeNumbers = false): SplitSummary {
  const invalid: number[] = [];
  let total = 0n;
  parts.forEach((raw, i) => {
    const value = raw?.trim() ?? '';
    if (value === '') return;
    if (!(wholeNumbers ? WHOLE : DECIMAL).test(value)) invalid.push(i);
    else total += toFen(value);
  });
  const remaining = toFen(parent) - total;
  return { total: fromFen(total), remaining: fromFen(remaining), exceeds: remaining < 0n, invalid };
}

/** Attainment for a progress bar: 0–100 (over 100% shows full), or undefined without a target. */
export const progressPercent = (attainment: number | null): number | undefined =>
  attainment === null ? undefined : Math.max(0, Math.min(100, attainment));
