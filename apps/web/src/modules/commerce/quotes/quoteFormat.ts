// How quote figures read: money as ¥ with thousands and fen, quantities without trailing zeros, percentages, units by
// their label in the product metadata, a line's discount as "10%" or "¥20.00".
import type { QuoteDiscount } from '@guanxi/contracts';
import { useMeta } from '../../../platform/meta.ts';
import { formatDecimal } from '../../records/fieldValues.ts';

export const yuan = (value: string | null | undefined) =>
  value == null || value === '' ? '—' : value.startsWith('-') ? `-¥${formatDecimal(value.slice(1))}` : `¥${formatDecimal(value)}`;

export const quantityText = (value: string) => (value.includes('.') ? value.replace(/\.?0+$/, '') : value);

export const percentText = (value: string) => `${quantityText(value)}%`;

export const discountText = (discount: QuoteDiscount | null | undefined) =>
  !discount ? '—' : discount.kind === 'percent' ? percentText(discount.value) : yuan(discount.value);

/** A unit's label (件, 台 …) from the product type's metadata. */
export function useUnitLabel(): (value: string | null | undefined) => string {
  const meta = useMeta();
  const unit = meta.data?.find((e) => e.name === 'product')?.fields.find((f) => f.name === 'unit');
  return (value) => (value ? (unit?.options?.find((o) => o.value === value)?.label ?? value) : '');
}
