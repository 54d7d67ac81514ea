// 合同 on the customer card: the customer's contracts the user may see, newest start first, with status, term, amount
// and the 到期 tag; 新建合同 opens the contract form already pointing at the customer.
import { Button, Flex, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../../../platform/meta.ts';
import type { DetailProps } from '../../records/pageExtensions.ts';
import { formatDecimal } from '../../records/fieldValues.ts';
import type { ApiRecord } from '../../records/records.api.ts';
import { ResponsiveTable } from '../ResponsiveTable.tsx';
import { useCustomerContracts } from './contracts.api.ts';
import { localToday, renewalState } from './contracts.logic.ts';
import { renewalTag } from './ContractRenewalPanel.tsx';

export function CustomerContractsTab({ record }: DetailProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const contracts = useCustomerContracts(record.id);
  const entity = useMeta().data?.find((e) => e.name === 'contract');
  const statusLabel = (value: unknown) =>
    entity?.fields.find((f) => f.name === 'status')?.options?.find((o) => o.value === value)?.label ?? String(value ?? '—');
  const canCreate = (entity?.permissions.create ?? 'none') !== 'none';
  const today = localToday();
  const column = (key: keyof typeof columns) => columns[key];
  const columns = {
    number: t('commerce.contracts.customer.columns.number'),
    name: t('commerce.contracts.customer.columns.name'),
    status: t('commerce.contracts.customer.columns.status'),
    term: t('commerce.contracts.customer.columns.term'),
    amount: t('commerce.contracts.customer.columns.amount'),
    renewal: t('commerce.contracts.customer.columns.renewal'),
  };

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {contracts.data ? t('records.list.total', { count: contracts.data.total ?? contracts.data.items.length }) : ''}
        </Typography.Text>
        {canCreate && (
          <Button onClick={() => void navigate(`/contracts/new?customerId=${record.id}`)}>
            {t('commerce.contracts.customer.create')}
          </Button>
        )}
      </Flex>
      <ResponsiveTable<ApiRecord>
        rowKey="id"
        size="small"
        loading={contracts.isPending}
        dataSource={contracts.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('commerce.contracts.customer.empty') }}
        columns={[
          {
            key: 'name',
            title: column('name'),
            render: (_, c) => <Link to={`/contracts/${c.id}`}>{String(c.name ?? c.number)}</Link>,
          },
          { key: 'number', title: column('number'), render: (_, c) => String(c.number ?? '') },
          { key: 'status', title: column('status'), render: (_, c) => statusLabel(c.status) },
          { key: 'term', title: column('term'), render: (_, c) => `${String(c.startDate ?? '')} – ${String(c.endDate ?? '…')}` },
          {
            key: 'amount',
            title: column('amount'),
            align: 'right',
            render: (_, c) => (typeof c.amount === 'string' ? formatDecimal(c.amount) : '—'),
          },
          { key: 'renewal', title: column('renewal'), render: (_, c) => renewalTag(t, renewalState(c, today)) ?? '—' },
        ]}
      />
    </>
  );
}
