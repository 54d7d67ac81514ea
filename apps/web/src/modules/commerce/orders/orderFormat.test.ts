import { describe, expect, it } from 'vitest';
import { compareDecimal, money, quantity } from './orderFormat.ts';

describe('order figures', () => {
  it('formats money to the fen with separators and trims quantities', () => {
    expect(money('1234567.5')).toBe('1,234,567.50');
    expect(money('-0.5')).toBe('-0.50');
    expect(money(null)).toBe('—');
    expect(quantity('12.5000')).toBe('12.5');
    expect(quantity('12.0000')).toBe('12');
  });
  it('compares decimals exactly', () => {
    expect(compareDecimal('6', '6.0000')).toBe(0);
    expect(compareDecimal('0.1', '0.09')).toBe(1);
    expect(compareDecimal('10', '9.9999')).toBe(1);
    expect(compareDecimal('2.5', '10')).toBe(-1);
  });
});
