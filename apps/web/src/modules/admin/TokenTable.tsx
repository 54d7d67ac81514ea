// A list of API tokens with their state and a revoke button: the user's own (API 令牌 page) or, for an
// administrator, another user's (users page).
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useMutation, useQueryClient, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '@guanxi/contracts';
import { currentLocale } from '../../app/i18n/i18n.ts';
import { api } from '../../platform/api.ts';
import { errorMessage } from '../../platform/formErrors.ts';

const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString(currentLocale(), { hour12: false }) : '—');

interface Props {
  query: UseQueryResult<ApiToken[]>;
  /** Invalidated after a revocation. */
  queryKey: QueryKey;
  revokePath: (token: ApiToken) => string;
}

export function TokenTable({ query, queryKey, revokePath }: Props) {
  const { t } = useTranslation();
  return (
    <Table<ApiToken>
      rowKey="id"
      size="middle"
      loading={query.isPending}
      dataSource={query.data}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: query.isError ? errorMessage(t, query.error) : t('admin.tokens.empty') }}
      columns={[
        { title: t('admin.tokens.name'), dataIndex: 'name', width: 160 },
        { title: t('admin.tokens.prefix'), dataIndex: 'prefix', width: 120, render: (prefix: string) => <code>{prefix}…</code> },
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
          render: (_, token) => <TokenStatus token={token} queryKey={queryKey} path={revokePath(token)} />,
        },
      ]}
    />
  );
}

function TokenStatus({ token, queryKey, path }: { token: ApiToken; queryKey: QueryKey; path: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => api.delete<void>(path),
    onSuccess: () => void message.success(t('admin.tokens.revoked')),
    onError: (error) => void message.error(errorMessage(t, error)),
    onSettled: () => void queryClient.invalidateQueries({ queryKey }),
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
