// The contracts part of the commerce module: the contract record type, its timeline entries on the customer card
// (and its audited changes there), the expiry and renewal-reminder jobs, the from-quote and renew routes, demo data.
import type { ServerPart } from '../commerce.parts.ts';
import { seedDemoContracts } from './contracts.demo.ts';
import { contractEntities } from './contracts.entities.ts';
import { registerContractJobs } from './contracts.jobs.ts';
import { registerContractRoutes } from './contracts.routes.ts';
import { contractTimelineSource } from './contracts.timeline.ts';

export const contractsPart: ServerPart = {
  entities: contractEntities,
  timelineSources: [contractTimelineSource],
  timelineFieldChanges: ['contract'],
  registerJobs: registerContractJobs,
  registerRoutes: registerContractRoutes,
  seedDemo: seedDemoContracts,
};
