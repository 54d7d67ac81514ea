// A bulk edit, assign or delete of the chosen records: the user sets what to do, watches a progress bar while it
// runs in chunks, and sees a result per record (saved, or why not) at the end.
import { useState } from 'react';
import { Alert, Form, Modal, Progress, Select, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BulkResult, EntityMeta, FieldMeta } from '@guanxi/contracts';
import { errorMessage } from '../../platform/formErrors.ts';
import { FieldInput } from './FieldInput.tsx';
import { editableFields, toApiBody } from './fieldValues.ts';
import { ReferenceSelect } from './ReferenceSelect.tsx';
import { recordKeys, runBulk, type ApiRecord, type BulkKind } from './records.api.ts';

export type BulkAction = 'update' | 'assign' | 'delete';
const KIND: Record<BulkAction, BulkKind> = { update: 'bulk-update', assign: 'bulk-assign', delete: 'bulk-delete' };

interface Props {
  entity: EntityMeta;
  action: BulkAction;
  records: ApiRecord[];
  onClose: (changed: boolean) => void;
}

export function BulkActionDialog({ entity, action, records: chosen, onClose }: Props) {
  // The records as they were when the dialog opened: the list behind it refreshes, and an edited record may
  // leave the list's filter while its result is still shown here.
  const [records] = useState(chosen);
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [fieldName, setFieldName] = useState<string>();
  const [progress, setProgress] = useState<{ done: number; results: BulkResult['results'] } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const running = progress !== null && progress.done < records.length && !failure;
  const finished = progress !== null && (progress.done === records.length || !!failure);
  // Owner and org unit change through bulk assign, which checks the new owner's scope.
  const fields = editableFields(entity).filter((f) => f.name !== 'ownerId' && f.name !== 'orgUnitId');
  const field: FieldMeta | undefined = fields.find((f) => f.name === fieldName);

  const start = async () => {
    let body: Record<string, unknown> = {};
    if (action === 'update') {
      if (!field) return;
      const values = await form.validateFields();
      body = { changes: toApiBody([field], values) };
    } else if (action === 'assign') {
      body = { ownerId: (await form.validateFields()).ownerId };
    }
    setProgress({ done: 0, results: [] });
    try {
      await runBulk(
        entity.plural,
        KIND[action],
        records.map((r) => r.id),
        body,
        (done, results) => setProgress({ done, results }),
      );
    } catch (err) {
      setFailure(errorMessage(t, err));
    } finally {
      await queryClient.invalidateQueries({ queryKey: recordKeys.type(entity.plural) });
    }
  };

  const titleOf = new Map(records.map((r) => [r.id, String(r[entity.titleField] ?? r.id)]));
  const succeeded = progress?.results.filter((r) => r.ok).length ?? 0;
  const failed = (progress?.results.length ?? 0) - succeeded;

  return (
    <Modal
      open
      title={t(`records.bulk.${action}Title`, { count: records.length })}
      okText={finished ? t('records.close') : t(`records.bulk.${action}Run`)}
      okButtonProps={{
        danger: action === 'delete' && !finished,
        disabled: action === 'update' && !field && !finished,
        loading: running,
      }}
      cancelButtonProps={{ style: finished ? { display: 'none' } : undefined, disabled: running }}
      cancelText={t('records.cancel')}
      closable={!running}
      maskClosable={false}
      onOk={() => (finished ? onClose(succeeded > 0) : void start())}
      onCancel={() => !running && onClose(succeeded > 0)}
      width={640}
    >
      {!progress && action === 'delete' && (
        <Typography.Paragraph>{t('records.bulk.deleteText', { count: records.length })}</Typography.Paragraph>
      )}
      {!progress && action !== 'delete' && (
        <Form form={form} layout="vertical">
          {action === 'update' && (
            <Form.Item label={t('records.bulk.field')} required>
              <Select
                aria-label={t('records.bulk.field')}
                value={fieldName}
                onChange={(name: string) => {
                  setFieldName(name);
                  form.resetFields();
                }}
                options={fields.map((f) => ({ value: f.name, label: f.label }))}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          )}
          {action === 'update' && field && (
            <Form.Item
              name={field.name.startsWith('custom.') ? ['custom', field.name.slice(7)] : field.name}
              label={t('records.bulk.newValue', { field: field.label })}
              valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
              rules={field.required ? [{ required: true, message: t('records.form.required', { field: field.label }) }] : []}
            >
              <FieldInput field={field} plural={entity.plural} />
            </Form.Item>
          )}
          {action === 'assign' && (
            <Form.Item
              name="ownerId"
              label={t('records.bulk.newOwner')}
              rules={[{ required: true, message: t('records.bulk.ownerRequired') }]}
            >
              <ReferenceSelect reference="user" allowClear={false} aria-label={t('records.bulk.newOwner')} />
            </Form.Item>
          )}
        </Form>
      )}
      {progress && (
        <>
          <Progress
            percent={Math.round((progress.done / records.length) * 100)}
            status={failure ? 'exception' : finished ? 'success' : 'active'}
          />
          <Typography.Paragraph role="status">
            {t('records.bulk.progress', { done: progress.done, total: records.length, succeeded, failed })}
          </Typography.Paragraph>
          {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ y: 280 }}
            dataSource={progress.results}
            columns={[
              { title: entity.label, key: 'title', render: (_, row) => titleOf.get(row.id) },
              {
                title: t('records.bulk.result'),
                key: 'result',
                render: (_, row) =>
                  row.ok ? (
                    <Tag color="success">{t('records.bulk.ok')}</Tag>
                  ) : (
                    <Tag color="error">{row.error?.message ?? row.status}</Tag>
                  ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
