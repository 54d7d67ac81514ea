// The pages of the approvals part, mounted inside the shell by commerce.routes.tsx: 待我审批 at /commerce/approvals.
import type { RouteObject } from 'react-router';

export const approvalsRoutes: RouteObject[] = [
  {
    path: 'commerce/approvals',
    lazy: () => import('./ApprovalInboxPage.tsx').then((m) => ({ Component: m.ApprovalInboxPage })),
  },
];
