// The page a campaign's visitor fills in (/public/lead-forms/<key>, no sign-in), reached from a campaign page's
// link or a printed QR code. It posts to the public endpoint with the time the page loaded and a trap field people never see, so the
// server can tell robots apart; the server answers a kept post and a refused robot alike.
import { useRef, useState } from 'react';
import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicLead } from '@guanxi/contracts';
import { api, ApiError } from '../../../platform/api.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { usePageTitle } from '../../../app/usePageTitle.ts';

type Values = Pick<PublicLead, 'name' | 'company' | 'mobile' | 'email' | 'province' | 'message' | 'website'>;

export function PublicLeadFormPage() {
  const { t } = useTranslation();
  const { key = '' } = useParams();
  const [form] = Form.useForm<Values>();
  const startedAt = useRef(Date.now());
  const [state, setState] = useState<'open' | 'sending' | 'done' | 'closed'>('open');
  const [error, setError] = useState<string>();
  usePageTitle(t('sales.admin.publicForm.title'));

  const send = async (values: Values) => {
    setState('sending');
    setError(undefined);
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim() !== ''));
    try {
      await api.post(`/public/lead-forms/${encodeURIComponent(key)}`, { ...body, startedAt: startedAt.current });
      setState('done');
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return setState('closed');
      setError(errorMessage(t, err));
      setState('open');
    }
  };

  const contactRule = {
    validator: () =>
      form.getFieldValue('mobile')?.trim() || form.getFieldValue('email')?.trim()
        ? Promise.resolve()
        : Promise.reject(new Error(t('sales.admin.publicForm.contactRequired'))),
  };

  return (
    <main style={{ maxWidth: 520, margin: '0 auto', padding: 16 }}>
      <Card>
        {state === 'done' ? (
          <Result status="success" title={t('sales.admin.publicForm.done')} />
        ) : state === 'closed' ? (
          <Result status="info" title={t('sales.admin.publicForm.closed')} />
        ) : (
          <>
            <Typography.Title level={3}>{t('sales.admin.publicForm.title')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('sales.admin.publicForm.intro')}</Typography.Paragraph>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
            <Form<Values> form={form} layout="vertical" onFinish={(values) => void send(values)}>
              <Form.Item
                name="name"
                label={t('sales.admin.publicForm.name')}
                rules={[{ required: true, whitespace: true, message: t('sales.admin.publicForm.nameRequired') }]}
              >
                <Input maxLength={100} autoComplete="name" />
              </Form.Item>
              <Form.Item name="company" label={t('sales.admin.publicForm.company')}>
                <Input maxLength={200} autoComplete="organization" />
              </Form.Item>
              <Form.Item name="mobile" label={t('sales.admin.publicForm.mobile')} rules={[contactRule]} dependencies={['email']}>
                <Input maxLength={40} inputMode="tel" autoComplete="tel" />
              </Form.Item>
              <Form.Item
                name="email"
                label={t('sales.admin.publicForm.email')}
                rules={[{ type: 'email', message: t('sales.admin.publicForm.emailInvalid') }]}
              >
                <Input maxLength={200} inputMode="email" autoComplete="email" />
              </Form.Item>
              <Form.Item name="province" label={t('sales.admin.publicForm.province')}>
                <Input maxLength={20} />
              </Form.Item>
              <Form.Item name="message" label={t('sales.admin.publicForm.message')}>
                <Input.TextArea maxLength={2000} rows={3} />
              </Form.Item>
              {/* The trap: off screen and out of the tab order; only a robot fills it. */}
              <div aria-hidden style={{ position: 'absolute', left: -10000, width: 1, height: 1, overflow: 'hidden' }}>
                <Form.Item name="website" label={t('sales.admin.publicForm.trap')}>
                  <Input tabIndex={-1} autoComplete="off" />
                </Form.Item>
              </div>
              <Button type="primary" htmlType="submit" block loading={state === 'sending'}>
                {t('sales.admin.publicForm.submit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
    </main>
  );
}
