// 完成此阶段: the day it happened (完成日期: today unless entered late; no day in the future nor before `notBefore`, the
// order date or an earlier stage's day), a note and an optional amount; on a stage that tracks quantities, this time's
// quantity per line (filled with what is left; a line may be left at 0). The server's refusals go beside the field
// they name.
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OrderLine, OrderStageProgress } from '@guanxi/contracts';
import { ApiError } from '../../../platform/api.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { completeStage } from './orders.api.ts';
import { compareDecimal, decimalPattern } from './orderFormat.ts';

interface Values {
  occurredOn?: Dayjs;
  note?: string;
  amount?: string;
  quantities?: Record<string, string>;
}

export function CompleteStageDialog({
  orderId,
  stage,
  lines,
  notBefore,
  onClose,
}: {
  orderId: string;
  stage: OrderStageProgress;
  lines: OrderLine[];
  /** The earliest day it may have happened (YYYY-MM-DD): the order date, or the day an earlier stage was completed. */
  notBefore?: string | null;
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remaining = new Map(stage.lines.map((l) => [l.orderLineId, l.remaining]));
  const open = lines.filter((l) => compareDecimal(remaining.get(l.id) ?? '0', '0') > 0);

  const save = async (values: Values) => {
    setSaving(true);
    setError(null);
    const picked = stage.tracksQuantity
      ? open
          .map((l) => ({ orderLineId: l.id, quantity: (values.quantities?.[l.id] ?? '').trim() }))
          .filter((l) => l.quantity !== '' && compareDecimal(l.quantity, '0') > 0)
      : undefined;
    if (picked && picked.length === 0) {
      setError(t('commerce.orders.complete.nothing'));
      setSaving(false);
      return;
    }
    try {
      const day = (values.occurredOn ?? dayjs()).format('YYYY-MM-DD');
      await completeStage(orderId, stage.id, {
        occurredOn: day,
        note: values.note?.trim() || null,
        amount: values.amount?.trim() || null,
        ...(picked ? { lines: picked } : {}),
      });
      void message.success(t('commerce.orders.complete.done'));
      onClose(true);
    } catch (err) {
      const details = err instanceof ApiError ? err.details : [];
      const placed = details.flatMap((d) => {
        const m = /^lines\.(\d+)\.quantity$/.exec(d.field ?? '');
        const line = m ? picked?.[Number(m[1])] : undefined;
        return line ? [{ name: ['quantities', line.orderLineId], errors: [d.message] }] : [];
      });
      for (const field of ['amount', 'occurredOn'])
        if (details.some((d) => d.field === field))
          placed.push({ name: [field], errors: [details.find((d) => d.field === field)!.message] });
      form.setFields(placed as Parameters<typeof form.setFields>[0]);
      if (!placed.length) setError(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('commerce.orders.complete.title', { stage: stage.name })}
      okText={t('commerce.orders.complete.ok')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      width={640}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          occurredOn: dayjs(),
          quantities: Object.fromEntries(open.map((l) => [l.id, remaining.get(l.id) ?? ''])),
        }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="occurredOn"
          label={t('commerce.orders.complete.occurredOn')}
          extra={t('commerce.orders.complete.occurredOnHint')}
          rules={[{ required: true, message: t('commerce.orders.complete.occurredOnRequired') }]}
        >
          <DatePicker
            allowClear={false}
            style={{ width: 160 }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day') || (notBefore ? d.isBefore(dayjs(notBefore), 'day') : false)}
          />
        </Form.Item>
        {stage.tracksQuantity ? (
          <>
            <Typography.Text strong>{t('commerce.orders.complete.quantities')}</Typography.Text>
            <Table<OrderLine>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={open}
              style={{ margin: '8px 0 16px' }}
              columns={[
                {
                  title: t('commerce.orders.complete.line'),
                  dataIndex: 'name',
                  render: (name: string, l) => (
                    <>
                      <div>{name}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('commerce.orders.complete.remaining', { n: remaining.get(l.id) })}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  title: t('commerce.orders.complete.quantity'),
                  key: 'quantity',
                  width: 140,
                  render: (_, l) => (
                    <Form.Item
                      name={['quantities', l.id]}
                      style={{ marginBottom: 0 }}
                      rules={[
                        {
                          validator: (_rule, value: string | undefined) =>
                            !value?.trim() ||
                            (decimalPattern(4).test(value) && compareDecimal(value, remaining.get(l.id) ?? '0') <= 0)
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('commerce.orders.complete.quantityInvalid'))),
                        },
                      ]}
                    >
                      <Input inputMode="decimal" aria-label={`${l.name} ${t('commerce.orders.complete.quantity')}`} />
                    </Form.Item>
                  ),
                },
              ]}
            />
          </>
        ) : (
          <Typography.Paragraph type="secondary">{t('commerce.orders.complete.wholeHint')}</Typography.Paragraph>
        )}
        <Form.Item
          name="amount"
          label={t('commerce.orders.complete.amount')}
          rules={[{ pattern: decimalPattern(2), message: t('commerce.orders.lines.numberInvalid', { places: 2 }) }]}
        >
          <Input inputMode="decimal" style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item name="note" label={t('commerce.orders.complete.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
