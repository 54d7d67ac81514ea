// The sales module's pages beyond the generic record pages, as routes the app mounts: inside the shell, under
// 系统管理 (administrators; the admin layout guards them), and the public lead form page (no sign-in).
// Planning pages are at /sales/<page> (the generic /:plural routes take /<plural>/<id>, and no record type is "sales").
import type { RouteObject } from 'react-router';
import { BoardPage } from './BoardPage.tsx';
import { AssignmentRulesPage } from './admin/AssignmentRulesPage.tsx';
import { LeadFormsPage } from './admin/LeadFormsPage.tsx';
import { PipelineEditPage } from './admin/PipelineEditPage.tsx';
import { PipelinesPage } from './admin/PipelinesPage.tsx';
import { PublicLeadFormPage } from './admin/PublicLeadFormPage.tsx';

/** Inside the shell, before the generic /:plural routes. The planning pages load on first visit (ECharts with them). */
export const salesRoutes: RouteObject[] = [
  { path: 'opportunities/board', element: <BoardPage /> },
  { path: 'sales/plan', lazy: () => import('./planning/PlanPage.tsx').then((m) => ({ Component: m.PlanPage })) },
  { path: 'sales/forecast', lazy: () => import('./planning/ForecastPage.tsx').then((m) => ({ Component: m.ForecastPage })) },
  {
    path: 'sales/scorecards',
    lazy: () => import('./planning/ScorecardsPage.tsx').then((m) => ({ Component: m.ScorecardsPage })),
  },
  {
    path: 'sales/dashboard',
    lazy: () => import('./planning/DashboardPage.tsx').then((m) => ({ Component: m.DashboardPage })),
  },
];

/** Children of /admin. */
export const salesAdminRoutes: RouteObject[] = [
  { path: 'pipelines', element: <PipelinesPage /> },
  { path: 'pipelines/:id', element: <PipelineEditPage /> },
  { path: 'lead-rules', element: <AssignmentRulesPage /> },
  { path: 'lead-forms', element: <LeadFormsPage /> },
];

/** Outside the shell: pages for visitors who do not sign in. */
export const salesPublicRoutes: RouteObject[] = [{ path: '/public/lead-forms/:key', element: <PublicLeadFormPage /> }];
