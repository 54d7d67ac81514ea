// The orders part of the commerce module: the order record type (with its lines, stage pipeline, batches, expenses and
// profit served by orders.routes.ts).
import type { ServerPart } from '../commerce.parts.ts';
import { orderEntity } from './orders.entities.ts';

export const ordersPart: ServerPart = { entities: [orderEntity] };
