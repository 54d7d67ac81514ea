// 退回阶段 (for those with the reopen right): the stage to go back to and why; it and every later stage start again.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStageProgress } from '@guanxi/contracts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { reopenStage } from './orders.api.ts';

export function ReopenStageDialog({
  orderId,
  stages,
  onClose,
}: {
  orderId: string;
  stages: OrderStageProgress[];
  onClose: (done: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ stageId: string; note?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('commerce.orders.reopen.title')}
      okText={t('commerce.orders.reopen.ok')}
      okButtonProps={{ danger: true }}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t('commerce.orders.reopen.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ stageId: stages[stages.length - 1]?.id }}
        onFinish={(values) => {
          setSaving(true);
          setError(null);
          reopenStage(orderId, values.stageId, values.note?.trim() || null)
            .then(() => {
              void message.success(t('commerce.orders.reopen.done'));
              onClose(true);
            })
            .catch((err: unknown) => setError(errorMessage(t, err)))
            .finally(() => setSaving(false));
        }}
      >
        <Form.Item name="stageId" label={t('commerce.orders.reopen.stage')} rules={[{ required: true }]}>
          <Select options={stages.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="note" label={t('commerce.orders.reopen.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
