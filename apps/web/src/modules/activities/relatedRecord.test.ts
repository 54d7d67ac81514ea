import { describe, expect, it } from 'vitest';
import type { EntityMeta } from '@guanxi/contracts';
import { relatedTypeOptions } from './relatedRecord.ts';

const entity = (name: string, label: string, read?: 'none' | 'own' | 'all') =>
  ({ name, label, permissions: read ? { read } : {} }) as unknown as EntityMeta;

describe('related record types', () => {
  it('offers every type the user may read, by its label', () => {
    expect(
      relatedTypeOptions([
        entity('customer', '客户', 'all'),
        entity('contact', '联系人', 'own'),
        entity('order', '订单', 'none'),
        entity('x', 'X'),
      ]),
    ).toEqual([
      { value: 'customer', label: '客户' },
      { value: 'contact', label: '联系人' },
    ]);
  });
});
