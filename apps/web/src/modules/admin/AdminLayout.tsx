// 系统管理: only administrators get in (everyone else sees "page not found", as for any unknown address);
// a tab bar leads to the admin pages (the sales module's pipelines, lead assignment and lead forms, and the commerce
// module's 商务设置 among them).
import { Tabs, Typography } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useSession } from '../../app/session.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';

export const ADMIN_PAGES = [
  'org-units',
  'users',
  'roles',
  'custom-fields',
  'pipelines',
  'lead-rules',
  'lead-forms',
  'commerce-settings',
] as const;
type AdminPage = (typeof ADMIN_PAGES)[number];

const TITLES: Record<AdminPage, (t: TFunction) => string> = {
  'org-units': (t) => t('admin.orgUnits.title'),
  users: (t) => t('admin.users.title'),
  roles: (t) => t('admin.roles.title'),
  'custom-fields': (t) => t('admin.customFields.title'),
  // The sales module's pages (routes in modules/sales/sales.routes.tsx).
  pipelines: (t) => t('sales.admin.tabs.pipelines'),
  'lead-rules': (t) => t('sales.admin.tabs.rules'),
  'lead-forms': (t) => t('sales.admin.tabs.forms'),
  // The commerce module's (modules/commerce/settings).
  'commerce-settings': (t) => t('commerce.settings.title'),
};

/** The title of an admin page, as its tab and the command palette show it. */
export const adminPageTitle = (t: TFunction, page: AdminPage): string => TITLES[page](t);

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
