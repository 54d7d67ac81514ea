// A product category in a dialog: its name, its parent (any other node not below it; the server refuses a cycle
// too) and its order among its siblings.
import { useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProductCategory } from '@guanxi/contracts';
import { showFormError } from '../../platform/formErrors.ts';
import { catalogKeys, saveCategory } from './catalog.api.ts';

interface Values {
  name: string;
  parentId: string | null;
  position: number;
  active: boolean;
}

export function CategoryDialog({
  category,
  categories,
  onClose,
}: {
  category?: ProductCategory;
  categories: ProductCategory[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // Not itself, nor anything whose path runs through it.
  const parents = categories.filter((c) => !category || (c.id !== category.id && !c.path.startsWith(`${category.path} / `)));

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await saveCategory({ ...values, name: values.name.trim(), parentId: values.parentId ?? null }, category);
      await queryClient.invalidateQueries({ queryKey: catalogKeys.categories });
      await queryClient.invalidateQueries({ queryKey: ['referenceOptions', 'productCategory'] });
      void message.success(t('commerce.prices.saved'));
      onClose();
    } catch (error) {
      showFormError(form, message, t, error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={category ? t('commerce.prices.category.editTitle') : t('commerce.prices.category.newTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          name: category?.name ?? '',
          parentId: category?.parentId ?? null,
          position: category?.position ?? 0,
          active: category?.active ?? true,
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="name" label={t('commerce.prices.category.name')} rules={[{ required: true }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="parentId" label={t('commerce.prices.category.parent')}>
          <Select
            options={[
              { value: null, label: t('commerce.prices.category.root') },
              ...parents.map((c) => ({ value: c.id, label: c.path })),
            ]}
          />
        </Form.Item>
        <Flex gap="middle">
          <Form.Item name="position" label={t('commerce.prices.category.position')}>
            <InputNumber min={0} max={10000} />
          </Form.Item>
          <Form.Item name="active" label={t('commerce.prices.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        <Flex justify="end" gap="small">
          <Button onClick={onClose}>{t('commerce.prices.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('commerce.prices.save')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
