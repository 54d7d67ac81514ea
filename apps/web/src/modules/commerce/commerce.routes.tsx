// The commerce module's pages beyond the generic record pages (products come from the kit at /products): 价格表 and
// 价格试算, inside the shell before the generic /:plural routes. No record type is called "commerce".
import type { RouteObject } from 'react-router';
import { quotesRoutes } from './quotes/quotes.routes.tsx';
import { contractsRoutes } from './contracts/contracts.routes.tsx';
import { ordersRoutes } from './orders/orders.routes.tsx';
import { receivablesRoutes } from './receivables/receivables.routes.tsx';
import { approvalsRoutes } from './approvals/approvals.routes.tsx';
export { settingsAdminRoutes as commerceAdminRoutes } from './settings/settings.routes.tsx';

export const commerceRoutes: RouteObject[] = [
  { path: 'commerce/prices', lazy: () => import('./PricesPage.tsx').then((m) => ({ Component: m.PricesPage })) },
  { path: 'commerce/price-check', lazy: () => import('./PriceCheckPage.tsx').then((m) => ({ Component: m.PriceCheckPage })) },
  ...quotesRoutes,
  ...contractsRoutes,
  ...ordersRoutes,
  ...receivablesRoutes,
  ...approvalsRoutes,
];
