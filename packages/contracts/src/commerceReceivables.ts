// An order's execution plan and the money it brings in: instalments (due date and amount), deliveries (quantity and
// date per order line), payments allocated to instalments (with the customer's credit from over-payments held),
// receivables aging by customer, owner and org unit with a drill to the instalments behind each figure, and the
// 应收款 figures of a customer's card. Money travels as decimal strings; the server checks each one and names it.
import { z } from 'zod';

/** Money as typed: a decimal string ("12345.67"); the server checks decimals and range per field. */
const money = z.union([z.string(), z.number()]);
const day = z.iso.date();

export const INSTALMENT_STATUSES = ['open', 'partial', 'paid', 'cancelled'] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];

// ── Instalments ────────────────────────────────────────────────────────────────────────────────────────────────

export const instalmentInputSchema = z
  .object({
    /** An instalment already in the plan; left out for a new one. */
    id: z.uuid().optional(),
    /** 首付款, 到货款, 质保金 … */
    name: z.string().trim().max(50).nullable().optional(),
    dueDate: day,
    amount: money,
  })
  .strict();
export type InstalmentInput = z.input<typeof instalmentInputSchema>;

/**
 * A whole plan, saved with `If-Match: <plan version>`: either the instalments as listed (their amounts add up to the
 * order's gross total to the fen) or `split`: `count` equal monthly instalments from `firstDueDate`, the fen that do not
 * divide evenly on the last one (refused while any instalment has money on it).
 */
export const instalmentPlanInputSchema = z
  .object({
    instalments: z.array(instalmentInputSchema).max(120).optional(),
    split: z
      .object({ count: z.number().int().min(1).max(120), firstDueDate: day })
      .strict()
      .optional(),
  })
  .strict();
export type InstalmentPlanInput = z.input<typeof instalmentPlanInputSchema>;

export const instalmentSchema = z.object({
  id: z.uuid(),
  /** 1, 2, 3 … (第 n 期). */
  position: z.number().int(),
  name: z.string().nullable(),
  dueDate: day,
  amount: z.string(),
  paidAmount: z.string(),
  outstanding: z.string(),
  status: z.enum(INSTALMENT_STATUSES),
  /** Days past the due date while money is outstanding (0 when not overdue). */
  daysOverdue: z.number().int(),
  paidAt: day.nullable(),
  dunningCount: z.number().int(),
  lastDunnedAt: z.string().nullable(),
});
export type Instalment = z.infer<typeof instalmentSchema>;

export const instalmentPlanSchema = z.object({
  orderId: z.uuid(),
  orderNumber: z.string(),
  grossTotal: z.string(),
  paidTotal: z.string(),
  /** Σ instalment amounts; equal to grossTotal unless the order's lines changed after the plan was saved. */
  planTotal: z.string(),
  /** The plan's version for If-Match: the highest version of its instalments (0 without any). */
  version: z.number().int(),
  /** May the caller change the plan and record payments (update rights on the order)? */
  canEdit: z.boolean(),
  instalments: z.array(instalmentSchema),
});
export type InstalmentPlan = z.infer<typeof instalmentPlanSchema>;

// ── Deliveries ─────────────────────────────────────────────────────────────────────────────────────────────────

