// 分期收款 on an order's 执行计划 tab: the instalments with what is paid, outstanding and overdue; those who may update
// the order edit the plan in place (the total checked to the fen against the order as typed) or split the order's
// total equally by month. Saved whole with the plan's version (412: reloaded); the server's refusals beside the field.
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Instalment, InstalmentPlan } from '@guanxi/contracts';
import { errorMessage, isStale } from '../../../platform/formErrors.ts';
import { placeFormError } from '../../sales/admin/adminForms.ts';
import { ResponsiveTable } from '../ResponsiveTable.tsx';
import { DunningLetterButton, DunningLetterDialog } from './DunningLetterDialog.tsx';
import { receivablesKeys, saveInstalmentPlan } from './receivables.api.ts';
import { fenDifference, isMoney, sumMoney, yuan } from './receivables.money.ts';

export function InstalmentStatus({ instalment }: { instalment: Pick<Instalment, 'status' | 'daysOverdue'> }) {
  const { t } = useTranslation();
  if (instalment.daysOverdue > 0)
    return <Tag color="red">{t('commerce.receivables.status.overdue', { days: instalment.daysOverdue })}</Tag>;
  const color = { open: 'default', partial: 'orange', paid: 'green', cancelled: 'default' }[instalment.status];
  return <Tag color={color}>{t(`commerce.receivables.status.${instalment.status}`)}</Tag>;
}

export const instalmentTitle = (t: TFunction, i: { position: number; name: string | null }) =>
  i.name ? `${t('commerce.receivables.nth', { n: i.position })} · ${i.name}` : t('commerce.receivables.nth', { n: i.position });

export function InstalmentsSection({ plan, onPay }: { plan: InstalmentPlan; onPay: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [splitting, setSplitting] = useState(false);
  const [dunning, setDunning] = useState<Instalment | null>(null);
  if (editing) return <InstalmentsForm plan={plan} onDone={() => setEditing(false)} />;
  const mismatch = plan.instalments.length > 0 && plan.planTotal !== plan.grossTotal;
  return (
    <section aria-labelledby="instalments-title">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={5} id="instalments-title" style={{ margin: 0 }}>
          {t('commerce.receivables.instalments.title')}
        </Typography.Title>
        {plan.canEdit && (
          <Space wrap>
            <Button onClick={() => setEditing(true)}>{t('commerce.receivables.instalments.edit')}</Button>
            <Button onClick={() => setSplitting(true)}>{t('commerce.receivables.instalments.split')}</Button>
            <Button type="primary" onClick={onPay} disabled={!plan.instalments.some((i) => i.outstanding !== '0.00')}>
              {t('commerce.receivables.payments.record')}
            </Button>
          </Space>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('commerce.receivables.instalments.summary', {
          gross: yuan(plan.grossTotal),
          paid: yuan(plan.paidTotal),
          planned: yuan(plan.planTotal),
        })}
      </Typography.Paragraph>
      {mismatch && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('commerce.receivables.instalments.mismatch')} />
      )}
      <ResponsiveTable<Instalment>
        size="small"
        rowKey="id"
        dataSource={plan.instalments}
        pagination={false}
        locale={{ emptyText: t('commerce.receivables.instalments.empty') }}
        columns={[
          { title: t('commerce.receivables.instalments.instalment'), key: 'title', render: (_, i) => instalmentTitle(t, i) },
          { title: t('commerce.receivables.dueDate'), dataIndex: 'dueDate' },
          { title: t('commerce.receivables.amount'), dataIndex: 'amount', align: 'right', render: yuan },
          { title: t('commerce.receivables.paid'), dataIndex: 'paidAmount', align: 'right', render: yuan },
          { title: t('commerce.receivables.outstanding'), dataIndex: 'outstanding', align: 'right', render: yuan },
          { title: t('commerce.receivables.statusLabel'), key: 'status', render: (_, i) => <InstalmentStatus instalment={i} /> },
          {
            title: '',
            key: 'actions',
            render: (_, i) => (i.daysOverdue > 0 ? <DunningLetterButton onOpen={() => setDunning(i)} /> : null),
          },
        ]}
      />
      {splitting && <SplitDialog plan={plan} onClose={() => setSplitting(false)} />}
      {dunning && (
        <DunningLetterDialog
          orderId={plan.orderId}
          instalmentId={dunning.id}
          title={`${plan.orderNumber} ${instalmentTitle(t, dunning)}`}
          onClose={() => setDunning(null)}
        />
      )}
    </section>
  );
}

