// How quote figures read: money as ¥ with thousands and fen, quantities without trailing zeros, percentages, units by
// their label in the product metadata, a line's discount as "10%" or "¥20.00".
import type { QuoteDiscount } from '@guanxi/contracts';
import { formatDecimal } from '../../records/fieldValues.ts';

export const yuan = (value: string | null | undefined) =>
  value == null || value === '' ? '—' : value.startsWith('-') ? `-¥${formatDecimal(value.slice(1))}` : `¥${formatDecimal(value)}`;

export const quantityText = (value: string) => (value.includes('.') ? value.replace(/\.?0+$/, '') : value);

export const percentText = (value: string) => `${quantityText(value)}%`;

export const discountText = (discount: QuoteDiscount | null | undefined) =>
  !discount ? '—' : discount.kind === 'percent' ? percentText(discount.value) : yuan(discount.value);
