import { describe, expect, it } from 'vitest';
import { fieldMeta } from './fieldMeta.testing.ts';
import type { FieldGroupInput } from './pageExtensions.ts';
import { groupText, withFieldGroups } from './fieldGroups.ts';

const meta = (name: string) => fieldMeta(name);

const region: FieldGroupInput = { fields: ['province', 'city', 'district'], label: () => '地区', Input: () => null };

describe('field groups on forms and cards', () => {
  it('puts one group input where its first field was and leaves its other fields out', () => {
    const fields = ['name', 'province', 'city', 'district', 'address'].map(meta);
    const items = withFieldGroups(fields, [region]);
    expect(items.map((i) => (i.kind === 'field' ? i.field.name : `[${i.fields.map((f) => f.name).join(',')}]`))).toEqual([
      'name',
      '[province,city,district]',
      'address',
    ]);
  });

  it('keeps only the group fields the form shows, in the group order', () => {
    const items = withFieldGroups([meta('city'), meta('province')], [region]);
    expect(items).toHaveLength(1);
    expect(items[0]!.kind === 'group' && items[0]!.fields.map((f) => f.name)).toEqual(['province', 'city']);
  });

  it('reads a region as its filled levels joined', () => {
    const fields = ['province', 'city', 'district'].map(meta);
    const values: Record<string, unknown> = { province: '北京市', city: '北京市', district: null };
    expect(groupText(fields, (f) => values[f.name])).toBe('北京市 / 北京市');
    expect(groupText(fields, () => null)).toBe('');
  });
});
