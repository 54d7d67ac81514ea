// 大写金额 as a cashier writes them on a cheque: the examples of the People's Bank rules and the edge cases of 零, 整,
// 万/亿 groups, negative and out-of-range amounts.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.ts';
import { toCapitalAmount } from './commerce.capitalNumerals.ts';

describe('toCapitalAmount', () => {
  it.each([
    ['12345.67', '壹万贰仟叁佰肆拾伍元陆角柒分'],
    ['100', '壹佰元整'],
    ['100.00', '壹佰元整'],
    ['1005.00', '壹仟零伍元整'],
    ['100000.10', '壹拾万元零壹角'],
    ['0', '零元整'],
    ['0.00', '零元整'],
    ['10', '壹拾元整'],
    ['0.05', '伍分'],
    ['0.5', '伍角'],
    ['0.50', '伍角'],
    ['0.55', '伍角伍分'],
    ['1', '壹元整'],
    ['11', '壹拾壹元整'],
    ['20.5', '贰拾元零伍角'],
    ['1.05', '壹元零伍分'],
    ['10.05', '壹拾元零伍分'],
    ['12.30', '壹拾贰元叁角'],
  ])('%s → %s', (amount, capital) => {
    expect(toCapitalAmount(amount)).toBe(capital);
  });

  // The examples given in the People's Bank rules (正确填写票据和结算凭证的基本规定), in the forms that write 零.
  it.each([
    ['1409.50', '壹仟肆佰零玖元伍角'],
    ['6007.14', '陆仟零柒元壹角肆分'],
    ['1680.32', '壹仟陆佰捌拾元零叁角贰分'],
    ['107000.53', '壹拾万零柒仟元零伍角叁分'],
    ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['325.04', '叁佰贰拾伍元零肆分'],
  ])('bank rule example %s → %s', (amount, capital) => {
    expect(toCapitalAmount(amount)).toBe(capital);
  });

  it.each([
    ['10000', '壹万元整'],
    ['10001', '壹万零壹元整'],
    ['10010', '壹万零壹拾元整'],
    ['11000', '壹万壹仟元整'],
    ['100001', '壹拾万零壹元整'],
    ['1000000', '壹佰万元整'],
    ['10000000', '壹仟万元整'],
    ['100000000', '壹亿元整'],
    ['100000001', '壹亿零壹元整'],
    ['100010000', '壹亿零壹万元整'],
    ['110000000', '壹亿壹仟万元整'],
    ['101000000', '壹亿零壹佰万元整'],
    ['1000000000', '壹拾亿元整'],
    ['123456789', '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
    ['1000000000000', '壹万亿元整'],
    ['1000100000000', '壹万零壹亿元整'],
    ['1000010000000', '壹万亿零壹仟万元整'],
    ['1000000000001.01', '壹万亿零壹元零壹分'],
    ['9999999999999999.99', '玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    ['1234567890123456.78', '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌亿玖仟零壹拾贰万叁仟肆佰伍拾陆元柒角捌分'],
  ])('groups of 万 and 亿: %s → %s', (amount, capital) => {
    expect(toCapitalAmount(amount)).toBe(capital);
  });

  it('writes 负 before a negative amount and nothing before minus zero', () => {
    expect(toCapitalAmount('-12.5')).toBe('负壹拾贰元伍角');
    expect(toCapitalAmount('-0.05')).toBe('负伍分');
    expect(toCapitalAmount('-0.00')).toBe('零元整');
  });

  it('closes with 正 when asked, only after 元', () => {
    expect(toCapitalAmount('100', { whole: '正' })).toBe('壹佰元正');
    expect(toCapitalAmount('100.10', { whole: '正' })).toBe('壹佰元零壹角');
  });

  it('ignores leading zeros and surrounding spaces', () => {
    expect(toCapitalAmount(' 007.10 ')).toBe('柒元壹角');
  });

  it.each(['', '1.005', '12,345.00', '1e3', 'abc', '10000000000000000', '.5', '-', '1.'])(
    'refuses %j with CAPITAL_AMOUNT_INVALID',
    (amount) => {
      let error: unknown;
      try {
        toCapitalAmount(amount);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'CAPITAL_AMOUNT_INVALID', status: 400, details: [{ field: 'amount' }] });
    },
  );
});
