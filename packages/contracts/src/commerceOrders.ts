// Orders beyond the kit's order record routes: lines (saved whole while a draft), order types with their stage
// pipelines, an order's progress through its stages (complete, partial quantities, reopen), purchase batches per
// supplier, expenses and the predicted / actual profit.
import { z } from 'zod';

const day = z.iso.date();
/** Decimal strings ("12.50", "3"); the service checks decimals and range per field. */
const decimal = z.string().max(40);

export const orderDiscountSchema = z.object({ kind: z.enum(['percent', 'amount']), value: decimal }).strict();

/** One line as sent: from a product (its name, SKU, unit, tax rate and cost are the catalogue's unless given) or free. */
export const orderLineInputSchema = z
  .object({
    productId: z.uuid().nullable().optional(),
    sku: z.string().trim().max(50).nullable().optional(),
    name: z.string().trim().max(200).optional(),
    unit: z.string().trim().max(20).nullable().optional(),
    quantity: decimal,
    unitPrice: decimal,
    listPrice: decimal.nullable().optional(),
    discount: orderDiscountSchema.nullable().optional(),
    /** Percent ("13"); the product's when left out. */
    taxRate: decimal.nullable().optional(),
    unitCost: decimal.nullable().optional(),
  })
  .strict();
export type OrderLineInput = z.infer<typeof orderLineInputSchema>;

export const orderLinesInputSchema = z
  .object({
    lines: z.array(orderLineInputSchema).max(500),
    totalDiscount: orderDiscountSchema.nullable().optional(),
    rounding: z.enum(['perLine', 'perTotal']).optional(),
    prices: z.enum(['inclusive', 'exclusive']).optional(),
  })
  .strict();
export type OrderLinesInput = z.infer<typeof orderLinesInputSchema>;

/** POST /api/v1/orders/direct: an order with its lines in one request. */
export const directOrderInputSchema = orderLinesInputSchema
  .extend({
    customerId: z.uuid(),
    contactId: z.uuid().nullable().optional(),
    opportunityId: z.uuid().nullable().optional(),
    orderTypeId: z.uuid().nullable().optional(),
    orderDate: day.optional(),
    promisedDate: day.nullable().optional(),
    rush: z.boolean().optional(),
    memo: z.string().max(2000).nullable().optional(),
    shippingAddress: z.string().max(300).nullable().optional(),
    ownerId: z.uuid().nullable().optional(),
  })
  .strict();
export type DirectOrderInput = z.infer<typeof directOrderInputSchema>;

export const orderLineSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  productId: z.uuid().nullable(),
  sku: z.string().nullable(),
  name: z.string(),
  unit: z.string().nullable(),
  supplier: z.string().nullable(),
  quantity: z.string(),
  listPrice: z.string().nullable(),
  unitPrice: z.string(),
  discount: orderDiscountSchema.nullable(),
  taxRate: z.string(),
  amount: z.string(),
  discountAmount: z.string(),
  subtotal: z.string(),
  totalDiscountShare: z.string(),
  net: z.string(),
  tax: z.string(),
  gross: z.string(),
  unitCost: z.string().nullable(),
  deliveredQuantity: z.string(),
  batchId: z.uuid().nullable(),
  batchNumber: z.string().nullable(),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const orderLinesSchema = z.object({
  lines: z.array(orderLineSchema),
  totals: z.object({
    subtotal: z.string(),
    discountTotal: z.string(),
    netTotal: z.string(),
    taxTotal: z.string(),
    grossTotal: z.string(),
    costTotal: z.string(),
    effectiveDiscountPercent: z.string(),
  }),
  totalDiscount: orderDiscountSchema.nullable(),
  rounding: z.enum(['perLine', 'perTotal']),
  prices: z.enum(['inclusive', 'exclusive']),
  /** Lines can be changed only while the order is a draft. */
  editable: z.boolean(),
});
export type OrderLines = z.infer<typeof orderLinesSchema>;

export const ORDER_STAGE_MILESTONES = ['purchasing', 'delivered', 'paid'] as const;
export type OrderStageMilestone = (typeof ORDER_STAGE_MILESTONES)[number];

export const orderStageSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  leadTimeDays: z.number().int(),
  milestone: z.enum(ORDER_STAGE_MILESTONES).nullable(),
  tracksQuantity: z.boolean(),
  isArrival: z.boolean(),
  active: z.boolean(),
});
export type OrderStage = z.infer<typeof orderStageSchema>;

export const orderTypeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  isDefault: z.boolean(),
  active: z.boolean(),
  position: z.number().int(),
  version: z.number().int(),
  stages: z.array(orderStageSchema),
});
export type OrderType = z.infer<typeof orderTypeSchema>;

/** An order type saved whole (administrators): stages in order; a stage without id is new. */
export const orderTypeInputSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    isDefault: z.boolean().default(false),
    active: z.boolean().default(true),
    stages: z
      .array(
        z
          .object({
            id: z.uuid().optional(),
            name: z.string().trim().min(1).max(30),
            leadTimeDays: z.number().int().min(0).max(3650),
            milestone: z.enum(ORDER_STAGE_MILESTONES).nullable().default(null),
            tracksQuantity: z.boolean().default(false),
            isArrival: z.boolean().default(false),
            active: z.boolean().default(true),
          })
          .strict(),
      )
      .min(1)
      .max(30),
  })
  .strict();
