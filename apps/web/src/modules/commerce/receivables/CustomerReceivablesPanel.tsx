// 应收款 on a customer's card: outstanding and overdue on the orders the caller may read, the customer's credit from
// over-payments, and the next instalment due (linking to its order). Shown only when there is something to show.
import { Card, Flex, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DetailProps } from '../../records/pageExtensions.ts';
import { useCustomerReceivables } from './receivables.api.ts';
import { yuan } from './receivables.money.ts';

export function CustomerReceivablesPanel({ record }: DetailProps) {
  const { t } = useTranslation();
  const figures = useCustomerReceivables(record.id).data;
  if (!figures || (figures.openCount === 0 && figures.credit === '0.00')) return null;
  return (
    <Card size="small" title={t('commerce.receivables.customer.title')} style={{ marginBottom: 16 }}>
      <Flex wrap gap={24}>
        <Statistic title={t('commerce.receivables.customer.outstanding')} value={yuan(figures.outstanding)} />
        <Statistic
          title={t('commerce.receivables.customer.overdue')}
          value={yuan(figures.overdue)}
          valueStyle={figures.overdue === '0.00' ? undefined : { color: '#cf1322' }}
        />
        <Statistic title={t('commerce.receivables.customer.credit')} value={yuan(figures.credit)} />
        {figures.nextDue && (
          <div>
            <Typography.Text type="secondary">{t('commerce.receivables.customer.nextDue')}</Typography.Text>
            <div style={{ marginTop: 4 }}>
              <Link to={`/orders/${figures.nextDue.orderId}`}>{figures.nextDue.orderNumber}</Link>{' '}
              {t('commerce.receivables.customer.nextDueText', {
                n: figures.nextDue.position,
                date: figures.nextDue.dueDate,
                amount: yuan(figures.nextDue.outstanding),
              })}
            </div>
          </div>
        )}
      </Flex>
    </Card>
  );
}
