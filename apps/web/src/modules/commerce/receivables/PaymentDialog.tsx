// 登记收款: a payment for an order. As the amount is typed the server's preview shows which instalments it pays (the
// oldest due first); more than is outstanding is recorded only when the excess is kept as the customer's credit
// (预收款). A refusal (another payment got there first) shows the server's words.
import { useEffect, useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Form, Input, List, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS, type PaymentInput, type PaymentMethod, type PaymentPreview } from '@guanxi/contracts';
import { ApiError } from '../../../platform/api.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { instalmentTitle } from './InstalmentsSection.tsx';
import { previewPayment, receivablesKeys, recordPayment } from './receivables.api.ts';
import { isMoney, yuan } from './receivables.money.ts';

interface Values {
  amount: string;
  receivedOn: Dayjs;
  method: PaymentMethod;
  reference?: string;
  note?: string;
}

export function PaymentDialog({ orderId, customerId, onClose }: { orderId: string; customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const amount = (Form.useWatch('amount', form) ?? '').trim();
  const method = Form.useWatch('method', form) ?? 'bank';
  const [preview, setPreview] = useState<PaymentPreview | null>(null);
  const [credit, setCredit] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const bodyOf = (v: Pick<Values, 'amount' | 'method'> & Partial<Values>): PaymentInput => ({
    customerId,
    orderId,
    amount: v.amount.trim(),
    receivedOn: (v.receivedOn ?? dayjs()).format('YYYY-MM-DD'),
    method: v.method,
    reference: v.reference?.trim() || null,
    note: v.note?.trim() || null,
    ...(credit && v.method !== 'credit' ? { holdExcessAsCredit: true } : {}),
  });

  useEffect(() => {
    if (!isMoney(amount) || Number(amount) <= 0) return setPreview(null);
    let live = true;
    const timer = setTimeout(() => {
      previewPayment(bodyOf({ amount, method }))
        .then((p) => live && setPreview(p))
        .catch(() => live && setPreview(null));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [amount, method]);

  const excess = preview && preview.excess !== '0.00' ? preview.excess : null;
  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const payment = await recordPayment(bodyOf(values));
      void message.success(t('commerce.receivables.payments.recorded', { number: payment.number }));
      void queryClient.invalidateQueries({ queryKey: receivablesKeys.all });
      onClose();
    } catch (err) {
      setError(errorMessage(t, err));
      if (err instanceof ApiError && err.status === 409) void queryClient.invalidateQueries({ queryKey: receivablesKeys.all });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('commerce.receivables.payments.record')}
      okText={t('commerce.receivables.payments.recordOk')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: saving, disabled: !!excess && !credit && method !== 'credit' }}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ receivedOn: dayjs(), method: 'bank' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="amount"
          label={t('commerce.receivables.payments.amount')}
          rules={[
            { required: true, message: t('commerce.receivables.moneyInvalid') },
            {
              validator: (_, v: string | undefined) =>
                !v || isMoney(v) ? Promise.resolve() : Promise.reject(new Error(t('commerce.receivables.moneyInvalid'))),
            },
          ]}
        >
          <Input inputMode="decimal" maxLength={19} prefix="¥" autoFocus />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('commerce.receivables.payments.receivedOn')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="method" label={t('commerce.receivables.payments.method')}>
          <Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`commerce.receivables.methods.${m}`) }))} />
        </Form.Item>
        <Form.Item name="reference" label={t('commerce.receivables.payments.reference')}>
          <Input maxLength={100} placeholder={t('commerce.receivables.payments.referencePlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('commerce.receivables.payments.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
      {preview && (
        <div aria-live="polite">
          <Typography.Text strong>{t('commerce.receivables.payments.allocation')}</Typography.Text>
          <List
            size="small"
            dataSource={preview.allocations}
            locale={{ emptyText: t('commerce.receivables.payments.nothingOpen') }}
            renderItem={(a) => (
              <List.Item extra={yuan(a.amount)}>
                {instalmentTitle(t, a)} · {t('commerce.receivables.payments.due', { date: a.dueDate })}
              </List.Item>
            )}
          />
          {method === 'credit' && (
            <Typography.Text type="secondary">
              {t('commerce.receivables.payments.creditAvailable', { credit: yuan(preview.availableCredit) })}
            </Typography.Text>
          )}
          {excess && method !== 'credit' && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              message={t('commerce.receivables.payments.excess', {
                outstanding: yuan(preview.outstanding),
                excess: yuan(excess),
              })}
              description={
                <Checkbox checked={credit} onChange={(e) => setCredit(e.target.checked)}>
                  {t('commerce.receivables.payments.holdAsCredit', { excess: yuan(excess) })}
                </Checkbox>
              }
            />
          )}
        </div>
      )}
    </Modal>
  );
}
