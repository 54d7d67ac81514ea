// Amounts in Chinese capital numerals (大写金额), as written on invoices, cheques and quotes, following the People's
// Bank rules for filling in bills (正确填写票据和结算凭证的基本规定):
// - 壹贰叁肆伍陆柒捌玖, units 拾佰仟, groups 万 and 亿 (10¹² is 万亿); 10 is 壹拾, never a bare 拾;
// - zeros between two non-zero digits, however many and across 万/亿, are one 零 (1005 → 壹仟零伍, 100000001 → 壹亿零壹);
// - a zero 元 digit before a non-zero 角 is written 零 (100000.10 → 壹拾万元零壹角), and a zero 角 before a non-zero
//   分 always is (1.05 → 壹元零伍分); under one yuan nothing stands before 角/分 (0.05 → 伍分);
// - an amount that ends at 元 ends with 整 (or 正 on request); at 角 or 分 with nothing;
// - a negative amount starts with 负.
import { AppError } from '../../platform/http/errors.ts';
import './commerce.messages.ts';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const UNITS = ['', '拾', '佰', '仟'];

/** Up to 16 digits before the point (numeric(18,2)) and up to two after. */
const AMOUNT = /^(-)?(\d{1,16})(?:\.(\d{1,2}))?$/;

/** The integer part, without 元: digits read in groups of four from the left. */
function readYuan(digits: string): string {
  let out = '';
  let zeroPending = false;
  const top = digits.length - 1;
  for (let i = 0; i <= top; i++) {
    const power = top - i;
    const d = digits.charCodeAt(i) - 48;
    if (d === 0) zeroPending = out !== '';
    else {
      if (zeroPending) out += '零';
      out += DIGITS[d]! + UNITS[power % 4]!;
      zeroPending = false;
    }
    if (power === 4 || power === 12) {
      // 万 (or the 万 of 万亿) only when its own group of four has a non-zero digit.
      if (/[1-9]/.test(digits.slice(Math.max(0, i - 3), i + 1))) out += '万';
    } else if (power === 8) {
      // 亿 whenever anything stands at or above it, so that 1,0000,0000,0000 reads 壹万亿.
      if (/[1-9]/.test(digits.slice(0, i + 1))) out += '亿';
    }
  }
  return out;
}

export interface CapitalOptions {
  /** The word closing an amount that ends at 元: 整 (default) or 正, both accepted by banks. */
  whole?: '整' | '正';
}

/**
 * 12345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分; 100 → 壹佰元整; 0 → 零元整; -0.5 → 负伍角. Takes the amount as a plain
 * decimal string with at most two decimals (round first); anything else is CAPITAL_AMOUNT_INVALID (400).
 */
export function toCapitalAmount(amount: string, options: CapitalOptions = {}): string {
  const match = AMOUNT.exec(amount.trim());
  if (!match)
    throw new AppError('CAPITAL_AMOUNT_INVALID', 400, [
      { field: 'amount', code: 'CAPITAL_AMOUNT_INVALID', message: 'CAPITAL_AMOUNT_INVALID' },
    ]);
  const [, minus, intRaw = '0', fracRaw = ''] = match;
  const yuan = intRaw.replace(/^0+/, '');
  const jiao = Number(fracRaw[0] ?? '0');
  const fen = Number(fracRaw[1] ?? '0');
  if (!yuan && !jiao && !fen) return '零元整';

  let out = yuan ? `${readYuan(yuan)}元` : '';
  if (!jiao && !fen) out += options.whole ?? '整';
  else {
    if (jiao) out += (yuan.endsWith('0') ? '零' : '') + DIGITS[jiao]! + '角';
    else if (yuan) out += '零';
    if (fen) out += DIGITS[fen]! + '分';
  }
  return (minus ? '负' : '') + out;
}
