// 合并重复客户 from a customer's card: pick the duplicate, choose per differing field which value survives, and merge
// — the duplicate's contacts, numbers, activities and everything else pointing at it move here, and it goes to the
// recycle bin with both histories kept.
import { useState } from 'react';
import { Alert, App, Modal, Radio, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import type { DetailProps } from '../records/pageExtensions.ts';
import { readValue, valueText } from '../records/fieldValues.ts';
import { ReferenceSelect } from '../records/ReferenceSelect.tsx';
import { recordKeys, type ApiRecord } from '../records/records.api.ts';

const NOT_MERGED = new Set(['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deletedAt', 'orgUnitId']);

export function MergeDialog({ entity, record, onClose }: DetailProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, 'target' | 'source'>>({});
  const [merging, setMerging] = useState(false);
  const source = useQuery({
    queryKey: recordKeys.one(entity.plural, sourceId ?? ''),
    enabled: !!sourceId,
    queryFn: () => api.get<ApiRecord>(`/${entity.plural}/${sourceId}`),
  });
  const yesNo: [string, string] = [t('records.yes'), t('records.no')];
  const text = (r: ApiRecord, name: string) => {
    const field = entity.fields.find((f) => f.name === name)!;
    return name === 'ownerId' ? (r.ownerName ?? '—') : valueText(field, readValue(r, field), yesNo);
  };
  const differing = source.data
    ? entity.fields
        .filter(
          (f) => !NOT_MERGED.has(f.name) && JSON.stringify(readValue(record, f)) !== JSON.stringify(readValue(source.data!, f)),
        )
        .map((f) => f.name)
    : [];

  const merge = async () => {
    if (!source.data) return;
    setMerging(true);
    try {
      await api.post(`/${entity.plural}/${record.id}/merge`, {
        sourceId: source.data.id,
        version: record.version,
        sourceVersion: source.data.version,
        values: choices,
      });
      await queryClient.invalidateQueries({ queryKey: recordKeys.type(entity.plural) });
      await queryClient.invalidateQueries({ queryKey: ['customers', record.id] });
      void message.success(t('customers.merge.done', { name: String(source.data[entity.titleField] ?? '') }));
      onClose();
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setMerging(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('customers.merge.title', { name: String(record[entity.titleField] ?? '') })}
      okText={t('customers.merge.run')}
      okButtonProps={{ disabled: !source.data || source.data.id === record.id, danger: true }}
      cancelText={t('records.cancel')}
      confirmLoading={merging}
      onOk={() => void merge()}
      onCancel={onClose}
    >
      <Typography.Paragraph>{t('customers.merge.intro')}</Typography.Paragraph>
      <ReferenceSelect
        reference={entity.name}
        value={sourceId}
        onChange={(id) => {
          setSourceId(id);
          setChoices({});
        }}
        aria-label={t('customers.merge.pick')}
        placeholder={t('customers.merge.pick')}
      />
      {source.data?.id === record.id && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={t('customers.merge.self')} />
      )}
      {source.data && source.data.id !== record.id && (
        <Table
          style={{ marginTop: 16 }}
          size="small"
          pagination={false}
          rowKey="name"
          dataSource={differing.map((name) => ({ name }))}
          locale={{ emptyText: t('customers.merge.same') }}
          columns={[
            {
              title: t('records.conflict.field'),
              key: 'field',
              render: (_, row) => entity.fields.find((f) => f.name === row.name)?.label,
            },
            {
              title: t('customers.merge.keep'),
              key: 'choice',
              render: (_, row) => (
                <Radio.Group
                  aria-label={entity.fields.find((f) => f.name === row.name)?.label}
                  value={choices[row.name] ?? 'target'}
                  onChange={(e) => setChoices({ ...choices, [row.name]: e.target.value as 'target' | 'source' })}
                  options={[
                    { value: 'target', label: text(record, row.name) },
                    { value: 'source', label: text(source.data!, row.name) },
                  ]}
                />
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
