// The product category tree: read by every signed-in user (pickers show each node by its path, 图书 / 社科类),
// changed by administrators. A lookup, so a product's categoryId is checked on write and titled on read. The tree is
// small and read by every price calculation, so it is kept in the reference cache.
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { ProductCategory, ProductCategoryInput } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError, fieldError, staleVersion } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { cachedReference, referenceChanged } from '../../../platform/cache/referenceCache.ts';
import { registerLookup } from '../../../platform/entities/lookups.ts';
import { discountRules, productCategories, products } from './catalog.schema.ts';
import './catalog.messages.ts';

const CACHE_KEY = 'productCategories';

export interface CategoryNode {
  id: string;
  name: string;
  parentId: string | null;
  position: number;
  active: boolean;
  version: number;
}

export interface CategoryTree {
  nodes: Map<string, CategoryNode>;
  /** Ids from the node up to its root, the node first. */
  ancestors(id: string): string[];
  path(id: string): string;
}

function buildTree(rows: CategoryNode[]): CategoryTree {
  const nodes = new Map(rows.map((r) => [r.id, r]));
  const ancestors = (id: string) => {
    const out: string[] = [];
    for (let at = nodes.get(id); at && !out.includes(at.id); at = at.parentId ? nodes.get(at.parentId) : undefined)
      out.push(at.id);
    return out;
  };
  return {
    nodes,
    ancestors,
    path: (id) =>
      ancestors(id)
        .reverse()
        .map((a) => nodes.get(a)!.name)
        .join(' / '),
  };
}

export function loadCategoryTree(db: DbOrTx): Promise<CategoryTree> {
  return cachedReference(db, CACHE_KEY, async () => {
    const rows = await db
      .select({
        id: productCategories.id,
        name: productCategories.name,
        parentId: productCategories.parentId,
        position: productCategories.position,
        active: productCategories.active,
        version: productCategories.version,
      })
      .from(productCategories)
      .orderBy(asc(productCategories.position), asc(productCategories.name));
    return buildTree(rows);
  });
}

/** Depth first, children by position then name: the order of the admin page and the pickers. */
function ordered(tree: CategoryTree): CategoryNode[] {
  const children = new Map<string | null, CategoryNode[]>();
  for (const node of tree.nodes.values()) {
    const parent = node.parentId && tree.nodes.has(node.parentId) ? node.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const out: CategoryNode[] = [];
  const walk = (parent: string | null) => {
    for (const node of children.get(parent) ?? []) {
      out.push(node);
      walk(node.id);
    }
  };
  walk(null);
  return out;
}

export async function listProductCategories(db: DbOrTx): Promise<ProductCategory[]> {
  const tree = await loadCategoryTree(db);
  const counts = await db
    .select({ categoryId: products.categoryId, n: count() })
    .from(products)
    .where(isNull(products.deletedAt))
    .groupBy(products.categoryId);
  const byId = new Map(counts.map((c) => [c.categoryId, c.n]));
  return ordered(tree).map((n) => ({ ...n, path: tree.path(n.id), productCount: byId.get(n.id) ?? 0 }));
}

async function checkParent(db: DbOrTx, id: string | null, parentId: string | null): Promise<void> {
  if (!parentId) return;
  const tree = buildTree(
    await db
      .select({
        id: productCategories.id,
        name: productCategories.name,
        parentId: productCategories.parentId,
        position: productCategories.position,
        active: productCategories.active,
        version: productCategories.version,
      })
      .from(productCategories),
  );
  if (!tree.nodes.has(parentId)) throw fieldError('parentId', 'CATEGORY_NOT_FOUND', 'CATEGORY_NOT_FOUND');
  if (id && tree.ancestors(parentId).includes(id)) throw fieldError('parentId', 'CATEGORY_CYCLE', 'CATEGORY_CYCLE');
}

export async function createProductCategory(tx: DbOrTx, actor: Actor, input: ProductCategoryInput): Promise<ProductCategory> {
  const parentId = input.parentId ?? null;
  await checkParent(tx, null, parentId);
  const [row] = await tx
    .insert(productCategories)
    .values({ name: input.name, parentId, position: input.position ?? 0, active: input.active ?? true })
    .returning();
  await recordAudit(tx, actor, { recordType: 'productCategory', recordId: row!.id, action: 'create' });
  await referenceChanged(tx, CACHE_KEY);
  return { ...row!, path: row!.name, productCount: 0 };
}

export async function updateProductCategory(
  tx: DbOrTx,
  actor: Actor,
  id: string,
  version: number,
  input: ProductCategoryInput,
): Promise<CategoryNode> {
  const [before] = await tx.select().from(productCategories).where(eq(productCategories.id, id)).for('update');
  if (!before) throw new AppError('NOT_FOUND', 404);
  if (before.version !== version) throw staleVersion(before);
  const parentId = input.parentId ?? null;
  await checkParent(tx, id, parentId);
  const [row] = await tx
    .update(productCategories)
    .set({
      name: input.name,
      parentId,
      position: input.position ?? before.position,
      active: input.active ?? before.active,
      version: before.version + 1,
      updatedAt: new Date(),
    })
    .where(eq(productCategories.id, id))
    .returning();
  await recordAudit(tx, actor, { recordType: 'productCategory', recordId: id, action: 'update' });
  await referenceChanged(tx, CACHE_KEY);
  return row!;
}

/** Only an empty leaf goes: no subcategory, no product (live or in the bin), no discount rule. */
export async function deleteProductCategory(tx: DbOrTx, actor: Actor, id: string): Promise<void> {
  const [before] = await tx.select().from(productCategories).where(eq(productCategories.id, id)).for('update');
  if (!before) throw new AppError('NOT_FOUND', 404);
  const [child] = await tx
    .select({ id: productCategories.id })
    .from(productCategories)
    .where(eq(productCategories.parentId, id))
    .limit(1);
  const [product] = await tx.select({ id: products.id }).from(products).where(eq(products.categoryId, id)).limit(1);
  const [rule] = await tx.select({ id: discountRules.id }).from(discountRules).where(eq(discountRules.categoryId, id)).limit(1);
  if (child || product || rule) throw new AppError('CATEGORY_IN_USE', 409);
  await tx.delete(productCategories).where(eq(productCategories.id, id));
  await recordAudit(tx, actor, { recordType: 'productCategory', recordId: id, action: 'delete' });
  await referenceChanged(tx, CACHE_KEY);
}

registerLookup('productCategory', {
  async exists(db, id) {
    return (await db.select({ id: productCategories.id }).from(productCategories).where(eq(productCategories.id, id))).length > 0;
  },
  async options(db, { ids, parent }) {
    const tree = await loadCategoryTree(db);
    const wanted = ordered(tree).filter((n) => (ids ? ids.includes(n.id) : parent ? n.parentId === parent : true));
    return wanted.map((n) => ({
      value: n.id,
      label: tree.path(n.id),
      ...(n.parentId ? { parent: n.parentId } : {}),
      ...(n.active ? {} : { inactive: true }),
    }));
  },
});

export const categoryIdsExist = async (db: DbOrTx, ids: string[]): Promise<Set<string>> =>
  new Set(
    ids.length
      ? (
          await db
            .select({ id: productCategories.id })
            .from(productCategories)
            .where(and(inArray(productCategories.id, ids)))
        ).map((r) => r.id)
      : [],
  );
