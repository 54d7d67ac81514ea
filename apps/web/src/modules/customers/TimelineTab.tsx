// 时间线 on the customer card: activities, field changes and whatever later modules register, newest first, with
// a filter by entry type and paging by cursor. Each entry links to the record it is about.
import { useState } from 'react';
import { Button, Checkbox, Empty, Flex, Spin, Timeline, Typography } from 'antd';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TimelineResponse, TimelineTypesResponse } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { useMeta } from '../../platform/meta.ts';
import type { DetailProps } from '../records/pageExtensions.ts';
import { formatDateTime } from '../records/fieldValues.ts';

export function TimelineTab({ record }: DetailProps) {
  const { t, i18n } = useTranslation();
  const meta = useMeta();
  const [types, setTypes] = useState<string[]>([]);
  const typeList = useQuery({
    queryKey: ['timelineTypes', i18n.language],
    queryFn: () => api.get<TimelineTypesResponse>('/timeline/types').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
  const filter = types.length ? `&types=${types.join(',')}` : '';
  const pages = useInfiniteQuery({
    queryKey: ['customers', record.id, 'timeline', types.join(','), record.version],
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api.get<TimelineResponse>(
        `/customers/${record.id}/timeline?limit=30${filter}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const label = (type: string) => typeList.data?.find((x) => x.type === type)?.label ?? type;
  const pathOf = (recordType: string, id: string) => {
    const plural = meta.data?.find((e) => e.name === recordType)?.plural;
    return plural ? `/${plural}/${id}` : null;
  };

  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 16 }} role="group" aria-label={t('customers.timeline.filter')}>
        <Typography.Text type="secondary">{t('customers.timeline.filter')}</Typography.Text>
        <Checkbox.Group
          value={types}
          onChange={(values) => setTypes(values as string[])}
          options={(typeList.data ?? []).map((x) => ({ value: x.type, label: x.label }))}
        />
      </Flex>
      {pages.isPending ? (
        <Spin />
      ) : pages.isError ? (
        <Typography.Text type="danger">{pages.error.message}</Typography.Text>
      ) : entries.length === 0 ? (
        <Empty description={t('customers.timeline.empty')} />
      ) : (
        <Timeline
          items={entries.map((entry) => {
            const path = pathOf(entry.recordType, entry.recordId);
            return {
              key: `${entry.type}:${entry.id}`,
              children: (
                <>
                  <Flex gap={8} wrap align="baseline">
                    <Typography.Text type="secondary">{label(entry.type)}</Typography.Text>
                    {path ? <Link to={path}>{entry.title}</Link> : <Typography.Text strong>{entry.title}</Typography.Text>}
                  </Flex>
                  {entry.summary && (
                    <Typography.Paragraph style={{ margin: '4px 0', whiteSpace: 'pre-wrap' }}>
                      {entry.summary}
                    </Typography.Paragraph>
                  )}
                  <Typography.Text type="secondary">
                    {formatDateTime(entry.at)}
                    {entry.actorName ? ` · ${entry.actorName}` : ''}
                  </Typography.Text>
                </>
              ),
            };
          })}
        />
      )}
      {pages.hasNextPage && (
        <Button loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {t('records.list.more')}
        </Button>
      )}
    </>
  );
}
