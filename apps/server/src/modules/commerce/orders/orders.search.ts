// Orders by product: the kit's order list (its filters, sort, paging and access) narrowed to orders with a line of the
// product — GET /api/v1/orders/by-product?productId=…. The kit has no custom filters, so this is its own route over
// listRecords with an extra condition (served by order_lines_product_idx).
import { sql } from 'drizzle-orm';
import type { ListResponse } from '@guanxi/contracts';
import { listRecords, type ApiRecord, type KitContext } from '../../../platform/entities/entity.read.ts';
import { fieldError } from '../../../platform/http/errors.ts';
import { orderLines, orders } from './orders.schema.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function ordersByProduct(ctx: KitContext, query: Record<string, unknown>): Promise<ListResponse<ApiRecord>> {
  const { productId, ...rest } = query;
  if (typeof productId !== 'string' || !UUID.test(productId)) throw fieldError('productId', 'invalid_value', 'invalid_value');
  return listRecords(ctx, rest, {
    where: sql`EXISTS (SELECT 1 FROM ${orderLines} WHERE ${orderLines.orderId} = ${orders.id} AND ${orderLines.productId} = ${productId})`,
  });
}
