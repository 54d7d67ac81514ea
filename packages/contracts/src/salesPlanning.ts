// Sales planning and reporting API: targets (plans) per org unit, person and period with their split down the tree,
// plan vs actual, the forecast by category with its weekly trend, scorecards with their weights, dashboard figures
// and an opportunity's product lines. Money travels as decimal strings (yuan with fen); every figure carries the
// list filters (`drill`) that open the records behind it on the web's list pages.
import { z } from 'zod';

/** What a target measures: revenue (won opportunities, CNY), new customers (count), visits done (count). */
export const TARGET_METRICS = ['revenue', 'new_customers', 'visits'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** A period: `2026` (year), `2026-Q4` (quarter) or `2026-11` (month), in the organisation's time zone. */
export const periodSchema = z.string().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/);

/** The period as the server understood it; `endDate` is the last day, inclusive. */
export const periodInfoSchema = z.object({
  period: z.string(),
  kind: z.enum(PERIOD_KINDS),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
});
export type PeriodInfo = z.infer<typeof periodInfoSchema>;

/**
 * A decimal number as a string. Negative values, more than 2 decimals, or a fraction for a count metric are refused
 * by the server with 400 naming the field (codes TARGET_NEGATIVE, TOO_MANY_DECIMALS, TARGET_COUNT_NOT_WHOLE).
 */
export const decimalInputSchema = z
  .string()
  .trim()
  .regex(/^-?\d{1,16}(\.\d+)?$/);

/**
 * Opens the records behind a figure on the web's list page of `recordType` (`/opportunities`, `/activities`,
 * `/customers`): `query` holds list query parameters such as `filter[ownerId][eq]` → id.
 */
export const drillSchema = z.object({
  recordType: z.enum(['opportunity', 'activity', 'customer', 'order']),
  query: z.record(z.string(), z.string()),
});
export type Drill = z.infer<typeof drillSchema>;

// ── Targets ─────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A new target. A unit's target names `orgUnitId` only; a person's names `userId` (and `orgUnitId` defaults to the
 * person's unit). The caller's scope (role, update on sales targets) decides which units and people they may plan.
 */
