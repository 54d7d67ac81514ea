// Choice lists of products and price lists, labelled in 简体, 繁體 and English. Import maps a column by these labels
// (单位「台」, 税率「13%」) as well as by the values.
import { option as o } from '../../../platform/entities/fields.ts';

export const UNITS = [
  o('piece', '件', '件', 'piece'),
  o('unit', '台', '台', 'unit'),
  o('set', '套', '套', 'set'),
  o('volume', '本', '本', 'volume'),
  o('box', '箱', '箱', 'box'),
  o('ton', '吨', '噸', 'tonne'),
  o('kg', '千克', '公斤', 'kg'),
  o('metre', '米', '米', 'metre'),
  o('copy', '份', '份', 'copy'),
  o('item', '个', '個', 'item'),
  o('pack', '包', '包', 'pack'),
  o('year', '年', '年', 'year'),
  o('month', '月', '月', 'month'),
  o('service', '次', '次', 'service'),
] as const;

/** Value-added tax rates of China as decimals: the option value is what the numeric(4,2) column gives back. */
export const TAX_RATES = [
  o('0.13', '13%', '13%', '13%'),
  o('0.09', '9%', '9%', '9%'),
  o('0.06', '6%', '6%', '6%'),
  o('0.00', '0%（免税）', '0%（免稅）', '0% (exempt)'),
] as const;

export const PRICE_LIST_KIND_LABELS = {
  standard: o('standard', '标准价格表', '標準價格表', 'Standard list'),
  grade: o('grade', '客户等级价格表', '客戶等級價格表', 'Customer grade list'),
  tier: o('tier', '渠道等级价格表', '通路等級價格表', 'Channel tier list'),
  customer: o('customer', '客户专属价格表', '客戶專屬價格表', 'Customer list'),
} as const;
