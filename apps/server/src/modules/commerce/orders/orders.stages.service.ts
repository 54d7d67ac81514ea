// Moving an order through its stages. Only the next open stage — or, on a stage that tracks quantities, one whose
// earlier stages are all under way — may be completed (skipping ahead → 409 STAGE_ORDER); a tracking stage takes
// partial quantities per line, each at most what is left (and at most what the stage before passed on). Completing is
// a conditional UPDATE on the stage state's version, so of two people completing one stage at once only one wins (the
// other 409 STAGE_ALREADY_DONE). A completion may be dated back (`occurredOn`, entered late): not in the future, nor
// before the order date or the day an earlier stage was completed; it then counts from that day as if entered on it.
// Every completion recounts the expected dates from its day; the `delivered` milestone
// sets the delivered quantities and time; reaching the `purchasing` stage puts the open lines into batches. Moving
// back (reopen) needs the orderStageReopen right.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { ErrorDetail } from '@guanxi/contracts';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError, validationFailed } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { bulkInsert } from '../../../platform/entities/entity.bulkInsert.ts';
import type { FieldChange } from '../../../platform/audit/audit.schema.ts';
import { Exact, MONEY_LIMIT, QUANTITY_LIMIT, readDecimal } from '../commerce.money.ts';
import { readOrder, type OrderRow } from './orders.access.ts';
import { instalments } from '../receivables/receivables.schema.ts';
import { createInstalments } from '../receivables/receivables.instalments.ts';
import { defaultInstalments } from '../receivables/receivables.planMath.ts';
import { joinPurchaseBatches } from './orders.batches.service.ts';
import { currentStage, lastMomentOf, loadProgress, replan, today, type StageProgress } from './orders.progress.ts';
import { orderLines, orders, orderStageEvents, orderStageStates } from './orders.schema.ts';

type EventRow = typeof orderStageEvents.$inferInsert;

export interface CompleteInput {
  note?: string | null;
  lines?: { orderLineId: string; quantity: string }[];
  amount?: string | null;
  /** The day it happened (YYYY-MM-DD, organisation time zone); default today. */
  occurredOn?: string;
}

/** When a stage event happened: its day (organisation time zone) and the instant it is kept at. */
export interface EventWhen {
  day: string;
  at: Date;
}

const rightNow = (): EventWhen => ({ day: today(), at: new Date() });

/**
 * The day of a completion: today (this very moment) unless dated back. A past day is kept at its last second, so the
 * event sorts after everything else of that day; it may not be in the future, before the order date, or before the
 * day any earlier stage was completed.
 */
export function eventWhen(
  occurredOn: string | undefined,
  order: Pick<OrderRow, 'orderDate'>,
  progress: StageProgress[],
  index: number,
  details: ErrorDetail[],
): EventWhen {
  const now = rightNow();
  if (occurredOn === undefined) return now;
  const refuse = (code: string) => {
    details.push({ field: 'occurredOn', code, message: code });
    return now;
  };
  if (occurredOn > now.day) return refuse('STAGE_DATE_IN_FUTURE');
  if (occurredOn < order.orderDate) return refuse('STAGE_DATE_BEFORE_ORDER');
  const previous = progress
    .slice(0, index)
    .map((p) => (p.status === 'done' ? p.completedOn : null))
    .reduce<string | null>((a, b) => (b && (!a || b > a) ? b : a), null);
  if (previous && occurredOn < previous) return refuse('STAGE_DATE_BEFORE_PREVIOUS');
  return occurredOn === now.day ? now : { day: occurredOn, at: lastMomentOf(occurredOn) };
}

/** Quantity done per stage and line: Σ of the stage's line events (a reopen writes the negative of what was done). */
export async function doneQuantities(db: DbOrTx, orderId: string): Promise<Map<string, Exact>> {
  const rows = await db
    .select({
      stageId: orderStageEvents.stageId,
      lineId: orderStageEvents.orderLineId,
      quantity: sql<string>`sum(${orderStageEvents.quantity})::text`,
    })
    .from(orderStageEvents)
    .where(and(eq(orderStageEvents.orderId, orderId), sql`${orderStageEvents.orderLineId} IS NOT NULL`))
    .groupBy(orderStageEvents.stageId, orderStageEvents.orderLineId);
  return new Map(rows.map((r) => [`${r.stageId}/${r.lineId}`, new Exact(r.quantity ?? '0')]));
}

export const doneKey = (stageId: string, lineId: string) => `${stageId}/${lineId}`;

interface LineFacts {
  id: string;
  quantity: string;
}

