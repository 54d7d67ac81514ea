// 修订历史 on a quote's page: every revision of its number the user may read, newest first, with status, total and
// when it was made; each links to its own page.
import { Alert, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/formErrors.ts';
import { formatDateTime } from '../../records/fieldValues.ts';
import type { DetailProps } from '../../records/pageExtensions.ts';
import type { ApiRecord } from '../../records/records.api.ts';
import { ResponsiveTable } from '../ResponsiveTable.tsx';
import { useQuoteRevisions } from './quotes.api.ts';
import { yuan } from './quoteFormat.ts';
import type { quotesZhCN } from './quotes.messages.zh-CN.ts';

export function QuoteRevisionsTab({ record }: DetailProps) {
  const { t } = useTranslation();
  const revisions = useQuoteRevisions(record.id);
  if (revisions.isError) return <Alert type="error" showIcon message={errorMessage(t, revisions.error)} />;
  return (
    <ResponsiveTable<ApiRecord>
      rowKey="id"
      size="small"
      loading={revisions.isPending}
      dataSource={revisions.data?.items ?? []}
      pagination={false}
      columns={[
        {
          title: t('commerce.quotes.revisions.revision'),
          render: (_, r) =>
            r.id === record.id ? (
              <Typography.Text strong>{String(r.title)}</Typography.Text>
            ) : (
              <Link to={`/quotes/${r.id}`}>{String(r.title)}</Link>
            ),
        },
        {
          title: t('commerce.quotes.revisions.status'),
          render: (_, r) => <Tag>{t(`commerce.quotes.status.${String(r.status) as keyof typeof quotesZhCN.status}`)}</Tag>,
        },
        { title: t('commerce.quotes.totals.gross'), align: 'right', render: (_, r) => yuan(String(r.grossTotal)) },
        { title: t('commerce.quotes.revisions.date'), render: (_, r) => String(r.quoteDate ?? '') },
        { title: t('commerce.quotes.revisions.created'), render: (_, r) => formatDateTime(String(r.createdAt)) },
      ]}
    />
  );
}