export const DELIVERY_STATUSES = ['planned', 'partial', 'delivered', 'overdue'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const deliveryInputSchema = z
  .object({
    id: z.uuid().optional(),
    orderLineId: z.uuid(),
    plannedDate: day,
    /** Positive, at most four decimals. */
    quantity: money,
    note: z.string().trim().max(200).nullable().optional(),
  })
  .strict();
export type DeliveryInput = z.input<typeof deliveryInputSchema>;

export const deliveryPlanInputSchema = z.object({ deliveries: z.array(deliveryInputSchema).max(500) }).strict();
export type DeliveryPlanInput = z.input<typeof deliveryPlanInputSchema>;

export const deliverySchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  orderLineId: z.uuid(),
  plannedDate: day,
  quantity: z.string(),
  /** What the line's delivered quantity covers of this delivery, filled in date order. */
  deliveredQuantity: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  note: z.string().nullable(),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveryPlanSchema = z.object({
  orderId: z.uuid(),
  version: z.number().int(),
  canEdit: z.boolean(),
  lines: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      name: z.string(),
      unit: z.string().nullable(),
      quantity: z.string(),
      deliveredQuantity: z.string(),
      /** Σ of the line's planned deliveries. */
      plannedQuantity: z.string(),
    }),
  ),
  deliveries: z.array(deliverySchema),
});
export type DeliveryPlan = z.infer<typeof deliveryPlanSchema>;

// ── Payments ───────────────────────────────────────────────────────────────────────────────────────────────────

