// Price lists and discount rules: read by every signed-in user, saved by administrators. A price list is saved
// whole — its items and their quantity breaks replace the stored ones — with If-Match, every bad field named in one
// VALIDATION_FAILED, and one audit entry per save.
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { DiscountRule, DiscountRuleInput, ErrorDetail, PriceList, PriceListInput, PriceListItem } from '@guanxi/contracts';
import { discountRuleInputSchema, priceListInputSchema } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError, staleVersion, validationFailed } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { EntityRegistry } from '../../../platform/entities/registry.ts';
import { isReadable } from '../../../platform/entities/entity.read.ts';
import { PERCENT_RULE, PRICE_RULE, QUANTITY_RULE, readValue } from './catalog.values.ts';
import { loadCategoryTree } from './catalog.categories.ts';
import { customerNames } from './catalog.customers.ts';
import { discountRules, priceListItems, priceLists, products } from './catalog.schema.ts';

const GRADES = ['A', 'B', 'C', 'D'];

function checkValidity(from: string | null | undefined, to: string | null | undefined, details: ErrorDetail[]) {
  if (from && to && to < from) details.push({ field: 'validTo', code: 'VALIDITY_ORDER', message: 'VALIDITY_ORDER' });
}

async function checkPriceList(db: DbOrTx, actor: Actor, registry: EntityRegistry, input: PriceListInput) {
  const details: ErrorDetail[] = [];
  const need = (field: string, wanted: boolean, value: unknown) => {
    if (wanted && !value) details.push({ field, code: 'PRICE_LIST_TARGET_REQUIRED', message: 'PRICE_LIST_TARGET_REQUIRED' });
    if (!wanted && value) details.push({ field, code: 'PRICE_LIST_TARGET_UNEXPECTED', message: 'PRICE_LIST_TARGET_UNEXPECTED' });
  };
  need('grade', input.kind === 'grade', input.grade);
  need('tierKey', input.kind === 'tier', input.tierKey);
  need('customerId', input.kind === 'customer', input.customerId);
  if (input.grade && !GRADES.includes(input.grade))
    details.push({ field: 'grade', code: 'GRADE_UNKNOWN', message: 'GRADE_UNKNOWN' });
  if (input.customerId && !(await isReadable(db, actor, registry.get('customer')!, input.customerId)))
    details.push({ field: 'customerId', code: 'not_found_reference', message: 'not_found_reference' });
  checkValidity(input.validFrom, input.validTo, details);
  const items = input.items ?? [];
  const seen = new Set<string>();
  const rows: { productId: string; minQuantity: string; unitPrice: string }[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.productId))
      details.push({
        field: `items.${i}.productId`,
        code: 'PRICE_LIST_PRODUCT_DUPLICATE',
        message: 'PRICE_LIST_PRODUCT_DUPLICATE',
      });
    seen.add(item.productId);
    const mins = new Set<string>();
    item.breaks.forEach((b, j) => {
      const at = `items.${i}.breaks.${j}`;
      const min = readValue(b.minQuantity, `${at}.minQuantity`, QUANTITY_RULE, details);
      const price = readValue(b.unitPrice, `${at}.unitPrice`, PRICE_RULE, details);
      if (!min || !price) return;
      const key = min.toFixed(4);
      if (mins.has(key))
        details.push({ field: `${at}.minQuantity`, code: 'PRICE_BREAK_DUPLICATE', message: 'PRICE_BREAK_DUPLICATE' });
      mins.add(key);
      rows.push({ productId: item.productId, minQuantity: key, unitPrice: price.toFixed(2) });
    });
  });
  const ids = [...seen];
  if (ids.length) {
    const found = new Set(
      (await db.select({ id: products.id }).from(products).where(inArray(products.id, ids))).map((r) => r.id),
    );
    items.forEach((item, i) => {
      if (!found.has(item.productId))
        details.push({ field: `items.${i}.productId`, code: 'PRODUCT_NOT_FOUND', message: 'PRODUCT_NOT_FOUND' });
    });
  }
  if (details.length) throw validationFailed(details);
  return rows;
}

const listColumns = (input: ReturnType<typeof priceListInputSchema.parse>) => ({
  name: input.name,
  kind: input.kind,
  grade: input.grade,
  tierKey: input.tierKey,
  customerId: input.customerId,
  validFrom: input.validFrom,
  validTo: input.validTo,
  active: input.active,
  description: input.description,
});

