// API 令牌: the signed-in user's own tokens for integrations; a new token's secret is shown once, to copy.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiToken, CreatedApiToken } from '@guanxi/contracts';
import { currentLocale } from '../../app/i18n/i18n.ts';
import { api } from '../../platform/api.ts';
import { adminKeys, useOwnTokens } from './admin.api.ts';
import { errorMessage, showFormError } from './formErrors.ts';

const EXPIRY_DAYS = [30, 90, 365] as const;

interface Values {
  name: string;
  expiresInDays: number | 'never';
}

const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString(currentLocale(), { hour12: false }) : '—');

export function ApiTokensPage() {
  const { t } = useTranslation();
  const tokens = useOwnTokens();
  const [created, setCreated] = useState<CreatedApiToken>();

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
      <Table<ApiToken>
        rowKey="id"
        size="middle"
        loading={tokens.isPending}
        dataSource={tokens.data}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: tokens.isError ? errorMessage(t, tokens.error) : t('admin.tokens.empty') }}
        columns={[
          { title: t('admin.tokens.name'), dataIndex: 'name', width: 160 },
          {
            title: t('admin.tokens.prefix'),
            dataIndex: 'prefix',
            width: 120,
            render: (prefix: string) => <code>{prefix}…</code>,
          },
          { title: t('admin.tokens.createdAt'), dataIndex: 'createdAt', width: 170, render: formatTime },
          { title: t('admin.tokens.lastUsedAt'), dataIndex: 'lastUsedAt', width: 170, render: formatTime },
          {
            title: t('admin.tokens.expiresAt'),
            dataIndex: 'expiresAt',
            width: 170,
            render: (iso: string | null) => (iso ? formatTime(iso) : t('admin.tokens.never')),
          },
          {
            title: t('admin.common.status'),
            key: 'status',
            width: 140,
            render: (_, token) => <TokenStatus token={token} />,
          },
        ]}
      />
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

function TokenStatus({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.delete<void>(`/auth/tokens/${token.id}`),
    onSuccess: () => void message.success(t('admin.tokens.revoked')),
    onError: (error) => void message.error(errorMessage(t, error)),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: adminKeys.ownTokens }),
  });
  if (token.revokedAt) return <Tag>{t('admin.tokens.statusRevoked')}</Tag>;
  if (token.expiresAt && new Date(token.expiresAt) < new Date()) return <Tag>{t('admin.tokens.statusExpired')}</Tag>;
  return (
    <Space size={4}>
      <Tag color="green">{t('admin.common.active')}</Tag>
      <Popconfirm
        title={t('admin.tokens.revokeConfirm', { name: token.name })}
        okText={t('admin.tokens.revoke')}
        cancelText={t('admin.common.cancel')}
        onConfirm={() => revoke.mutate()}
      >
        <Button type="link" size="small" danger loading={revoke.isPending}>
          {t('admin.tokens.revoke')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
