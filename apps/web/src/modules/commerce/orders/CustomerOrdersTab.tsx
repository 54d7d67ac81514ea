// 订单 on the customer card: the customer's orders the user may see, newest first, with status, total and expected
// arrival; 新建订单 opens the order page with the customer set.
import { Button, Flex, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ListResponse } from '@guanxi/contracts';
import { api } from '../../../platform/api.ts';
import { useMeta } from '../../../platform/meta.ts';
import type { DetailProps } from '../../records/pageExtensions.ts';
import { recordKeys, type ApiRecord } from '../../records/records.api.ts';
import { ResponsiveTable } from '../ResponsiveTable.tsx';
import { money } from './orderFormat.ts';

export function CustomerOrdersTab({ record }: DetailProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const entity = useMeta().data?.find((e) => e.name === 'order');
  const query = `filter[customerId][eq]=${record.id}&sort=-orderDate&limit=50&total=true`;
  const orders = useQuery({
    queryKey: recordKeys.list('orders', query),
    queryFn: () => api.get<ListResponse<ApiRecord>>(`/orders?${query}`),
  });
  const canCreate = (entity?.permissions.create ?? 'none') !== 'none';
  const name = String(record.name ?? '');
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {orders.data ? t('records.list.total', { count: orders.data.total ?? orders.data.items.length }) : ''}
        </Typography.Text>
        {canCreate && (
          <Button onClick={() => void navigate(`/orders/new?customerId=${record.id}&customerName=${encodeURIComponent(name)}`)}>
            {t('commerce.orders.customer.create')}
          </Button>
        )}
      </Flex>
      <ResponsiveTable<ApiRecord>
        rowKey="id"
        size="small"
        loading={orders.isPending}
        dataSource={orders.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('commerce.orders.customer.empty') }}
        columns={[
          {
            key: 'number',
            title: t('commerce.orders.customer.number'),
            render: (_, o) => <Link to={`/orders/${o.id}`}>{String(o.number)}</Link>,
          },
          { key: 'date', title: t('commerce.orders.customer.date'), render: (_, o) => String(o.orderDate ?? '') },
          {
            key: 'status',
            title: t('commerce.orders.customer.status'),
            render: (_, o) => (
              <>
                {t(`commerce.orders.status.${String(o.status)}`, String(o.status))}
                {o.rush ? (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    {t('commerce.orders.progress.rush')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          {
            key: 'total',
            title: t('commerce.orders.customer.total'),
            align: 'right',
            render: (_, o) => money(String(o.grossTotal ?? '')),
          },
          {
            key: 'arrival',
            title: t('commerce.orders.customer.arrival'),
            render: (_, o) => String(o.expectedArrivalDate ?? '—'),
          },
        ]}
      />
    </>
  );
}
