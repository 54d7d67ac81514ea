// The receivables part of the commerce module: instalment and delivery plans of orders, payments and credit, aging
// with its drill, the customer's 应收款 figures and timeline entries, the daily dunning job and the demo's plans.
import type { ServerPart } from '../commerce.parts.ts';
import { seedReceivablesDemo } from './receivables.demo.ts';
import { registerDunningJob } from './receivables.dunning.ts';
import { registerReceivablesRoutes } from './receivables.routes.ts';
import { receivablesTimelineSource } from './receivables.timeline.ts';
import './receivables.messages.ts';

export { defaultInstalments } from './receivables.planMath.ts';
export { cancelOpenInstalments, createInstalments, syncInstalmentsWithOrder } from './receivables.instalments.ts';

export const receivablesPart: ServerPart = {
  timelineSources: [receivablesTimelineSource],
  registerJobs: registerDunningJob,
  registerRoutes: registerReceivablesRoutes,
  seedDemo: seedReceivablesDemo,
};
