// 采购批次 (/commerce/purchase-batches): the open batches per supplier with their lines (order, SKU, name, quantity),
// 关闭批次 once the purchase order is placed (for those who may change every order in it); the closed ones below. A
// rush batch is marked. Each user sees the lines of the orders they may read.
import { App, Button, Card, Empty, Flex, Popconfirm, Table, Tabs, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PurchaseBatch } from '@guanxi/contracts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { formatDateTime } from '../../records/fieldValues.ts';
import { closeBatch, usePurchaseBatches } from './orders.api.ts';
import { useUnitLabel } from '../useUnitLabel.ts';

type Line = PurchaseBatch['lines'][number];

function BatchCard({ batch }: { batch: PurchaseBatch }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const unitLabel = useUnitLabel();
  const supplier = batch.supplier || t('commerce.orders.batches.noSupplier');
  return (
    <Card
      size="small"
      data-testid="purchase-batch"
      title={
        <Flex wrap gap={8} align="center">
          <span>{supplier}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {batch.number}
          </Typography.Text>
          {batch.rush && <Tag color="red">{t('commerce.orders.batches.rush')}</Tag>}
        </Flex>
      }
      extra={
        batch.status === 'open' ? (
          <Popconfirm
            title={t('commerce.orders.batches.confirmClose', { number: batch.number })}
            onConfirm={() =>
              closeBatch(batch.id)
                .then(() => message.success(t('commerce.orders.batches.closedOk')))
                .catch((err: unknown) => message.error(errorMessage(t, err)))
                .finally(() => void queryClient.invalidateQueries({ queryKey: ['purchaseBatches'] }))
            }
          >
            <Button size="small">{t('commerce.orders.batches.close')}</Button>
          </Popconfirm>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {batch.status === 'closed' && batch.closedAt
          ? t('commerce.orders.batches.closedBy', { name: batch.closedByName ?? '', date: formatDateTime(batch.closedAt) })
          : t('commerce.orders.batches.created', { date: formatDateTime(batch.createdAt) })}
        {' · '}
        {t('commerce.orders.batches.lines', { n: batch.lines.length })}
      </Typography.Paragraph>
      <Table<Line>
        size="small"
        rowKey="orderLineId"
        pagination={false}
        dataSource={batch.lines}
        tableLayout="fixed"
        columns={[
          {
            title: t('commerce.orders.batches.order'),
            key: 'order',
            width: 120,
            render: (_, l) => (
              <>
                <Link to={`/orders/${l.orderId}`}>{l.orderNumber}</Link>
                {l.rush && !batch.rush ? <Tag color="red">{t('commerce.orders.batches.rush')}</Tag> : null}
              </>
            ),
          },
          { title: t('commerce.orders.batches.name'), key: 'name', render: (_, l) => (l.sku ? `${l.sku} · ${l.name}` : l.name) },
          {
            title: t('commerce.orders.batches.quantity'),
            key: 'quantity',
            align: 'right',
            width: 76,
            render: (_, l) => `${l.quantity} ${unitLabel(l.unit)}`.trim(),
          },
        ]}
      />
    </Card>
  );
}

function Batches({ status }: { status: 'open' | 'closed' }) {
  const { t } = useTranslation();
  const batches = usePurchaseBatches(status);
  if (batches.isPending) return <Card loading size="small" />;
  if (batches.isError) return <Typography.Text type="danger">{errorMessage(t, batches.error)}</Typography.Text>;
  if (!batches.data.length) return <Empty description={t('commerce.orders.batches.empty')} />;
  return (
    <Flex vertical gap={12}>
      {batches.data.map((b) => (
        <BatchCard key={b.id} batch={b} />
      ))}
    </Flex>
  );
}

export function PurchaseBatchesPage() {
  const { t } = useTranslation();
  usePageTitle(t('commerce.orders.batches.title'));
  return (
    <>
      <Typography.Title level={2}>{t('commerce.orders.batches.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('commerce.orders.batches.intro')}</Typography.Paragraph>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'open', label: t('commerce.orders.batches.open'), children: <Batches status="open" /> },
          { key: 'closed', label: t('commerce.orders.batches.closed'), children: <Batches status="closed" /> },
        ]}
      />
    </>
  );
}