/** How much of each line the stage at `index` may still take: up to the line, or to what the stage before passed on. */
export function remainingOf(progress: StageProgress[], index: number, lines: LineFacts[], done: Map<string, Exact>) {
  const stage = progress[index]!;
  const before = index > 0 ? progress[index - 1] : undefined;
  const capped = before && before.status !== 'done' && before.stage.tracksQuantity;
  return new Map(
    lines.map((l) => {
      const own = done.get(doneKey(stage.stageId, l.id)) ?? new Exact(0);
      const cap = capped ? (done.get(doneKey(before.stageId, l.id)) ?? new Exact(0)) : new Exact(l.quantity);
      const left = cap.minus(own);
      return [l.id, { done: own, remaining: left.gt(0) ? left : new Exact(0) }];
    }),
  );
}

/** May the stage at `index` be completed now: every earlier stage done, or under way when quantities flow through. */
export function completable(progress: StageProgress[], index: number): boolean {
  const stage = progress[index];
  if (!stage || stage.status === 'done') return false;
  return progress
    .slice(0, index)
    .every((p) => p.status === 'done' || (p.status === 'partial' && p.stage.tracksQuantity && stage.stage.tracksQuantity));
}

function readAmount(amount: string | null | undefined, details: ErrorDetail[]): string | null {
  if (amount === undefined || amount === null || amount === '') return null;
  const value = readDecimal(
    amount,
    'amount',
    {
      decimals: [2, 'QUOTE_AMOUNT_DECIMALS'],
      min: [0, 'inclusive', 'QUOTE_PRICE_NEGATIVE'],
      max: [MONEY_LIMIT, 'exclusive', 'QUOTE_AMOUNT_TOO_BIG'],
    },
    details,
  );
  return value ? value.toFixed(2) : null;
}

/** The quantities of this completion per line: as given (checked against what is left), or all that is left. */
function quantitiesOf(
  input: CompleteInput,
  lines: LineFacts[],
  left: ReturnType<typeof remainingOf>,
  details: ErrorDetail[],
): Map<string, Exact> {
  const out = new Map<string, Exact>();
  if (!input.lines) {
    for (const l of lines) if (left.get(l.id)!.remaining.gt(0)) out.set(l.id, left.get(l.id)!.remaining);
    return out;
  }
  input.lines.forEach((l, i) => {
    const at = `lines.${i}.`;
    const facts = left.get(l.orderLineId);
    if (!facts) return details.push({ field: `${at}orderLineId`, code: 'not_found_reference', message: 'not_found_reference' });
    if (out.has(l.orderLineId)) return details.push({ field: `${at}orderLineId`, code: 'duplicate', message: 'duplicate' });
    const q = readDecimal(
      l.quantity,
      `${at}quantity`,
      {
        decimals: [4, 'QUOTE_QUANTITY_DECIMALS'],
        min: [0, 'exclusive', 'QUOTE_QUANTITY_NOT_POSITIVE'],
        max: [QUANTITY_LIMIT, 'exclusive', 'QUOTE_QUANTITY_TOO_BIG'],
      },
      details,
    );
    if (!q) return;
    if (q.gt(facts.remaining))
      return details.push({
        field: `${at}quantity`,
        code: 'STAGE_QUANTITY_EXCEEDS_REMAINING',
        message: 'STAGE_QUANTITY_EXCEEDS_REMAINING',
      });
    out.set(l.orderLineId, q);
  });
  if (!details.length && out.size === 0)
    details.push({ field: 'lines', code: 'STAGE_NOTHING_TO_COMPLETE', message: 'STAGE_NOTHING_TO_COMPLETE' });
  return out;
}

/**
 * The conditional write that decides between two people completing (or reopening) the same stage at once: it
 * succeeds only on the version read, so the second writer finds 0 rows.
 */
async function writeState(
  db: DbOrTx,
  actor: Actor,
  orderId: string,
  stage: StageProgress,
  status: 'pending' | 'partial' | 'done',
  when: EventWhen = rightNow(),
): Promise<void> {
  const done = status === 'done';
  const updated = await db
    .update(orderStageStates)
    .set({
      status,
      version: sql`${orderStageStates.version} + 1`,
      completedAt: done ? when.at : null,
      completedBy: done ? actor.userId : null,
    })
    .where(
      and(
        eq(orderStageStates.orderId, orderId),
        eq(orderStageStates.stageId, stage.stageId),
        eq(orderStageStates.version, stage.version),
        status === 'pending' ? undefined : ne(orderStageStates.status, 'done'),
      ),
    )
    .returning({ status: orderStageStates.status });
  if (!updated.length) throw new AppError(status === 'pending' ? 'STAGE_CHANGED' : 'STAGE_ALREADY_DONE', 409);
  stage.status = status;
  stage.version += 1;
  stage.completedAt = done ? when.at : null;
  stage.completedOn = done ? when.day : null;
}

