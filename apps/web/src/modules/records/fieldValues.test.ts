import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { applies, formatDecimal, toApiBody, toFormValues, valueText } from './fieldValues.ts';
import { listQuery } from './records.api.ts';
import { fieldMeta } from './fieldMeta.testing.ts';

const meta = fieldMeta;

describe('amounts', () => {
  it('groups thousands and keeps every fen without going through a float', () => {
    expect(formatDecimal('1234567.5')).toBe('1,234,567.50');
    expect(formatDecimal('90071992547409.93')).toBe('90,071,992,547,409.93');
    expect(formatDecimal('-0.1')).toBe('-0.10');
    expect(formatDecimal('12')).toBe('12.00');
  });
});

describe('form values and request bodies', () => {
  const fields = [
    meta('name', 'text'),
    meta('due', 'date'),
    meta('urgent', 'boolean'),
    meta('custom.region', 'select'),
    meta('tags', 'multiSelect'),
  ];

  it('turns a record into form values and back into the same body', () => {
    const record = {
      id: 'x',
      version: 1,
      name: '北京东区',
      due: '2026-03-01',
      urgent: true,
      tags: ['vip'],
      custom: { region: 'north' },
    };
    const values = toFormValues(fields, record);
    expect(dayjs.isDayjs(values.due)).toBe(true);
    expect(toApiBody(fields, values)).toEqual({
      name: '北京东区',
      due: '2026-03-01',
      urgent: true,
      tags: ['vip'],
      custom: { region: 'north' },
    });
  });

  it('sends cleared inputs as null, so the server really clears them', () => {
    expect(toApiBody(fields, { name: '', due: undefined, urgent: undefined, tags: [], custom: { region: undefined } })).toEqual({
      name: null,
      due: null,
      urgent: false,
      tags: null,
      custom: { region: null },
    });
  });

  it('names options by their labels and booleans in words', () => {
    const grade = meta('grade', 'select', { options: [{ value: 'A', label: 'A 级' }] });
    expect(valueText(grade, 'A', ['是', '否'])).toBe('A 级');
    expect(valueText(meta('urgent', 'boolean'), false, ['是', '否'])).toBe('否');
    expect(valueText(meta('note', 'text'), null, ['是', '否'])).toBe('—');
  });
});

describe('conditional fields', () => {
  it('shows a field only while the field it depends on holds one of its values', () => {
    const duration = meta('durationSeconds', 'integer', { when: { field: 'kind', values: ['call'] } });
    expect(applies(duration, (name) => ({ kind: 'call' })[name])).toBe(true);
    expect(applies(duration, (name) => ({ kind: 'visit' })[name])).toBe(false);
    expect(applies(duration, () => undefined)).toBe(false);
    expect(applies(meta('subject', 'text'), () => undefined)).toBe(true);
  });
});

describe('list query', () => {
  it('leaves out empty filters and encodes Chinese search text', () => {
    const query = listQuery({
      filters: { 'filter[grade][in]': 'A', 'filter[name][contains]': '' },
      sort: '-amount,name',
      q: ' 东区 ',
    });
    expect(new URLSearchParams(query).get('q')).toBe('东区');
    expect(query).toContain('sort=-amount%2Cname');
    expect(query).not.toContain('name%5D%5Bcontains');
  });
});
