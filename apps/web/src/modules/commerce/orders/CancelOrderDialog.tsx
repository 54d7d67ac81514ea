// 取消订单: why (required); refused once anything was delivered or paid — the server says so in the dialog.
import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/formErrors.ts';
import { cancelOrder } from './orders.api.ts';

export function CancelOrderDialog({ orderId, onClose }: { orderId: string; onClose: (done: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open
      title={t('commerce.orders.cancel.title')}
      okText={t('commerce.orders.cancel.ok')}
      okButtonProps={{ danger: true }}
      cancelText={t('commerce.orders.cancel.back')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">{t('commerce.orders.cancel.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setSaving(true);
          setError(null);
          cancelOrder(orderId, values.reason.trim())
            .then(() => {
              void message.success(t('commerce.orders.cancel.done'));
              onClose(true);
            })
            .catch((err: unknown) => setError(errorMessage(t, err)))
            .finally(() => setSaving(false));
        }}
      >
        <Form.Item
          name="reason"
          label={t('commerce.orders.cancel.reason')}
          rules={[{ required: true, whitespace: true, message: t('commerce.orders.cancel.reasonRequired') }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
