// 回收站: deleted records of each type the user may delete, newest deletion first, with who owned them and when
// they were deleted; restore one or several.
import { useState } from 'react';
import { App, Button, Empty, Flex, Segmented, Spin, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EntityMeta } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import { useMeta } from '../../platform/meta.ts';
import { formatDateTime } from './fieldValues.ts';
import { recordKeys, useRecordPages, type ApiRecord } from './records.api.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';

export function RecycleBinPage() {
  const { t } = useTranslation();
  const meta = useMeta();
  const types = (meta.data ?? []).filter((e) => (e.permissions.delete ?? 'none') !== 'none');
  const [chosen, setChosen] = useState<string>();
  const entity = types.find((e) => e.name === chosen) ?? types[0];
  usePageTitle(t('records.bin.title'));

  return (
    <>
      <Typography.Title level={2}>{t('records.bin.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('records.bin.intro')}</Typography.Paragraph>
      {meta.isPending ? (
        <Spin />
      ) : !entity ? (
        <Empty description={t('records.bin.noTypes')} />
      ) : (
        <>
          <Segmented
            aria-label={t('records.bin.type')}
            value={entity.name}
            onChange={(name) => setChosen(String(name))}
            options={types.map((e) => ({ value: e.name, label: e.label }))}
            style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
          />
          <BinList key={entity.name} entity={entity} />
        </>
      )}
    </>
  );
}

function BinList({ entity }: { entity: EntityMeta }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const pages = useRecordPages(entity.plural, 'sort=-deletedAt', { deleted: true });
  const records = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const [selected, setSelected] = useState<string[]>([]);
  const [restoring, setRestoring] = useState(false);

  const restore = async (ids: string[]) => {
    setRestoring(true);
    let restored = 0;
    const failures: string[] = [];
    for (const id of ids) {
      try {
        await api.post(`/${entity.plural}/${id}/restore`);
        restored += 1;
      } catch (err) {
        failures.push(errorMessage(t, err));
      }
    }
    setRestoring(false);
    setSelected([]);
    await queryClient.invalidateQueries({ queryKey: recordKeys.type(entity.plural) });
    if (restored) void message.success(t('records.bin.restored', { count: restored }));
    if (failures.length) void message.error(t('records.bin.failed', { count: failures.length, reason: failures[0] }));
  };

  return (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }} wrap>
        <Typography.Text type="secondary" role="status">
          {pages.data ? t('records.list.total', { count: pages.data.pages[0]?.total ?? records.length }) : ''}
        </Typography.Text>
        {selected.length > 0 && (
          <Button type="primary" loading={restoring} onClick={() => void restore(selected)}>
            {t('records.bin.restoreSelected', { count: selected.length })}
          </Button>
        )}
      </Flex>
      <div style={{ overflowX: 'auto' }}>
        <Table<ApiRecord>
          rowKey="id"
          size="middle"
          loading={pages.isFetching && !pages.isFetchingNextPage}
          dataSource={records}
          pagination={false}
          locale={{ emptyText: t('records.bin.empty') }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
            getCheckboxProps: (record) => ({
              'aria-label': t('records.list.select', { title: String(record[entity.titleField] ?? '') }),
            }),
          }}
          columns={[
            {
              key: 'title',
              title: entity.fields.find((f) => f.name === entity.titleField)?.label,
              render: (_, r) => String(r[entity.titleField] ?? '—'),
            },
            { key: 'owner', title: t('records.bin.owner'), render: (_, r) => r.ownerName ?? '—' },
            {
              key: 'deletedAt',
              title: t('records.bin.deletedAt'),
              render: (_, r) => (r.deletedAt ? formatDateTime(String(r.deletedAt)) : '—'),
            },
            {
              key: 'actions',
              title: t('records.bin.actions'),
              render: (_, r) => (
                <Button size="small" disabled={restoring} onClick={() => void restore([r.id])}>
                  {t('records.bin.restore')}
                </Button>
              ),
            },
          ]}
        />
      </div>
      {pages.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            {t('records.list.more')}
          </Button>
        </Flex>
      )}
    </>
  );
}
