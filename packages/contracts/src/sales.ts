// The sales module's API beyond the kit's record routes (leads and opportunities are kit records described by
// /api/v1/meta): pipelines and their stages, the opportunity board, lead conversion, assignment rules and the
// public lead forms.
import { z } from 'zod';

export const STAGE_OUTCOMES = ['open', 'won', 'lost'] as const;

export const stageInputSchema = z
  .object({
    /** An existing stage keeps its id (and its opportunities); a stage without an id is new. */
    id: z.uuid().optional(),
    name: z.string().trim().min(1).max(50),
    probability: z.number().int().min(0).max(100),
    outcome: z.enum(STAGE_OUTCOMES),
    active: z.boolean().default(true),
  })
  .strict();

/** A whole pipeline as an administrator saves it: the stages in their order. */
export const pipelineInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    isDefault: z.boolean().default(false),
    active: z.boolean().default(true),
    stages: z.array(stageInputSchema).min(3).max(30),
  })
  .strict();
export type PipelineInput = z.input<typeof pipelineInputSchema>;

export const stageSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  probability: z.number().int(),
  outcome: z.enum(STAGE_OUTCOMES),
  active: z.boolean(),
});
export type Stage = z.infer<typeof stageSchema>;

export const pipelineSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  isDefault: z.boolean(),
  active: z.boolean(),
  position: z.number().int(),
  version: z.number().int(),
  stages: z.array(stageSchema),
});
export type Pipeline = z.infer<typeof pipelineSchema>;

/** One stage an opportunity entered (GET /api/v1/opportunities/:id/stage-history), oldest first. */
export const stageHistoryEntrySchema = z.object({
  stageId: z.uuid(),
  stageName: z.string(),
  outcome: z.enum(STAGE_OUTCOMES),
  enteredAt: z.string(),
  /** Null while the opportunity sits in the stage. */
  leftAt: z.string().nullable(),
  /** Time in the stage: until it left, until now while open, 0 for the closing stage. */
  durationMs: z.number().int(),
  movedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  amount: z.string().nullable(),
  probability: z.number().int().nullable(),
});
export type StageHistoryEntry = z.infer<typeof stageHistoryEntrySchema>;

/** One column of the opportunity board: the stage, how many opportunities and how much money, the first cards. */
export const boardColumnSchema = z.object({
  stage: stageSchema,
  count: z.number().int(),
  /** Sum of the amounts, as a decimal string (yuan with fen). */
  amount: z.string(),
  /** Sum of amount × probability. */
  weighted: z.string(),
  items: z.array(z.record(z.string(), z.unknown())),
  nextCursor: z.string().nullable(),
});
export type BoardColumn = z.infer<typeof boardColumnSchema>;

export const boardSchema = z.object({ pipeline: pipelineSchema, columns: z.array(boardColumnSchema) });
export type Board = z.infer<typeof boardSchema>;

export const leadConvertSchema = z
  .object({
    /** An existing customer to attach the lead to (found by the duplicate check); without it a customer is created. */
    customerId: z.uuid().optional(),
    /** Create a new customer although likely duplicates exist (without it such a conversion is refused with 409). */
    createNew: z.boolean().default(false),
    /** An existing contact of that customer; without it a contact is created from the lead's person. */
    contactId: z.uuid().optional(),
    /** The opportunity to open; omitted, none is created. */
    opportunity: z
      .object({
        name: z.string().trim().min(1).max(200),
        amount: z
          .string()
          .regex(/^\d{1,16}(\.\d{1,2})?$/)
          .optional(),
        expectedCloseDate: z.iso.date().optional(),
        pipelineId: z.uuid().optional(),
      })
      .strict()
      .optional(),
    /** The lead's version the user saw. */
    version: z.number().int().positive(),
  })
  .strict();
export type LeadConvert = z.infer<typeof leadConvertSchema>;

export const leadConvertResultSchema = z.object({
  leadId: z.uuid(),
  customerId: z.uuid(),
  contactId: z.uuid().nullable(),
  opportunityId: z.uuid().nullable(),
  /** True when the lead was attached to a customer that already existed. */
  matchedExisting: z.boolean(),
});
export type LeadConvertResult = z.infer<typeof leadConvertResultSchema>;

export const ruleConditionsSchema = z
  .object({
    province: z.array(z.string().max(20)).max(40).optional(),
    source: z.array(z.string().max(40)).max(20).optional(),
    interest: z.array(z.string().max(40)).max(20).optional(),
    customerType: z.array(z.string().max(40)).max(20).optional(),
  })
  .strict();

export const assignmentRuleInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    active: z.boolean().default(true),
    conditions: ruleConditionsSchema.default({}),
    targetUserId: z.uuid().nullable().default(null),
    targetOrgUnitId: z.uuid().nullable().default(null),
    distribution: z.enum(['round_robin', 'least_loaded']).default('round_robin'),
  })
  .strict();
export type AssignmentRuleInput = z.input<typeof assignmentRuleInputSchema>;

/** The rules in the order they are tried; saving the list replaces it. */
export const assignmentRulesInputSchema = z.object({ rules: z.array(assignmentRuleInputSchema).max(200) }).strict();

export const leadFormInputSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{2,62}$/),
    name: z.string().trim().min(1).max(100),
    campaign: z.string().trim().max(100).nullable().default(null),
    interest: z.string().max(40).nullable().default(null),
    active: z.boolean().default(true),
    fallbackUserId: z.uuid(),
  })
  .strict();
export type LeadFormInput = z.input<typeof leadFormInputSchema>;

/** What a visitor submits on a campaign page. `website` is a trap field people never see; `startedAt` when the page loaded. */
export const publicLeadSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    company: z.string().trim().max(200).optional(),
    title: z.string().trim().max(100).optional(),
    mobile: z.string().trim().max(40).optional(),
    phone: z.string().trim().max(40).optional(),
    email: z.email().max(200).optional(),
    province: z.string().trim().max(20).optional(),
    city: z.string().trim().max(30).optional(),
    interest: z.string().max(40).optional(),
    message: z.string().trim().max(2000).optional(),
    website: z.string().max(200).optional(),
    startedAt: z.number().int().optional(),
  })
  .strict()
  .refine((v) => v.mobile || v.phone || v.email, { message: 'CONTACT_REQUIRED', path: ['mobile'] });
export type PublicLead = z.infer<typeof publicLeadSchema>;
