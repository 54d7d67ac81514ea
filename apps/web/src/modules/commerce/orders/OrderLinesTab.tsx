// 订单明细 on an order's page: the lines with price, discount, tax, amount, cost, delivered quantity and batch, and the
// totals to the fen as the server computed them. While the order is a draft, those who may edit it change the lines
// in place (saved whole with the order's version; 412 reloads).
import { useState } from 'react';
import { Alert, App, Button, Descriptions, Flex, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrderLine, OrderLines } from '@guanxi/contracts';
import { errorMessage, isStale } from '../../../platform/formErrors.ts';
import type { DetailProps } from '../../records/pageExtensions.ts';
import { ResponsiveTable } from '../ResponsiveTable.tsx';
import { refreshOrder, saveOrderLines, useOrderLines } from './orders.api.ts';
import { money } from './orderFormat.ts';
import { lineValuesOf, OrderLinesEditor, toLinesInput, type LineValues } from './OrderLinesEditor.tsx';
import { placeErrors } from './placeErrors.ts';
import { useUnitLabel } from '../useUnitLabel.ts';
import { decimalPattern } from './orderFormat.ts';

export function OrderLinesTab({ record }: DetailProps) {
  const { t } = useTranslation();
  const lines = useOrderLines(record.id);
  const [editing, setEditing] = useState(false);
  const unitLabel = useUnitLabel();
  if (lines.isError) return <Alert type="error" showIcon message={errorMessage(t, lines.error)} />;
  const data = lines.data;
  if (editing && data) return <LinesForm id={record.id} version={record.version} lines={data} onDone={() => setEditing(false)} />;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{data && !data.editable ? t('commerce.orders.lines.locked') : ''}</Typography.Text>
        {data?.editable && record.access?.update && (
          <Button onClick={() => setEditing(true)}>{t('commerce.orders.lines.edit')}</Button>
        )}
      </Flex>
      <ResponsiveTable<OrderLine>
        size="small"
        rowKey="id"
        loading={lines.isPending}
        dataSource={data?.lines ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('commerce.orders.lines.empty') }}
        columns={[
          { key: 'name', title: t('commerce.orders.lines.name'), render: (_, l) => (l.sku ? `${l.sku} · ${l.name}` : l.name) },
          {
            key: 'quantity',
            title: t('commerce.orders.lines.quantity'),
            align: 'right',
            render: (_, l) => `${l.quantity} ${unitLabel(l.unit)}`.trim(),
          },
          { key: 'unitPrice', title: t('commerce.orders.lines.unitPrice'), align: 'right', render: (_, l) => money(l.unitPrice) },
          {
            key: 'discount',
            title: t('commerce.orders.lines.discount'),
            align: 'right',
            render: (_, l) =>
              l.discount ? (l.discount.kind === 'percent' ? `${l.discount.value}%` : `¥${money(l.discount.value)}`) : '—',
          },
          { key: 'taxRate', title: t('commerce.orders.lines.taxRate'), align: 'right', render: (_, l) => `${l.taxRate}%` },
          { key: 'gross', title: t('commerce.orders.lines.gross'), align: 'right', render: (_, l) => money(l.gross) },
          { key: 'unitCost', title: t('commerce.orders.lines.unitCost'), align: 'right', render: (_, l) => money(l.unitCost) },
          { key: 'supplier', title: t('commerce.orders.lines.supplier'), render: (_, l) => l.supplier ?? '—' },
          {
            key: 'delivered',
            title: t('commerce.orders.lines.delivered'),
            align: 'right',
            render: (_, l) => l.deliveredQuantity,
          },
          { key: 'batch', title: t('commerce.orders.lines.batch'), render: (_, l) => l.batchNumber ?? '—' },
        ]}
      />
      {data && <Totals lines={data} />}
    </>
  );
}

function Totals({ lines }: { lines: OrderLines }) {
  const { t } = useTranslation();
  const x = lines.totals;
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, md: 5 }}
      style={{ marginTop: 12 }}
      items={[
        { key: 'subtotal', label: t('commerce.orders.lines.subtotal'), children: money(x.subtotal) },
        { key: 'discount', label: t('commerce.orders.lines.discountTotal'), children: money(x.discountTotal) },
        { key: 'net', label: t('commerce.orders.lines.net'), children: money(x.netTotal) },
        { key: 'tax', label: t('commerce.orders.lines.tax'), children: money(x.taxTotal) },
        {
          key: 'gross',
          label: t('commerce.orders.lines.grossTotal'),
          children: (
            <Typography.Text strong data-testid="order-gross">
              ¥{money(x.grossTotal)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

function LinesForm({ id, version, lines, onDone }: { id: string; version: number; lines: OrderLines; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ lines: LineValues[]; totalDiscount?: string }>();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const save = async (values: { lines: LineValues[]; totalDiscount?: string }) => {
    setSaving(true);
    setErrors([]);
    try {
      await saveOrderLines(id, version, {
        lines: toLinesInput(values.lines),
        totalDiscount: values.totalDiscount?.trim() ? { kind: 'amount', value: values.totalDiscount.trim() } : null,
      });
      void message.success(t('commerce.orders.lines.saved'));
      await refreshOrder(queryClient, id);
      onDone();
    } catch (err) {
      if (isStale(err)) {
        void message.warning(t('commerce.orders.lines.stale'));
        await refreshOrder(queryClient, id);
        onDone();
      } else setErrors(placeErrors(form, t, err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        lines: lines.lines.map(lineValuesOf),
        totalDiscount: lines.totalDiscount?.kind === 'amount' ? lines.totalDiscount.value : undefined,
      }}
      onFinish={(v) => void save(v)}
    >
      {errors.map((text) => (
        <Alert key={text} type="error" showIcon message={text} style={{ marginBottom: 12 }} />
      ))}
      <OrderLinesEditor />
      <Form.Item
        name="totalDiscount"
        label={t('commerce.orders.lines.totalDiscount')}
        rules={[{ pattern: decimalPattern(2), message: t('commerce.orders.lines.numberInvalid', { places: 2 }) }]}
        style={{ maxWidth: 220, marginTop: 12 }}
      >
        <Input inputMode="decimal" />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('commerce.orders.lines.save')}
        </Button>
        <Button onClick={onDone}>{t('commerce.orders.lines.cancel')}</Button>
      </Flex>
    </Form>
  );
}