export const salesTargetInputSchema = z
  .object({
    period: periodSchema,
    metric: z.enum(TARGET_METRICS),
    orgUnitId: z.uuid().optional(),
    userId: z.uuid().nullable().optional(),
    /** A product category (free text for now); omitted or empty: all products. */
    category: z.string().trim().max(100).nullable().optional(),
    value: decimalInputSchema,
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict();
export type SalesTargetInput = z.input<typeof salesTargetInputSchema>;

/** A change of a target's value or note (If-Match: version). Period, metric and scope are fixed once created. */
export const salesTargetPatchSchema = z
  .object({
    value: decimalInputSchema.optional(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict();
export type SalesTargetPatch = z.input<typeof salesTargetPatchSchema>;

export const salesTargetSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  period: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  metric: z.enum(TARGET_METRICS),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  category: z.string().nullable(),
  /** Decimal string: yuan with fen for revenue, a whole number for counts. */
  value: z.string(),
  note: z.string().nullable(),
  /** The target this one was split from. */
  parentId: z.uuid().nullable(),
  /** Sum of the targets split from this one (0 when none). */
  childrenTotal: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type SalesTarget = z.infer<typeof salesTargetSchema>;

/** GET /api/v1/sales-targets: targets whose period lies within `period`, of units and people the caller may see. */
export const salesTargetListQuerySchema = z
  .object({
    period: periodSchema.optional(),
    metric: z.enum(TARGET_METRICS).optional(),
    orgUnitId: z.uuid().optional(),
    /** With orgUnitId: also the targets of the units below it and their people. */
    subtree: z.enum(['true', 'false']).optional(),
    userId: z.uuid().optional(),
    category: z.string().max(100).optional(),
    parentId: z.uuid().optional(),
  })
  .strict();
export type SalesTargetListQuery = z.infer<typeof salesTargetListQuerySchema>;

export const salesTargetListSchema = z.object({ items: z.array(salesTargetSchema) });
export type SalesTargetList = z.infer<typeof salesTargetListSchema>;

/**
 * POST /api/v1/sales-targets/:id/split — parts of a unit's target for its child units and its people (same period,
 * metric and category). A listed scope that already has a part of this target gets the new value. The parts together
 * may not exceed the parent (422 TARGET_SPLIT_EXCEEDS_PARENT); nothing is written when any part is refused.
 */
export const salesTargetSplitSchema = z
  .object({
    children: z
      .array(
        z
          .object({
            orgUnitId: z.uuid().optional(),
            userId: z.uuid().optional(),
            value: decimalInputSchema,
            note: z.string().trim().max(500).nullable().optional(),
          })
          .strict(),
      )
      .min(1)
      .max(300),
  })
  .strict();
export type SalesTargetSplit = z.input<typeof salesTargetSplitSchema>;

export const salesTargetSplitResultSchema = z.object({ parent: salesTargetSchema, children: z.array(salesTargetSchema) });
export type SalesTargetSplitResult = z.infer<typeof salesTargetSplitResultSchema>;

// ── Plan vs actual ──────────────────────────────────────────────────────────────────────────────────────────────

/** GET /api/v1/sales-plan-vs-actual?period=2026-Q4&orgUnitId=… (default: the caller's unit). */
export const reportQuerySchema = z
  .object({
    period: periodSchema,
    orgUnitId: z.uuid().optional(),
    category: z.string().max(100).optional(),
  })
  .strict();
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/**
 * One metric of one row. `target` is the sum of the targets whose period lies within the asked period (null: none);
 * `attainment` is actual ÷ target in percent with 1 decimal (null without a target or with a zero target).
 */
export const planFigureSchema = z.object({
  target: z.string().nullable(),
  actual: z.string(),
  attainment: z.number().nullable(),
  drill: drillSchema,
});
export type PlanFigure = z.infer<typeof planFigureSchema>;

/**
 * A unit (its figures rolled up over its subtree, as far as the caller may see) or a person (their records in that
 * unit). Revenue actual = won opportunities closed in the period; new customers = customers created in the period;
 * visits = visits done in the period.
 */
export const planRowSchema = z.object({
  kind: z.enum(['unit', 'person']),
  orgUnitId: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string(),
  revenue: planFigureSchema,
  newCustomers: planFigureSchema,
  visits: planFigureSchema,
});
export type PlanRow = z.infer<typeof planRowSchema>;

export const planVsActualSchema = z.object({
  period: periodInfoSchema,
  category: z.string().nullable(),
  /** The asked unit, rolled up. */
  unit: planRowSchema,
  /** Its child units, each rolled up over its own subtree. */
  children: z.array(planRowSchema),
  /** The people of the asked unit itself. */
  people: z.array(planRowSchema),
});
export type PlanVsActual = z.infer<typeof planVsActualSchema>;

// ── Forecast ────────────────────────────────────────────────────────────────────────────────────────────────────

export const forecastBucketSchema = z.object({ count: z.number().int(), amount: z.string() });
export type ForecastBucket = z.infer<typeof forecastBucketSchema>;

/**
 * Open opportunities expected to close in the period, by the category their rep set (omitted ones left out), the
 * weighted pipeline (Σ amount × probability of those open ones) and the won opportunities closed in the period.
 */
export const forecastFiguresSchema = z.object({
  commit: forecastBucketSchema,
  bestCase: forecastBucketSchema,
  pipeline: forecastBucketSchema,
  closedWon: forecastBucketSchema,
  weighted: z.string(),
});
export type ForecastFigures = z.infer<typeof forecastFiguresSchema>;

export const forecastRowSchema = z.object({
  kind: z.enum(['unit', 'person']),
  orgUnitId: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string(),
  figures: forecastFiguresSchema,
  /** The open opportunities expected to close in the period, and the won ones closed in it. */
  drill: z.object({ open: drillSchema, closedWon: drillSchema }),
});
export type ForecastRow = z.infer<typeof forecastRowSchema>;

/** GET /api/v1/sales-forecast?period&orgUnitId: the unit rolled up, its child units rolled up, its own people. */
export const forecastSchema = z.object({
  period: periodInfoSchema,
  asOf: z.iso.datetime({ offset: true }),
  unit: forecastRowSchema,
  children: z.array(forecastRowSchema),
  people: z.array(forecastRowSchema),
});
export type Forecast = z.infer<typeof forecastSchema>;

/** GET /api/v1/sales-forecast/trend?period&orgUnitId&userId: weekly snapshots of the unit (or person), then now. */
export const forecastTrendQuerySchema = z
  .object({
    period: periodSchema,
    orgUnitId: z.uuid().optional(),
    userId: z.uuid().optional(),
  })
  .strict();
export type ForecastTrendQuery = z.infer<typeof forecastTrendQuerySchema>;

export const forecastTrendPointSchema = z.object({
  /** Monday of the snapshot's week (organisation time zone); for the live point, today. */
  week: z.iso.date(),
  takenAt: z.iso.datetime({ offset: true }),
  /** True for the last point: computed now, not stored. */
  live: z.boolean(),
  figures: forecastFiguresSchema,
});
export type ForecastTrendPoint = z.infer<typeof forecastTrendPointSchema>;

export const forecastTrendSchema = z.object({
  period: periodInfoSchema,
  orgUnitId: z.uuid(),
  userId: z.uuid().nullable(),
  points: z.array(forecastTrendPointSchema),
});
export type ForecastTrend = z.infer<typeof forecastTrendSchema>;

// ── Scorecards ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Weights of the score's parts in percent (each 0–100, together 100; else 400 WEIGHTS_SUM naming the field).
 * Default 25 + 25 activity (visits done vs planned, customer information completeness) and 50 results.
 */
export const scorecardWeightsSchema = z
  .object({
    visits: z.number().int().min(0).max(100),
    completeness: z.number().int().min(0).max(100),
    results: z.number().int().min(0).max(100),
  })
  .strict();
export type ScorecardWeights = z.infer<typeof scorecardWeightsSchema>;

export const SCORE_COMPONENTS = ['visits', 'completeness', 'results'] as const;
export type ScoreComponentKey = (typeof SCORE_COMPONENTS)[number];

/**
 * One part of a score: `rate` (0–1, null when there is nothing to measure: no visit planned, no customer, no
 * target), `points` = weight × min(rate, 1) (0 when rate is null), the numbers behind it and where to drill.
 * numbers — visits: { planned, done }; completeness: { customers, withPhone, withRegion, withIndustry,
 * withContact }; results: { target, actual } (decimal strings).
 */
export const scoreComponentSchema = z.object({
  key: z.enum(SCORE_COMPONENTS),
  weight: z.number().int(),
  rate: z.number().nullable(),
  points: z.number(),
  numbers: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  drill: z.array(z.object({ label: z.string(), drill: drillSchema })),
});
export type ScoreComponent = z.infer<typeof scoreComponentSchema>;

export const scorecardRowSchema = z.object({
  kind: z.enum(['unit', 'person']),
  orgUnitId: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string(),
  /** 0–100, two decimals. */
  score: z.number(),
  /** 1 = best among the rows of the same list (teams, or people); equal scores share a rank. */
  rank: z.number().int(),
  components: z.array(scoreComponentSchema),
});
export type ScorecardRow = z.infer<typeof scorecardRowSchema>;

/** GET /api/v1/sales-scorecards?period&orgUnitId: the unit, its child units (teams) and every person below it. */
export const scorecardsSchema = z.object({
  period: periodInfoSchema,
  weights: scorecardWeightsSchema,
  unit: scorecardRowSchema,
  teams: z.array(scorecardRowSchema),
  people: z.array(scorecardRowSchema),
});
export type Scorecards = z.infer<typeof scorecardsSchema>;

// ── Dashboard ───────────────────────────────────────────────────────────────────────────────────────────────────

/** GET /api/v1/sales-dashboard?period&orgUnitId&pipelineId (default pipeline when omitted). */
export const dashboardQuerySchema = z
  .object({
    period: periodSchema,
    orgUnitId: z.uuid().optional(),
    pipelineId: z.uuid().optional(),
  })
  .strict();
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/**
 * The sales dashboard of a unit (with everything below it the caller may see) for a period. Plan vs actual by unit
 * and the forecast trend come from their own endpoints (sales-plan-vs-actual, sales-forecast/trend).
 */
export const salesDashboardSchema = z.object({
  period: periodInfoSchema,
  orgUnitId: z.uuid(),
  pipelineId: z.uuid(),
  /** Opportunities created in the period and how many of them reached each open stage (or were won). */
  funnel: z.array(
    z.object({
      stageId: z.uuid(),
      name: z.string(),
      outcome: z.enum(['open', 'won', 'lost']),
      reached: z.number().int(),
      amount: z.string(),
      drill: drillSchema,
    }),
  ),
  /** Open opportunities expected to close in the period, per stage and owner. */
  pipelineByStageOwner: z.array(
    z.object({
      stageId: z.uuid(),
      stageName: z.string(),
      ownerId: z.uuid(),
      ownerName: z.string(),
      count: z.number().int(),
      amount: z.string(),
      drill: drillSchema,
    }),
  ),
  /** Won ÷ (won + lost) of the opportunities closed in the period, percent with 1 decimal (null when none closed). */
  winRate: z.object({ won: z.number().int(), lost: z.number().int(), rate: z.number().nullable(), drill: drillSchema }),
  /** Average days from creation to won of the opportunities won in the period (null when none). */
  cycle: z.object({ won: z.number().int(), averageDays: z.number().nullable(), drill: drillSchema }),
  /** People by won revenue in the period, best first (top 10), with their revenue target. */
  leaderboard: z.array(
    z.object({
      rank: z.number().int(),
      userId: z.uuid(),
      name: z.string(),
      orgUnitId: z.uuid(),
      won: z.number().int(),
      revenue: z.string(),
      target: z.string().nullable(),
      attainment: z.number().nullable(),
      drill: drillSchema,
    }),
  ),
});
export type SalesDashboard = z.infer<typeof salesDashboardSchema>;

// ── Opportunity product lines ───────────────────────────────────────────────────────────────────────────────────

/**
 * A free product line: quantity > 0 (up to 4 decimals), unit price ≥ 0 (up to 2 decimals), discount 0–100 percent
 * (up to 2 decimals). The line amount = quantity × unit price × (1 − discount ÷ 100), rounded half up to the fen.
 */
export const opportunityLineInputSchema = z
  .object({
    productName: z.string().trim().min(1).max(200),
    /** A catalogue product, when commerce lands. */
    productId: z.uuid().nullable().optional(),
    category: z.string().trim().max(100).nullable().optional(),
    quantity: decimalInputSchema,
    unitPrice: decimalInputSchema,
    discountPercent: decimalInputSchema.optional(),
  })
  .strict();
export type OpportunityLineInput = z.input<typeof opportunityLineInputSchema>;

/** PUT /api/v1/opportunities/:id/lines (If-Match: the opportunity's version): the lines replace the old ones. */
export const opportunityLinesInputSchema = z.object({ lines: z.array(opportunityLineInputSchema).max(200) }).strict();
export type OpportunityLinesInput = z.input<typeof opportunityLinesInputSchema>;

export const opportunityLineSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  productName: z.string(),
  productId: z.uuid().nullable(),
  category: z.string().nullable(),
  quantity: z.string(),
  unitPrice: z.string(),
  discountPercent: z.string(),
  amount: z.string(),
});
export type OpportunityLine = z.infer<typeof opportunityLineSchema>;

/** The lines and the opportunity's amount and version after them (the amount is the lines' sum when any). */
export const opportunityLinesSchema = z.object({
  opportunityId: z.uuid(),
  version: z.number().int(),
  amount: z.string().nullable(),
  lines: z.array(opportunityLineSchema),
});
export type OpportunityLines = z.infer<typeof opportunityLinesSchema>;
