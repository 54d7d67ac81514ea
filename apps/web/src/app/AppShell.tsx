// The signed-in frame: a header (navigation button on phones, product, command-palette search, the user's org
// unit and roles, notifications bell, language switch, user menu), the side navigation (a collapsible Sider on
// wide screens, a drawer on phones) and the page.
import { useCallback, useState } from 'react';
import { App, Button, Drawer, Dropdown, Flex, Grid, Layout, Space, Tag, Typography, theme } from 'antd';
import { Link, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Me } from '@guanxi/contracts';
import { MenuIcon } from './icons.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SideNav } from './nav/SideNav.tsx';
import { NotificationBell } from './notifications/NotificationBell.tsx';
import { CommandPalette } from './palette/CommandPalette.tsx';
import { PaletteButton } from './palette/PaletteButton.tsx';
import { usePaletteShortcut } from './palette/usePaletteShortcut.ts';
import { setRecentOwner } from './recent.ts';
import { SkipLink } from './SkipLink.tsx';
import { useSession, useSignOut } from './session.ts';

const COLLAPSED_KEY = 'guanxi.navCollapsed';
const HEADER_HEIGHT = 64; // antd's Layout.Header
const MAIN_ID = 'main-content';

export function AppShell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const wide = Grid.useBreakpoint().md === true; // phones are below 768 px
  const user = useSession().data?.user;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSED_KEY) === '1');
  const [paletteOpen, setPaletteOpen] = useState(false);
  const openPalette = useCallback(() => setPaletteOpen(true), []);
  usePaletteShortcut(openPalette);
  if (!user) return null; // RequireSession renders the shell only with a session
  setRecentOwner(user.id);

  const toggleCollapsed = () => {
    localStorage.setItem(COLLAPSED_KEY, collapsed ? '0' : '1');
    setCollapsed(!collapsed);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink targetId={MAIN_ID} label={t('shell.skipToContent')} />
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          padding: wide ? '0 24px' : '0 8px',
          position: 'sticky',
          top: 0,
          zIndex: 10,
          display: 'flex',
          alignItems: 'center',
          gap: wide ? 16 : 4,
        }}
      >
        {!wide && (
          <Button
            type="text"
            icon={<MenuIcon />}
            aria-label={t('shell.openMenu')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
            style={{ fontSize: 18 }}
          />
        )}
        <Link to="/" style={{ fontSize: 18, fontWeight: 600, color: token.colorPrimaryText, whiteSpace: 'nowrap' }}>
          {wide ? t('app.fullName') : t('app.name')}
        </Link>
        {wide && <PaletteButton wide onOpen={openPalette} />}
        <Flex flex={1} justify="flex-end" align="center" gap={wide ? 12 : 4} style={{ minWidth: 0 }}>
          {!wide && <PaletteButton wide={false} onOpen={openPalette} />}
          {wide && <UserIdentity user={user} />}
          <NotificationBell />
          {wide && <LanguageSwitch />}
          <UserMenu user={user} compact={!wide} />
        </Flex>
      </Layout.Header>
      <Layout>
        {wide && (
          <Layout.Sider
            theme="light"
            width={208}
            collapsedWidth={64}
            collapsed={collapsed}
            trigger={null}
            // The navigation stays in view below the header while a long list scrolls.
            style={{
              borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
              position: 'sticky',
              top: HEADER_HEIGHT,
              alignSelf: 'flex-start',
              height: `calc(100vh - ${HEADER_HEIGHT}px)`,
              overflowY: 'auto',
            }}
          >
            <SideNav collapsed={collapsed} />
            <Button
              type="text"
              block
              onClick={toggleCollapsed}
              aria-label={collapsed ? t('shell.expand') : t('shell.collapse')}
              title={collapsed ? t('shell.expand') : t('shell.collapse')}
              aria-expanded={!collapsed}
              style={{ marginTop: 8, color: token.colorTextSecondary }}
            >
              <span aria-hidden="true">{collapsed ? '»' : '«'}</span>
            </Button>
          </Layout.Sider>
        )}
        <Layout.Content
          id={MAIN_ID}
          tabIndex={-1}
          style={{ padding: wide ? 24 : 12, width: '100%', maxWidth: 1200, margin: '0 auto', minWidth: 0, outline: 'none' }}
        >
          <Outlet />
        </Layout.Content>
      </Layout>
      {!wide && (
        <Drawer
          placement="left"
          size={280}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('shell.menuTitle')}
          styles={{ body: { padding: 0 } }}
          footer={<LanguageSwitch />}
        >
          <SideNav onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
      <CommandPalette open={paletteOpen} onClose={() => setPaletteOpen(false)} />
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

function UserMenu({ user, compact }: { user: Me['user']; compact: boolean }) {
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
          { key: '/api-tokens', label: t('admin.tokens.menuLink') },
          { type: 'divider' },
          { key: 'signOut', label: t('shell.signOut'), danger: true },
        ],
        onClick: ({ key }) => (key === 'signOut' ? onSignOut() : void navigate(key)),
      }}
    >
      <Button loading={signOut.isPending} style={{ maxWidth: compact ? 112 : 160 }}>
        <Typography.Text ellipsis style={{ maxWidth: compact ? 72 : 120 }}>
          {user.displayName}
        </Typography.Text>
        ▾
      </Button>
    </Dropdown>
  );
}
