// 待我审批: the steps waiting for the caller (oldest first) with the record, requester, discount and amount, each
// opened or decided in place (批准 / 驳回 with a comment); a second tab lists what they decided.
import { useState } from 'react';
import { Alert, Badge, Button, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApprovalInboxItem } from '@guanxi/contracts';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { formatDateTime } from '../../records/fieldValues.ts';
import { ResponsiveTable } from '../ResponsiveTable.tsx';
import { useApprovalInbox } from './approvals.api.ts';
import { formatAmount, formatPercent } from './approvals.format.ts';
import { DecisionDialog } from './DecisionDialog.tsx';

export function ApprovalInboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('commerce.approvals.title'));
  const pending = useApprovalInbox('pending');
  const [tab, setTab] = useState<'pending' | 'decided'>('pending');
  return (
    <>
      <Typography.Title level={2}>{t('commerce.approvals.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('commerce.approvals.intro')}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as 'pending' | 'decided')}
        items={[
          {
            key: 'pending',
            label: (
              <Space size={6}>
                {t('commerce.approvals.tabs.pending')}
                <Badge count={pending.data?.total ?? 0} size="small" />
              </Space>
            ),
            children: <InboxTable status="pending" />,
          },
          { key: 'decided', label: t('commerce.approvals.tabs.decided'), children: <InboxTable status="decided" /> },
        ]}
      />
    </>
  );
}

/** Q2026-000012 · 办公设备报价 (a title naming the number alone: Q2026-000012 v2), or the record type. */
export const itemName = (t: TFunction, item: ApprovalInboxItem): string =>
  (item.title && item.number && item.title.includes(item.number)
    ? item.title
    : [item.number, item.title].filter(Boolean).join(' · ')) || t(`commerce.approvals.recordTypes.${item.recordType}`);

function InboxTable({ status }: { status: 'pending' | 'decided' }) {
  const { t } = useTranslation();
  const inbox = useApprovalInbox(status);
  const [deciding, setDeciding] = useState<{ item: ApprovalInboxItem; decision: 'approve' | 'reject' } | null>(null);
  if (inbox.isError) return <Alert type="error" showIcon message={errorMessage(t, inbox.error)} />;
  const items = inbox.data?.items ?? [];
  const columns: ColumnType<ApprovalInboxItem>[] = [
    {
      key: 'record',
      title: t('commerce.approvals.columns.record'),
      render: (_, item) => (
        <Space direction="vertical" size={0}>
          {item.link ? <Link to={item.link}>{itemName(t, item)}</Link> : itemName(t, item)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`commerce.approvals.recordTypes.${item.recordType}`)}
          </Typography.Text>
        </Space>
      ),
    },
    { key: 'requester', title: t('commerce.approvals.columns.requester'), render: (_, item) => item.requestedByName ?? '—' },
    {
      key: 'discount',
      title: t('commerce.approvals.columns.discount'),
      align: 'right',
      render: (_, item) => `${formatPercent(item.discountPercent)}%`,
    },
    {
      key: 'amount',
      title: t('commerce.approvals.columns.amount'),
      align: 'right',
      render: (_, item) => `¥${formatAmount(item.amount)}`,
    },
    {
      key: 'step',
      title: t('commerce.approvals.columns.step'),
      render: (_, item) => (item.orgUnitName ? `${item.stepName}（${item.orgUnitName}）` : item.stepName),
    },
    status === 'pending'
      ? {
          key: 'requestedAt',
          title: t('commerce.approvals.columns.requestedAt'),
          render: (_, item) => formatDateTime(item.requestedAt),
        }
      : {
          key: 'result',
          title: t('commerce.approvals.columns.result'),
          render: (_, item) => (
            <Space direction="vertical" size={0}>
              <Tag color={item.status === 'approved' ? 'success' : 'error'}>{t(`commerce.approvals.status.${item.status}`)}</Tag>
              {item.decidedAt && <Typography.Text type="secondary">{formatDateTime(item.decidedAt)}</Typography.Text>}
              {item.comment && <Typography.Text>「{item.comment}」</Typography.Text>}
            </Space>
          ),
        },
    ...(status === 'pending'
      ? [
          {
            key: 'actions',
            title: t('commerce.approvals.columns.actions'),
            render: (_: unknown, item: ApprovalInboxItem) => (
              <Space size={4} wrap>
                <Button type="primary" size="small" onClick={() => setDeciding({ item, decision: 'approve' })}>
                  {t('commerce.approvals.approve')}
                </Button>
                <Button danger size="small" onClick={() => setDeciding({ item, decision: 'reject' })}>
                  {t('commerce.approvals.reject')}
                </Button>
                {item.link && (
                  <Link to={item.link} style={{ padding: '0 7px' }}>
                    {t('commerce.approvals.open')}
                  </Link>
                )}
              </Space>
            ),
          } satisfies ColumnType<ApprovalInboxItem>,
        ]
      : []),
  ];
  return (
    <>
      <ResponsiveTable<ApprovalInboxItem>
        rowKey="id"
        loading={inbox.isPending}
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: t(status === 'pending' ? 'commerce.approvals.empty' : 'commerce.approvals.emptyDecided') }}
      />
      {inbox.data && inbox.data.total > items.length && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('commerce.approvals.more', { shown: items.length, total: inbox.data.total })}
        </Typography.Paragraph>
      )}
      {deciding && (
        <DecisionDialog
          recordType={deciding.item.recordType}
          recordId={deciding.item.recordId}
          decision={deciding.decision}
          name={itemName(t, deciding.item)}
          summary={t('commerce.approvals.dialog.summary', {
            requester: deciding.item.requestedByName ?? '—',
            percent: formatPercent(deciding.item.discountPercent),
            amount: formatAmount(deciding.item.amount),
            step: deciding.item.stepName,
          })}
          onClose={() => setDeciding(null)}
        />
      )}
    </>
  );
}
