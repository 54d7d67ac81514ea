// API 令牌: the signed-in user's own tokens for integrations; a new token's secret is shown once, to copy.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { adminKeys, useOwnTokens } from './admin.api.ts';
import { showFormError } from '../../platform/formErrors.ts';
import { TokenTable } from './TokenTable.tsx';

const EXPIRY_DAYS = [30, 90, 365] as const;

interface Values {
  name: string;
  expiresInDays: number | 'never';
}

export function ApiTokensPage() {
  const { t } = useTranslation();
  const tokens = useOwnTokens();
  const [created, setCreated] = useState<CreatedApiToken>();
  usePageTitle(t('admin.tokens.title'));

  return (
    <>
      <Typography.Title level={2}>{t('admin.tokens.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin.tokens.intro')}</Typography.Paragraph>
      <CreateTokenCard onCreated={setCreated} />
      {created && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setCreated(undefined) }}
          style={{ marginBottom: 16 }}
          title={t('admin.tokens.createdTitle', { name: created.name })}
          description={
            <>
              <Typography.Paragraph>{t('admin.tokens.onceWarning')}</Typography.Paragraph>
              <Typography.Paragraph
                code
                copyable={{ text: created.token, tooltips: [t('admin.tokens.copy'), t('admin.tokens.copied')] }}
                style={{ wordBreak: 'break-all', marginBottom: 0 }}
                data-testid="new-token-secret"
              >
                {created.token}
              </Typography.Paragraph>
            </>
          }
        />
      )}
      <TokenTable query={tokens} queryKey={adminKeys.ownTokens} revokePath={(token) => `/auth/tokens/${token.id}`} />
    </>
  );
}

function CreateTokenCard({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: ({ name, expiresInDays }: Values) =>
      api.post<CreatedApiToken>('/auth/tokens', { name, ...(expiresInDays === 'never' ? {} : { expiresInDays }) }),
    onSuccess: (token) => {
      onCreated(token);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: adminKeys.ownTokens });
    },
    onError: (error) => showFormError(form, message, t, error),
  });
  return (
    <Card title={t('admin.tokens.create')} size="small" style={{ marginBottom: 16 }}>
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ expiresInDays: 90 }}
        onFinish={(values) => create.mutate(values)}
        style={{ rowGap: 8 }}
      >
        <Form.Item
          name="name"
          label={t('admin.tokens.name')}
          rules={[{ required: true, whitespace: true, message: t('admin.tokens.nameRequired') }]}
        >
          <Input maxLength={100} placeholder={t('admin.tokens.namePlaceholder')} style={{ width: 220, maxWidth: '100%' }} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('admin.tokens.validFor')}>
          <Select
            style={{ width: 120 }}
            options={[
              ...EXPIRY_DAYS.map((days) => ({ value: days, label: t('admin.tokens.days', { days }) })),
              { value: 'never', label: t('admin.tokens.never') },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('admin.tokens.createButton')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
