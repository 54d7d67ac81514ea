// 系统管理: only administrators get in (everyone else sees "page not found", as for any unknown address);
// a tab bar leads to the four admin pages.
import { Tabs, Typography } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useSession } from '../../app/session.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';

export const ADMIN_PAGES = ['org-units', 'users', 'roles', 'custom-fields'] as const;
type AdminPage = (typeof ADMIN_PAGES)[number];

const TITLE_KEYS: Record<AdminPage, 'orgUnits' | 'users' | 'roles' | 'customFields'> = {
  'org-units': 'orgUnits',
  users: 'users',
  roles: 'roles',
  'custom-fields': 'customFields',
};

/** The title of an admin page, as its tab and the command palette show it. */
export const adminPageTitle = (t: TFunction, page: AdminPage): string => t(`admin.${TITLE_KEYS[page]}.title`);

export function AdminLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const user = useSession().data?.user;
  const current = ADMIN_PAGES.find((page) => pathname.startsWith(`/admin/${page}`));
  usePageTitle(current && user?.isAdmin ? `${adminPageTitle(t, current)} · ${t('admin.title')}` : undefined);
  if (!user?.isAdmin) return <NotFoundPage />;
  if (!current) return <Navigate to="/admin/org-units" replace />;

  return (
    <>
      <Typography.Title level={2}>{t('admin.title')}</Typography.Title>
      <Tabs
        activeKey={current}
        onChange={(page) => void navigate(`/admin/${page}`)}
        items={ADMIN_PAGES.map((page) => ({ key: page, label: adminPageTitle(t, page) }))}
      />
      <Outlet />
    </>
  );
}
