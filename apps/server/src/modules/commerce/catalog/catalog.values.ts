// The decimal rules of the catalogue's inputs (prices, quantities, discount percentages), read with the commerce
// module's strict parser so every bad field is named with its own code.
import type { ErrorDetail } from '@guanxi/contracts';
import { MONEY_LIMIT, QUANTITY_LIMIT, readDecimal, type DecimalRule, type Exact } from '../commerce.money.ts';
import './catalog.messages.ts';

export const PRICE_RULE: DecimalRule = {
  decimals: [2, 'PRICE_DECIMALS'],
  min: [0, 'inclusive', 'PRICE_NEGATIVE'],
  max: [MONEY_LIMIT, 'exclusive', 'PRICE_TOO_BIG'],
};
export const QUANTITY_RULE: DecimalRule = {
  decimals: [4, 'QUANTITY_DECIMALS'],
  min: [0, 'exclusive', 'QUANTITY_NOT_POSITIVE'],
  max: [QUANTITY_LIMIT, 'exclusive', 'QUANTITY_TOO_BIG'],
};
export const PERCENT_RULE: DecimalRule = {
  decimals: [2, 'DISCOUNT_PERCENT_DECIMALS'],
  min: [0, 'exclusive', 'DISCOUNT_PERCENT_RANGE'],
  max: [100, 'inclusive', 'DISCOUNT_PERCENT_RANGE'],
};

/** Numbers are accepted as they are written (12.5 → "12.5"); everything else goes to the strict parser. */
export const readValue = (raw: unknown, field: string, rule: DecimalRule, details: ErrorDetail[]): Exact | null =>
  readDecimal(typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw, field, rule, details);
