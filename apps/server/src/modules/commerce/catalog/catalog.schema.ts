// Tables of the product catalogue and its price policies: the category tree (administrators), products (a kit
// record type), price lists with their items and quantity breaks, and discount rules. The price engine
// (catalog.pricing.ts) reads them; quotes and orders will take their unit prices from it.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, recordColumns, updatedAt } from '../../../platform/db/columns.ts';
import { customers } from '../../customers/customers.schema.ts';

/** A node of the category tree (图书 → 社科类); a product belongs to one node, a discount rule may name a subtree. */
export const productCategories = pgTable(
  'product_categories',
  {
    id: idColumn(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    position: integer('position').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('product_categories_parent_idx').on(t.parentId, t.position)],
);

export const products = pgTable(
  'products',
  {
    ...recordColumns(),
    /** 物料编码: unique among live products (the partial index below; the service names the field on a clash). */
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    /** The name's pinyin sort key (FieldSpec.sortKey), kept by the kit; COLLATE "C" in the migration. */
    nameSort: text('name_sort'),
    nameEn: text('name_en'),
    categoryId: uuid('category_id').references(() => productCategories.id),
    unit: text('unit').notNull().default('piece'),
    listPrice: numeric('list_price', { precision: 18, scale: 2 }).notNull(),
    standardCost: numeric('standard_cost', { precision: 18, scale: 2 }),
    /** 0.13 for 13 %; one of the tax rate options. */
    taxRate: numeric('tax_rate', { precision: 4, scale: 2 }).notNull().default('0.13'),
    supplier: text('supplier'),
    leadTimeDays: integer('lead_time_days'),
    /** 停售: no longer sold (the price engine refuses it). A flag that is off by default, so a new product is sellable. */
    discontinued: boolean('discontinued').notNull().default(false),
    description: text('description'),
  },
  (t) => [
    uniqueIndex('products_live_sku_idx')
      .on(t.sku)
      .where(sql`${t.deletedAt} IS NULL`),
    index('products_live_name_sort_idx')
      .on(t.nameSort, t.id)
      .where(sql`${t.deletedAt} IS NULL`),
    index('products_category_idx').on(t.categoryId),
    index('products_owner_idx').on(t.ownerId),
    index('products_org_unit_idx').on(t.orgUnitId),
    index('products_created_idx').on(t.createdAt, t.id),
  ],
);

/**
 * A price list: `standard` (everyone), `grade` (customers of grade `grade`), `tier` (channel partners of tier
 * `tierKey`) or `customer` (one customer). Valid from/to inclusive (null: open-ended).
 */
export const priceLists = pgTable(
  'price_lists',
  {
    id: idColumn(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    grade: text('grade'),
    tierKey: text('tier_key'),
    customerId: uuid('customer_id').references(() => customers.id),
    currency: text('currency').notNull().default('CNY'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [index('price_lists_kind_idx').on(t.kind, t.active), index('price_lists_customer_idx').on(t.customerId)],
);

/** One price of a product in a list from a quantity on: the rows of one product are its quantity breaks. */
export const priceListItems = pgTable(
  'price_list_items',
  {
    id: idColumn(),
    priceListId: uuid('price_list_id')
      .notNull()
      .references(() => priceLists.id, { onDelete: 'cascade' }),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id),
    minQuantity: numeric('min_quantity', { precision: 18, scale: 4 }).notNull().default('1'),
    unitPrice: numeric('unit_price', { precision: 18, scale: 2 }).notNull(),
  },
  (t) => [
    uniqueIndex('price_list_items_break_idx').on(t.priceListId, t.productId, t.minQuantity),
    index('price_list_items_product_idx').on(t.productId, t.priceListId),
  ],
);

/**
 * A percentage off the price for a product, a category subtree or every product (neither named), optionally only
 * for one customer grade and from a quantity on, within validity dates. The engine applies the best single rule.
 */
export const discountRules = pgTable(
  'discount_rules',
  {
    id: idColumn(),
    name: text('name').notNull(),
    percent: numeric('percent', { precision: 5, scale: 2 }).notNull(),
    productId: uuid('product_id').references(() => products.id),
    categoryId: uuid('category_id').references(() => productCategories.id),
    customerGrade: text('customer_grade'),
    minQuantity: numeric('min_quantity', { precision: 18, scale: 4 }),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    createdBy: uuid('created_by'),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [index('discount_rules_active_idx').on(t.active)],
);
