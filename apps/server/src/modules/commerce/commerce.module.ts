// Every part of the commerce module, in the order app.ts registers them.
import type { ServerPart } from './commerce.parts.ts';
import { catalogPart } from './catalog/catalog.part.ts';
import { quotesPart } from './quotes/quotes.part.ts';
import { contractsPart } from './contracts/contracts.part.ts';
import { ordersPart } from './orders/orders.part.ts';
import { receivablesPart } from './receivables/receivables.part.ts';
import { approvalsPart } from './approvals/approvals.part.ts';

export const commerceParts: ServerPart[] = [catalogPart, quotesPart, contractsPart, ordersPart, receivablesPart, approvalsPart];
