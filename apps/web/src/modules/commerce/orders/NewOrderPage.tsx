// 新建订单 (/orders/new): customer, order type, dates, rush and memo, and the lines from the catalogue — created in one
// request as a draft (POST /orders/direct), then its page opens. Opened from a customer's 订单 tab, the customer is set.
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { ReferenceSelect } from '../../records/ReferenceSelect.tsx';
import { recordKeys } from '../../records/records.api.ts';
import { createDirectOrder, useOrderTypes } from './orders.api.ts';
import { emptyLine, OrderLinesEditor, toLinesInput, type LineValues } from './OrderLinesEditor.tsx';
import { placeErrors } from './placeErrors.ts';

interface Values {
  customerId: string;
  orderTypeId?: string;
  orderDate: Dayjs;
  promisedDate?: Dayjs;
  rush?: boolean;
  memo?: string;
  lines: LineValues[];
}

export function NewOrderPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const types = useOrderTypes();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  usePageTitle(t('commerce.orders.create.title'));
  const defaultType = types.data?.find((x) => x.isDefault)?.id;

  const save = async (values: Values) => {
    setSaving(true);
    setErrors([]);
    try {
      const created = await createDirectOrder({
        customerId: values.customerId,
        orderTypeId: values.orderTypeId ?? null,
        orderDate: values.orderDate.format('YYYY-MM-DD'),
        promisedDate: values.promisedDate ? values.promisedDate.format('YYYY-MM-DD') : null,
        rush: Boolean(values.rush),
        memo: values.memo?.trim() || null,
        lines: toLinesInput(values.lines),
      });
      void message.success(t('commerce.orders.create.saved'));
      await queryClient.invalidateQueries({ queryKey: recordKeys.type('orders') });
      void navigate(`/orders/${created.id}`);
    } catch (err) {
      setErrors(placeErrors(form, t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={t('commerce.orders.create.title')}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ customerId: params.get('customerId') ?? undefined, orderDate: dayjs(), lines: [emptyLine()] }}
        onFinish={(v) => void save(v)}
        scrollToFirstError
      >
        {errors.map((text) => (
          <Alert key={text} type="error" showIcon message={text} style={{ marginBottom: 12 }} />
        ))}
        <Flex wrap gap={12}>
          <Form.Item
            name="customerId"
            label={t('commerce.orders.create.customer')}
            rules={[{ required: true, message: t('commerce.orders.create.required') }]}
            style={{ flex: '2 1 260px' }}
          >
            <ReferenceSelect
              reference="customer"
              title={params.get('customerName') ?? undefined}
              placeholder={t('commerce.orders.create.customerPlaceholder')}
            />
          </Form.Item>
          <Form.Item name="orderTypeId" label={t('commerce.orders.create.type')} style={{ flex: '1 1 160px' }}>
            <Select
              placeholder={types.data?.find((x) => x.id === defaultType)?.name}
              options={(types.data ?? []).filter((x) => x.active).map((x) => ({ value: x.id, label: x.name }))}
              allowClear
            />
          </Form.Item>
          <Form.Item
            name="orderDate"
            label={t('commerce.orders.create.orderDate')}
            rules={[{ required: true }]}
            style={{ flex: '1 1 140px' }}
          >
            <DatePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
          <Form.Item name="promisedDate" label={t('commerce.orders.create.promisedDate')} style={{ flex: '1 1 140px' }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="memo" label={t('commerce.orders.create.memo')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="rush" valuePropName="checked">
          <Checkbox>{t('commerce.orders.create.rush')}</Checkbox>
        </Form.Item>
        <Typography.Title level={5}>{t('commerce.orders.create.lines')}</Typography.Title>
        <OrderLinesEditor />
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('commerce.orders.create.save')}
          </Button>
          <Button onClick={() => void navigate(-1)}>{t('commerce.orders.lines.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
