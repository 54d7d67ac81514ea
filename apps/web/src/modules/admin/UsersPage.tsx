// 用户: users found by name, org unit and status; create, edit, disable or enable, reset a password.
import { useState } from 'react';
import { App, Badge, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { adminKeys, useOrgUnits, useRoles } from './admin.api.ts';
import { errorMessage, isStale } from '../../platform/formErrors.ts';
import { OrgUnitSelect } from './OrgUnitSelect.tsx';
import { unitNames } from './orgTree.ts';
import { ResetPasswordDialog } from './ResetPasswordDialog.tsx';
import { UserFormDialog } from './UserFormDialog.tsx';
import { UserTokensDialog } from './UserTokensDialog.tsx';

interface Filter {
  q?: string;
  orgUnitId?: string;
  active?: 'true' | 'false';
}

type Dialog = { kind: 'create' } | { kind: 'edit' | 'password' | 'tokens'; user: User };

function listPath(filter: Filter, cursor: string | undefined): string {
  const params = new URLSearchParams({ limit: '50' });
  for (const [key, value] of Object.entries({ ...filter, cursor })) if (value) params.set(key, value);
  return `/users?${params}`;
}

export function UsersPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({});
  const [dialog, setDialog] = useState<Dialog>();
  const units = unitNames(useOrgUnits().data);
  const roles = new Map((useRoles().data ?? []).map((role) => [role.id, role.name]));

  const users = useInfiniteQuery({
    queryKey: [...adminKeys.users, filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api.get<{ items: User[]; nextCursor: string | null }>(listPath(filter, pageParam)),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('admin.users.searchPlaceholder')}
          aria-label={t('admin.users.searchPlaceholder')}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
          style={{ width: 220, maxWidth: '100%' }}
        />
        <OrgUnitSelect
          allowClear
          placeholder={t('admin.users.allUnits')}
          aria-label={t('admin.users.allUnits')}
          value={filter.orgUnitId}
          onChange={(orgUnitId) => setFilter((f) => ({ ...f, orgUnitId }))}
          style={{ width: 200, maxWidth: '100%' }}
        />
        <Select<'all' | 'true' | 'false'>
          aria-label={t('admin.common.status')}
          value={filter.active ?? 'all'}
          onChange={(active) => setFilter((f) => ({ ...f, active: active === 'all' ? undefined : active }))}
          options={[
            { value: 'all', label: t('admin.users.allStatuses') },
            { value: 'true', label: t('admin.common.active') },
            { value: 'false', label: t('admin.users.disabled') },
          ]}
          style={{ width: 120 }}
        />
        <Button type="primary" onClick={() => setDialog({ kind: 'create' })} style={{ marginInlineStart: 'auto' }}>
          {t('admin.users.create')}
        </Button>
      </Flex>
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 860 }}
        locale={users.isError ? { emptyText: errorMessage(t, users.error) } : undefined}
        columns={[
          { title: t('admin.users.username'), dataIndex: 'username', width: 130, fixed: 'left' },
          { title: t('admin.users.displayName'), dataIndex: 'displayName', width: 110 },
          { title: t('admin.users.orgUnit'), dataIndex: 'orgUnitId', width: 140, render: (id: string) => units.get(id) ?? '—' },
          {
            title: t('admin.users.roles'),
            dataIndex: 'roleIds',
            render: (ids: string[]) => ids.map((id) => <Tag key={id}>{roles.get(id) ?? id}</Tag>),
          },
          {
            title: t('admin.common.status'),
            dataIndex: 'active',
            width: 96,
            render: (active: boolean) => (
              <Badge
                status={active ? 'success' : 'default'}
                text={active ? t('admin.common.active') : t('admin.users.disabled')}
              />
            ),
          },
          {
            title: t('admin.common.actions'),
            key: 'actions',
            width: 280,
            render: (_, user) => <UserActions user={user} onDialog={setDialog} />,
          },
        ]}
      />
      {users.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button loading={users.isFetchingNextPage} onClick={() => void users.fetchNextPage()}>
            {t('admin.common.loadMore')}
          </Button>
        </Flex>
      )}
      {dialog?.kind === 'create' && <UserFormDialog onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'edit' && <UserFormDialog user={dialog.user} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'password' && <ResetPasswordDialog user={dialog.user} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'tokens' && <UserTokensDialog user={dialog.user} onClose={() => setDialog(undefined)} />}
    </>
  );
}

function UserActions({ user, onDialog }: { user: User; onDialog: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const setActive = useMutation({
    mutationFn: (active: boolean) => api.patch<User>(`/users/${user.id}`, { active }, { ifMatch: user.version }),
    onSuccess: () => void message.success(t('admin.common.saved')),
    onError: (error) => void message.error(errorMessage(t, error)),
    onSettled: (_data, error) => {
      if (!error || isStale(error)) void queryClient.invalidateQueries({ queryKey: adminKeys.users });
    },
  });
  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => onDialog({ kind: 'edit', user })}>
        {t('admin.common.edit')}
      </Button>
      {user.active ? (
        <Popconfirm
          title={t('admin.users.disableConfirm', { name: user.displayName })}
          okText={t('admin.users.disable')}
          cancelText={t('admin.common.cancel')}
          onConfirm={() => setActive.mutate(false)}
        >
          <Button type="link" size="small" danger loading={setActive.isPending}>
            {t('admin.users.disable')}
          </Button>
        </Popconfirm>
      ) : (
        <Button type="link" size="small" loading={setActive.isPending} onClick={() => setActive.mutate(true)}>
          {t('admin.users.enable')}
        </Button>
      )}
      <Button type="link" size="small" onClick={() => onDialog({ kind: 'password', user })}>
        {t('admin.users.resetPassword')}
      </Button>
      <Button type="link" size="small" onClick={() => onDialog({ kind: 'tokens', user })}>
        {t('admin.users.tokens')}
      </Button>
    </Space>
  );
}