export type OrderTypeInput = z.input<typeof orderTypeInputSchema>;

export const orderStageEventSchema = z.object({
  id: z.uuid(),
  stageId: z.uuid(),
  /** complete, partial, reopen. */
  kind: z.string(),
  orderLineId: z.uuid().nullable(),
  quantity: z.string().nullable(),
  amount: z.string().nullable(),
  note: z.string().nullable(),
  userId: z.uuid(),
  userName: z.string().nullable(),
  /** When it happened (a backdated event: the last second of its day in the organisation's time zone). */
  at: z.string(),
  /** The day it happened, in the organisation's time zone. */
  on: day,
});
export type OrderStageEvent = z.infer<typeof orderStageEventSchema>;

/** One stage of an order: where it stands, when it is expected, and per line how much is done (tracking stages). */
export const orderStageProgressSchema = orderStageSchema.extend({
  status: z.enum(['pending', 'partial', 'done']),
  expectedDate: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** The day it was completed, in the organisation's time zone. */
  completedOn: day.nullable(),
  completedByName: z.string().nullable(),
  /** May be completed now (the next open stage, or one already under way). */
  completable: z.boolean(),
  lines: z.array(z.object({ orderLineId: z.uuid(), done: z.string(), remaining: z.string() })),
});
export type OrderStageProgress = z.infer<typeof orderStageProgressSchema>;

export const orderProgressSchema = z.object({
  orderId: z.uuid(),
  status: z.string(),
  version: z.number().int(),
  orderTypeId: z.uuid(),
  orderTypeName: z.string(),
  currentStageId: z.uuid().nullable(),
  expectedArrivalDate: z.string().nullable(),
  promisedDate: z.string().nullable(),
  rush: z.boolean(),
  stages: z.array(orderStageProgressSchema),
  events: z.array(orderStageEventSchema),
  /** The caller may complete stages (update on the order) and reopen them (the orderStageReopen right). */
  canComplete: z.boolean(),
  canReopen: z.boolean(),
});
export type OrderProgress = z.infer<typeof orderProgressSchema>;

export const completeStageInputSchema = z
  .object({
    note: z.string().trim().max(500).nullable().optional(),
    /** A tracking stage: how much of each line this time (the rest stays open). Left out: everything remaining. */
    lines: z
      .array(z.object({ orderLineId: z.uuid(), quantity: decimal }).strict())
      .max(500)
      .optional(),
    amount: decimal.nullable().optional(),
    /** The day it happened (entered late): not in the future, nor before the order date or an earlier stage. Default today. */
    occurredOn: day.optional(),
  })
  .strict();
export type CompleteStageInput = z.infer<typeof completeStageInputSchema>;

export const reopenStageInputSchema = z.object({ note: z.string().trim().max(500).nullable().optional() }).strict();

export const purchaseBatchSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  /** "" for lines whose product names no supplier. */
  supplier: z.string(),
  status: z.enum(['open', 'closed']),
  rush: z.boolean(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  closedByName: z.string().nullable(),
  lines: z.array(
    z.object({
      orderLineId: z.uuid(),
      orderId: z.uuid(),
      orderNumber: z.string(),
      rush: z.boolean(),
      sku: z.string().nullable(),
      name: z.string(),
      unit: z.string().nullable(),
      quantity: z.string(),
      deliveredQuantity: z.string(),
    }),
  ),
});
export type PurchaseBatch = z.infer<typeof purchaseBatchSchema>;

export const ORDER_EXPENSE_KINDS = ['freight', 'customs', 'commission', 'other'] as const;
export type OrderExpenseKind = (typeof ORDER_EXPENSE_KINDS)[number];

export const orderExpenseInputSchema = z
  .object({
    kind: z.enum(ORDER_EXPENSE_KINDS),
    amount: decimal,
    note: z.string().trim().max(300).nullable().optional(),
    incurredOn: day.optional(),
  })
  .strict();
export type OrderExpenseInput = z.infer<typeof orderExpenseInputSchema>;

export const orderExpenseSchema = z.object({
  id: z.uuid(),
  kind: z.enum(ORDER_EXPENSE_KINDS),
  amount: z.string(),
  note: z.string().nullable(),
  incurredOn: z.string(),
  userName: z.string().nullable(),
  createdAt: z.string(),
});
export type OrderExpense = z.infer<typeof orderExpenseSchema>;

const profitFiguresSchema = z.object({
  revenue: z.string(),
  cost: z.string(),
  expenses: z.string(),
  profit: z.string(),
  /** profit ÷ revenue in percent, 2 decimals; null when there is no revenue. */
  marginPercent: z.string().nullable(),
});

export const orderProfitSchema = z.object({
  /** Before delivery, from the ordered quantities (net of tax) and the lines' unit costs. */
  predicted: profitFiguresSchema,
  /** Once anything is delivered, from the delivered quantities; null before. */
  actual: profitFiguresSchema.nullable(),
  /** Lines without a unit cost count as cost 0. */
  linesWithoutCost: z.number().int(),
});
export type OrderProfit = z.infer<typeof orderProfitSchema>;
