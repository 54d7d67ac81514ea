// Where an order stands in its type's pipeline: the stages with their states, read in one query, and the writes that
// keep the stage states, the current stage and the expected dates in step (one statement each, whatever the count).
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/db.ts';
import { bulkInsert } from '../../../platform/entities/entity.bulkInsert.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { orderStages, orderStageStates, orderTypes } from './orders.schema.ts';
import { planStages, type PlannedStage } from './orders.stagePlan.ts';
import { orderTimeZone } from './orders.options.ts';
import { todayIn } from '../../sales/planning/planning.periods.ts';

export type StageRow = typeof orderStages.$inferSelect;

export interface StageProgress extends PlannedStage {
  stage: StageRow;
  version: number;
  completedAt: Date | null;
  completedBy: string | null;
}

/** Today in the organisation's time zone. */
export const today = (): string => todayIn(orderTimeZone());

/** The day of an instant in the organisation's time zone. */
export const dayOf = (at: Date): string => todayIn(orderTimeZone(), at);

/** Minutes `tz` is ahead of UTC at `at`. */
function offsetMinutes(tz: string, at: Date): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** The last second of `day` (YYYY-MM-DD) in the organisation's time zone: the instant a backdated event is kept at. */
export function lastMomentOf(day: string): Date {
  const tz = orderTimeZone();
  const wall = Date.parse(`${day}T23:59:59Z`);
  const guess = new Date(wall - offsetMinutes(tz, new Date(wall)) * 60_000);
  return new Date(wall - offsetMinutes(tz, guess) * 60_000);
}

/** The active stages of an order type in order (of the default type when `orderTypeId` is null), one query. */
export async function typeStages(
  db: DbOrTx,
  orderTypeId: string | null | undefined,
): Promise<{ typeId: string; stages: StageRow[] }> {
  const rows = await db
    .select({ type: { id: orderTypes.id, active: orderTypes.active }, stage: orderStages })
    .from(orderTypes)
    .leftJoin(orderStages, and(eq(orderStages.orderTypeId, orderTypes.id), eq(orderStages.active, true)))
    .where(orderTypeId ? eq(orderTypes.id, orderTypeId) : and(eq(orderTypes.isDefault, true), eq(orderTypes.active, true)))
    .orderBy(asc(orderStages.position));
  const type = rows[0]?.type;
  if (!type)
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'orderTypeId', code: 'not_found_reference', message: 'not_found_reference' },
    ]);
  if (!type.active)
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'orderTypeId', code: 'ORDER_TYPE_INACTIVE', message: 'ORDER_TYPE_INACTIVE' },
    ]);
  return { typeId: type.id, stages: rows.map((r) => r.stage).filter((s): s is StageRow => s !== null) };
}

/** The states of a new order's stages: all pending, expected dates counted from `base`. */
export function initialStates(orderId: string, stages: StageRow[], base: string) {
  const planned = stages.map((s) => ({
    stageId: s.id,
    leadTimeDays: s.leadTimeDays,
    isArrival: s.isArrival,
    status: 'pending',
    expectedDate: null,
  }));
  const { dates, arrival } = planStages(planned, base);
  return {
    rows: stages.map((s) => ({
      orderId,
      stageId: s.id,
      position: s.position,
      status: 'pending',
      expectedDate: dates.get(s.id) ?? null,
    })),
    arrival,
    currentStageId: stages[0]?.id ?? null,
  };
}

export async function insertStates(db: DbOrTx, rows: ReturnType<typeof initialStates>['rows']): Promise<void> {
  await bulkInsert(db, orderStageStates, rows);
}

/** The order's stages with their states, in pipeline order (one query). */
export async function loadProgress(db: DbOrTx, orderId: string): Promise<StageProgress[]> {
  const rows = await db
    .select({ state: orderStageStates, stage: orderStages })
    .from(orderStageStates)
    .innerJoin(orderStages, eq(orderStages.id, orderStageStates.stageId))
    .where(eq(orderStageStates.orderId, orderId))
    .orderBy(asc(orderStageStates.position));
  return rows.map(({ state, stage }) => ({
    stage,
    stageId: stage.id,
    leadTimeDays: stage.leadTimeDays,
    isArrival: stage.isArrival,
    status: state.status,
    expectedDate: state.expectedDate,
    completedOn: state.completedAt ? dayOf(state.completedAt) : null,
    version: state.version,
    completedAt: state.completedAt,
    completedBy: state.completedBy,
  }));
}

/**
 * Recounts the expected dates of the stages not done from `base` and writes those that moved (one statement);
 * answers the order's expected arrival.
 */
export async function replan(db: DbOrTx, orderId: string, progress: StageProgress[], base: string): Promise<string | null> {
  const { dates, arrival } = planStages(progress, base);
  const moved = progress.filter((p) => p.status !== 'done' && dates.get(p.stageId) !== p.expectedDate);
  if (moved.length) {
    const values = sql.join(
      moved.map((p) => sql`(${p.stageId}::uuid, ${dates.get(p.stageId)}::date)`),
      sql`, `,
    );
    await db.execute(
      sql`UPDATE ${orderStageStates} SET expected_date = v.d FROM (VALUES ${values}) AS v(s, d) WHERE ${orderStageStates.orderId} = ${orderId} AND ${orderStageStates.stageId} = v.s`,
    );
    for (const p of moved) p.expectedDate = dates.get(p.stageId) ?? null;
  }
  return arrival;
}

/** The first stage not done (null when every stage is). */
export const currentStage = (progress: StageProgress[]): StageProgress | undefined => progress.find((p) => p.status !== 'done');
