import { describe, expect, it } from 'vitest';
import { formatAmount, formatPercent } from './approvals.format.ts';

describe('approval figures', () => {
  it('writes percentages without trailing zeros and amounts with thousands and two decimals', () => {
    expect([formatPercent('12.50'), formatPercent('20.00'), formatPercent('7'), formatPercent(null)]).toEqual([
      '12.5',
      '20',
      '7',
      '—',
    ]);
    expect([formatAmount('12345.67'), formatAmount('1000000'), formatAmount('0.5'), formatAmount('-1234.5')]).toEqual([
      '12,345.67',
      '1,000,000.00',
      '0.50',
      '-1,234.50',
    ]);
  });
});
