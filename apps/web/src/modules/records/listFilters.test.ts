import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { FieldMeta } from '@guanxi/contracts';
import { fieldMeta } from './fieldMeta.testing.ts';
import { activeFilterFields, betweenValue, presetRange, withoutField, dateRangeOf } from './listFilters.ts';

const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
const field = (type: FieldMeta['type']): FieldMeta => fieldMeta('due', type, { label: '到期日' });

describe('date presets', () => {
  const now = dayjs('2026-02-10T09:30:00'); // a Tuesday in the first quarter

  it('counts quarters and months as the calendar does, across a year boundary', () => {
    expect(presetRange('thisQuarter', now).map(day)).toEqual(['2026-01-01', '2026-03-31']);
    expect(presetRange('lastQuarter', now).map(day)).toEqual(['2025-10-01', '2025-12-31']);
    expect(presetRange('lastMonth', now).map(day)).toEqual(['2026-01-01', '2026-01-31']);
    expect(presetRange('thisMonth', now).map(day)).toEqual(['2026-02-01', '2026-02-28']);
    expect(presetRange('lastYear', now).map(day)).toEqual(['2025-01-01', '2025-12-31']);
  });

  it('starts weeks on Monday, also when today is Sunday', () => {
    expect(presetRange('thisWeek', now).map(day)).toEqual(['2026-02-09', '2026-02-15']);
    expect(presetRange('thisWeek', dayjs('2026-02-15T20:00:00')).map(day)).toEqual(['2026-02-09', '2026-02-15']);
  });

  it('sends whole days for date fields and the day’s bounds as instants for date-time fields', () => {
    const range = presetRange('today', now);
    expect(betweenValue(field('date'), range)).toBe('2026-02-10,2026-02-10');
    const [from, to] = betweenValue(field('datetime'), range).split(',');
    expect(new Date(from!).getTime()).toBe(dayjs('2026-02-10T00:00:00').valueOf());
    expect(new Date(to!).getTime()).toBe(dayjs('2026-02-10T23:59:59.999').valueOf());
  });
});

describe('filter keys', () => {
  const filters = { 'filter[amount][gte]': '10', 'filter[grade][in]': 'A,B', 'filter[amount][lte]': '99' };

  it('lists each filtered field once, in the order it was added', () => {
    expect(activeFilterFields(filters)).toEqual(['amount', 'grade']);
  });

  it('removes every operator of one field and keeps the others', () => {
    expect(withoutField(filters, 'amount')).toEqual({ 'filter[grade][in]': 'A,B' });
  });
});

describe('dateRangeOf', () => {
  it('reads the panel’s between, and a drill’s whole days or instants up to the next midnight', () => {
    expect(dateRangeOf({ 'filter[d][between]': '2026-10-01,2026-12-31' }, 'd')!.map((d) => d.format('YYYY-MM-DD'))).toEqual([
      '2026-10-01',
      '2026-12-31',
    ]);
    expect(
      dateRangeOf({ 'filter[d][gte]': '2026-10-01', 'filter[d][lte]': '2026-12-31' }, 'd')!.map((d) => d.format('YYYY-MM-DD')),
    ).toEqual(['2026-10-01', '2026-12-31']);
    const instants = dateRangeOf(
      { 'filter[t][gte]': '2026-09-30T16:00:00.000Z', 'filter[t][lt]': '2026-12-31T16:00:00.000Z' },
      't',
    )!;
    expect(instants[0].toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(instants[1].toISOString()).toBe('2026-12-31T15:59:59.999Z');
    expect(dateRangeOf({ 'filter[t][gte]': '2026-09-30' }, 't')).toBeNull();
  });
});
