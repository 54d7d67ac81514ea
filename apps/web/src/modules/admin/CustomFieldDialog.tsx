// Add a custom field (key, type, labels in three languages, options or reference target, required) or edit
// one: after creation only labels, options and "required" can change.
import { App, Button, Checkbox, Flex, Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition, FieldType, LocalizedText } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { metaKey, useMeta } from '../../platform/meta.ts';
import { adminKeys, type CreateCustomFieldBody, type UpdateCustomFieldBody } from './admin.api.ts';
import { adminZhCN } from './admin.messages.zh-CN.ts';
import { FormDialog } from './FormDialog.tsx';
import { isStale, showFormError } from '../../platform/formErrors.ts';

// Every field type has a name in the messages (checked there against the contracts), so the list comes from them.
const FIELD_TYPES = Object.keys(adminZhCN.fieldTypes) as FieldType[];
const WITH_OPTIONS = new Set<FieldType>(['select', 'multiSelect']);

interface Values {
  key: string;
  type: FieldType;
  label: LocalizedText;
  options?: { value: string; label: LocalizedText }[];
  reference?: string;
  required?: boolean;
}

const trimLabel = (label: LocalizedText): LocalizedText => ({
  'zh-CN': label['zh-CN'],
  ...(label['zh-TW'] ? { 'zh-TW': label['zh-TW'] } : {}),
  ...(label.en ? { en: label.en } : {}),
});

export function CustomFieldDialog({
  recordType,
  field,
  onClose,
}: {
  recordType: string;
  field?: CustomFieldDefinition;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const meta = useMeta();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) ?? field?.type;

  const save = useMutation({
    mutationFn: (values: Values) => {
      const options = WITH_OPTIONS.has(values.type ?? field!.type)
        ? (values.options ?? []).map((o) => ({ value: o.value, label: trimLabel(o.label) }))
        : undefined;
      if (field) {
        const body: UpdateCustomFieldBody = { label: trimLabel(values.label), options, required: !!values.required };
        return api.patch(`/custom-fields/${field.id}`, body, { ifMatch: field.version });
      }
      const body: CreateCustomFieldBody = {
        recordType,
        key: values.key,
        type: values.type,
        label: trimLabel(values.label),
        options,
        reference: values.type === 'reference' ? values.reference : undefined,
        required: !!values.required,
      };
      return api.post('/custom-fields', body);
    },
    onSuccess: () => {
      void message.success(t('admin.common.saved'));
      void queryClient.invalidateQueries({ queryKey: adminKeys.customFields(recordType) });
      void queryClient.invalidateQueries({ queryKey: metaKey });
      onClose();
    },
    onError: (error) => {
      if (!isStale(error)) return showFormError(form, message, t, error);
      void message.warning(t('admin.common.staleReloaded'));
      void queryClient.invalidateQueries({ queryKey: adminKeys.customFields(recordType) });
      onClose();
    },
  });

  return (
    <FormDialog
      title={field ? t('admin.customFields.editTitle', { name: field.label['zh-CN'] }) : t('admin.customFields.createTitle')}
      saving={save.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          field ? { ...field, reference: field.reference ?? undefined } : { type: 'text', required: false, options: [] }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Flex wrap gap={16}>
          <Form.Item
            name="key"
            label={t('admin.customFields.key')}
            extra={field ? undefined : t('admin.customFields.keyHelp')}
            rules={[
              { required: true, message: t('admin.customFields.keyRequired') },
              { pattern: /^[a-z][a-zA-Z0-9_]{0,39}$/, message: t('admin.customFields.keyInvalid') },
            ]}
            style={{ flex: '1 1 200px' }}
          >
            <Input disabled={!!field} maxLength={40} />
          </Form.Item>
          <Form.Item name="type" label={t('admin.customFields.type')} style={{ flex: '1 1 160px' }}>
            <Select disabled={!!field} options={FIELD_TYPES.map((value) => ({ value, label: t(`admin.fieldTypes.${value}`) }))} />
          </Form.Item>
        </Flex>
        <Flex wrap gap={16}>
          <Form.Item
            name={['label', 'zh-CN']}
            label={t('admin.customFields.labelZhCN')}
            rules={[{ required: true, whitespace: true, message: t('admin.customFields.labelRequired') }]}
            style={{ flex: '1 1 160px' }}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name={['label', 'zh-TW']} label={t('admin.customFields.labelZhTW')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name={['label', 'en']} label={t('admin.customFields.labelEn')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        {type === 'reference' && (
          <Form.Item
            name="reference"
            label={t('admin.customFields.reference')}
            rules={[{ required: true, message: t('admin.customFields.referenceRequired') }]}
          >
            <Select
              disabled={!!field}
              options={(meta.data ?? []).map((entity) => ({ value: entity.name, label: entity.label }))}
            />
          </Form.Item>
        )}
        {type && WITH_OPTIONS.has(type) && <OptionsList />}
        <Form.Item name="required" valuePropName="checked">
          <Checkbox>{t('admin.customFields.requiredCheck')}</Checkbox>
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

function OptionsList() {
  const { t } = useTranslation();
  return (
    <Form.List name="options">
      {(rows, { add, remove }) => (
        <Form.Item label={t('admin.customFields.options')}>
          {rows.map((row) => (
            <Flex key={row.key} wrap gap={8} align="start">
              <Form.Item
                name={[row.name, 'value']}
                rules={[{ required: true, message: t('admin.customFields.optionValueRequired') }]}
                style={{ flex: '1 1 100px' }}
              >
                <Input placeholder={t('admin.customFields.optionValue')} maxLength={64} />
              </Form.Item>
              <Form.Item
                name={[row.name, 'label', 'zh-CN']}
                rules={[{ required: true, message: t('admin.customFields.labelRequired') }]}
                style={{ flex: '1 1 100px' }}
              >
                <Input placeholder={t('admin.customFields.labelZhCN')} maxLength={100} />
              </Form.Item>
              <Form.Item name={[row.name, 'label', 'zh-TW']} style={{ flex: '1 1 100px' }}>
                <Input placeholder={t('admin.customFields.labelZhTW')} maxLength={100} />
              </Form.Item>
              <Form.Item name={[row.name, 'label', 'en']} style={{ flex: '1 1 100px' }}>
                <Input placeholder={t('admin.customFields.labelEn')} maxLength={100} />
              </Form.Item>
              <Button type="link" danger onClick={() => remove(row.name)}>
                {t('admin.common.remove')}
              </Button>
            </Flex>
          ))}
          <Button type="dashed" onClick={() => add({ value: '', label: { 'zh-CN': '' } })} block>
            {t('admin.customFields.addOption')}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}
