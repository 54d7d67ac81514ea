// 号码与证件 on the customer card: every phone, plate, policy number, tax number … of the customer and its
// contacts, the contact each belongs to, and — for those who may edit the customer — add and remove.
import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Popconfirm, Select, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api.ts';
import { showFormError } from '../../platform/formErrors.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import type { DetailProps } from '../records/pageExtensions.ts';
import { recordKeys, useRelated } from '../records/records.api.ts';
import { customerKeys, useIdentifiers, useIdentifierTypes, type Identifier } from './customers.api.ts';

interface AddValues {
  type: string;
  value: string;
  contactId?: string;
}

export function IdentifiersPanel({ entity, record }: DetailProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const types = useIdentifierTypes();
  const identifiers = useIdentifiers(record.id);
  const contacts = useRelated(entity.plural, record.id, 'contacts');
  const [form] = Form.useForm<AddValues>();
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const editable = record.access?.update ?? false;
  const typeLabel = (key: string) => types.data?.find((t) => t.key === key)?.label ?? key;
  const contactName = (id: string | null) =>
    id ? String(contacts.data?.items.find((c) => c.id === id)?.name ?? t('customers.identifiers.contact')) : null;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: customerKeys.identifiers(record.id) }),
      queryClient.invalidateQueries({ queryKey: recordKeys.history(entity.plural, record.id) }),
    ]);

  const add = async (values: AddValues) => {
    setSaving(true);
    try {
      await api.post(`/customers/${record.id}/identifiers`, values);
      form.resetFields();
      setAdding(false);
      await refresh();
      void message.success(t('customers.identifiers.added'));
    } catch (err) {
      showFormError(form, message, t, err);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (identifier: Identifier) => {
    try {
      await api.delete(`/customers/${record.id}/identifiers/${identifier.id}`);
      await refresh();
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };

  return (
    <Card
      size="small"
      title={t('customers.identifiers.title')}
      style={{ marginBottom: 16 }}
      extra={
        editable &&
        !adding && (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('customers.identifiers.add')}
          </Button>
        )
      }
    >
      {identifiers.data?.length === 0 && !adding && (
        <Typography.Text type="secondary">{t('customers.identifiers.empty')}</Typography.Text>
      )}
      <Flex wrap gap={8}>
        {identifiers.data?.map((identifier) => (
          <Tag key={identifier.id} style={{ padding: '4px 8px', fontSize: 14, marginInlineEnd: 0 }}>
            <Typography.Text type="secondary">{typeLabel(identifier.type)}</Typography.Text> {identifier.value}
            {identifier.contactId && <Typography.Text type="secondary"> · {contactName(identifier.contactId)}</Typography.Text>}
            {editable && (
              <Popconfirm
                title={t('customers.identifiers.removeTitle', { value: identifier.value })}
                okText={t('records.delete')}
                cancelText={t('records.cancel')}
                onConfirm={() => remove(identifier)}
              >
                <Button
                  type="text"
                  size="small"
                  aria-label={t('customers.identifiers.remove', { value: identifier.value })}
                  style={{ marginInlineStart: 4 }}
                >
                  ✕
                </Button>
              </Popconfirm>
            )}
          </Tag>
        ))}
      </Flex>
      {adding && (
        <Form
          form={form}
          layout="inline"
          onFinish={(values) => void add(values)}
          style={{ marginTop: 12, rowGap: 8 }}
          initialValues={{ type: 'mobile' }}
        >
          <Form.Item name="type" label={t('customers.identifiers.type')} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={(types.data ?? []).map((type) => ({ value: type.key, label: type.label }))} />
          </Form.Item>
          <Form.Item
            name="value"
            label={t('customers.identifiers.value')}
            rules={[{ required: true, whitespace: true, message: t('customers.identifiers.valueRequired') }]}
          >
            <Input style={{ width: 200 }} maxLength={100} autoFocus />
          </Form.Item>
          {(contacts.data?.items.length ?? 0) > 0 && (
            <Form.Item name="contactId" label={t('customers.identifiers.contact')}>
              <Select
                allowClear
                style={{ width: 160 }}
                placeholder={t('customers.identifiers.ofCustomer')}
                options={contacts.data!.items.map((c) => ({ value: c.id, label: String(c.name) }))}
              />
            </Form.Item>
          )}
          <Form.Item>
            <Flex gap={8}>
              <Button type="primary" htmlType="submit" loading={saving}>
                {t('records.save')}
              </Button>
              <Button onClick={() => setAdding(false)}>{t('records.cancel')}</Button>
            </Flex>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