/** 银行转账, 现金, 支付宝, 微信, 支票, and `credit`: paid out of the customer's credit. */
export const PAYMENT_METHODS = ['bank', 'cash', 'alipay', 'wechat', 'cheque', 'credit'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const paymentInputSchema = z
  .object({
    customerId: z.uuid(),
    /** Without it the payment goes to the customer's open instalments (of orders the caller may update). */
    orderId: z.uuid().nullable().optional(),
    amount: money,
    receivedOn: day,
    method: z.enum(PAYMENT_METHODS),
    reference: z.string().trim().max(100).nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
    /** Explicit allocation; without it the oldest due open instalments are paid first. */
    allocations: z
      .array(z.object({ instalmentId: z.uuid(), amount: money }).strict())
      .max(120)
      .optional(),
    /** Keep what exceeds the open instalments as the customer's credit instead of refusing the payment. */
    holdExcessAsCredit: z.boolean().optional(),
  })
  .strict();
export type PaymentInput = z.input<typeof paymentInputSchema>;

export const paymentAllocationSchema = z.object({
  instalmentId: z.uuid(),
  orderId: z.uuid(),
  orderNumber: z.string(),
  position: z.number().int(),
  name: z.string().nullable(),
  dueDate: day,
  amount: z.string(),
});
export type PaymentAllocation = z.infer<typeof paymentAllocationSchema>;

export const paymentSchema = z.object({
  id: z.uuid(),
  /** RC2026-000031. */
  number: z.string(),
  customerId: z.uuid(),
  customerName: z.string().nullable(),
  orderId: z.uuid().nullable(),
  orderNumber: z.string().nullable(),
  amount: z.string(),
  /** The part held as the customer's credit. */
  creditAmount: z.string(),
  receivedOn: day,
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  userId: z.uuid(),
  userName: z.string().nullable(),
  createdAt: z.string(),
  reversedAt: z.string().nullable(),
  reversedBy: z.uuid().nullable(),
  allocations: z.array(paymentAllocationSchema),
});
export type Payment = z.infer<typeof paymentSchema>;

/** What a payment would do, without recording it (the 登记收款 dialog's preview). */
export const paymentPreviewSchema = z.object({
  allocations: z.array(paymentAllocationSchema),
  /** Σ of the open instalments the payment may go to. */
  outstanding: z.string(),
  /** What exceeds them: refused unless held as credit. */
  excess: z.string(),
  /** The customer's credit available now. */
  availableCredit: z.string(),
});
export type PaymentPreview = z.infer<typeof paymentPreviewSchema>;

export const paymentListQuerySchema = z.object({
  customerId: z.uuid().optional(),
  orderId: z.uuid().optional(),
});

// ── Aging ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Aging buckets as Salesforce and Dynamics show them: not yet due (due on or after the as-of day), then days past the
 * due date 1–30, 31–60, 61–90 and over 90.
 */
export const AGING_BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export const AGING_GROUPS = ['customer', 'owner', 'orgUnit'] as const;
export type AgingGroupBy = (typeof AGING_GROUPS)[number];

export const agingQuerySchema = z.object({
  groupBy: z.enum(AGING_GROUPS).default('customer'),
  orgUnitId: z.uuid().optional(),
  asOf: day.optional(),
  /** Groups shown, largest outstanding first; the rest are counted in `otherGroups` and the totals. */
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AgingQuery = z.input<typeof agingQuerySchema>;

export const agingFiguresSchema = z.object({
  current: z.string(),
  d1_30: z.string(),
  d31_60: z.string(),
  d61_90: z.string(),
  d90plus: z.string(),
  /** Σ of the four overdue buckets. */
  overdue: z.string(),
  total: z.string(),
  /** Open instalments counted. */
  count: z.number().int(),
});
export type AgingFigures = z.infer<typeof agingFiguresSchema>;

/** The instalments list behind a figure: query parameters of GET /receivables/instalments. */
export const receivablesDrillSchema = z.record(z.string(), z.string());

export const agingGroupSchema = z.object({
  /** Customer, user or org unit id. */
  key: z.uuid(),
  label: z.string(),
  figures: agingFiguresSchema,
  drill: receivablesDrillSchema,
});
export type AgingGroup = z.infer<typeof agingGroupSchema>;

export const agingReportSchema = z.object({
  asOf: day,
  groupBy: z.enum(AGING_GROUPS),
  /** The unit reported on; null when the caller sees only their own instalments. */
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  totals: agingFiguresSchema,
  drill: receivablesDrillSchema,
  groups: z.array(agingGroupSchema),
  /** Groups left out by `limit` (their money is in the totals). */
  otherGroups: z.number().int(),
});
export type AgingReport = z.infer<typeof agingReportSchema>;

export const receivableInstalmentsQuerySchema = z.object({
  bucket: z.enum([...AGING_BUCKETS, 'overdue']).optional(),
  asOf: day.optional(),
  orgUnitId: z.uuid().optional(),
  /** The unit alone instead of its subtree (a unit's own row in the orgUnit grouping). */
  unitOnly: z.enum(['true', 'false']).optional(),
  ownerId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReceivableInstalmentsQuery = z.input<typeof receivableInstalmentsQuerySchema>;

export const receivableInstalmentSchema = z.object({
  id: z.uuid(),
  orderId: z.uuid(),
  orderNumber: z.string(),
  customerId: z.uuid(),
  customerName: z.string().nullable(),
  ownerId: z.uuid(),
  ownerName: z.string().nullable(),
  orgUnitId: z.uuid(),
  position: z.number().int(),
  name: z.string().nullable(),
  dueDate: day,
  amount: z.string(),
  paidAmount: z.string(),
  outstanding: z.string(),
  status: z.enum(INSTALMENT_STATUSES),
  daysOverdue: z.number().int(),
  bucket: z.enum(AGING_BUCKETS),
  dunningCount: z.number().int(),
});
export type ReceivableInstalment = z.infer<typeof receivableInstalmentSchema>;

export const receivableInstalmentsPageSchema = z.object({
  items: z.array(receivableInstalmentSchema),
  nextCursor: z.string().nullable(),
});
export type ReceivableInstalmentsPage = z.infer<typeof receivableInstalmentsPageSchema>;

// ── Customer card ──────────────────────────────────────────────────────────────────────────────────────────────

export const customerReceivablesSchema = z.object({
  customerId: z.uuid(),
  /** Σ outstanding of the open instalments of orders the caller may read. */
  outstanding: z.string(),
  overdue: z.string(),
  openCount: z.number().int(),
  /** Over-payments held, less what later payments used. */
  credit: z.string(),
  nextDue: z
    .object({
      instalmentId: z.uuid(),
      orderId: z.uuid(),
      orderNumber: z.string(),
      position: z.number().int(),
      dueDate: day,
      outstanding: z.string(),
    })
    .nullable(),
});
export type CustomerReceivables = z.infer<typeof customerReceivablesSchema>;
