// Everything the price engine needs about a request, in one statement: the customer's grade (NULL when the caller may
// not see the customer), the lines' products the caller may read, the items of the price lists that may apply on the
// day, and the discount rules that may apply. One round trip instead of four: on a busy server each round trip is a
// wake-up of a database backend and of this process, which costs more than the rows.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { accessCondition } from '../../../platform/access/recordAccess.ts';
import { anyOf } from '../../../platform/entities/entity.bulkInsert.ts';
import { customerGradeSql, customerGradeValueSql } from './catalog.customers.ts';
import { discountRules as r, priceListItems as i, priceLists as l, products as p } from './catalog.schema.ts';

export interface PricingProduct {
  id: string;
  sku: string;
  name: string;
  unit: string;
  listPrice: string;
  taxRate: string;
  categoryId: string | null;
  discontinued: boolean;
}

export interface PricingItem {
  listId: string;
  listName: string;
  kind: string;
  validFrom: string | null;
  productId: string;
  minQuantity: string;
  unitPrice: string;
}

export interface PricingRule {
  id: string;
  name: string;
  percent: string;
  productId: string | null;
  categoryId: string | null;
  customerGrade: string | null;
  minQuantity: string | null;
}

export interface PricingFacts {
  customer: { grade: string | null } | null;
  products: PricingProduct[];
  items: PricingItem[];
  rules: PricingRule[];
}

const and = (...parts: (SQL | undefined)[]): SQL =>
  sql.join(
    parts.filter((x): x is SQL => !!x).map((x) => sql`(${x})`),
    sql` AND `,
  );
const validOn = (from: SQL | unknown, to: SQL | unknown, day: string) =>
  sql`(${from} IS NULL OR ${from} <= ${day}::date) AND (${to} IS NULL OR ${to} >= ${day}::date)`;

export async function loadPricingFacts(
  db: DbOrTx,
  actor: Actor,
  input: { customerId: string; productIds: string[]; day: string; tier: string | null },
): Promise<PricingFacts> {
  const { customerId, productIds, day, tier } = input;
  const products = sql`(SELECT coalesce(json_agg(json_build_object(
      'id', ${p.id}, 'sku', ${p.sku}, 'name', ${p.name}, 'unit', ${p.unit}, 'listPrice', ${p.listPrice}::text,
      'taxRate', ${p.taxRate}::text, 'categoryId', ${p.categoryId}, 'discontinued', ${p.discontinued})), '[]')
    FROM ${p} WHERE ${and(anyOf(p.id, productIds), sql`${p.deletedAt} IS NULL`, accessCondition(actor, 'product', 'read', p))})`;
  const lists = sql.join(
    [
      sql`${l.kind} = 'standard'`,
      sql`${l.kind} = 'grade' AND ${l.grade} = ${customerGradeValueSql(customerId)}`,
      ...(tier ? [sql`${l.kind} = 'tier' AND ${l.tierKey} = ${tier}`] : []),
      sql`${l.kind} = 'customer' AND ${l.customerId} = ${customerId}`,
    ].map((x) => sql`(${x})`),
    sql` OR `,
  );
  const items = sql`(SELECT coalesce(json_agg(json_build_object(
      'listId', ${l.id}, 'listName', ${l.name}, 'kind', ${l.kind}, 'validFrom', ${l.validFrom}::text,
      'productId', ${i.productId}, 'minQuantity', ${i.minQuantity}::text, 'unitPrice', ${i.unitPrice}::text)), '[]')
    FROM ${i} JOIN ${l} ON ${l.id} = ${i.priceListId}
    WHERE ${and(anyOf(i.productId, productIds), sql`${l.active}`, validOn(l.validFrom, l.validTo, day), lists)})`;
  const rules = sql`(SELECT coalesce(json_agg(json_build_object(
      'id', ${r.id}, 'name', ${r.name}, 'percent', ${r.percent}::text, 'productId', ${r.productId},
      'categoryId', ${r.categoryId}, 'customerGrade', ${r.customerGrade}, 'minQuantity', ${r.minQuantity}::text)), '[]')
    FROM ${r}
    WHERE ${and(
      sql`${r.active}`,
      validOn(r.validFrom, r.validTo, day),
      sql`${r.productId} IS NULL OR ${anyOf(r.productId, productIds)}`,
      sql`${r.customerGrade} IS NULL OR ${r.customerGrade} = ${customerGradeValueSql(customerId)}`,
    )})`;
  const result = await db.execute(
    sql`SELECT ${customerGradeSql(actor, customerId)} AS customer, ${products} AS products, ${items} AS items, ${rules} AS rules`,
  );
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
  const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
  return {
    customer: json<PricingFacts['customer']>(row.customer),
    products: json<PricingProduct[]>(row.products),
    items: json<PricingItem[]>(row.items),
    rules: json<PricingRule[]>(row.rules),
  };
}