/** The delivered quantities follow the `delivered` stage: its line quantities, or every line whole once it is done. */
async function syncDelivered(db: DbOrTx, orderId: string, stage: StageProgress): Promise<void> {
  if (stage.stage.tracksQuantity)
    await db.execute(sql`UPDATE ${orderLines} SET delivered_quantity = coalesce((
      SELECT sum(e.quantity) FROM ${orderStageEvents} e
      WHERE e.order_id = ${orderId} AND e.stage_id = ${stage.stageId} AND e.order_line_id = ${orderLines.id}), 0)
      WHERE ${orderLines.orderId} = ${orderId}`);
  else
    await db
      .update(orderLines)
      .set({ deliveredQuantity: stage.status === 'done' ? sql`${orderLines.quantity}` : '0' })
      .where(eq(orderLines.orderId, orderId));
}

/**
 * After stages moved: expected dates from the day of the move (`when`: today, or the day a completion is dated back
 * to), current stage, status, delivered and completed times; one audited order update.
 */
export async function settleOrder(
  db: DbOrTx,
  actor: Actor,
  order: OrderRow,
  progress: StageProgress[],
  extra: Partial<OrderRow> = {},
  when: EventWhen = rightNow(),
): Promise<void> {
  const arrival = await replan(db, order.id, progress, when.day);
  const current = currentStage(progress);
  const delivered = progress.find((p) => p.stage.milestone === 'delivered');
  const allDone = progress.length > 0 && !current;
  // Any move after approval puts the order in progress; the last stage done completes it.
  const moved = order.status === 'approved' || order.status === 'completed' ? 'inProgress' : order.status;
  const next: Partial<OrderRow> = {
    currentStageId: current?.stageId ?? null,
    expectedArrivalDate: arrival,
    completedAt: allDone ? (order.completedAt ?? when.at) : null,
    ...(delivered ? { deliveredAt: delivered.status === 'done' ? (order.deliveredAt ?? when.at) : null } : {}),
    ...extra,
    status: allDone ? 'completed' : (extra.status ?? moved),
  };
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(next)) {
    const old = order[field as keyof OrderRow];
    const a = old instanceof Date ? old.toISOString() : (old ?? null);
    const b = value instanceof Date ? value.toISOString() : (value ?? null);
    if (a !== b) changes.push({ field, old: a, new: b });
  }
  await db
    .update(orders)
    .set({ ...next, version: sql`${orders.version} + 1`, updatedAt: new Date(), updatedBy: actor.userId })
    .where(eq(orders.id, order.id));
  if (changes.length) await recordAudit(db, actor, { recordType: 'order', recordId: order.id, action: 'update', changes });
}

/** Lines that reached the purchasing stage just now join their supplier's batch (a rush order's: one of their own). */
async function purchasingReached(
  db: DbOrTx,
  actor: Actor,
  order: OrderRow,
  before: string | undefined,
  progress: StageProgress[],
) {
  const now = currentStage(progress);
  if (now && now.stageId !== before && now.stage.milestone === 'purchasing')
    await joinPurchaseBatches(db, actor, order.id, order.rush);
}

