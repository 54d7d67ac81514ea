// Periods of plans and reports: `2026` (year), `2026-Q4` (quarter), `2026-11` (month) → their first and last day,
// and the SQL bounds of a period's timestamps in the organisation's time zone.
import { sql, type SQL } from 'drizzle-orm';
import type { PeriodInfo, PeriodKind } from '@guanxi/contracts';
import { fieldError } from '../../../platform/http/errors.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Days in month `m` (1-12) of year `y`. */
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function parsePeriod(period: string, field = 'period'): PeriodInfo {
  const match = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(period);
  if (!match) throw fieldError(field, 'invalid_value', 'invalid_value');
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) throw fieldError(field, 'invalid_value', 'invalid_value');
  let kind: PeriodKind = 'year';
  let first = 1;
  let last = 12;
  if (match[2]) {
    kind = 'quarter';
    first = (Number(match[2]) - 1) * 3 + 1;
    last = first + 2;
  } else if (match[3]) {
    kind = 'month';
    first = last = Number(match[3]);
  }
  return { period, kind, startDate: isoDate(year, first, 1), endDate: isoDate(year, last, daysIn(year, last)) };
}

/** The day after `date` (YYYY-MM-DD). */
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** `column` (timestamptz) falls within the period's days in time zone `tz`: constant bounds, so indexes serve it. */
export function withinPeriod(column: SQL | import('drizzle-orm/pg-core').AnyPgColumn, p: PeriodInfo, tz: string): SQL {
  return sql`(${column} >= (${p.startDate}::date::timestamp AT TIME ZONE ${tz}) AND ${column} < (${nextDay(p.endDate)}::date::timestamp AT TIME ZONE ${tz}))`;
}

/** `column` (date) falls within the period. */
export function dateWithinPeriod(column: SQL | import('drizzle-orm/pg-core').AnyPgColumn, p: PeriodInfo): SQL {
  return sql`(${column} >= ${p.startDate}::date AND ${column} <= ${p.endDate}::date)`;
}

/** Today's date in time zone `tz`. */
export function todayIn(tz: string, now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Monday of the week of `date` (YYYY-MM-DD). */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** The month, quarter and year that contain `date`. */
export function periodsContaining(date: string): string[] {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return [`${y}-${pad(m)}`, `${y}-Q${Math.floor((m - 1) / 3) + 1}`, `${y}`];
}
