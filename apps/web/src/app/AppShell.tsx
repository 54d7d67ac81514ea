// The signed-in frame: a header with the product, the user (name, org unit, roles), the language switch and
// sign-out, and the page below it. On phones the org unit and roles move into the user menu.
import { App, Button, Dropdown, Flex, Grid, Layout, Space, Tag, Typography, theme } from 'antd';
import { Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '@guanxi/contracts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useSession, useSignOut } from './session.ts';

export function AppShell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const wide = Grid.useBreakpoint().md === true;
  const user = useSession().data?.user;
  if (!user) return null; // RequireSession renders the shell only with a session

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          padding: wide ? '0 24px' : '0 12px',
          display: 'flex',
          alignItems: 'center',
          gap: 12,
        }}
      >
        <Typography.Text strong style={{ fontSize: 18, color: token.colorPrimary, whiteSpace: 'nowrap' }}>
          {wide ? t('app.fullName') : t('app.name')}
        </Typography.Text>
        <Flex flex={1} justify="flex-end" align="center" gap={12} style={{ minWidth: 0 }}>
          {wide && <UserIdentity user={user} />}
          <LanguageSwitch />
          <UserMenu user={user} />
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: wide ? 24 : 12, width: '100%', maxWidth: 1200, margin: '0 auto' }}>
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}

export function roleNames(user: Me['user'], separator: string): string {
  return user.roles.map((role) => role.name).join(separator);
}

function UserIdentity({ user }: { user: Me['user'] }) {
  const { t } = useTranslation();
  return (
    <Space size={4} style={{ minWidth: 0, overflow: 'hidden' }}>
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {user.orgUnitName}
      </Typography.Text>
      {user.roles.length ? (
        user.roles.map((role) => (
          <Tag key={role.key} color="blue" style={{ marginInlineEnd: 0 }}>
            {role.name}
          </Tag>
        ))
      ) : (
        <Tag>{t('common.noRoles')}</Tag>
      )}
    </Space>
  );
}

function UserMenu({ user }: { user: Me['user'] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const signOut = useSignOut();
  const navigate = useNavigate();

  // On success the route guard shows the login page with "您已安全退出".
  const onSignOut = () => signOut.mutate(undefined, { onError: () => void message.error(t('shell.signOutFailed')) });
  const identity = t('common.identity', {
    orgUnit: user.orgUnitName,
    roles: roleNames(user, t('common.listSeparator')) || t('common.noRoles'),
  });

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'identity', label: identity, disabled: true },
          { type: 'divider' },
          ...(user.isAdmin ? [{ key: '/admin', label: t('admin.menuLink') }] : []),
          { key: '/api-tokens', label: t('admin.tokens.menuLink') },
          { type: 'divider' },
          { key: 'signOut', label: t('shell.signOut'), danger: true },
        ],
        onClick: ({ key }) => (key === 'signOut' ? onSignOut() : void navigate(key)),
      }}
    >
      <Button loading={signOut.isPending} style={{ maxWidth: 160 }}>
        <Typography.Text ellipsis style={{ maxWidth: 120 }}>
          {user.displayName}
        </Typography.Text>
        ▾
      </Button>
    </Dropdown>
  );
}