export async function createPriceList(
  db: DbOrTx,
  actor: Actor,
  registry: EntityRegistry,
  raw: PriceListInput,
): Promise<PriceList> {
  const input = priceListInputSchema.parse(raw);
  const rows = await checkPriceList(db, actor, registry, input);
  const [list] = await db
    .insert(priceLists)
    .values({ ...listColumns(input), createdBy: actor.userId, updatedBy: actor.userId })
    .returning();
  if (rows.length) await db.insert(priceListItems).values(rows.map((r) => ({ ...r, priceListId: list!.id })));
  await recordAudit(db, actor, { recordType: 'priceList', recordId: list!.id, action: 'create' });
  return getPriceList(db, list!.id);
}

export async function updatePriceList(
  db: DbOrTx,
  actor: Actor,
  registry: EntityRegistry,
  id: string,
  version: number,
  raw: PriceListInput,
): Promise<PriceList> {
  const input = priceListInputSchema.parse(raw);
  const [before] = await db.select().from(priceLists).where(eq(priceLists.id, id)).for('update');
  if (!before) throw new AppError('NOT_FOUND', 404);
  if (before.version !== version) throw staleVersion(await getPriceList(db, id));
  const rows = await checkPriceList(db, actor, registry, input);
  await db
    .update(priceLists)
    .set({ ...listColumns(input), version: before.version + 1, updatedAt: new Date(), updatedBy: actor.userId })
    .where(eq(priceLists.id, id));
  await db.delete(priceListItems).where(eq(priceListItems.priceListId, id));
  if (rows.length) await db.insert(priceListItems).values(rows.map((r) => ({ ...r, priceListId: id })));
  await recordAudit(db, actor, { recordType: 'priceList', recordId: id, action: 'update' });
  return getPriceList(db, id);
}

export async function deletePriceList(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const [gone] = await db.delete(priceLists).where(eq(priceLists.id, id)).returning({ id: priceLists.id });
  if (!gone) throw new AppError('NOT_FOUND', 404);
  await recordAudit(db, actor, { recordType: 'priceList', recordId: id, action: 'delete' });
}

type ListRow = typeof priceLists.$inferSelect;
const toApi = (row: ListRow, itemCount: number, customerName: string | null): PriceList => ({
  id: row.id,
  name: row.name,
  kind: row.kind as PriceList['kind'],
  grade: row.grade,
  tierKey: row.tierKey,
  customerId: row.customerId,
  customerName,
  currency: row.currency,
  validFrom: row.validFrom,
  validTo: row.validTo,
  active: row.active,
  description: row.description,
  version: row.version,
  itemCount,
});

const KIND_ORDER = { customer: 0, tier: 1, grade: 2, standard: 3 } as const;

export async function listPriceLists(db: DbOrTx): Promise<PriceList[]> {
  const rows = await db.select().from(priceLists).orderBy(asc(priceLists.name));
  const counts = await db
    .select({ listId: priceListItems.priceListId, n: count() })
    .from(priceListItems)
    .groupBy(priceListItems.priceListId);
  const byList = new Map(counts.map((c) => [c.listId, c.n]));
  const names = await customerNames(
    db,
    rows.flatMap((r) => (r.customerId ? [r.customerId] : [])),
  );
  return rows
    .map((r) => toApi(r, byList.get(r.id) ?? 0, r.customerId ? (names.get(r.customerId) ?? null) : null))
    .sort((a, b) => KIND_ORDER[b.kind] - KIND_ORDER[a.kind] || (b.validFrom ?? '').localeCompare(a.validFrom ?? ''));
}

export async function getPriceList(db: DbOrTx, id: string): Promise<PriceList> {
  const [row] = await db.select().from(priceLists).where(eq(priceLists.id, id));
  if (!row) throw new AppError('NOT_FOUND', 404);
  const itemRows = await db
    .select({
      productId: priceListItems.productId,
      minQuantity: priceListItems.minQuantity,
      unitPrice: priceListItems.unitPrice,
      sku: products.sku,
      productName: products.name,
      unit: products.unit,
      listPrice: products.listPrice,
    })
    .from(priceListItems)
    .innerJoin(products, eq(products.id, priceListItems.productId))
    .where(eq(priceListItems.priceListId, id))
    .orderBy(asc(products.sku), asc(priceListItems.minQuantity));
  const items = new Map<string, PriceListItem>();
  for (const r of itemRows) {
    const item = items.get(r.productId) ?? {
      productId: r.productId,
      sku: r.sku,
      productName: r.productName,
      unit: r.unit,
      listPrice: r.listPrice,
      breaks: [],
    };
    item.breaks.push({ minQuantity: trimQuantity(r.minQuantity), unitPrice: r.unitPrice });
    items.set(r.productId, item);
  }
  const names = row.customerId ? await customerNames(db, [row.customerId]) : new Map<string, string>();
  return {
    ...toApi(row, items.size, row.customerId ? (names.get(row.customerId) ?? null) : null),
    items: [...items.values()],
  };
}

