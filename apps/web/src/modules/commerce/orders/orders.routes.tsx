// The pages of the commerce module's orders part, mounted inside the shell by commerce.routes.tsx (before the generic
// record pages, so /orders/new is the order page with lines rather than the generic form).
import type { RouteObject } from 'react-router';

export const ordersRoutes: RouteObject[] = [
  { path: 'orders/new', lazy: () => import('./NewOrderPage.tsx').then((m) => ({ Component: m.NewOrderPage })) },
  {
    path: 'commerce/purchase-batches',
    lazy: () => import('./PurchaseBatchesPage.tsx').then((m) => ({ Component: m.PurchaseBatchesPage })),
  },
  { path: 'commerce/order-types', lazy: () => import('./OrderTypesPage.tsx').then((m) => ({ Component: m.OrderTypesPage })) },
  {
    path: 'commerce/order-types/:id',
    lazy: () => import('./OrderTypeEditPage.tsx').then((m) => ({ Component: m.OrderTypeEditPage })),
  },
];