function SplitDialog({ plan, onClose }: { plan: InstalmentPlan; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [count, setCount] = useState<number | null>(3);
  const [first, setFirst] = useState<Dayjs | null>(dayjs().add(1, 'month').startOf('month'));
  const [saving, setSaving] = useState(false);
  const paid = plan.instalments.some((i) => i.paidAmount !== '0.00');
  const submit = async () => {
    if (!count || !first) return;
    setSaving(true);
    try {
      const saved = await saveInstalmentPlan(plan.orderId, plan.version, {
        split: { count, firstDueDate: first.format('YYYY-MM-DD') },
      });
      queryClient.setQueryData(receivablesKeys.instalments(plan.orderId), saved);
      void message.success(t('commerce.receivables.saved'));
      onClose();
    } catch (err) {
      void message.error(errorMessage(t, err));
      if (isStale(err)) void queryClient.invalidateQueries({ queryKey: receivablesKeys.instalments(plan.orderId) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('commerce.receivables.instalments.split')}
      okText={t('commerce.receivables.instalments.splitOk')}
      onOk={() => void submit()}
      okButtonProps={{ loading: saving, disabled: paid || !count || !first }}
      onCancel={onClose}
    >
      {paid && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('commerce.receivables.instalments.splitPaid')} />
      )}
      <Form layout="vertical">
        <Form.Item label={t('commerce.receivables.instalments.splitCount')}>
          <InputNumber min={1} max={120} precision={0} value={count} onChange={setCount} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label={t('commerce.receivables.instalments.splitFirst')}>
          <DatePicker value={first} onChange={setFirst} allowClear={false} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        {t('commerce.receivables.instalments.splitNote', { gross: yuan(plan.grossTotal) })}
      </Typography.Text>
    </Modal>
  );
}

interface Row {
  id?: string;
  name?: string;
  dueDate?: Dayjs;
  amount?: string;
  paidAmount?: string;
}

function InstalmentsForm({ plan, onDone }: { plan: InstalmentPlan; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ instalments: Row[] }>();
  const rows = (Form.useWatch('instalments', form) ?? []) as (Row | undefined)[];
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const total = sumMoney(rows.map((r) => r?.amount?.trim()));
  const difference = fenDifference(plan.grossTotal, total);

  const save = async ({ instalments = [] }: { instalments?: Row[] }) => {
    setSaving(true);
    setErrors([]);
    try {
      const saved = await saveInstalmentPlan(plan.orderId, plan.version, {
        instalments: instalments.map((r) => ({
          ...(r.id ? { id: r.id } : {}),
          name: r.name?.trim() || null,
          dueDate: r.dueDate!.format('YYYY-MM-DD'),
          amount: r.amount!.trim(),
        })),
      });
      queryClient.setQueryData(receivablesKeys.instalments(plan.orderId), saved);
      void message.success(t('commerce.receivables.saved'));
      onDone();
    } catch (err) {
      if (isStale(err)) {
        void message.warning(t('commerce.receivables.stale'));
        void queryClient.invalidateQueries({ queryKey: receivablesKeys.instalments(plan.orderId) });
        onDone();
      } else setErrors(placeFormError(form, message, t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        instalments: plan.instalments.map((i) => ({
          id: i.id,
          name: i.name ?? undefined,
          dueDate: dayjs(i.dueDate),
          amount: i.amount,
          paidAmount: i.paidAmount,
        })),
      }}
      onFinish={(v) => void save(v)}
    >
      <Typography.Title level={5}>{t('commerce.receivables.instalments.title')}</Typography.Title>
      {errors.map((text) => (
        <Alert key={text} type="error" showIcon message={text} style={{ marginBottom: 12 }} />
      ))}
      <Form.List name="instalments">
        {(items, { add, remove }) => (
          <>
            {items.map((item, index) => {
              const paid = rows[index]?.paidAmount && rows[index]?.paidAmount !== '0.00' ? rows[index]!.paidAmount! : null;
              const label = t('commerce.receivables.nth', { n: index + 1 });
              return (
                <div
                  key={item.key}
                  role="group"
                  aria-label={label}
                  style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 12px 0', marginBottom: 8 }}
                >
                  <Flex wrap gap="0 8px" align="start">
                    <Typography.Text strong style={{ flex: '0 0 56px', paddingTop: 34 }}>
                      {label}
                    </Typography.Text>
                    <Form.Item
                      name={[item.name, 'name']}
                      label={t('commerce.receivables.instalments.name')}
                      style={{ flex: '1 1 120px' }}
                    >
                      <Input maxLength={50} placeholder={t('commerce.receivables.instalments.namePlaceholder')} />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'dueDate']}
                      label={t('commerce.receivables.dueDate')}
                      rules={[{ required: true, message: t('commerce.receivables.required') }]}
                      style={{ flex: '1 1 140px' }}
                    >
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                    <Form.Item
                      name={[item.name, 'amount']}
                      label={t('commerce.receivables.amount')}
                      rules={[
                        { required: true, message: t('commerce.receivables.moneyInvalid') },
                        {
                          validator: (_, v: string | undefined) =>
                            !v || isMoney(v)
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('commerce.receivables.moneyInvalid'))),
                        },
                      ]}
                      extra={paid ? t('commerce.receivables.instalments.paidNote', { paid: yuan(paid) }) : undefined}
                      style={{ flex: '1 1 130px' }}
                    >
                      <Input inputMode="decimal" maxLength={19} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('commerce.receivables.instalments.remove', { n: index + 1 })}
                      disabled={!!paid}
                      onClick={() => remove(item.name)}
                      style={{ marginTop: 30 }}
                    />
                  </Flex>
                </div>
              );
            })}
            <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 12 }}>
              {t('commerce.receivables.instalments.add')}
            </Button>
          </>
        )}
      </Form.List>
      <Flex wrap gap={8} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Typography.Text type={difference === '0.00' ? 'success' : 'danger'} aria-live="polite">
          {difference === '0.00'
            ? t('commerce.receivables.instalments.balanced', { total: yuan(total) })
            : t('commerce.receivables.instalments.difference', {
                total: yuan(total),
                gross: yuan(plan.grossTotal),
                difference: yuan(difference),
              })}
        </Typography.Text>
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
