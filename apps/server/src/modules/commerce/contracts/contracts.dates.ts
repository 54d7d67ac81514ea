// Calendar days of contracts (YYYY-MM-DD, no time of day): today in the organisation's time zone, day arithmetic, and
// the term of a renewal — a contract of whole months (2026-01-01 … 2026-12-31) renews for as many months
// (2027-01-01 … 2027-12-31, also across a leap year); any other term for as many days.

/** The organisation's time zone (GUANXI_TIME_ZONE), for code that runs without the app's config (kit hooks). */
export const organisationTimeZone = (): string => process.env.GUANXI_TIME_ZONE || 'Asia/Shanghai';

export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + days);
  return toDay(d);
}

/** `day` plus `months` calendar months; a day past the end of the target month is its last day (01-31 + 1 → 02-28). */
export function addMonths(day: string, months: number): string {
  const d = toDate(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return toDay(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000);

/** The whole months a term spans when it ends the day before a month boundary from its start, else undefined. */
function wholeMonths(start: string, end: string): number | undefined {
  for (let months = 1; months <= 1200; months++) {
    const next = addDays(addMonths(start, months), -1);
    if (next === end) return months;
    if (next > end) return undefined;
  }
  return undefined;
}

/** The term of the contract renewing `start … end`: from the day after `end`, as long as the old term. */
export function renewalTerm(start: string, end: string): { startDate: string; endDate: string } {
  const startDate = addDays(end, 1);
  const months = wholeMonths(start, end);
  const endDate = months ? addDays(addMonths(startDate, months), -1) : addDays(startDate, daysBetween(start, end));
  return { startDate, endDate };
}
