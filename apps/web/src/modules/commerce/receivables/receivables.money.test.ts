import { describe, expect, it } from 'vitest';
import { fenDifference, isMoney, sumMoney } from './receivables.money.ts';

describe('receivables money', () => {
  it('adds typed amounts to the fen and ignores what is not money yet', () => {
    expect(sumMoney(['0.10', '0.20', '3333.33', '1.005', undefined, 'abc'])).toBe('3333.63');
    expect(fenDifference('12345.67', '12345.66')).toBe('0.01');
    expect(fenDifference('100.00', '100.01')).toBe('-0.01');
    expect(isMoney('12.5')).toBe(true);
    expect(isMoney('1e3')).toBe(false);
  });
});
