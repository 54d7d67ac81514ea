// Filters of a list as the API's query keys (`filter[amount][gte]=100`), one kind per field type, and the date
// presets office staff use (本月, 上季度 …). Saved views store exactly these keys.
import dayjs, { type Dayjs } from 'dayjs';
import type { FieldMeta } from '@guanxi/contracts';

export type FilterKind = 'text' | 'range' | 'dateRange' | 'choice' | 'tags' | 'boolean' | 'reference';

export function filterKind(field: FieldMeta): FilterKind {
  switch (field.type) {
    case 'integer':
    case 'decimal':
      return 'range';
    case 'date':
    case 'datetime':
      return 'dateRange';
    case 'select':
    case 'multiSelect':
      return 'choice';
    case 'tags':
      return 'tags';
    case 'boolean':
      return 'boolean';
    case 'reference':
      return 'reference';
    default:
      return 'text';
  }
}

/** The operators a filter kind writes; an active filter is any of these keys present. */
export const KIND_OPS: Record<FilterKind, string[]> = {
  text: ['contains'],
  range: ['gte', 'lte'],
  dateRange: ['between'],
  choice: ['in'],
  tags: ['in'],
  boolean: ['eq'],
  reference: ['eq'],
};

export const filterKey = (field: string, op: string): string => `filter[${field}][${op}]`;

const KEY = /^filter\[([^\]]+)\]\[([A-Za-z]+)\]$/;

/** Names of the fields that have a value in `filters`, in the order they were added. */
export function activeFilterFields(filters: Record<string, string>): string[] {
  const names: string[] = [];
  for (const key of Object.keys(filters)) {
    const name = KEY.exec(key)?.[1];
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** `filters` without any key of `field`. */
export function withoutField(filters: Record<string, string>, field: string): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter(([key]) => KEY.exec(key)?.[1] !== field));
}

export type DatePreset =
  'today' | 'thisWeek' | 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'lastQuarter' | 'thisYear' | 'lastYear';
export const DATE_PRESETS: DatePreset[] = [
  'today',
  'thisWeek',
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'lastQuarter',
  'thisYear',
  'lastYear',
];

/** First and last day of a preset, counted from `now`; weeks start on Monday as in China. */
export function presetRange(preset: DatePreset, now: Dayjs = dayjs()): [Dayjs, Dayjs] {
  const quarterStart = (d: Dayjs) => d.startOf('month').month(Math.floor(d.month() / 3) * 3);
  switch (preset) {
    case 'today':
      return [now.startOf('day'), now.endOf('day')];
    case 'thisWeek': {
      const monday = now.subtract((now.day() + 6) % 7, 'day').startOf('day');
      return [monday, monday.add(6, 'day').endOf('day')];
    }
    case 'thisMonth':
      return [now.startOf('month'), now.endOf('month')];
    case 'lastMonth': {
      const last = now.subtract(1, 'month');
      return [last.startOf('month'), last.endOf('month')];
    }
    case 'thisQuarter': {
      const start = quarterStart(now);
      return [start, start.add(2, 'month').endOf('month')];
    }
    case 'lastQuarter': {
      const start = quarterStart(now).subtract(3, 'month');
      return [start, start.add(2, 'month').endOf('month')];
    }
    case 'thisYear':
      return [now.startOf('year'), now.endOf('year')];
    case 'lastYear': {
      const last = now.subtract(1, 'year');
      return [last.startOf('year'), last.endOf('year')];
    }
  }
}

/** The `between` value of a date range: whole days for date fields, instants for date-time fields. */
export function betweenValue(field: FieldMeta, [from, to]: [Dayjs, Dayjs]): string {
  if (field.type === 'date') return `${from.format('YYYY-MM-DD')},${to.format('YYYY-MM-DD')}`;
  return `${from.startOf('day').toISOString()},${to.endOf('day').toISOString()}`;
}

/**
 * The date range a list is filtered by on `field`, whichever way it was written: `between` (this panel), or `gte`
 * with `lte` or `lt` (a report's drill-down: whole days, or instants up to the next midnight, shown as the day before).
 */
export function dateRangeOf(filters: Record<string, string>, field: string): [Dayjs, Dayjs] | null {
  const between = parseBetween(filters[filterKey(field, 'between')]);
  if (between) return between;
  const from = filters[filterKey(field, 'gte')];
  const to = filters[filterKey(field, 'lte')] ?? filters[filterKey(field, 'lt')];
  if (!from || !to) return null;
  const end = filters[filterKey(field, 'lte')] ? dayjs(to) : dayjs(to).subtract(1, 'millisecond');
  return [dayjs(from), end];
}

/** Every operator a date range may have been written with, to clear them all when the range changes. */
export const DATE_RANGE_OPS = ['between', 'gte', 'lte', 'lt'];

export function parseBetween(value: string | undefined): [Dayjs, Dayjs] | null {
  const [from, to] = (value ?? '').split(',');
  return from && to ? [dayjs(from), dayjs(to)] : null;
}
