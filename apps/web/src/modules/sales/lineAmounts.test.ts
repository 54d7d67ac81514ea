// Line amounts preview the server's exact rounding: half up to the fen, discounts in percent, sums to the fen.
import { describe, expect, it } from 'vitest';
import { previewLineAmount, sumAmounts } from './lineAmounts.ts';

describe('previewLineAmount', () => {
  it('multiplies quantity by price less the discount, half up to the fen', () => {
    expect(previewLineAmount('3', '19.99')).toBe('59.97');
    expect(previewLineAmount('2', '100', '12.5')).toBe('175.00');
    expect(previewLineAmount('1.0005', '10')).toBe('10.01'); // 10.005 rounds up
    expect(previewLineAmount('1.0004', '10')).toBe('10.00');
    expect(previewLineAmount('7', '0.33', '100')).toBe('0.00');
  });

  it('has no amount while a number is missing or malformed', () => {
    expect(previewLineAmount('', '10')).toBeUndefined();
    expect(previewLineAmount('1', '10.001')).toBeUndefined();
    expect(previewLineAmount('1', '10', '101')).toBeUndefined();
    expect(previewLineAmount('-1', '10')).toBeUndefined();
  });
});

describe('sumAmounts', () => {
  it('adds the amounts there are, to the fen', () => {
    expect(sumAmounts(['0.10', '0.20', undefined, '1000000.05'])).toBe('1000000.35');
  });
});