/** numeric(18,4) gives "10.0000"; people read "10". */
export const trimQuantity = (q: string): string => (q.includes('.') ? q.replace(/\.?0+$/, '') : q);

// ---- discount rules ----

async function checkRule(db: DbOrTx, input: ReturnType<typeof discountRuleInputSchema.parse>) {
  const details: ErrorDetail[] = [];
  const percent = readValue(input.percent, 'percent', PERCENT_RULE, details);
  const min = input.minQuantity === null ? null : readValue(input.minQuantity, 'minQuantity', QUANTITY_RULE, details);
  if (input.productId && input.categoryId)
    details.push({ field: 'categoryId', code: 'DISCOUNT_TARGET_BOTH', message: 'DISCOUNT_TARGET_BOTH' });
  if (input.customerGrade && !GRADES.includes(input.customerGrade))
    details.push({ field: 'customerGrade', code: 'GRADE_UNKNOWN', message: 'GRADE_UNKNOWN' });
  if (input.productId && !(await db.select({ id: products.id }).from(products).where(eq(products.id, input.productId))).length)
    details.push({ field: 'productId', code: 'PRODUCT_NOT_FOUND', message: 'PRODUCT_NOT_FOUND' });
  if (input.categoryId && !(await loadCategoryTree(db)).nodes.has(input.categoryId))
    details.push({ field: 'categoryId', code: 'CATEGORY_NOT_FOUND', message: 'CATEGORY_NOT_FOUND' });
  checkValidity(input.validFrom, input.validTo, details);
  if (details.length || !percent) throw validationFailed(details);
  return {
    name: input.name,
    percent: percent.toFixed(2),
    productId: input.productId,
    categoryId: input.categoryId,
    customerGrade: input.customerGrade,
    minQuantity: min ? min.toFixed(4) : null,
    validFrom: input.validFrom,
    validTo: input.validTo,
    active: input.active,
  };
}

export async function listDiscountRules(db: DbOrTx, ids?: string[]): Promise<DiscountRule[]> {
  const rows = await db
    .select({ rule: discountRules, productName: products.name })
    .from(discountRules)
    .leftJoin(products, eq(products.id, discountRules.productId))
    .where(ids ? inArray(discountRules.id, ids) : undefined)
    .orderBy(desc(discountRules.active), asc(discountRules.name));
  const tree = await loadCategoryTree(db);
  return rows.map(({ rule, productName }) => ({
    id: rule.id,
    name: rule.name,
    percent: rule.percent,
    productId: rule.productId,
    productName,
    categoryId: rule.categoryId,
    categoryName: rule.categoryId && tree.nodes.has(rule.categoryId) ? tree.path(rule.categoryId) : null,
    customerGrade: rule.customerGrade,
    minQuantity: rule.minQuantity === null ? null : trimQuantity(rule.minQuantity),
    validFrom: rule.validFrom,
    validTo: rule.validTo,
    active: rule.active,
    version: rule.version,
  }));
}

export async function createDiscountRule(db: DbOrTx, actor: Actor, raw: DiscountRuleInput): Promise<DiscountRule> {
  const values = await checkRule(db, discountRuleInputSchema.parse(raw));
  const [row] = await db
    .insert(discountRules)
    .values({ ...values, createdBy: actor.userId, updatedBy: actor.userId })
    .returning({ id: discountRules.id });
  await recordAudit(db, actor, { recordType: 'discountRule', recordId: row!.id, action: 'create' });
  return (await listDiscountRules(db, [row!.id]))[0]!;
}

export async function updateDiscountRule(
  db: DbOrTx,
  actor: Actor,
  id: string,
  version: number,
  raw: DiscountRuleInput,
): Promise<DiscountRule> {
  const [before] = await db.select().from(discountRules).where(eq(discountRules.id, id)).for('update');
  if (!before) throw new AppError('NOT_FOUND', 404);
  if (before.version !== version) throw staleVersion((await listDiscountRules(db, [id]))[0]);
  const values = await checkRule(db, discountRuleInputSchema.parse(raw));
  await db
    .update(discountRules)
    .set({ ...values, version: before.version + 1, updatedAt: new Date(), updatedBy: actor.userId })
    .where(and(eq(discountRules.id, id)));
  await recordAudit(db, actor, { recordType: 'discountRule', recordId: id, action: 'update' });
  return (await listDiscountRules(db, [id]))[0]!;
}

export async function deleteDiscountRule(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const [gone] = await db.delete(discountRules).where(eq(discountRules.id, id)).returning({ id: discountRules.id });
  if (!gone) throw new AppError('NOT_FOUND', 404);
  await recordAudit(db, actor, { recordType: 'discountRule', recordId: id, action: 'delete' });
}
