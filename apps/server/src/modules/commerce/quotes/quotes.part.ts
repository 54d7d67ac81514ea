// The quotes part of the commerce module: the quote record type, its timeline source and field changes on the
// customer's timeline, the expiry job, the routes of lines, actions, revisions and PDF, and the demo quotes.
import type { ServerPart } from '../commerce.parts.ts';
import { quoteEntities } from './quotes.entities.ts';
import { registerQuoteJobs } from './quotes.jobs.ts';
import { registerQuoteRoutes } from './quotes.routes.ts';
import { quotesTimelineSource } from './quotes.timeline.ts';
import { seedDemoQuotes } from './quotes.demo.ts';

export const quotesPart: ServerPart = {
  entities: quoteEntities,
  timelineSources: [quotesTimelineSource],
  timelineFieldChanges: ['quote'],
  registerJobs: registerQuoteJobs,
  registerRoutes: registerQuoteRoutes,
  seedDemo: seedDemoQuotes,
};
