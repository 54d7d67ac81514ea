// A quote's figures against hand calculations written beside each case, to the fen: rounding per line and per total,
// prices with and without tax, line and total discounts, the half-up boundaries, the largest amounts numeric(18,2)
// holds, and bad input refused naming every bad field.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import { calculateQuote, type QuoteLineInput, type QuoteMathInput, type QuoteMathOptions } from './commerce.quoteMath.ts';
import { Exact, formatMoney, formatQuantity } from './commerce.money.ts';

const exclusivePerLine: QuoteMathOptions = { prices: 'exclusive', rounding: 'perLine' };
const exclusivePerTotal: QuoteMathOptions = { prices: 'exclusive', rounding: 'perTotal' };
const inclusivePerLine: QuoteMathOptions = { prices: 'inclusive', rounding: 'perLine' };
const inclusivePerTotal: QuoteMathOptions = { prices: 'inclusive', rounding: 'perTotal' };

const line = (quantity: string, unitPrice: string, taxRate = '13', discount?: QuoteLineInput['discount']) => ({
  quantity,
  unitPrice,
  taxRate,
  ...(discount ? { discount } : {}),
});

function refusal(input: QuoteMathInput, options = exclusivePerLine) {
  try {
    calculateQuote(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    return (error as AppError).details?.map((d) => [d.field, d.code]);
  }
  throw new Error('expected the quote to be refused');
}

describe('quote figures, prices without tax', () => {
  it('3 × 33.33 at 13%: 99.99, tax 12.9987 → 13.00, 112.99 — both roundings', () => {
    for (const options of [exclusivePerLine, exclusivePerTotal]) {
      const { lines, totals } = calculateQuote({ lines: [line('3', '33.33')] }, options);
      expect(lines[0]).toMatchObject({ amount: '99.99', subtotal: '99.99', net: '99.99' });
      expect(totals).toEqual({ subtotal: '99.99', totalDiscount: '0.00', net: '99.99', tax: '13.00', gross: '112.99' });
    }
  });

  it('three lines of 33.33 at 13%: per line 3 × 4.3329 → 3 × 4.33 = 12.99; per total 12.9987 → 13.00', () => {
    const input = { lines: [line('1', '33.33'), line('1', '33.33'), line('1', '33.33')] };
    const perLine = calculateQuote(input, exclusivePerLine);
    expect(perLine.lines.map((l) => l.tax)).toEqual(['4.33', '4.33', '4.33']);
    expect(perLine.totals).toEqual({ subtotal: '99.99', totalDiscount: '0.00', net: '99.99', tax: '12.99', gross: '112.98' });
    const perTotal = calculateQuote(input, exclusivePerTotal);
    expect(perTotal.lines.map((l) => l.tax)).toEqual(['4.3329', '4.3329', '4.3329']);
    expect(perTotal.totals).toEqual({ subtotal: '99.99', totalDiscount: '0.00', net: '99.99', tax: '13.00', gross: '112.99' });
  });

  it('rounds half up at 0.005, never to even', () => {
    // 0.5 × 0.01 = 0.005 → 0.01; 2.5 × 0.01 = 0.025 → 0.03 (banker's rounding would give 0.02);
    // 1.0005 × 10.00 = 10.005 → 10.01; tax 1% of 0.50 = 0.005 → 0.01.
    const { lines, totals } = calculateQuote(
      { lines: [line('0.5', '0.01', '0'), line('2.5', '0.01', '0'), line('1.0005', '10.00', '0'), line('1', '0.50', '1')] },
      exclusivePerLine,
    );
    expect(lines.map((l) => [l.amount, l.tax])).toEqual([
      ['0.01', '0.00'],
      ['0.03', '0.00'],
      ['10.01', '0.00'],
      ['0.50', '0.01'],
    ]);
    // 0.01 + 0.03 + 10.01 + 0.50 = 10.55; tax 0.01.
    expect(totals).toEqual({ subtotal: '10.55', totalDiscount: '0.00', net: '10.55', tax: '0.01', gross: '10.56' });
  });

  it('per total keeps the half fen of each line: 2 × (0.25 × 0.01) = 0.005 → 0.01, per line 0.00 + 0.00', () => {
    const input = { lines: [line('0.25', '0.01', '0'), line('0.25', '0.01', '0')] };
    expect(calculateQuote(input, exclusivePerTotal).lines[0]!.amount).toBe('0.0025');
    expect(calculateQuote(input, exclusivePerTotal).totals.gross).toBe('0.01');
    expect(calculateQuote(input, exclusivePerLine).totals.gross).toBe('0.00');
  });

  it('takes a line discount in percent off the rounded amount', () => {
    // 3 × 19.99 = 59.97; 15% = 8.9955 → 9.00; 50.97; tax 13% = 6.6261 → 6.63; 57.60.
    const { lines, totals } = calculateQuote(
      { lines: [line('3', '19.99', '13', { kind: 'percent', value: '15' })] },
      exclusivePerLine,
    );
    expect(lines[0]).toEqual({
      amount: '59.97',
      discount: '9.00',
      subtotal: '50.97',
      totalDiscountShare: '0.00',
      net: '50.97',
      tax: '6.63',
      gross: '57.60',
    });
    expect(totals).toEqual({ subtotal: '50.97', totalDiscount: '0.00', net: '50.97', tax: '6.63', gross: '57.60' });
  });

  it('a discount of 100% leaves nothing to pay and no tax', () => {
    // 5 × 20.00 = 100.00 − 100% = 0.00; 1 × 50.00 at 13%: 6.50, 56.50.
    const { lines, totals } = calculateQuote(
      {
        lines: [line('5', '20.00', '13', { kind: 'percent', value: '100' }), line('1', '50.00')],
      },
      exclusivePerLine,
    );
    expect(lines[0]).toMatchObject({ amount: '100.00', discount: '100.00', subtotal: '0.00', tax: '0.00', gross: '0.00' });
    expect(totals).toEqual({ subtotal: '50.00', totalDiscount: '0.00', net: '50.00', tax: '6.50', gross: '56.50' });
    const free = calculateQuote(
      { lines: [line('1', '50.00')], totalDiscount: { kind: 'percent', value: '100' } },
      exclusivePerTotal,
    );
    expect(free.totals).toEqual({ subtotal: '50.00', totalDiscount: '50.00', net: '0.00', tax: '0.00', gross: '0.00' });
  });

  it('takes a line discount in yuan, up to the whole amount', () => {
    // 2 × 30.00 = 60.00 − 10.50 = 49.50; tax 6% = 2.97; 52.47.
    const { totals } = calculateQuote(
      {
        lines: [
          line('2', '30.00', '6', { kind: 'amount', value: '10.50' }),
          line('1', '8.00', '0', { kind: 'amount', value: '8' }),
        ],
      },
      exclusivePerLine,
    );
    // 8.00 − 8 = 0.00.
    expect(totals).toEqual({ subtotal: '49.50', totalDiscount: '0.00', net: '49.50', tax: '2.97', gross: '52.47' });
  });

  it('shares a total discount over the lines in proportion, in whole fen that add up', () => {
    // 100.00 at 13% and 200.00 at 6%, 10.00 off: 3.333… and 6.666… → 3.33 and 6.67 (the larger remainder gets the fen);
    // 96.67 × 13% = 12.5671 → 12.57; 193.33 × 6% = 11.5998 → 11.60; tax 24.17; net 290.00; 314.17.
    const input: QuoteMathInput = {
      lines: [line('1', '100.00', '13'), line('1', '200.00', '6')],
      totalDiscount: { kind: 'amount', value: '10.00' },
    };
    const perLine = calculateQuote(input, exclusivePerLine);
    expect(perLine.lines.map((l) => [l.totalDiscountShare, l.net, l.tax])).toEqual([
      ['3.33', '96.67', '12.57'],
      ['6.67', '193.33', '11.60'],
    ]);
    expect(perLine.totals).toEqual({ subtotal: '300.00', totalDiscount: '10.00', net: '290.00', tax: '24.17', gross: '314.17' });
    // Per total: (100 − 10/3) × 13% + (200 − 20/3) × 6% = 12.5666… + 11.6 = 24.1666… → 24.17.
    const perTotal = calculateQuote(input, exclusivePerTotal);
    expect(perTotal.lines.map((l) => l.totalDiscountShare)).toEqual(['3.3333333333', '6.6666666667']);
    expect(perTotal.totals).toEqual({ subtotal: '300.00', totalDiscount: '10.00', net: '290.00', tax: '24.17', gross: '314.17' });
  });

  it('a total discount in percent: 5% of 99.99 = 4.9995', () => {
    // Per line: 4.9995 → 5.00; 94.99; tax 12.3487 → 12.35; 107.34.
    const input: QuoteMathInput = { lines: [line('3', '33.33')], totalDiscount: { kind: 'percent', value: '5' } };
    expect(calculateQuote(input, exclusivePerLine).totals).toEqual({
      subtotal: '99.99',
      totalDiscount: '5.00',
      net: '94.99',
      tax: '12.35',
      gross: '107.34',
    });
    // Per total: 94.9905 → 94.99 (the discount shown is 99.99 − 94.99); tax 94.9905 × 13% = 12.348765 → 12.35.
    expect(calculateQuote(input, exclusivePerTotal).totals).toEqual({
      subtotal: '99.99',
      totalDiscount: '5.00',
      net: '94.99',
      tax: '12.35',
      gross: '107.34',
    });
  });

  it('the printed totals always add up, whatever the rounding', () => {
    const input: QuoteMathInput = {
      lines: [
        line('1.3333', '7.77', '13'),
        line('2.0001', '19.99', '9', { kind: 'percent', value: '7.5' }),
        line('0.3', '0.07', '6'),
      ],
      totalDiscount: { kind: 'percent', value: '3.33' },
    };
    for (const options of [exclusivePerLine, exclusivePerTotal, inclusivePerLine, inclusivePerTotal]) {
      const t = calculateQuote(input, options).totals;
      const cents = (s: string) => Math.round(Number(s) * 100);
      expect(cents(t.net) + cents(t.tax), JSON.stringify(options)).toBe(cents(t.gross));
      const base = options.prices === 'exclusive' ? t.net : t.gross;
      expect(cents(t.subtotal) - cents(t.totalDiscount), JSON.stringify(options)).toBe(cents(base));
    }
  });
});

describe('quote figures, prices with tax', () => {
  it('1 × 113.00 at 13% is 100.00 and 13.00 tax', () => {
    const { totals } = calculateQuote({ lines: [line('1', '113.00')] }, inclusivePerLine);
    expect(totals).toEqual({ subtotal: '113.00', totalDiscount: '0.00', net: '100.00', tax: '13.00', gross: '113.00' });
  });

  it('rounds the net and leaves the rest as tax, per line or per total', () => {
    // 3 × 33.33 = 99.99 ÷ 1.13 = 88.4867… → 88.49, tax 11.50; 10.00 ÷ 1.06 = 9.4339… → 9.43, tax 0.57.
    // Per total: tax 11.5032… + 0.5660… = 12.0693… → 12.07, net 109.99 − 12.07 = 97.92.
    const input = { lines: [line('3', '33.33', '13'), line('1', '10.00', '6')] };
    const perLine = calculateQuote(input, inclusivePerLine);
    expect(perLine.lines.map((l) => [l.net, l.tax, l.gross])).toEqual([
      ['88.49', '11.50', '99.99'],
      ['9.43', '0.57', '10.00'],
    ]);
    expect(perLine.totals).toEqual({ subtotal: '109.99', totalDiscount: '0.00', net: '97.92', tax: '12.07', gross: '109.99' });
    const perTotal = calculateQuote(input, inclusivePerTotal);
    expect(perTotal.lines[0]).toMatchObject({ net: '88.4867256637', tax: '11.5032743363', gross: '99.99' });
    expect(perTotal.totals).toEqual({ subtotal: '109.99', totalDiscount: '0.00', net: '97.92', tax: '12.07', gross: '109.99' });
  });
});

describe('the largest amounts', () => {
  it('holds 9999999999999999.99 exactly, where a float would not', () => {
    const { totals } = calculateQuote({ lines: [line('1', '9999999999999999.99', '0')] }, exclusivePerLine);
    expect(totals.gross).toBe('9999999999999999.99');
    expect(Number('9999999999999999.99').toFixed(2)).not.toBe('9999999999999999.99');
  });

  it('1234567890123456.78 at 9%: tax 111111110111111.1102 → .11, gross 1345679000234567.89', () => {
    for (const options of [exclusivePerLine, exclusivePerTotal]) {
      const { totals } = calculateQuote({ lines: [line('1', '1234567890123456.78', '9')] }, options);
      expect(totals).toMatchObject({ tax: '111111110111111.11', gross: '1345679000234567.89' });
    }
  });

  it('refuses a figure beyond numeric(18,2), naming where it overflows', () => {
    expect(refusal({ lines: [line('1', '9999999999999999.99', '13')] })).toEqual([
      ['lines.0.gross', 'QUOTE_AMOUNT_TOO_BIG'],
      ['totals.gross', 'QUOTE_AMOUNT_TOO_BIG'],
    ]);
    expect(refusal({ lines: [line('1', '5000000000000000.00', '0'), line('1', '5000000000000000.00', '0')] })).toEqual([
      ['totals.subtotal', 'QUOTE_AMOUNT_TOO_BIG'],
    ]);
    expect(refusal({ lines: [line('2', '5000000000000000.00', '0')] })).toEqual([
      ['lines.0.amount', 'QUOTE_AMOUNT_TOO_BIG'],
      ['totals.subtotal', 'QUOTE_AMOUNT_TOO_BIG'],
    ]);
    expect(refusal({ lines: [line('100000000000000', '1', '0'), line('1', '10000000000000000', '0')] })).toEqual([
      ['lines.0.quantity', 'QUOTE_QUANTITY_TOO_BIG'],
      ['lines.1.unitPrice', 'QUOTE_AMOUNT_TOO_BIG'],
    ]);
  });
});

describe('bad input', () => {
  it('refuses a quantity of zero or below', () => {
    expect(refusal({ lines: [line('0', '1.00'), line('-1', '1.00'), line('0.0000', '1.00')] })).toEqual([
      ['lines.0.quantity', 'QUOTE_QUANTITY_NOT_POSITIVE'],
      ['lines.1.quantity', 'QUOTE_QUANTITY_NOT_POSITIVE'],
      ['lines.2.quantity', 'QUOTE_QUANTITY_NOT_POSITIVE'],
    ]);
  });

  it('names every bad field at once', () => {
    const input = {
      lines: [
        line('1.00001', '1.00'),
        line('1', '19.999'),
        line('1', '-1'),
        line('1', '1e3'),
        line('1', '1.00', '100'),
        line('1', '1.00', '13.001'),
        line('1', '1.00', '13', { kind: 'percent', value: '100.01' }),
        line('1', '1.00', '13', { kind: 'percent', value: '-5' }),
        line('1', '1.00', '13', { kind: 'amount', value: '0.001' }),
        { quantity: 2, unitPrice: ' 1.00', taxRate: '' } as unknown as QuoteLineInput,
      ],
      totalDiscount: { kind: 'fixed', value: '1' } as never,
    };
    expect(refusal(input)).toEqual([
      ['lines.0.quantity', 'QUOTE_QUANTITY_DECIMALS'],
      ['lines.1.unitPrice', 'QUOTE_PRICE_DECIMALS'],
      ['lines.2.unitPrice', 'QUOTE_PRICE_NEGATIVE'],
      ['lines.3.unitPrice', 'DECIMAL_INVALID'],
      ['lines.4.taxRate', 'QUOTE_TAX_RATE_RANGE'],
      ['lines.5.taxRate', 'QUOTE_PERCENT_DECIMALS'],
      ['lines.6.discount.value', 'QUOTE_DISCOUNT_PERCENT_RANGE'],
      ['lines.7.discount.value', 'QUOTE_DISCOUNT_PERCENT_RANGE'],
      ['lines.8.discount.value', 'QUOTE_AMOUNT_DECIMALS'],
      ['lines.9.quantity', 'DECIMAL_INVALID'],
      ['lines.9.unitPrice', 'DECIMAL_INVALID'],
      ['lines.9.taxRate', 'DECIMAL_INVALID'],
      ['totalDiscount.kind', 'QUOTE_DISCOUNT_KIND'],
    ]);
  });

  it('refuses a discount larger than what it is taken from', () => {
    expect(
      refusal({
        lines: [line('2', '3.00', '13', { kind: 'amount', value: '6.01' })],
      }),
    ).toEqual([['lines.0.discount.value', 'QUOTE_DISCOUNT_AMOUNT_RANGE']]);
    expect(refusal({ lines: [line('2', '3.00')], totalDiscount: { kind: 'amount', value: '6.01' } })).toEqual([
      ['totalDiscount.value', 'QUOTE_DISCOUNT_AMOUNT_RANGE'],
    ]);
    expect(refusal({ lines: [], totalDiscount: { kind: 'amount', value: '0.01' } })).toEqual([
      ['totalDiscount.value', 'QUOTE_DISCOUNT_AMOUNT_RANGE'],
    ]);
  });

  it('an empty quote adds up to zero', () => {
    expect(calculateQuote({ lines: [] }, inclusivePerTotal).totals).toEqual({
      subtotal: '0.00',
      totalDiscount: '0.00',
      net: '0.00',
      tax: '0.00',
      gross: '0.00',
    });
  });
});

describe('formatting for print', () => {
  it('separates thousands and keeps two decimals', () => {
    expect(formatMoney('1234567.5')).toBe('1,234,567.50');
    expect(formatMoney('9999999999999999.99')).toBe('9,999,999,999,999,999.99');
    expect(formatMoney('-0.5')).toBe('-0.50');
    expect(formatMoney('-0.001')).toBe('0.00');
    expect(formatMoney('999.995')).toBe('1,000.00');
    expect(formatQuantity('3.0000')).toBe('3');
    expect(formatQuantity('2.5000')).toBe('2.5');
  });
});

describe('invariants over many generated quotes', () => {
  // A small seeded generator, so a failure names a quote that can be replayed.
  function generator(seed: number) {
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
    // From the smallest step up, so quantities stay above 0 and prices cover a 0.01 discount.
    const decimal = (max: number, places: number) => (10 ** -places + next() * max).toFixed(places);
    return { next, pick, decimal };
  }
  const total = (values: string[]) => values.reduce((a, b) => a.plus(b), new Exact(0)).toFixed(2);

  it('per line: totals are the sums of the lines, shares add up to the total discount, each line balances', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const g = generator(seed);
      const lines = Array.from({ length: 1 + Math.floor(g.next() * 12) }, () =>
        line(
          g.decimal(500, g.pick([0, 1, 2, 4])),
          g.decimal(g.pick([1, 100, 100000]), 2),
          g.pick(['13', '9', '6', '0', '1', '3']),
          g.pick([undefined, { kind: 'percent', value: g.decimal(100, 2) }, { kind: 'amount', value: '0.01' }]),
        ),
      );
      const totalDiscount = g.pick([undefined, { kind: 'percent' as const, value: g.decimal(30, 2) }]);
      for (const prices of ['exclusive', 'inclusive'] as const) {
        const input = { lines, ...(totalDiscount ? { totalDiscount } : {}) };
        const { lines: figures, totals } = calculateQuote(input, { prices, rounding: 'perLine' });
        const context = `seed ${seed}, ${prices}`;
        expect(total(figures.map((l) => l.subtotal)), context).toBe(totals.subtotal);
        expect(total(figures.map((l) => l.totalDiscountShare)), context).toBe(totals.totalDiscount);
        expect(total(figures.map((l) => l.net)), context).toBe(totals.net);
        expect(total(figures.map((l) => l.tax)), context).toBe(totals.tax);
        expect(total(figures.map((l) => l.gross)), context).toBe(totals.gross);
        for (const l of figures) {
          expect(total([l.net, l.tax]), context).toBe(l.gross);
          expect(new Exact(l.subtotal).minus(l.totalDiscountShare).toFixed(2), context).toBe(
            prices === 'exclusive' ? l.net : l.gross,
          );
        }
        // Per total differs from per line by at most the fen each line's rounding may move.
        const perTotal = calculateQuote(input, { prices, rounding: 'perTotal' }).totals;
        expect(total([perTotal.net, perTotal.tax]), context).toBe(perTotal.gross);
        const drift = new Exact(perTotal.tax).minus(totals.tax).abs();
        expect(drift.lte(new Exact(figures.length).times('0.02')), context).toBe(true);
      }
    }
  });
});
