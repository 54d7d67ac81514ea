// The pages of the commerce module's receivables part, mounted inside the shell by commerce.routes.tsx: 应收账款
// (lazy: ECharts loads with it only).
import type { RouteObject } from 'react-router';

export const receivablesRoutes: RouteObject[] = [
  {
    path: 'commerce/receivables',
    lazy: () => import('./ReceivablesPage.tsx').then((m) => ({ Component: m.ReceivablesPage })),
  },
];
