// The approvals part of the commerce module: the inbox, a record's rounds and the decision route, and the job that
// tells approvers and requesters. Quotes and orders start rounds through approvals.service.ts.
import type { ServerPart } from '../commerce.parts.ts';
import { registerApprovalJobs } from './approvals.notify.ts';
import { registerApprovalRoutes } from './approvals.routes.ts';

export const approvalsPart: ServerPart = { registerJobs: registerApprovalJobs, registerRoutes: registerApprovalRoutes };
