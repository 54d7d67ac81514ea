// Every part of the commerce module, in the order app.ts registers them and demo.seed.ts seeds them: the settings
// (letterhead, discount limits, approval chain) come before the quotes and orders that use them.
import type { ServerPart } from './commerce.parts.ts';
import './commerce.merge.ts';
import { catalogPart } from './catalog/catalog.part.ts';
import { settingsPart } from './settings/settings.part.ts';
import { approvalsPart } from './approvals/approvals.part.ts';
import { quotesPart } from './quotes/quotes.part.ts';
import { contractsPart } from './contracts/contracts.part.ts';
import { ordersPart } from './orders/orders.part.ts';
import { receivablesPart } from './receivables/receivables.part.ts';

export const commerceParts: ServerPart[] = [
  catalogPart,
  settingsPart,
  approvalsPart,
  quotesPart,
  contractsPart,
  ordersPart,
  receivablesPart,
];
