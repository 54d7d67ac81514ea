// Creating an order with its lines (to be written: this file holds the agreed signature only).
import type { Tx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import type { Discount } from '../commerce.quoteMath.ts';

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

/** Creates the order through the kit (access, audit, search) with its lines and stage states, in `tx`. */
export async function createOrder(_tx: Tx, _actor: Actor, _input: NewOrder): Promise<{ id: string; number: string }> {
  throw new Error('orders: not written yet');
}
