// 费用与利润 on an order's page: the predicted profit (ordered quantities; what the approver sees before approving) and
// the actual one once anything is delivered, each revenue − cost − expenses with its margin; the expenses recorded
// against the order, added and removed by those who may edit it.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Statistic,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ORDER_EXPENSE_KINDS, type OrderExpense, type OrderProfit } from '@guanxi/contracts';
import { errorMessage } from '../../../platform/formErrors.ts';
import type { DetailProps } from '../../records/pageExtensions.ts';
import { ResponsiveTable } from '../ResponsiveTable.tsx';
import { addExpense, deleteExpense, refreshOrder, useOrderExpenses, useOrderProfit } from './orders.api.ts';
import { decimalPattern, money } from './orderFormat.ts';
import { placeErrors } from './placeErrors.ts';

function Figures({ title, figures }: { title: string; figures: OrderProfit['predicted'] }) {
  const { t } = useTranslation();
  const negative = figures.profit.startsWith('-');
  return (
    <Card size="small" title={title}>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Statistic title={t('commerce.orders.profit.revenue')} value={money(figures.revenue)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('commerce.orders.profit.cost')} value={money(figures.cost)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('commerce.orders.profit.expenses')} value={money(figures.expenses)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('commerce.orders.profit.profit')}
            value={money(figures.profit)}
            valueStyle={{ color: negative ? '#cf1322' : '#237804' }}
            suffix={
              figures.marginPercent ? <Typography.Text type="secondary">（{figures.marginPercent}%）</Typography.Text> : null
            }
          />
        </Col>
      </Row>
    </Card>
  );
}

export function OrderProfitTab({ record }: DetailProps) {
  const { t } = useTranslation();
  const profit = useOrderProfit(record.id);
  const expenses = useOrderExpenses(record.id);
  const canEdit = Boolean(record.access?.update);
  if (profit.isError) return <Alert type="error" showIcon message={errorMessage(t, profit.error)} />;
  const p = profit.data;
  return (
    <Flex vertical gap={12}>
      {p ? (
        <>
          <Figures title={t('commerce.orders.profit.predicted')} figures={p.predicted} />
          {p.actual ? (
            <Figures title={t('commerce.orders.profit.actual')} figures={p.actual} />
          ) : (
            <Typography.Text type="secondary">{t('commerce.orders.profit.notDelivered')}</Typography.Text>
          )}
          {p.linesWithoutCost > 0 && (
            <Alert type="info" showIcon message={t('commerce.orders.profit.noCost', { n: p.linesWithoutCost })} />
          )}
        </>
      ) : (
        <Card loading size="small" />
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('commerce.orders.profit.expenseList')}
      </Typography.Title>
      {canEdit && <ExpenseForm orderId={record.id} />}
      <ResponsiveTable<OrderExpense>
        size="small"
        rowKey="id"
        loading={expenses.isPending}
        dataSource={expenses.data ?? []}
        pagination={false}
        locale={{ emptyText: t('commerce.orders.profit.noExpenses') }}
        columns={[
          { key: 'kind', title: t('commerce.orders.profit.kind'), render: (_, e) => t(`commerce.orders.profit.kinds.${e.kind}`) },
          { key: 'amount', title: t('commerce.orders.profit.amount'), align: 'right', render: (_, e) => money(e.amount) },
          { key: 'date', title: t('commerce.orders.profit.date'), dataIndex: 'incurredOn' },
          { key: 'note', title: t('commerce.orders.profit.note'), render: (_, e) => e.note ?? '—' },
          { key: 'by', title: t('commerce.orders.profit.by'), render: (_, e) => e.userName ?? '—' },
          ...(canEdit
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, e: OrderExpense) => <RemoveExpense orderId={record.id} expense={e} />,
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}

function RemoveExpense({ orderId, expense }: { orderId: string; expense: OrderExpense }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return (
    <Popconfirm
      title={t('commerce.orders.profit.confirmRemove')}
      onConfirm={() =>
        deleteExpense(orderId, expense.id)
          .then(() => message.success(t('commerce.orders.profit.removed')))
          .catch((err: unknown) => message.error(errorMessage(t, err)))
          .finally(() => void refreshOrder(queryClient, orderId))
      }
    >
      <Button type="link" danger size="small">
        {t('commerce.orders.profit.remove')}
      </Button>
    </Popconfirm>
  );
}

interface ExpenseValues {
  kind: OrderExpense['kind'];
  amount: string;
  note?: string;
  incurredOn?: Dayjs;
}

function ExpenseForm({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ExpenseValues>();
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  return (
    <Form<ExpenseValues>
      form={form}
      layout="inline"
      initialValues={{ kind: 'freight' }}
      style={{ rowGap: 8 }}
      onFinish={(values) => {
        setSaving(true);
        setErrors([]);
        addExpense(orderId, {
          kind: values.kind,
          amount: values.amount.trim(),
          note: values.note?.trim() || null,
          ...(values.incurredOn ? { incurredOn: values.incurredOn.format('YYYY-MM-DD') } : {}),
        })
          .then(async () => {
            void message.success(t('commerce.orders.profit.added'));
            form.resetFields();
            await refreshOrder(queryClient, orderId);
          })
          .catch((err: unknown) => setErrors(placeErrors(form, t, err)))
          .finally(() => setSaving(false));
      }}
    >
      {errors.map((text) => (
        <Alert key={text} type="error" showIcon message={text} style={{ width: '100%' }} />
      ))}
      <Form.Item name="kind" label={t('commerce.orders.profit.kind')}>
        <Select
          style={{ width: 110 }}
          options={ORDER_EXPENSE_KINDS.map((k) => ({ value: k, label: t(`commerce.orders.profit.kinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('commerce.orders.profit.amount')}
        rules={[
          { required: true, message: t('commerce.orders.lines.required') },
          { pattern: decimalPattern(2), message: t('commerce.orders.lines.numberInvalid', { places: 2 }) },
        ]}
      >
        <Input inputMode="decimal" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="incurredOn" label={t('commerce.orders.profit.date')}>
        <DatePicker style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="note" label={t('commerce.orders.profit.note')}>
        <Input maxLength={300} style={{ width: 180 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('commerce.orders.profit.addExpense')}
      </Button>
    </Form>
  );
}
