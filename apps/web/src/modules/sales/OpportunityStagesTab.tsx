// 阶段历程 on an opportunity's page: each stage it entered, when, for how long (still counting in the current stage)
// and who moved it there.
import { Alert, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StageHistoryEntry } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import type { DetailProps } from '../records/pageExtensions.ts';
import { formatDateTime } from '../records/fieldValues.ts';
import { durationText } from './stageDurations.ts';

export function OpportunityStagesTab({ record }: DetailProps) {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: ['opportunities', record.id, 'stage-history', record.version],
    queryFn: () => api.get<{ items: StageHistoryEntry[] }>(`/opportunities/${record.id}/stage-history`).then((r) => r.items),
  });
  if (history.isError) return <Alert type="error" showIcon message={errorMessage(t, history.error)} />;
  return (
    <Table<StageHistoryEntry>
      rowKey={(row) => `${row.stageId}-${row.enteredAt}`}
      size="small"
      loading={history.isPending}
      pagination={false}
      scroll={{ x: 560 }}
      dataSource={history.data ?? []}
      columns={[
        {
          title: t('sales.stages.stage'),
          dataIndex: 'stageName',
          render: (name: string, row) => (
            <>
              {name} {row.leftAt === null && row.outcome === 'open' && <Tag color="processing">{t('sales.stages.current')}</Tag>}
            </>
          ),
        },
        { title: t('sales.stages.entered'), dataIndex: 'enteredAt', render: (at: string) => formatDateTime(at) },
        {
          title: t('sales.stages.duration'),
          dataIndex: 'durationMs',
          render: (ms: number, row) => (row.outcome === 'open' ? durationText(t, ms) : '—'),
        },
        { title: t('sales.stages.movedBy'), dataIndex: 'movedBy', render: (by: StageHistoryEntry['movedBy']) => by?.name ?? '—' },
      ]}
    />
  );
}
