// Rules of opportunities, run by the entity kit on every write (form, board, API, import): a new opportunity starts in
// the default pipeline's first stage; a stage must belong to the opportunity's pipeline; entering a stage sets the
// probability and, for won or lost stages, closes the opportunity (lost needs a reason); every stage entered is kept
// in the stage history, so the time spent in each stage can be shown. With product lines, the amount is their sum.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { ErrorDetail } from '@guanxi/contracts';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/http/context.ts';
import { validationFailed } from '../../platform/http/errors.ts';
import type { EntityHooks } from '../../platform/entities/descriptor.ts';
import { defaultPipelineId, findStage, firstStage, isActivePipeline } from './sales.pipelines.service.ts';
import { opportunityStageHistory } from './sales.schema.ts';
import { amountAgainstLines } from './planning/planning.lines.ts';

type Row = Record<string, unknown>;

const problem = (field: string, code: string): ErrorDetail => ({ field, code, message: code });

/** The forecast category a closed stage implies; open stages keep what the rep chose. */
const closedCategory = (outcome: string): string | undefined =>
  outcome === 'won' ? 'closed' : outcome === 'lost' ? 'omitted' : undefined;

/**
 * Checks the stage against the pipeline and fills what entering it implies. `values` is the whole record as it will
 * be written; `entering` is true when the stage is new to the record (create, or a stage change).
 */
async function applyStage(db: DbOrTx, values: Row, entering: boolean, explicit: Set<string>): Promise<void> {
  const details: ErrorDetail[] = [];
  const pipelineId = values.pipelineId as string;
  const active = await isActivePipeline(db, pipelineId);
  if (active === undefined) throw validationFailed([problem('pipelineId', 'not_found_reference')]);
  if (!active && entering) details.push(problem('pipelineId', 'PIPELINE_INACTIVE'));
  const stage = await findStage(db, values.stageId as string);
  if (!stage || stage.pipelineId !== pipelineId) throw validationFailed([problem('stageId', 'STAGE_NOT_IN_PIPELINE')]);
  if (!stage.active && entering) details.push(problem('stageId', 'STAGE_INACTIVE'));
  if (stage.outcome === 'lost' && !values.lossReason) details.push(problem('lossReason', 'LOSS_REASON_REQUIRED'));
  if (details.length) throw validationFailed(details);
  if (!entering) return;
  values.stageEnteredAt = new Date();
  if (!explicit.has('probability')) values.probability = stage.probability;
  // Reopening a closed deal puts it back in the pipeline; an open deal the rep left out of the forecast stays out.
  const wasClosed = values.closedAt !== null && values.closedAt !== undefined;
  values.closedAt = stage.outcome === 'open' ? null : new Date();
  const category = closedCategory(stage.outcome);
  if (category) values.forecastCategory = category;
  else if (
    !explicit.has('forecastCategory') &&
    (!values.forecastCategory || values.forecastCategory === 'closed' || (wasClosed && values.forecastCategory === 'omitted'))
  )
    values.forecastCategory = 'pipeline';
  if (stage.outcome !== 'lost' && !explicit.has('lossReason')) values.lossReason = null;
}

/** Closes the open history row and opens one for the record's stage, when the stage changed. */
async function recordStage(db: DbOrTx, actor: Actor, record: Row): Promise<void> {
  const id = record.id as string;
  const h = opportunityStageHistory;
  const [current] = await db
    .select()
    .from(h)
    .where(and(eq(h.opportunityId, id), isNull(h.leftAt)))
    .orderBy(desc(h.enteredAt))
    .limit(1);
  if (current?.stageId === record.stageId) return;
  const now = (record.stageEnteredAt as Date | undefined) ?? new Date();
  if (current) await db.update(h).set({ leftAt: now }).where(eq(h.id, current.id));
  await db.insert(h).values({
    opportunityId: id,
    stageId: record.stageId as string,
    fromStageId: current?.stageId ?? null,
    enteredAt: now,
    userId: actor.userId,
    amount: (record.amount as string | null) ?? null,
    probability: (record.probability as number | null) ?? null,
  });
}

export const opportunityHooks: EntityHooks = {
  async beforeCreate({ db }, values) {
    const explicit = new Set(Object.keys(values).filter((k) => values[k] !== undefined));
    values.pipelineId ??= await defaultPipelineId(db);
    if (!values.pipelineId) throw validationFailed([problem('pipelineId', 'required')]);
    if (!values.stageId) values.stageId = (await firstStage(db, values.pipelineId as string))?.id;
    if (!values.stageId) throw validationFailed([problem('stageId', 'required')]);
    await applyStage(db, values, true, explicit);
  },
  async beforeUpdate({ db }, before, changes) {
    // With product lines the amount is their sum (planning.lines.ts writes it); any other amount is refused.
    if ('amount' in changes) {
      const refusal = await amountAgainstLines(db, before.id as string, changes.amount);
      if (refusal) throw validationFailed([refusal]);
    }
    const touchesStage = 'stageId' in changes || 'pipelineId' in changes;
    if (!touchesStage && !('lossReason' in changes)) return;
    const after = { ...before, ...changes };
    const entering = after.stageId !== before.stageId;
    // A pipeline change without a stage of the new pipeline is refused by applyStage (the old stage is not in it).
    await applyStage(db, after, entering, new Set(Object.keys(changes)));
    for (const key of ['stageEnteredAt', 'probability', 'closedAt', 'forecastCategory', 'lossReason'])
      if (after[key] !== before[key]) changes[key] = after[key];
  },
  async afterWrite({ db, actor }, record, action) {
    if (action === 'create' || action === 'update') await recordStage(db, actor, record);
  },
};
