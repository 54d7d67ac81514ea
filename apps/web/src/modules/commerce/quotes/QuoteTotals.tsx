// The totals of a quote: 小计, 整单折扣, 不含税金额, 税额, 价税合计 (stressed), and for the seller the cost, the gross
// profit and the largest discount off list — what approval is about.
import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuoteTotals as Totals } from '@guanxi/contracts';
import { percentText, yuan } from './quoteFormat.ts';
import { minusFen } from './quoteMath.ts';

export function QuoteTotals({
  totals,
  cost = true,
}: {
  totals: Omit<Totals, 'costTotal'> & { costTotal?: string };
  cost?: boolean;
}) {
  const { t } = useTranslation();
  const profit = totals.costTotal !== undefined ? minusFen(totals.netTotal, totals.costTotal) : undefined;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, md: 3 }}
      aria-label={t('commerce.quotes.totals.title')}
      items={[
        { key: 'subtotal', label: t('commerce.quotes.totals.subtotal'), children: yuan(totals.subtotal) },
        { key: 'discount', label: t('commerce.quotes.totals.discount'), children: `-${yuan(totals.discountTotal)}` },
        { key: 'net', label: t('commerce.quotes.totals.net'), children: yuan(totals.netTotal) },
        { key: 'tax', label: t('commerce.quotes.totals.tax'), children: yuan(totals.taxTotal) },
        {
          key: 'gross',
          label: t('commerce.quotes.totals.gross'),
          children: (
            <Typography.Text strong data-testid="quote-gross">
              {yuan(totals.grossTotal)}
            </Typography.Text>
          ),
        },
        {
          key: 'off',
          label: t('commerce.quotes.totals.effectiveDiscount'),
          children: <span data-testid="quote-discount">{percentText(totals.effectiveDiscountPercent)}</span>,
        },
        ...(cost && totals.costTotal !== undefined
          ? [
              { key: 'cost', label: t('commerce.quotes.totals.cost'), children: yuan(totals.costTotal) },
              { key: 'profit', label: t('commerce.quotes.totals.profit'), children: yuan(profit) },
            ]
          : []),
      ]}
    />
  );
}
