// Quotes: the lines of a quote as saved whole (PUT /api/v1/quotes/:id/lines) and as read back with every figure and
// the quote's totals, and the list of a quote's revisions. The quote itself is a kit record (GET /api/v1/quotes/:id).
import { z } from 'zod';
import { appliedDiscountSchema, priceSourceSchema } from './commerceCatalog.ts';

/** A discount as a percentage (0–100, 2 decimals) or an amount in yuan (to the fen). Values are decimal strings. */
export const quoteDiscountSchema = z.object({ kind: z.enum(['percent', 'amount']), value: z.string().max(40) }).strict();
export type QuoteDiscount = z.infer<typeof quoteDiscountSchema>;

/**
 * One line as the editor sends it. From a product: the product's name, SKU, unit, tax rate, list price and cost are
 * taken from the catalogue and `unitPrice` may be left out (the price engine's) or set (a price of one's own). A free
 * line (no product) names itself and gives its unit price and tax rate (percent: "13").
 */
export const quoteLineInputSchema = z
  .object({
    productId: z.uuid().nullable().optional(),
    name: z.string().trim().max(200).optional(),
    unit: z.string().trim().max(20).nullable().optional(),
    quantity: z.string().max(40),
    unitPrice: z.string().max(40).nullable().optional(),
    discount: quoteDiscountSchema.nullable().optional(),
    taxRate: z.string().max(10).nullable().optional(),
  })
  .strict();
export type QuoteLineInput = z.infer<typeof quoteLineInputSchema>;

export const quoteLinesInputSchema = z
  .object({ lines: z.array(quoteLineInputSchema).max(500), totalDiscount: quoteDiscountSchema.nullable().optional() })
  .strict();
export type QuoteLinesInput = z.infer<typeof quoteLinesInputSchema>;

/** The price engine's explanation of a line's `enginePrice`. */
export const quotePriceSourceSchema = z.object({
  source: priceSourceSchema,
  discounts: z.array(appliedDiscountSchema),
  discountNote: z.literal('contractPrice').optional(),
});
export type QuotePriceSource = z.infer<typeof quotePriceSourceSchema>;

export const quoteLineSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  productId: z.uuid().nullable(),
  sku: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  quantity: z.string(),
  listPrice: z.string().nullable(),
  enginePrice: z.string().nullable(),
  unitPrice: z.string(),
  discount: quoteDiscountSchema.nullable(),
  /** Percent: "13.00". */
  taxRate: z.string(),
  /** quantity × unit price; the line's own discount; amount − discount; its share of the total discount. */
  amount: z.string(),
  discountAmount: z.string(),
  subtotal: z.string(),
  totalDiscountShare: z.string(),
  net: z.string(),
  tax: z.string(),
  gross: z.string(),
  unitCost: z.string().nullable(),
  /** (list value − value after both discounts) ÷ list value × 100, 2 decimals rounded up; "0.00" at or above list. */
  discountOffListPercent: z.string(),
  priceSource: quotePriceSourceSchema.nullable(),
});
export type QuoteLine = z.infer<typeof quoteLineSchema>;

export const quoteTotalsSchema = z.object({
  subtotal: z.string(),
  discountTotal: z.string(),
  netTotal: z.string(),
  taxTotal: z.string(),
  grossTotal: z.string(),
  costTotal: z.string(),
  effectiveDiscountPercent: z.string(),
});
export type QuoteTotals = z.infer<typeof quoteTotalsSchema>;

export const quoteLinesSchema = z.object({
  quoteId: z.uuid(),
  /** The quote's version: send it back as If-Match. */
  version: z.number().int(),
  status: z.string(),
  /** Whether the quote's lines may be changed now (draft or rejected, and the caller may update it). */
  editable: z.boolean(),
  customerId: z.uuid(),
  quoteDate: z.string(),
  rounding: z.enum(['perLine', 'perTotal']),
  prices: z.enum(['inclusive', 'exclusive']),
  totalDiscount: quoteDiscountSchema.nullable(),
  lines: z.array(quoteLineSchema),
  totals: quoteTotalsSchema,
});
export type QuoteLines = z.infer<typeof quoteLinesSchema>;
