// 价格试算: pick a customer, products and quantities; the price engine answers each line with its unit price, amount
// and where the price came from (list, quantity break, discount rule), in the user's language.
import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PricedLine, QuoteLinesResponse } from '@guanxi/contracts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { ReferenceSelect } from '../records/ReferenceSelect.tsx';
import { placeFormError } from '../sales/admin/adminForms.ts';
import { useMeta } from '../../platform/meta.ts';
import { quoteLines } from './catalog.api.ts';
import { explainPrice } from './priceExplain.ts';
import { ResponsiveTable } from './ResponsiveTable.tsx';

interface Values {
  customerId?: string;
  date?: Dayjs;
  channelTier?: string;
  lines: { productId?: string; quantity?: string }[];
}

export function PriceCheckPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<QuoteLinesResponse | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const units = useUnits();
  usePageTitle(t('commerce.priceCheck.title'));

  const run = async (values: Values) => {
    setBusy(true);
    setErrors([]);
    try {
      setResult(
        await quoteLines({
          customerId: values.customerId!,
          date: values.date?.format('YYYY-MM-DD'),
          channelTier: values.channelTier?.trim() || undefined,
          lines: values.lines.map((l) => ({ productId: l.productId!, quantity: String(l.quantity ?? '').trim() })),
        }),
      );
    } catch (error) {
      setResult(null);
      setErrors(placeFormError(form, message, t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={2}>{t('commerce.priceCheck.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('commerce.priceCheck.intro')}</Typography.Paragraph>
      <Card>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ date: dayjs(), lines: [{ quantity: '1' }] }}
          onFinish={(values) => void run(values)}
        >
          <Flex wrap style={{ columnGap: 16 }}>
            <Form.Item
              name="customerId"
              label={t('commerce.priceCheck.customer')}
              rules={[{ required: true, message: t('commerce.priceCheck.needCustomer') }]}
              style={{ minWidth: 260, flex: '1 1 260px' }}
            >
              <ReferenceSelect reference="customer" aria-label={t('commerce.priceCheck.customer')} />
            </Form.Item>
            <Form.Item name="date" label={t('commerce.priceCheck.date')} style={{ flex: '0 1 180px' }}>
              <DatePicker allowClear={false} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="channelTier" label={t('commerce.priceCheck.tier')} style={{ flex: '0 1 180px' }}>
              <Input placeholder={t('commerce.priceCheck.tierPlaceholder')} maxLength={50} />
            </Form.Item>
          </Flex>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} align="start" wrap style={{ columnGap: 8 }}>
                    <Form.Item
                      name={[field.name, 'productId']}
                      label={field.name === 0 ? t('commerce.priceCheck.product') : undefined}
                      rules={[{ required: true, message: t('commerce.priceCheck.needProduct') }]}
                      style={{ flex: '1 1 260px', minWidth: 220 }}
                    >
                      <ReferenceSelect reference="product" aria-label={t('commerce.priceCheck.product')} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'quantity']}
                      label={field.name === 0 ? t('commerce.priceCheck.quantity') : undefined}
                      rules={[{ required: true, message: t('commerce.priceCheck.needQuantity') }]}
                      style={{ flex: '0 1 140px' }}
                    >
                      <Input inputMode="decimal" aria-label={t('commerce.priceCheck.quantity')} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        type="link"
                        danger
                        onClick={() => remove(field.name)}
                        style={{ marginTop: field.name === 0 ? 30 : 0 }}
                      >
                        {t('commerce.priceCheck.removeLine')}
                      </Button>
                    )}
                  </Flex>
                ))}
                <Space wrap>
                  <Button onClick={() => add({ quantity: '1' })}>{t('commerce.priceCheck.addLine')}</Button>
                  <Button type="primary" htmlType="submit" loading={busy}>
                    {t('commerce.priceCheck.run')}
                  </Button>
                </Space>
              </>
            )}
          </Form.List>
        </Form>
      </Card>
      {errors.length > 0 && <Alert type="error" showIcon style={{ marginTop: 16 }} message={errors.join(' ')} />}
      {result && (
        <Card style={{ marginTop: 16 }} title={t('commerce.priceCheck.result')} extra={<GradeTag grade={result.customerGrade} />}>
          <ResponsiveTable<PricedLine>
            rowKey={(_, i) => String(i)}
            dataSource={result.lines}
            pagination={false}
            scroll={{ x: 760 }}
            size="middle"
            columns={[
              {
                title: t('commerce.priceCheck.columns.product'),
                render: (_, l) => (
                  <>
                    <div>{l.productName}</div>
                    <Typography.Text type="secondary">{l.sku}</Typography.Text>
                  </>
                ),
              },
              {
                title: t('commerce.priceCheck.columns.quantity'),
                align: 'right',
                render: (_, l) => `${l.quantity} ${units(l.unit)}`,
              },
              { title: t('commerce.priceCheck.columns.listPrice'), dataIndex: 'listPrice', align: 'right' },
              {
                title: t('commerce.priceCheck.columns.unitPrice'),
                dataIndex: 'unitPrice',
                align: 'right',
                render: (v: string) => <strong>{v}</strong>,
              },
              { title: t('commerce.priceCheck.columns.amount'), dataIndex: 'amount', align: 'right' },
              {
                title: t('commerce.priceCheck.columns.explanation'),
                render: (_, l) => <span data-testid="price-explanation">{explainPrice(t, l)}</span>,
              },
            ]}
          />
          <Flex justify="end" gap="middle" style={{ marginTop: 12, fontSize: 16 }}>
            <span>{t('commerce.priceCheck.total')}</span>
            <strong data-testid="price-total">{result.total}</strong>
          </Flex>
        </Card>
      )}
    </>
  );
}

function GradeTag({ grade }: { grade: string | null }) {
  const { t } = useTranslation();
  return <Tag>{grade ? t('commerce.priceCheck.grade', { grade }) : t('commerce.priceCheck.noGrade')}</Tag>;
}

/** A unit's label (件, 台 …) from the product type's metadata. */
function useUnits(): (value: string) => string {
  const meta = useMeta();
  const unit = meta.data?.find((e) => e.name === 'product')?.fields.find((f) => f.name === 'unit');
  return (value) => unit?.options?.find((o) => o.value === value)?.label ?? value;
}
