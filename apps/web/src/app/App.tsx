// The app's providers and routes: TanStack Query, antd in the interface language, and the router.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import zhTW from 'antd/locale/zh_TW';
import type { Locale as AntdLocale } from 'antd/es/locale';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AppShell } from './AppShell.tsx';
import { DeskPage } from './DeskPage.tsx';
import { currentLocale, type Locale } from './i18n/i18n.ts';
import { LoginPage } from './LoginPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RequireSession } from './RequireSession.tsx';
import { SessionWatcher } from './SessionWatcher.tsx';
import { appTheme } from './theme.ts';
import { AdminLayout } from '../modules/admin/AdminLayout.tsx';
import { ApiTokensPage } from '../modules/admin/ApiTokensPage.tsx';
import { CustomFieldsPage } from '../modules/admin/CustomFieldsPage.tsx';
import { OrgUnitsPage } from '../modules/admin/OrgUnitsPage.tsx';
import { RolesPage } from '../modules/admin/RolesPage.tsx';
import { UsersPage } from '../modules/admin/UsersPage.tsx';
import { RecordDetailPage } from '../modules/records/RecordDetailPage.tsx';
import { RecordFormPage } from '../modules/records/RecordFormPage.tsx';
import { RecordListPage } from '../modules/records/RecordListPage.tsx';
import { RecycleBinPage } from '../modules/records/RecycleBinPage.tsx';
import '../modules/customers/customers.module.ts';
import '../modules/activities/activities.module.ts';
import '../modules/sales/sales.module.ts';
import { salesAdminRoutes, salesPublicRoutes, salesRoutes } from '../modules/sales/sales.routes.tsx';
import '../modules/commerce/commerce.module.ts';
import { commerceAdminRoutes, commerceRoutes } from '../modules/commerce/commerce.routes.tsx';
import { ImportPage } from '../modules/imports/ImportPage.tsx';

const ANTD_LOCALES: Record<Locale, AntdLocale> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };

const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  ...salesPublicRoutes,
  {
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <DeskPage /> },
      {
        path: 'admin',
        element: <AdminLayout />,
        children: [
          { index: true, element: null },
          { path: 'org-units', element: <OrgUnitsPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'roles', element: <RolesPage /> },
          { path: 'custom-fields', element: <CustomFieldsPage /> },
          ...salesAdminRoutes,
          ...commerceAdminRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
      { path: 'api-tokens', element: <ApiTokensPage /> },
      { path: 'recycle-bin', element: <RecycleBinPage /> },
      // Every record type from the metadata: /customers, /customers/new, /customers/<id>, /customers/<id>/edit.
      ...salesRoutes,
      ...commerceRoutes,
      { path: ':plural', element: <RecordListPage /> },
      { path: ':plural/new', element: <RecordFormPage /> },
      { path: ':plural/import', element: <ImportPage /> },
      { path: ':plural/:id', element: <RecordDetailPage /> },
      { path: ':plural/:id/edit', element: <RecordFormPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  useTranslation(); // re-render with the new antd locale when the language changes
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={ANTD_LOCALES[currentLocale()]} theme={appTheme}>
        <AntApp>
          <SessionWatcher />
          <RouterProvider router={router} />
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
