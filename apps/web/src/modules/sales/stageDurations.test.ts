import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { durationText } from './stageDurations.ts';

// The Chinese sentences, as the message file has them.
const zh = ((key: string, v: Record<string, number>) =>
  ({
    'sales.stages.days': `${v.d} 天 ${v.h} 小时`,
    'sales.stages.hours': `${v.h} 小时 ${v.m} 分钟`,
    'sales.stages.minutes': `${v.m} 分钟`,
  })[key]) as unknown as TFunction;

describe('time spent in a stage', () => {
  it('says days and hours, hours and minutes, or minutes, rounding down', () => {
    expect(durationText(zh, 48 * 3_600_000 + 5 * 3_600_000 + 59 * 60_000)).toBe('2 天 5 小时');
    expect(durationText(zh, 3_600_000 + 30 * 60_000)).toBe('1 小时 30 分钟');
    expect(durationText(zh, 59_999)).toBe('0 分钟');
    expect(durationText(zh, -5)).toBe('0 分钟');
  });
});
