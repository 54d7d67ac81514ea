// The sales module's pages beyond the generic record pages, as routes the app mounts: inside the shell, under
// 系统管理 (administrators; the admin layout guards them), and the public lead form page (no sign-in).
import type { RouteObject } from 'react-router';
import { BoardPage } from './BoardPage.tsx';
import { AssignmentRulesPage } from './admin/AssignmentRulesPage.tsx';
import { LeadFormsPage } from './admin/LeadFormsPage.tsx';
import { PipelineEditPage } from './admin/PipelineEditPage.tsx';
import { PipelinesPage } from './admin/PipelinesPage.tsx';
import { PublicLeadFormPage } from './admin/PublicLeadFormPage.tsx';

/** Inside the shell, before the generic /:plural routes. */
export const salesRoutes: RouteObject[] = [{ path: 'opportunities/board', element: <BoardPage /> }];

/** Children of /admin. */
export const salesAdminRoutes: RouteObject[] = [
  { path: 'pipelines', element: <PipelinesPage /> },
  { path: 'pipelines/:id', element: <PipelineEditPage /> },
  { path: 'lead-rules', element: <AssignmentRulesPage /> },
  { path: 'lead-forms', element: <LeadFormsPage /> },
];

/** Outside the shell: pages for visitors who do not sign in. */
export const salesPublicRoutes: RouteObject[] = [{ path: '/public/lead-forms/:key', element: <PublicLeadFormPage /> }];
