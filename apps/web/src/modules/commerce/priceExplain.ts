// The price engine's explanation of one line in the user's words: which list and break gave the price, and the
// discount rule on top (or why none applied).
import type { TFunction } from 'i18next';
import type { PricedLine } from '@guanxi/contracts';

export function explainPrice(t: TFunction, line: PricedLine): string {
  const { source } = line;
  let text =
    source.kind === 'listPrice'
      ? t('commerce.priceCheck.source.listPrice')
      : t(`commerce.priceCheck.source.${source.kind}`, { name: source.listName ?? '' });
  text += source.breakMinQuantity
    ? t('commerce.priceCheck.source.break', { min: source.breakMinQuantity, price: source.unitPrice })
    : t('commerce.priceCheck.source.base', { price: source.unitPrice });
  const [discount] = line.discounts;
  if (discount)
    text += t('commerce.priceCheck.discount', {
      name: discount.ruleName,
      percent: discount.percent,
      amount: discount.amountPerUnit,
    });
  else if (line.discountNote === 'contractPrice') text += t('commerce.priceCheck.contractPrice');
  else text += t('commerce.priceCheck.noDiscount');
  return text;
}
