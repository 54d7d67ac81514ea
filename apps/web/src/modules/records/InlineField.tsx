// One field on the detail page that its reader may edit in place: the value with an edit button; in edit mode
// the field's control with save and cancel (Enter saves, Esc cancels). Saving goes through the page's `save`.
import { useState } from 'react';
import { Button, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '@guanxi/contracts';
import { FieldInput } from './FieldInput.tsx';
import { FieldValue } from './FieldValue.tsx';
import { formPath, toFormValues } from './fieldValues.ts';
import type { ApiRecord } from './records.api.ts';

interface Props {
  record: ApiRecord;
  field: FieldMeta;
  /** The record type's URL segment (tag suggestions come from its records). */
  plural: string;
  editable: boolean;
  /** Saves the form values of this one field; resolves to the field's error message, or null when saved. */
  save: (field: FieldMeta, values: Record<string, unknown>) => Promise<string | null>;
}

export function InlineField({ record, field, plural, editable, save }: Props) {
  const { t } = useTranslation();
  // The editor belongs to the version it was opened on: a save or a reload after a conflict closes it.
  const [editingVersion, setEditingVersion] = useState<number | null>(null);
  const editing = editingVersion === record.version;
  const setEditing = (open: boolean) => setEditingVersion(open ? record.version : null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Record<string, unknown>>();

  if (!editing)
    return (
      <Flex align="center" gap={4} justify="space-between" style={{ minHeight: 32 }}>
        <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          <FieldValue record={record} field={field} />
        </span>
        {editable && (
          <Button
            type="text"
            size="small"
            aria-label={t('records.detail.editField', { field: field.label })}
            onClick={() => {
              form.setFieldsValue(toFormValues([field], record));
              setEditing(true);
            }}
          >
            ✎
          </Button>
        )}
      </Flex>
    );

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    const error = await save(field, values);
    setSaving(false);
    if (error) form.setFields([{ name: formPath(field), errors: [error] }]);
    else setEditing(false);
  };
  const title = (record.titles as Record<string, string> | undefined)?.[field.name];

  return (
    <div
      onKeyDown={(e) => {
        if (e.key === 'Escape') setEditing(false);
        // Enter in an open dropdown picks an option; only a plain input's Enter saves.
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.getAttribute('role') !== 'combobox') {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <Form form={form} component={false}>
        <Flex gap={4} align="flex-start" wrap>
          <Form.Item
            name={formPath(field)}
            valuePropName={field.type === 'boolean' ? 'checked' : 'value'}
            rules={field.required ? [{ required: true, message: t('records.form.required', { field: field.label }) }] : []}
            style={{ flex: '1 1 180px', marginBottom: 0, minWidth: 0 }}
          >
            <FieldInput field={field} plural={plural} title={title} autoFocus />
          </Form.Item>
          <Button type="primary" size="small" loading={saving} onClick={() => void submit()} style={{ marginTop: 4 }}>
            {t('records.save')}
          </Button>
          <Button size="small" disabled={saving} onClick={() => setEditing(false)} style={{ marginTop: 4 }}>
            {t('records.cancel')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
