// 报价明细 on a quote's page: its lines — product and SKU, quantity and unit, unit price (and the engine's when the rep
// set another), discount, tax rate, amount — and the totals. While the quote is a draft (or rejected) and the user may
// change it, 编辑明细 opens the editor (QuoteLinesEditor).
import { useState } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuoteLine } from '@guanxi/contracts';
import { errorMessage } from '../../../platform/formErrors.ts';
import type { DetailProps } from '../../records/pageExtensions.ts';
import { ResponsiveTable } from '../ResponsiveTable.tsx';
import { useQuoteLines } from './quotes.api.ts';
import { discountText, percentText, quantityText, yuan } from './quoteFormat.ts';
import { useUnitLabel } from '../useUnitLabel.ts';
import { QuoteLinesEditor } from './QuoteLinesEditor.tsx';
import { QuoteTotals } from './QuoteTotals.tsx';

export function QuoteLinesTab({ record }: DetailProps) {
  const { t } = useTranslation();
  const lines = useQuoteLines(record.id);
  const unit = useUnitLabel();
  const [editing, setEditing] = useState(false);
  if (lines.isError) return <Alert type="error" showIcon message={errorMessage(t, lines.error)} />;
  if (editing && lines.data) return <QuoteLinesEditor lines={lines.data} onDone={() => setEditing(false)} />;
  const data = lines.data;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {data ? t(`commerce.quotes.basis.${data.prices}`) + ' · ' + t(`commerce.quotes.rounding.${data.rounding}`) : ''}
        </Typography.Text>
        {data?.editable && (
          <Button type="primary" onClick={() => setEditing(true)}>
            {t('commerce.quotes.lines.edit')}
          </Button>
        )}
      </Flex>
      {data && !data.editable && data.status !== 'draft' && data.status !== 'rejected' && (
        <Typography.Text type="secondary">{t('commerce.quotes.lines.locked')}</Typography.Text>
      )}
      <ResponsiveTable<QuoteLine>
        rowKey="id"
        size="small"
        loading={lines.isPending}
        dataSource={data?.lines ?? []}
        pagination={false}
        locale={{ emptyText: t('commerce.quotes.lines.empty') }}
        columns={[
          {
            title: t('commerce.quotes.lines.product'),
            render: (_, l) => (
              <>
                <div>{l.name}</div>
                {l.sku && <Typography.Text type="secondary">{l.sku}</Typography.Text>}
              </>
            ),
          },
          {
            title: t('commerce.quotes.lines.quantity'),
            align: 'right',
            render: (_, l) => `${quantityText(l.quantity)} ${unit(l.unit)}`,
          },
          {
            title: t('commerce.quotes.lines.unitPrice'),
            align: 'right',
            render: (_, l) => (
              <>
                <div>{yuan(l.unitPrice)}</div>
                {l.enginePrice && l.enginePrice !== l.unitPrice && (
                  <Typography.Text type="secondary">
                    {t('commerce.quotes.lines.engineWas', { price: yuan(l.enginePrice) })}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { title: t('commerce.quotes.lines.discount'), align: 'right', render: (_, l) => discountText(l.discount) },
          { title: t('commerce.quotes.lines.taxRate'), align: 'right', render: (_, l) => percentText(l.taxRate) },
          { title: t('commerce.quotes.lines.amount'), align: 'right', render: (_, l) => yuan(l.subtotal) },
        ]}
      />
      {data && <QuoteTotals totals={data.totals} />}
    </Flex>
  );
}
