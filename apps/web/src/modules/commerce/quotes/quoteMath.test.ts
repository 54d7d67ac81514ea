// The browser's preview of a quote against the same hand calculations as the server's tests (quotes.lines.test.ts):
// per line with prices including tax, per total with prices without tax, to the fen.
import { describe, expect, it } from 'vitest';
import { previewQuote } from './quoteMath.ts';

describe('quote preview', () => {
  it('rounds per line with tax included, sharing the total discount by largest remainder', () => {
    const figures = previewQuote(
      [
        { quantity: '3', unitPrice: '95.50', taxRate: '13', discount: { kind: 'percent', value: '10' }, listPrice: '100.00' },
        { quantity: '7', unitPrice: '56.91', taxRate: '9', listPrice: '59.90' },
        { quantity: '1.5', unitPrice: '333.33', taxRate: '6', discount: { kind: 'amount', value: '20.00' } },
      ],
      { kind: 'percent', value: '5' },
      { rounding: 'perLine', prices: 'inclusive' },
    );
    // 286.50 − 28.65 = 257.85; 398.37; 500.00 − 20.00 = 480.00; 1,136.22 − 5 % (56.81) = 1,079.41 (see the server test).
    expect(figures?.lines.map((l) => [l.amount, l.subtotal, l.gross, l.offList])).toEqual([
      ['286.50', '257.85', '244.96', '18.35'],
      ['398.37', '398.37', '378.45', '9.75'],
      ['500.00', '480.00', '456.00', '8.80'],
    ]);
    expect(figures?.totals).toEqual({
      subtotal: '1136.22',
      discountTotal: '56.81',
      netTotal: '994.17',
      taxTotal: '85.24',
      grossTotal: '1079.41',
      effectiveDiscountPercent: '18.35',
    });
  });

  it('rounds only the totals with prices without tax', () => {
    const figures = previewQuote(
      [
        { quantity: '0.3333', unitPrice: '56.91', taxRate: '9', listPrice: '59.90' },
        { quantity: '2.5', unitPrice: '33.33', taxRate: '6', discount: { kind: 'percent', value: '7.5' } },
      ],
      { kind: 'amount', value: '10.00' },
      { rounding: 'perTotal', prices: 'exclusive' },
    );
    expect(figures?.totals).toEqual({
      subtotal: '96.04',
      discountTotal: '10.00',
      netTotal: '86.04',
      taxTotal: '5.67',
      grossTotal: '91.71',
      effectiveDiscountPercent: '17.14',
    });
  });

  it('shows nothing while a number is malformed or a discount too large', () => {
    const line = { quantity: '1', unitPrice: '10.00', taxRate: '13' };
    const options = { rounding: 'perLine', prices: 'inclusive' } as const;
    expect(previewQuote([{ ...line, quantity: '0' }], null, options)).toBeUndefined();
    expect(previewQuote([{ ...line, unitPrice: '1.001' }], null, options)).toBeUndefined();
    expect(previewQuote([{ ...line, discount: { kind: 'percent', value: '101' } }], null, options)).toBeUndefined();
    expect(previewQuote([line], { kind: 'amount', value: '10.01' }, options)).toBeUndefined();
    expect(previewQuote([], null, options)?.totals.grossTotal).toBe('0.00');
  });
});
