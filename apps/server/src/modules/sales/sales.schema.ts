// Tables of the sales module: pipelines and their stages (configured by administrators), opportunities with the
// history of the stages they passed through, leads, the ordered rules that assign new leads, and the public web forms
// leads arrive through.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, idColumn, recordColumns, updatedAt } from '../../platform/db/columns.ts';
import { contacts, customers } from '../customers/customers.schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const pipelines = pgTable('sales_pipelines', {
  id: idColumn(),
  name: text('name').notNull(),
  /** New opportunities without a pipeline go into the default one. */
  isDefault: boolean('is_default').notNull().default(false),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull().default(0),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const stages = pgTable(
  'sales_stages',
  {
    id: idColumn(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    /** Percent chance to win while an opportunity sits in this stage: its weight in the forecast. */
    probability: integer('probability').notNull(),
    /** `open`, `won` or `lost`: a won or lost stage closes the opportunity. */
    outcome: text('outcome').notNull().default('open'),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('sales_stages_pipeline_idx').on(t.pipelineId, t.position)],
);

export const opportunities = pgTable(
  'opportunities',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    /** The name's pinyin sort key (FieldSpec.sortKey), kept by the kit; COLLATE "C" in the migration. */
    nameSort: text('name_sort'),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    contactId: uuid('contact_id').references(() => contacts.id),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => stages.id),
    amount: numeric('amount', { precision: 18, scale: 2 }),
    currency: text('currency').notNull().default('CNY'),
    expectedCloseDate: date('expected_close_date', { mode: 'string' }),
    probability: integer('probability'),
    forecastCategory: text('forecast_category'),
    source: text('source'),
    nextStep: text('next_step'),
    competitors: jsonb('competitors').$type<string[]>(),
    lossReason: text('loss_reason'),
    lossNote: text('loss_note'),
    description: text('description'),
    /** The lead the opportunity was converted from. */
    leadId: uuid('lead_id'),
    /** When the current stage was entered; with the stage history, the time spent in each stage. */
    stageEnteredAt: at('stage_entered_at').notNull().defaultNow(),
    closedAt: at('closed_at'),
  },
  (t) => [
    // The board: each column's totals of a pipeline for some units (index-only with the INCLUDE columns the
    // migration adds), and each column's first cards by amount.
    index('opportunities_board_totals_idx')
      .on(t.pipelineId, t.orgUnitId, t.stageId)
      .where(sql`${t.deletedAt} IS NULL`),
    index('opportunities_board_amount_idx')
      .on(t.pipelineId, t.stageId, t.amount.desc().nullsLast(), t.id)
      .where(sql`${t.deletedAt} IS NULL`),
    index('opportunities_customer_idx').on(t.customerId),
    index('opportunities_live_name_sort_idx')
      .on(t.nameSort, t.id)
      .where(sql`${t.deletedAt} IS NULL`),
    index('opportunities_owner_idx').on(t.ownerId),
    index('opportunities_org_unit_idx').on(t.orgUnitId),
    index('opportunities_created_idx').on(t.createdAt, t.id),
    index('opportunities_close_idx').on(t.expectedCloseDate),
    // Plan vs actual and the forecast read a subtree's units for a period: won ones by closing time, open ones by
    // expected close date (index-only with the INCLUDE columns the migration adds).
    index('opportunities_unit_closed_idx')
      .on(t.orgUnitId, t.closedAt)
      .where(sql`${t.deletedAt} IS NULL AND ${t.closedAt} IS NOT NULL`),
    index('opportunities_unit_close_date_idx')
      .on(t.orgUnitId, t.expectedCloseDate)
      .where(sql`${t.deletedAt} IS NULL`),
  ],
);

/** One row per stage an opportunity entered; `leftAt` is set when it moves on. */
export const opportunityStageHistory = pgTable(
  'opportunity_stage_history',
  {
    id: idColumn(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => stages.id),
    fromStageId: uuid('from_stage_id'),
    enteredAt: at('entered_at').notNull().defaultNow(),
    leftAt: at('left_at'),
    userId: uuid('user_id'),
    amount: numeric('amount', { precision: 18, scale: 2 }),
    probability: integer('probability'),
  },
  (t) => [index('opportunity_stage_history_opportunity_idx').on(t.opportunityId, t.enteredAt)],
);

export const leads = pgTable(
  'leads',
  {
    ...recordColumns(),
    /** The person's name; with `company`, what the lead is called. */
    name: text('name').notNull(),
    /** The name's pinyin sort key (FieldSpec.sortKey), kept by the kit; COLLATE "C" in the migration. */
    nameSort: text('name_sort'),
    company: text('company'),
    title: text('title'),
    phone: text('phone'),
    mobile: text('mobile'),
    email: text('email'),
    source: text('source'),
    interest: text('interest'),
    customerType: text('customer_type'),
    province: text('province'),
    city: text('city'),
    campaign: text('campaign'),
    message: text('message'),
    status: text('status').notNull().default('new'),
    disqualifyReason: text('disqualify_reason'),
    /** The assignment rule that chose the owner, by name at the time (the rule may be renamed or removed later). */
    assignedByRule: text('assigned_by_rule'),
    assignmentRuleId: uuid('assignment_rule_id'),
    formId: uuid('form_id'),
    convertedAt: at('converted_at'),
    convertedCustomerId: uuid('converted_customer_id'),
    convertedContactId: uuid('converted_contact_id'),
    convertedOpportunityId: uuid('converted_opportunity_id'),
  },
  (t) => [
    index('leads_owner_idx').on(t.ownerId),
    index('leads_live_name_sort_idx')
      .on(t.nameSort, t.id)
      .where(sql`${t.deletedAt} IS NULL`),
    index('leads_org_unit_idx').on(t.orgUnitId),
    index('leads_created_idx').on(t.createdAt, t.id),
    index('leads_status_idx').on(t.status, t.orgUnitId),
    // Round robin: the newest lead a rule assigned (sales.assignment.ts lastAssignee).
    index('leads_assignment_rule_idx').on(t.assignmentRuleId, t.id),
  ],
);

/** What a rule matches: each listed property must hold one of its values; an empty or missing list matches all. */
export interface RuleConditions {
  province?: string[];
  source?: string[];
  interest?: string[];
  customerType?: string[];
}

export const assignmentRules = pgTable(
  'lead_assignment_rules',
  {
    id: idColumn(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    active: boolean('active').notNull().default(true),
    conditions: jsonb('conditions').$type<RuleConditions>().notNull().default({}),
    /** A user, or an org unit whose active members take turns (`distribution`). */
    targetUserId: uuid('target_user_id'),
    targetOrgUnitId: uuid('target_org_unit_id'),
    distribution: text('distribution').notNull().default('round_robin'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('lead_assignment_rules_position_idx').on(t.position)],
);

/** A public form a campaign page embeds: leads posted to /api/v1/public/lead-forms/<key> arrive with its defaults. */
export const leadForms = pgTable(
  'lead_forms',
  {
    id: idColumn(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    campaign: text('campaign'),
    interest: text('interest'),
    active: boolean('active').notNull().default(true),
    /** Who owns a lead no rule matched: the fallback queue's user and unit. */
    fallbackUserId: uuid('fallback_user_id').notNull(),
    fallbackOrgUnitId: uuid('fallback_org_unit_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('lead_forms_key_idx').on(t.key)],
);

/** Posts to the public forms per client address and hour, so a flood is refused without a third-party service. */
export const leadFormHits = pgTable(
  'lead_form_hits',
  {
    address: text('address').notNull(),
    hour: at('hour').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [uniqueIndex('lead_form_hits_key').on(t.address, t.hour)],
);
