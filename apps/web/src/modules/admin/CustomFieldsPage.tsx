// 自定义字段: pick a record type, see its custom fields (inactive ones too), add one, edit its labels, options
// and whether it is required, deactivate or activate it.
import { useState } from 'react';
import { App, Button, Empty, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition } from '@guanxi/contracts';
import { currentLocale } from '../../app/i18n/i18n.ts';
import { api } from '../../platform/api.ts';
import { useMeta } from '../../platform/meta.ts';
import { adminKeys, useCustomFields } from './admin.api.ts';
import { CustomFieldDialog } from './CustomFieldDialog.tsx';
import { errorMessage, isStale } from '../../platform/formErrors.ts';

export const fieldLabel = (def: CustomFieldDefinition) => def.label[currentLocale()] || def.label['zh-CN'];

export function CustomFieldsPage() {
  const { t } = useTranslation();
  const meta = useMeta();
  const [chosen, setChosen] = useState<string>();
  const [dialog, setDialog] = useState<{ field?: CustomFieldDefinition }>();
  const recordType = chosen ?? meta.data?.[0]?.name;
  const fields = useCustomFields(recordType);

  if (meta.isSuccess && meta.data.length === 0) {
    return <Empty description={t('admin.customFields.noRecordTypes')} />;
  }
  return (
    <>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <Typography.Text>{t('admin.customFields.recordType')}</Typography.Text>
        <Select
          aria-label={t('admin.customFields.recordType')}
          loading={meta.isPending}
          value={recordType}
          onChange={setChosen}
          options={(meta.data ?? []).map((entity) => ({ value: entity.name, label: entity.label }))}
          style={{ width: 200 }}
        />
        <Button type="primary" disabled={!recordType} onClick={() => setDialog({})} style={{ marginInlineStart: 'auto' }}>
          {t('admin.customFields.create')}
        </Button>
      </Flex>
      <Table<CustomFieldDefinition>
        rowKey="id"
        size="middle"
        loading={fields.isFetching}
        dataSource={fields.data}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: fields.isError ? errorMessage(t, fields.error) : t('admin.customFields.empty') }}
        columns={[
          { title: t('admin.customFields.label'), key: 'label', width: 160, render: (_, def) => fieldLabel(def) },
          { title: t('admin.customFields.key'), dataIndex: 'key', width: 140, render: (key: string) => <code>{key}</code> },
          {
            title: t('admin.customFields.type'),
            dataIndex: 'type',
            width: 110,
            render: (type: CustomFieldDefinition['type']) => t(`admin.fieldTypes.${type}`),
          },
          {
            title: t('admin.customFields.required'),
            dataIndex: 'required',
            width: 80,
            render: (required: boolean) => (required ? t('admin.common.yes') : t('admin.common.no')),
          },
          {
            title: t('admin.common.status'),
            dataIndex: 'active',
            width: 90,
            render: (active: boolean) =>
              active ? <Tag color="green">{t('admin.common.active')}</Tag> : <Tag>{t('admin.common.inactive')}</Tag>,
          },
          {
            title: t('admin.common.actions'),
            key: 'actions',
            width: 160,
            render: (_, def) => <FieldActions def={def} onEdit={() => setDialog({ field: def })} />,
          },
        ]}
      />
      {dialog && recordType && (
        <CustomFieldDialog recordType={recordType} field={dialog.field} onClose={() => setDialog(undefined)} />
      )}
    </>
  );
}

function FieldActions({ def, onEdit }: { def: CustomFieldDefinition; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const setActive = useMutation({
    mutationFn: (active: boolean) => api.patch(`/custom-fields/${def.id}`, { active }, { ifMatch: def.version }),
    onSuccess: () => void message.success(t('admin.common.saved')),
    onError: (error) => void message.error(errorMessage(t, error)),
    onSettled: (_data, error) => {
      if (!error || isStale(error)) void queryClient.invalidateQueries({ queryKey: adminKeys.customFields(def.recordType) });
    },
  });
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={onEdit}>
        {t('admin.common.edit')}
      </Button>
      <Button
        type="link"
        size="small"
        danger={def.active}
        loading={setActive.isPending}
        onClick={() => setActive.mutate(!def.active)}
      >
        {def.active ? t('admin.common.deactivate') : t('admin.common.activate')}
      </Button>
    </Space>
  );
}
