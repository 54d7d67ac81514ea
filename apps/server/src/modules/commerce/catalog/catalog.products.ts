// Rules of the product record type beyond its descriptor: the SKU is trimmed and unique among live products (409
// SKU_TAKEN naming the field; the partial unique index stops two writers at once).
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { EntityHooks } from '../../../platform/entities/descriptor.ts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { products } from './catalog.schema.ts';
import './catalog.messages.ts';

async function claimSku(db: DbOrTx, sku: string, exceptId?: string): Promise<void> {
  // Serialises writers of the same SKU so the check below sees a concurrent insert once it commits.
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${'product-sku:' + sku}))`);
  const [taken] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.sku, sku), isNull(products.deletedAt), exceptId ? ne(products.id, exceptId) : undefined))
    .limit(1);
  if (taken) throw new AppError('SKU_TAKEN', 409, [{ field: 'sku', code: 'SKU_TAKEN', message: 'SKU_TAKEN' }]);
}

export const productHooks: EntityHooks = {
  async beforeCreate(ctx, values) {
    if (typeof values.sku === 'string') {
      const sku = values.sku.trim();
      values.sku = sku;
      await claimSku(ctx.db, sku);
    }
  },
  async beforeUpdate(ctx, before, changes) {
    if (typeof changes.sku === 'string') {
      const sku = changes.sku.trim();
      changes.sku = sku;
      if (sku !== before.sku) await claimSku(ctx.db, sku, before.id as string);
    }
  },
};
