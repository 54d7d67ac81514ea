// Creating an order with its lines: the quote-accept path (quotes part), direct orders (POST /api/v1/orders/direct)
// and the demo all come here. Lines are computed first (orders.lines.ts), then the order goes through the kit's
// create — access, owner, audit, search — whose hooks (orders.hooks.ts) number it, price it from what was computed
// here and write its lines and stage states in one multi-row insert each. Round trips, for the 50-line bench target:
// products, number, type with stages, the kit's reference and owner checks, the order, audit, search entry, lines,
// stage states.
import type { Tx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { entityRegistry } from '../../../platform/entities/registry.ts';
import { createRecord } from '../../../platform/entities/entity.write.ts';
import { customerEntities } from '../../customers/customers.entities.ts';
import type { Discount } from '../commerce.quoteMath.ts';
import { orderEntity } from './orders.entities.ts';
import { prepareOrder } from './orders.hooks.ts';
import { computeOrderLines } from './orders.lines.ts';
import { opportunityEntity } from '../../sales/sales.entities.ts';

export interface NewOrderLine {
  productId?: string | null;
  sku?: string | null;
  name: string;
  unit?: string | null;
  quantity: string;
  unitPrice: string;
  listPrice?: string | null;
  discount?: Discount;
  /** Percent: "13". */
  taxRate: string;
  unitCost?: string | null;
}

export interface NewOrder {
  customerId: string;
  contactId?: string | null;
  quoteId?: string | null;
  contractId?: string | null;
  opportunityId?: string | null;
  /** The default order type when left out. */
  orderTypeId?: string | null;
  orderDate?: string;
  promisedDate?: string | null;
  rush?: boolean;
  memo?: string | null;
  shippingAddress?: string | null;
  ownerId?: string | null;
  rounding?: 'perLine' | 'perTotal';
  prices?: 'inclusive' | 'exclusive';
  totalDiscount?: Discount;
  lines: NewOrderLine[];
}

// The record types an order's references point at: enough for the kit's reference checks outside a request.
const registry = entityRegistry([orderEntity, ...customerEntities, opportunityEntity]);

/** Creates the order through the kit (access, audit, search) with its lines and stage states, in `tx`. */
export async function createOrder(tx: Tx, actor: Actor, input: NewOrder): Promise<{ id: string; number: string }> {
  const pricing = {
    rounding: input.rounding ?? 'perLine',
    prices: input.prices ?? 'inclusive',
    totalDiscount: input.totalDiscount ?? null,
  };
  const figures = await computeOrderLines(tx, actor, input.lines, pricing);
  prepareOrder(tx, { figures, pricing, quoteId: input.quoteId ?? null, contractId: input.contractId ?? null });
  const body: Record<string, unknown> = { customerId: input.customerId };
  for (const key of [
    'contactId',
    'opportunityId',
    'orderTypeId',
    'orderDate',
    'promisedDate',
    'rush',
    'memo',
    'shippingAddress',
    'ownerId',
  ] as const)
    if (input[key] !== undefined && input[key] !== null) body[key] = input[key];
  const record = await createRecord({ db: tx, actor, registry, descriptor: orderEntity }, body, { reread: false });
  return { id: record.id, number: record.number as string };
}
