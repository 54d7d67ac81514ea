import { describe, expect, it } from 'vitest';
import { fieldMeta } from './fieldMeta.testing.ts';
import { cleanTags, tagOptions } from './tags.ts';

const tags = fieldMeta('tags', 'tags', { label: '标签', options: [{ value: 'vip', label: '贵宾' }] });

describe('free tags', () => {
  it('cleans typed tags as the server stores them', () => {
    expect(cleanTags([' 老客户 ', '老客户', '', '展会'])).toEqual(['老客户', '展会']);
  });

  it('offers current, then used (with counts), then suggested tags, each once, a suggested one by its label', () => {
    const used = [
      { value: '老客户', count: 5 },
      { value: 'vip', count: 2 },
    ];
    expect(tagOptions(tags, used, ['展会'])).toEqual([
      { value: '展会', label: '展会' },
      { value: '老客户', label: '老客户', count: 5 },
      { value: 'vip', label: '贵宾', count: 2 },
    ]);
    expect(tagOptions(tags, [], [])).toEqual([{ value: 'vip', label: '贵宾' }]);
  });
});
