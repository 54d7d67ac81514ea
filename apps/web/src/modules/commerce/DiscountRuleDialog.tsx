// A discount rule in a dialog: a percentage off for every product, one product or a category and its subcategories,
// optionally only for one customer grade and from a quantity on, within validity dates.
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Modal, Radio, Select, Switch } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DiscountRule, DiscountRuleInput } from '@guanxi/contracts';
import { ReferenceSelect } from '../records/ReferenceSelect.tsx';
import { placeFormError } from '../sales/admin/adminForms.ts';
import { catalogKeys, saveDiscountRule, useProductCategories } from './catalog.api.ts';
import { GRADES } from './PriceListDialog.tsx';

interface Values {
  name: string;
  percent: string;
  target: 'all' | 'product' | 'category';
  productId?: string | null;
  categoryId?: string | null;
  customerGrade?: string | null;
  minQuantity?: string | null;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  active: boolean;
}

const toValues = (rule?: DiscountRule): Values =>
  rule
    ? {
        name: rule.name,
        percent: rule.percent,
        target: rule.productId ? 'product' : rule.categoryId ? 'category' : 'all',
        productId: rule.productId,
        categoryId: rule.categoryId,
        customerGrade: rule.customerGrade,
        minQuantity: rule.minQuantity,
        validFrom: rule.validFrom ? dayjs(rule.validFrom) : null,
        validTo: rule.validTo ? dayjs(rule.validTo) : null,
        active: rule.active,
      }
    : { name: '', percent: '', target: 'all', active: true };

const toInput = (v: Values): DiscountRuleInput => ({
  name: v.name.trim(),
  percent: String(v.percent ?? '').trim(),
  productId: v.target === 'product' ? (v.productId ?? null) : null,
  categoryId: v.target === 'category' ? (v.categoryId ?? null) : null,
  customerGrade: v.customerGrade ?? null,
  minQuantity: v.minQuantity ? String(v.minQuantity).trim() : null,
  validFrom: v.validFrom ? v.validFrom.format('YYYY-MM-DD') : null,
  validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : null,
  active: v.active,
});

export function DiscountRuleDialog({ rule, onClose }: { rule?: DiscountRule; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const categories = useProductCategories();
  const [form] = Form.useForm<Values>();
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const target = Form.useWatch('target', form) ?? toValues(rule).target;

  const submit = async (values: Values) => {
    setSaving(true);
    setErrors([]);
    try {
      await saveDiscountRule(toInput(values), rule);
      await queryClient.invalidateQueries({ queryKey: catalogKeys.discountRules });
      void message.success(t('commerce.prices.saved'));
      onClose();
    } catch (error) {
      setErrors(placeFormError(form, message, t, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={rule ? t('commerce.prices.rule.editTitle') : t('commerce.prices.rule.newTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={toValues(rule)} onFinish={(v) => void submit(v)}>
        <Flex gap="middle" wrap>
          <Form.Item
            name="name"
            label={t('commerce.prices.rule.name')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 240px' }}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="percent"
            label={t('commerce.prices.rule.percent')}
            rules={[{ required: true }]}
            style={{ flex: '0 1 140px' }}
          >
            <Input inputMode="decimal" />
          </Form.Item>
        </Flex>
        <Form.Item name="target" label={t('commerce.prices.rule.target')}>
          <Radio.Group
            options={[
              { value: 'all', label: t('commerce.prices.rule.targetAll') },
              { value: 'product', label: t('commerce.prices.rule.targetProduct') },
              { value: 'category', label: t('commerce.prices.rule.targetCategory') },
            ]}
          />
        </Form.Item>
        {target === 'product' && (
          <Form.Item name="productId" label={t('commerce.prices.rule.product')} rules={[{ required: true }]}>
            <ReferenceSelect reference="product" title={rule?.productName ?? undefined} />
          </Form.Item>
        )}
        {target === 'category' && (
          <Form.Item name="categoryId" label={t('commerce.prices.rule.category')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={categories.isPending}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.path }))}
            />
          </Form.Item>
        )}
        <Flex gap="middle" wrap>
          <Form.Item name="customerGrade" label={t('commerce.prices.rule.grade')} style={{ flex: '0 1 160px' }}>
            <Select
              allowClear
              placeholder={t('commerce.prices.rule.anyGrade')}
              options={GRADES.map((g) => ({ value: g, label: g }))}
            />
          </Form.Item>
          <Form.Item name="minQuantity" label={t('commerce.prices.rule.minQuantity')} style={{ flex: '0 1 140px' }}>
            <Input inputMode="decimal" />
          </Form.Item>
          <Form.Item name="validFrom" label={t('commerce.prices.rule.validFrom')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="validTo" label={t('commerce.prices.rule.validTo')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="active" label={t('commerce.prices.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
        {errors.length > 0 && <Alert type="error" showIcon message={errors.join(' ')} />}
        <Flex justify="end" gap="small" style={{ marginTop: 16 }}>
          <Button onClick={onClose}>{t('commerce.prices.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('commerce.prices.save')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
