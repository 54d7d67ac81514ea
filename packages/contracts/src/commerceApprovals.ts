// The approval chain of quotes and orders (the caller's inbox, a record's rounds, a decision) and the commerce
// settings: the letterhead and defaults, the discount each role may give, the approval chain.
import { z } from 'zod';

export const APPROVAL_RECORD_TYPES = ['quote', 'order'] as const;
export const approvalRecordTypeSchema = z.enum(APPROVAL_RECORD_TYPES);
export type ApprovalRecordTypeName = z.infer<typeof approvalRecordTypeSchema>;

export const APPROVAL_STEP_STATUSES = ['waiting', 'pending', 'approved', 'rejected', 'cancelled'] as const;
export type ApprovalStepStatus = (typeof APPROVAL_STEP_STATUSES)[number];

export const approvalDecisionInputSchema = z
  .object({
    decision: z.enum(['approve', 'reject']),
    /** Required to reject. */
    comment: z.string().max(2000).optional(),
  })
  .strict();
export type ApprovalDecisionInput = z.infer<typeof approvalDecisionInputSchema>;

export const approvalDecisionResultSchema = z.object({ outcome: z.enum(['pending', 'approved', 'rejected']) });

/** A step in the caller's inbox (waiting for them) or among the steps they decided. */
export const approvalInboxItemSchema = z.object({
  id: z.uuid(),
  recordType: approvalRecordTypeSchema,
  recordId: z.uuid(),
  /** The record's number (Q2026-000012) and title, when the caller's app knows the type. */
  number: z.string().nullable(),
  title: z.string().nullable(),
  /** The web path of the record. */
  link: z.string().nullable(),
  round: z.number().int(),
  position: z.number().int(),
  stepName: z.string(),
  orgUnitName: z.string().nullable(),
  status: z.enum(APPROVAL_STEP_STATUSES),
  discountPercent: z.string().nullable(),
  amount: z.string().nullable(),
  requestedBy: z.uuid(),
  requestedByName: z.string().nullable(),
  requestedAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
  comment: z.string().nullable(),
});
export type ApprovalInboxItem = z.infer<typeof approvalInboxItemSchema>;

export const approvalInboxSchema = z.object({ items: z.array(approvalInboxItemSchema), total: z.number().int() });
export type ApprovalInbox = z.infer<typeof approvalInboxSchema>;

export const approvalStepSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  stepName: z.string(),
  roleName: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  status: z.enum(APPROVAL_STEP_STATUSES),
  decidedBy: z.uuid().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  comment: z.string().nullable(),
});
export type ApprovalStep = z.infer<typeof approvalStepSchema>;

export const approvalRoundSchema = z.object({
  round: z.number().int(),
  /** pending while a step waits, approved when all approved, rejected when one rejected, cancelled by a revision. */
  status: z.enum(['pending', 'approved', 'rejected', 'cancelled']),
  discountPercent: z.string().nullable(),
  amount: z.string().nullable(),
  requestedBy: z.uuid(),
  requestedByName: z.string().nullable(),
  requestedAt: z.iso.datetime(),
  steps: z.array(approvalStepSchema),
});
export type ApprovalRound = z.infer<typeof approvalRoundSchema>;

/** A record's rounds, newest first, and whether the caller may decide its pending step now. */
export const recordApprovalsSchema = z.object({ rounds: z.array(approvalRoundSchema), canDecide: z.boolean() });
export type RecordApprovals = z.infer<typeof recordApprovalsSchema>;

export const ROUNDING_MODES = ['perLine', 'perTotal'] as const;
export const PRICE_MODES = ['inclusive', 'exclusive'] as const;

const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

/** The letterhead and defaults as an administrator saves them (If-Match: version). */
export const commerceSettingsInputSchema = z
  .object({
    companyName: z.string().trim().max(100).default(''),
    companyAddress: optionalText(200),
    companyPhone: optionalText(50),
    taxNumber: optionalText(50),
    bankAccount: optionalText(200),
    /** A PNG or JPEG of at most 300 KB, base64 (a `data:image/…;base64,` prefix is accepted), or null for none. */
    logo: z.string().max(450_000).nullable().default(null),
    rounding: z.enum(ROUNDING_MODES).default('perLine'),
    prices: z.enum(PRICE_MODES).default('inclusive'),
    quoteValidityDays: z.number().int().min(1).max(365).default(30),
    quoteTerms: optionalText(4000),
    contractRenewalDays: z.number().int().min(1).max(365).default(30),
    dunningIntervalDays: z.number().int().min(1).max(90).default(7),
  })
  .strict();
export type CommerceSettingsInput = z.input<typeof commerceSettingsInputSchema>;

export const commerceSettingsSchema = z.object({
  companyName: z.string(),
  companyAddress: z.string().nullable(),
  companyPhone: z.string().nullable(),
  taxNumber: z.string().nullable(),
  bankAccount: z.string().nullable(),
  /** Base64 without a prefix. */
  logo: z.string().nullable(),
  /** `image/png` or `image/jpeg` when there is a logo. */
  logoType: z.string().nullable(),
  rounding: z.enum(ROUNDING_MODES),
  prices: z.enum(PRICE_MODES),
  quoteValidityDays: z.number().int(),
  quoteTerms: z.string().nullable(),
  contractRenewalDays: z.number().int(),
  dunningIntervalDays: z.number().int(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type CommerceSettings = z.infer<typeof commerceSettingsSchema>;

/** Percent with up to two decimals, as a string ("15.5") or a number; checked by the service per field. */
const percent = z.union([z.string(), z.number()]);

export const discountLimitsInputSchema = z
  .object({ limits: z.array(z.object({ roleId: z.uuid(), maxPercent: percent }).strict()).max(500) })
  .strict();
export type DiscountLimitsInput = z.input<typeof discountLimitsInputSchema>;

/** Every role with its limit; null: no limit set, the role's holders may give no discount without approval. */
export const discountLimitsSchema = z.object({
  items: z.array(
    z.object({
      roleId: z.uuid(),
      roleKey: z.string(),
      roleName: z.string(),
      isAdmin: z.boolean(),
      maxPercent: z.string().nullable(),
    }),
  ),
});
export type DiscountLimits = z.infer<typeof discountLimitsSchema>;

export const approvalChainStepInputSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    roleId: z.uuid(),
    /** Null: no limit (only the last step). */
    upToPercent: percent.nullable(),
    appliesTo: z.array(approvalRecordTypeSchema).min(1).max(2),
    active: z.boolean().default(true),
  })
  .strict();
export const approvalChainInputSchema = z.object({ steps: z.array(approvalChainStepInputSchema).max(20) }).strict();
export type ApprovalChainInput = z.input<typeof approvalChainInputSchema>;

export const approvalChainSchema = z.object({
  steps: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      name: z.string(),
      roleId: z.uuid(),
      roleName: z.string().nullable(),
      upToPercent: z.string().nullable(),
      appliesTo: z.array(approvalRecordTypeSchema),
      active: z.boolean(),
    }),
  ),
});
export type ApprovalChain = z.infer<typeof approvalChainSchema>;
