// A module's group of fields on the detail page (a customer's region) as one row that its reader may edit in
// place with the group's one input; saving sends the group's fields together through the page's `save`.
import { useState } from 'react';
import { Button, Flex, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityMeta, FieldMeta } from '@guanxi/contracts';
import type { FieldGroupInput } from './pageExtensions.ts';
import { FieldGroupFormItem } from './FieldGroupFormItem.tsx';
import { groupText } from './fieldGroups.ts';
import { readValue, toFormValues } from './fieldValues.ts';
import type { ApiRecord } from './records.api.ts';

interface Props {
  entity: EntityMeta;
  record: ApiRecord;
  group: FieldGroupInput;
  fields: FieldMeta[];
  editable: boolean;
  save: (fields: FieldMeta[], values: Record<string, unknown>) => Promise<string | null>;
}

export function InlineFieldGroup({ entity, record, group, fields, editable, save }: Props) {
  const { t } = useTranslation();
  const [editingVersion, setEditingVersion] = useState<number | null>(null);
  const editing = editingVersion === record.version;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Record<string, unknown>>();
  const label = group.label(t);

  if (!editing) {
    const text = groupText(fields, (f) => readValue(record, f));
    return (
      <Flex align="center" gap={4} justify="space-between" style={{ minHeight: 32 }}>
        <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {group.Value ? (
            <group.Value entity={entity} record={record} />
          ) : (
            text || <Typography.Text type="secondary">—</Typography.Text>
          )}
        </span>
        {editable && (
          <Button
            type="text"
            size="small"
            aria-label={t('records.detail.editField', { field: label })}
            onClick={() => {
              form.setFieldsValue(toFormValues(fields, record));
              setError(null);
              setEditingVersion(record.version);
            }}
          >
            ✎
          </Button>
        )}
      </Flex>
    );
  }

  const submit = async () => {
    setSaving(true);
    const problem = await save(fields, form.getFieldsValue(true) as Record<string, unknown>);
    setSaving(false);
    if (problem) setError(problem);
    else setEditingVersion(null);
  };

  return (
    <div onKeyDown={(e) => e.key === 'Escape' && setEditingVersion(null)} style={{ width: '100%' }}>
      <Form form={form} layout="vertical" component={false}>
        <Flex gap={4} align="flex-start" wrap>
          <div style={{ flex: '1 1 220px', minWidth: 0 }}>
            <FieldGroupFormItem entity={entity} group={group} fields={fields} autoFocus inline />
            {error && <Typography.Text type="danger">{error}</Typography.Text>}
          </div>
          <Button type="primary" size="small" loading={saving} onClick={() => void submit()} style={{ marginTop: 4 }}>
            {t('records.save')}
          </Button>
          <Button size="small" disabled={saving} onClick={() => setEditingVersion(null)} style={{ marginTop: 4 }}>
            {t('records.cancel')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
