import { describe, expect, it } from 'vitest';
import { regionMatches, regionPath, regionValues, toRegionOptions } from './regions.ts';

describe('region cascader', () => {
  it('turns the bundled list into choices with their children', () => {
    const options = toRegionOptions([{ name: '北京市', children: [{ name: '北京市', children: [{ name: '朝阳区' }] }] }]);
    expect(options[0]!.children![0]!.children).toEqual([{ value: '朝阳区', label: '朝阳区' }]);
  });

  it('reads the filled levels from the top and writes back all three, clearing the ones not chosen', () => {
    expect(regionPath({ province: '北京市', city: '北京市', district: '朝阳区' })).toEqual(['北京市', '北京市', '朝阳区']);
    expect(regionPath({ province: '河北省', city: '', district: '新华区' })).toEqual(['河北省']);
    expect(regionValues(['河北省'])).toEqual({ province: '河北省', city: null, district: null });
    expect(regionValues(undefined)).toEqual({ province: null, city: null, district: null });
  });

  it('finds a place by part of the name at any level', () => {
    const path = [{ label: '北京市' }, { label: '北京市' }, { label: '朝阳区' }];
    expect(regionMatches('朝阳', path)).toBe(true);
    expect(regionMatches('海淀', path)).toBe(false);
    expect(regionMatches(' ', path)).toBe(false);
  });
});
