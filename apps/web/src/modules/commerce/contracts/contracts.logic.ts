// Where a contract stands towards its end date, for the 到期 tag on its page and in the customer's list: running,
// due for renewal (within its reminder days; the organisation's default when it names none), past its end, or
// closed by renewal or termination.

/** The settings' default lead time of the renewal reminder, for the tag's colour when a contract names none. */
export const DEFAULT_REMINDER_DAYS = 30;

export type RenewalState =
  { kind: 'running' | 'due'; days: number } | { kind: 'overdue'; days: number } | { kind: 'expired' | 'renewed' | 'terminated' };

const dayNumber = (day: string) =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;

export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** `today` is YYYY-MM-DD in the organisation's calendar. Undefined for a contract without an end date. */
export function renewalState(contract: Record<string, unknown>, today: string): RenewalState | undefined {
  if (contract.status === 'renewed' || contract.status === 'terminated' || contract.status === 'expired')
    return { kind: contract.status };
  if (typeof contract.endDate !== 'string') return undefined;
  const days = daysBetween(today, contract.endDate);
  if (days < 0) return { kind: 'overdue', days: -days };
  const lead = typeof contract.renewalReminderDays === 'number' ? contract.renewalReminderDays : DEFAULT_REMINDER_DAYS;
  return { kind: days <= lead ? 'due' : 'running', days };
}

/** The day after `day` (YYYY-MM-DD): where a renewal starts. */
export function nextDay(day: string): string {
  return new Date((dayNumber(day) + 1) * 86_400_000).toISOString().slice(0, 10);
}

/** Today in the browser's calendar (the organisation's, for the users it serves). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
