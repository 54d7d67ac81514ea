// The pages of the settings part: 商务设置 as a page of 系统管理 (/admin/commerce-settings; the admin layout lets
// administrators only in).
import type { RouteObject } from 'react-router';

/** Children of /admin. */
export const settingsAdminRoutes: RouteObject[] = [
  {
    path: 'commerce-settings',
    lazy: () => import('./CommerceSettingsPage.tsx').then((m) => ({ Component: m.CommerceSettingsPage })),
  },
];
