// 交付计划 on an order's 执行计划 tab: per order line the planned deliveries (date and quantity) with what has been
// delivered against each (filled from the line's delivered quantity in date order) and their status; those who may
// update the order edit the schedule in place, saved whole with its version, the server's refusals beside the field.
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Delivery, DeliveryPlan } from '@guanxi/contracts';
import { errorMessage, isStale } from '../../../platform/formErrors.ts';
import { placeFormError } from '../../sales/admin/adminForms.ts';
import { ResponsiveTable } from '../ResponsiveTable.tsx';
import { receivablesKeys, saveDeliveryPlan, useDeliveryPlan } from './receivables.api.ts';

const STATUS_COLOR: Record<Delivery['status'], string> = {
  planned: 'default',
  partial: 'orange',
  delivered: 'green',
  overdue: 'red',
};

export function DeliveriesSection({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const plan = useDeliveryPlan(orderId);
  const [editing, setEditing] = useState(false);
  if (plan.isError) return <Alert type="error" showIcon message={errorMessage(t, plan.error)} />;
  if (editing && plan.data) return <DeliveriesForm plan={plan.data} onDone={() => setEditing(false)} />;
  const lineName = new Map((plan.data?.lines ?? []).map((l) => [l.id, l]));
  return (
    <section aria-labelledby="deliveries-title">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={5} id="deliveries-title" style={{ margin: 0 }}>
          {t('commerce.receivables.deliveries.title')}
        </Typography.Title>
        {plan.data?.canEdit && plan.data.lines.length > 0 && (
          <Button onClick={() => setEditing(true)}>{t('commerce.receivables.deliveries.edit')}</Button>
        )}
      </Flex>
      <ResponsiveTable<Delivery>
        size="small"
        rowKey="id"
        loading={plan.isPending}
        dataSource={plan.data?.deliveries ?? []}
        pagination={false}
        locale={{ emptyText: t('commerce.receivables.deliveries.empty') }}
        columns={[
          {
            title: t('commerce.receivables.deliveries.line'),
            key: 'line',
            render: (_, d) => lineName.get(d.orderLineId)?.name ?? '—',
          },
          { title: t('commerce.receivables.deliveries.plannedDate'), dataIndex: 'plannedDate' },
          {
            title: t('commerce.receivables.deliveries.quantity'),
            key: 'quantity',
            align: 'right',
            render: (_, d) => `${d.quantity} ${lineName.get(d.orderLineId)?.unit ?? ''}`.trim(),
          },
          { title: t('commerce.receivables.deliveries.delivered'), dataIndex: 'deliveredQuantity', align: 'right' },
          {
            title: t('commerce.receivables.statusLabel'),
            key: 'status',
            render: (_, d) => <Tag color={STATUS_COLOR[d.status]}>{t(`commerce.receivables.deliveries.status.${d.status}`)}</Tag>,
          },
          { title: t('commerce.receivables.deliveries.note'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
        ]}
      />
    </section>
  );
}

interface Row {
  id?: string;
  orderLineId?: string;
  plannedDate?: Dayjs;
  quantity?: string;
  note?: string;
}

function DeliveriesForm({ plan, onDone }: { plan: DeliveryPlan; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ deliveries: Row[] }>();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const lines = plan.lines.map((l) => ({ value: l.id, label: `${l.name}（${l.quantity}${l.unit ?? ''}）` }));

  const save = async ({ deliveries = [] }: { deliveries?: Row[] }) => {
    setSaving(true);
    setErrors([]);
    try {
      const saved = await saveDeliveryPlan(plan.orderId, plan.version, {
        deliveries: deliveries.map((d) => ({
          ...(d.id ? { id: d.id } : {}),
          orderLineId: d.orderLineId!,
          plannedDate: d.plannedDate!.format('YYYY-MM-DD'),
          quantity: d.quantity!.trim(),
          note: d.note?.trim() || null,
        })),
      });
      queryClient.setQueryData(receivablesKeys.deliveries(plan.orderId), saved);
      void message.success(t('commerce.receivables.saved'));
      onDone();
    } catch (err) {
      if (isStale(err)) {
        void message.warning(t('commerce.receivables.stale'));
        void queryClient.invalidateQueries({ queryKey: receivablesKeys.deliveries(plan.orderId) });
        onDone();
      } else setErrors(placeFormError(form, message, t, err));
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('commerce.receivables.required') }];
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        deliveries: plan.deliveries.map((d) => ({
          id: d.id,
          orderLineId: d.orderLineId,
          plannedDate: dayjs(d.plannedDate),
          quantity: d.quantity,
          note: d.note ?? undefined,
        })),
      }}
      onFinish={(v) => void save(v)}
    >
      <Typography.Title level={5}>{t('commerce.receivables.deliveries.title')}</Typography.Title>
      {errors.map((text) => (
        <Alert key={text} type="error" showIcon message={text} style={{ marginBottom: 12 }} />
      ))}
      <Form.List name="deliveries">
        {(items, { add, remove }) => (
          <>
            {items.map((item, index) => (
              <div
                key={item.key}
                role="group"
                aria-label={t('commerce.receivables.deliveries.nth', { n: index + 1 })}
                style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 12px 0', marginBottom: 8 }}
              >
                <Flex wrap gap="0 8px" align="start">
                  <Form.Item
                    name={[item.name, 'orderLineId']}
                    label={t('commerce.receivables.deliveries.line')}
                    rules={required}
                    style={{ flex: '2 1 200px', minWidth: 0 }}
                  >
                    <Select options={lines} />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'plannedDate']}
                    label={t('commerce.receivables.deliveries.plannedDate')}
                    rules={required}
                    style={{ flex: '1 1 140px' }}
                  >
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'quantity']}
                    label={t('commerce.receivables.deliveries.quantity')}
                    rules={[
                      ...required,
                      { pattern: /^\s*\d{1,14}(\.\d{1,4})?\s*$/, message: t('commerce.receivables.quantityInvalid') },
                    ]}
                    style={{ flex: '1 1 100px' }}
                  >
                    <Input inputMode="decimal" maxLength={19} />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'note']}
                    label={t('commerce.receivables.deliveries.note')}
                    style={{ flex: '2 1 160px' }}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('commerce.receivables.deliveries.remove', { n: index + 1 })}
                    onClick={() => remove(item.name)}
                    style={{ marginTop: 30 }}
                  />
                </Flex>
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ orderLineId: plan.lines[0]?.id })} style={{ marginBottom: 12 }}>
              {t('commerce.receivables.deliveries.add')}
            </Button>
          </>
        )}
      </Form.List>
      <Flex justify="end">
        <Space>
          <Button onClick={onDone}>{t('commerce.receivables.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('commerce.receivables.save')}
          </Button>
        </Space>
      </Flex>
    </Form>
  );
}
