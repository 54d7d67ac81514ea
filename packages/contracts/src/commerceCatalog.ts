// The product catalogue's API beyond the kit's product record routes: the category tree, price lists with their
// items and quantity breaks, discount rules, and the price engine's quote lines with the explanation of each price.
import { z } from 'zod';

/** Money as the API carries it: a string such as "95.00"; at most two decimals, checked by the service per field. */
const money = z.union([z.string(), z.number()]);
/** A quantity: positive, at most four decimals (numeric(18,4)); checked by the engine for field-named errors. */
const quantity = z.union([z.string(), z.number()]);
const day = z.iso.date();

export const productCategorySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  position: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  /** Names from the root down, joined with「 / 」. */
  path: z.string(),
  productCount: z.number().int(),
});
export type ProductCategory = z.infer<typeof productCategorySchema>;

export const productCategoryInputSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    parentId: z.uuid().nullable().default(null),
    position: z.number().int().min(0).max(10_000).default(0),
    active: z.boolean().default(true),
  })
  .strict();
export type ProductCategoryInput = z.input<typeof productCategoryInputSchema>;

export const PRICE_LIST_KINDS = ['standard', 'grade', 'tier', 'customer'] as const;
export type PriceListKind = (typeof PRICE_LIST_KINDS)[number];

export const priceBreakSchema = z.object({ minQuantity: quantity, unitPrice: money }).strict();
export const priceListItemInputSchema = z
  .object({ productId: z.uuid(), breaks: z.array(priceBreakSchema).min(1).max(20) })
  .strict();

/** A whole price list as an administrator saves it, items and their quantity breaks included. */
export const priceListInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    kind: z.enum(PRICE_LIST_KINDS),
    /** For `grade`: the customer grade (A–D). */
    grade: z.string().max(10).nullable().default(null),
    /** For `tier`: the channel tier key (free text until the partners module). */
    tierKey: z.string().trim().max(50).nullable().default(null),
    /** For `customer`: the customer. */
    customerId: z.uuid().nullable().default(null),
    validFrom: day.nullable().default(null),
    validTo: day.nullable().default(null),
    active: z.boolean().default(true),
    description: z.string().max(500).nullable().default(null),
    items: z.array(priceListItemInputSchema).max(5000).default([]),
  })
  .strict();
export type PriceListInput = z.input<typeof priceListInputSchema>;

export const priceListItemSchema = z.object({
  productId: z.uuid(),
  sku: z.string(),
  productName: z.string(),
  unit: z.string(),
  listPrice: z.string(),
  breaks: z.array(z.object({ minQuantity: z.string(), unitPrice: z.string() })),
});
export type PriceListItem = z.infer<typeof priceListItemSchema>;

export const priceListSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(PRICE_LIST_KINDS),
  grade: z.string().nullable(),
  tierKey: z.string().nullable(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  currency: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  description: z.string().nullable(),
  version: z.number().int(),
  itemCount: z.number().int(),
  items: z.array(priceListItemSchema).optional(),
});
export type PriceList = z.infer<typeof priceListSchema>;

export const discountRuleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    /** Percent off, e.g. "5" or "12.5"; more than 0, at most 100, at most two decimals. */
    percent: z.union([z.string(), z.number()]),
    productId: z.uuid().nullable().default(null),
    categoryId: z.uuid().nullable().default(null),
    customerGrade: z.string().max(10).nullable().default(null),
    minQuantity: quantity.nullable().default(null),
    validFrom: day.nullable().default(null),
    validTo: day.nullable().default(null),
    active: z.boolean().default(true),
  })
  .strict();
export type DiscountRuleInput = z.input<typeof discountRuleInputSchema>;

export const discountRuleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  percent: z.string(),
  productId: z.uuid().nullable(),
  productName: z.string().nullable(),
  categoryId: z.uuid().nullable(),
  categoryName: z.string().nullable(),
  customerGrade: z.string().nullable(),
  minQuantity: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type DiscountRule = z.infer<typeof discountRuleSchema>;

export const quoteLinesRequestSchema = z
  .object({
    customerId: z.uuid(),
    /** The day prices are taken for (YYYY-MM-DD); today in the organisation's time zone when left out. */
    date: day.optional(),
    /** The channel tier whose price list applies (until the partners module knows a customer's tier). */
    channelTier: z.string().trim().max(50).optional(),
    lines: z
      .array(z.object({ productId: z.uuid(), quantity }).strict())
      .min(1)
      .max(500),
  })
  .strict();
export type QuoteLinesRequest = z.input<typeof quoteLinesRequestSchema>;

export const PRICE_SOURCE_KINDS = ['customerList', 'tierList', 'gradeList', 'standardList', 'listPrice'] as const;
export type PriceSourceKind = (typeof PRICE_SOURCE_KINDS)[number];

export const priceSourceSchema = z.object({
  kind: z.enum(PRICE_SOURCE_KINDS),
  listId: z.uuid().optional(),
  listName: z.string().optional(),
  /** The quantity break that gave the price: its minimum quantity. */
  breakMinQuantity: z.string().optional(),
  /** The list's price at that break, before discounts. */
  unitPrice: z.string(),
});

export const appliedDiscountSchema = z.object({
  ruleId: z.uuid(),
  ruleName: z.string(),
  percent: z.string(),
  /** Off each unit, in yuan. */
  amountPerUnit: z.string(),
  scope: z.enum(['product', 'category', 'all']),
});

export const pricedLineSchema = z.object({
  productId: z.uuid(),
  sku: z.string(),
  productName: z.string(),
  unit: z.string(),
  quantity: z.string(),
  taxRate: z.string(),
  /** The product's own list price. */
  listPrice: z.string(),
  /** The price per unit after discounts, to the fen. */
  unitPrice: z.string(),
  /** quantity × unitPrice, half up to the fen. */
  amount: z.string(),
  source: priceSourceSchema,
  /** At most one: the engine applies the best single rule (see docs/ARCHITECTURE.md). */
  discounts: z.array(appliedDiscountSchema),
  /** Why no discount applied although rules matched, e.g. a customer contract price. */
  discountNote: z.enum(['contractPrice']).optional(),
});
export type PricedLine = z.infer<typeof pricedLineSchema>;

export const quoteLinesResponseSchema = z.object({
  customerId: z.uuid(),
  customerGrade: z.string().nullable(),
  date: z.string(),
  lines: z.array(pricedLineSchema),
  total: z.string(),
});
export type QuoteLinesResponse = z.infer<typeof quoteLinesResponseSchema>;