export async function completeStage(
  db: DbOrTx,
  actor: Actor,
  orderId: string,
  stageId: string,
  input: CompleteInput,
): Promise<void> {
  const { order } = await readOrder(db, actor, orderId, 'update');
  if (order.status === 'draft' || order.status === 'pendingApproval') throw new AppError('ORDER_NOT_APPROVED', 409);
  if (order.status === 'cancelled') throw new AppError('ORDER_CANCELLED', 409);
  const progress = await loadProgress(db, orderId);
  const index = progress.findIndex((p) => p.stageId === stageId);
  const stage = progress[index];
  if (!stage) throw new AppError('NOT_FOUND', 404);
  if (stage.status === 'done') throw new AppError('STAGE_ALREADY_DONE', 409);
  if (!completable(progress, index)) throw new AppError('STAGE_ORDER', 409);
  const details: ErrorDetail[] = [];
  const amount = readAmount(input.amount, details);
  const when = eventWhen(input.occurredOn, order, progress, index, details);
  const before = currentStage(progress)?.stageId;
  const events: EventRow[] = [];
  const base = { orderId, stageId, userId: actor.userId, at: when.at };
  let status: 'partial' | 'done' = 'done';
  const lines = stage.stage.tracksQuantity
    ? await db
        .select({ id: orderLines.id, quantity: orderLines.quantity })
        .from(orderLines)
        .where(eq(orderLines.orderId, orderId))
    : [];
  if (stage.stage.tracksQuantity && lines.length) {
    const done = await doneQuantities(db, orderId);
    const left = remainingOf(progress, index, lines, done);
    const quantities = quantitiesOf(input, lines, left, details);
    if (details.length) throw validationFailed(details);
    const whole = lines.every((l) =>
      left
        .get(l.id)!
        .done.plus(quantities.get(l.id) ?? 0)
        .gte(l.quantity),
    );
    status = whole && progress.slice(0, index).every((p) => p.status === 'done') ? 'done' : 'partial';
    for (const [lineId, q] of quantities)
      events.push({ ...base, kind: status === 'done' ? 'complete' : 'partial', orderLineId: lineId, quantity: q.toFixed() });
  } else {
    if (input.lines?.length) details.push({ field: 'lines', code: 'STAGE_NOT_TRACKING', message: 'STAGE_NOT_TRACKING' });
    if (details.length) throw validationFailed(details);
  }
  await writeState(db, actor, orderId, stage, status, when);
  // The event of the stage itself (note, amount) first, then one per line with its quantity.
  await bulkInsert(db, orderStageEvents, [
    { ...base, kind: status === 'done' ? 'complete' : 'partial', note: input.note || null, amount },
    ...events,
  ]);
  if (stage.stage.milestone === 'delivered') await syncDelivered(db, orderId, stage);
  await purchasingReached(db, actor, order, before, progress);
  await settleOrder(db, actor, order, progress, {}, when);
}

/** Moves the order back: the stage and every later one under way become pending again, their quantities undone. */
export async function reopenStage(
  db: DbOrTx,
  actor: Actor,
  orderId: string,
  stageId: string,
  note?: string | null,
): Promise<void> {
  const { order } = await readOrder(db, actor, orderId, 'reopen');
  const progress = await loadProgress(db, orderId);
  const index = progress.findIndex((p) => p.stageId === stageId);
  const stage = progress[index];
  if (!stage) throw new AppError('NOT_FOUND', 404);
  if (stage.status === 'pending') throw new AppError('STAGE_NOT_DONE', 409);
  const reopened = progress.slice(index).filter((p) => p.status !== 'pending');
  const done = await doneQuantities(db, orderId);
  const events: EventRow[] = [{ orderId, stageId, userId: actor.userId, kind: 'reopen', note: note || null }];
  for (const p of reopened) {
    await writeState(db, actor, orderId, p, 'pending');
    for (const [key, q] of done)
      if (key.startsWith(`${p.stageId}/`) && !q.isZero())
        events.push({
          orderId,
          stageId: p.stageId,
          userId: actor.userId,
          kind: 'reopen',
          orderLineId: key.slice(p.stageId.length + 1),
          quantity: q.negated().toFixed(),
        });
  }
  await bulkInsert(db, orderStageEvents, events);
  const delivered = reopened.find((p) => p.stage.milestone === 'delivered');
  if (delivered) await syncDelivered(db, orderId, delivered);
  await settleOrder(db, actor, order, progress, delivered ? { deliveredAt: null } : {});
}

/**
 * The order was approved (now; the demo's history passes an earlier `when`): its first stage completes by itself when
 * it is a plain one (已审批 — no milestone, no quantities); if the order now stands at its purchasing stage, its lines
 * join the batches.
 */
export async function startOrder(
  db: DbOrTx,
  actor: Actor,
  order: OrderRow,
  note: string | null,
  when: EventWhen = rightNow(),
): Promise<void> {
  const progress = await loadProgress(db, order.id);
  const first = progress[0];
  const approved: Partial<OrderRow> = { status: 'approved', approvedAt: when.at, approvedBy: actor.userId };
  const started = { ...order, ...approved } as OrderRow;
  if (first && !first.stage.milestone && !first.stage.tracksQuantity && first.status === 'pending') {
    await writeState(db, actor, order.id, first, 'done', when);
    await bulkInsert(db, orderStageEvents, [
      { orderId: order.id, stageId: first.stageId, userId: actor.userId, kind: 'complete', note, at: when.at },
    ]);
  }
  await purchasingReached(db, actor, started, undefined, progress);
  await settleOrder(db, actor, order, progress, approved, when);
  // An approved order is owed: without a plan of its own, one instalment of the total (receivables.planMath.ts).
  const [planned] = await db.select({ id: instalments.id }).from(instalments).where(eq(instalments.orderId, order.id)).limit(1);
  if (!planned) await createInstalments(db, order.id, defaultInstalments(order));
}
