// Pipelines and their stages: read by everyone who works with opportunities, saved whole by administrators. A stage
// that opportunities sit in is never removed (only deactivated), so no opportunity loses its stage.
import { and, asc, count, eq, inArray, ne, notInArray, sql } from 'drizzle-orm';
import type { ErrorDetail, Pipeline, Stage } from '@guanxi/contracts';
import { pipelineInputSchema } from '@guanxi/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/http/context.ts';
import { AppError, staleVersion, validationFailed } from '../../platform/http/errors.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { opportunities, pipelines, stages } from './sales.schema.ts';

type PipelineBody = z.infer<typeof pipelineInputSchema>;
type StageRow = typeof stages.$inferSelect;

const toStage = (s: StageRow): Stage => ({
  id: s.id,
  name: s.name,
  position: s.position,
  probability: s.probability,
  outcome: s.outcome as Stage['outcome'],
  active: s.active,
});

/** Every pipeline with its stages in order (inactive ones too: old opportunities still sit in them). */
export async function listPipelines(db: DbOrTx): Promise<Pipeline[]> {
  const rows = await db.select().from(pipelines).orderBy(asc(pipelines.position), asc(pipelines.createdAt));
  const allStages = await db.select().from(stages).orderBy(asc(stages.position));
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    isDefault: p.isDefault,
    active: p.active,
    position: p.position,
    version: p.version,
    stages: allStages.filter((s) => s.pipelineId === p.id).map(toStage),
  }));
}

export async function getPipeline(db: DbOrTx, id: string): Promise<Pipeline> {
  const found = (await listPipelines(db)).find((p) => p.id === id);
  if (!found) throw new AppError('NOT_FOUND', 404);
  return found;
}

/** The pipeline new opportunities go into when none is named. */
export async function defaultPipelineId(db: DbOrTx): Promise<string | undefined> {
  const [row] = await db
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(and(eq(pipelines.isDefault, true), eq(pipelines.active, true)))
    .limit(1);
  return row?.id;
}

export async function findStage(db: DbOrTx, stageId: string): Promise<StageRow | undefined> {
  const [row] = await db.select().from(stages).where(eq(stages.id, stageId));
  return row;
}

/** The first open, active stage of a pipeline: where a new opportunity starts. */
export async function firstStage(db: DbOrTx, pipelineId: string): Promise<StageRow | undefined> {
  const [row] = await db
    .select()
    .from(stages)
    .where(and(eq(stages.pipelineId, pipelineId), eq(stages.active, true), eq(stages.outcome, 'open')))
    .orderBy(asc(stages.position))
    .limit(1);
  return row;
}

export async function isActivePipeline(db: DbOrTx, pipelineId: string): Promise<boolean | undefined> {
  const [row] = await db.select({ active: pipelines.active }).from(pipelines).where(eq(pipelines.id, pipelineId));
  return row?.active;
}

/** A pipeline needs somewhere to work (open), to win and to lose; won means 100%, lost 0%. */
function checkStages(body: PipelineBody): void {
  const details: ErrorDetail[] = [];
  const active = body.stages.filter((s) => s.active);
  if (!['open', 'won', 'lost'].every((outcome) => active.some((s) => s.outcome === outcome)))
    details.push({ field: 'stages', code: 'PIPELINE_NEEDS_OUTCOMES', message: 'PIPELINE_NEEDS_OUTCOMES' });
  body.stages.forEach((s, i) => {
    if ((s.outcome === 'won' && s.probability !== 100) || (s.outcome === 'lost' && s.probability !== 0))
      details.push({
        field: `stages.${i}.probability`,
        code: 'STAGE_PROBABILITY_OF_OUTCOME',
        message: 'STAGE_PROBABILITY_OF_OUTCOME',
      });
  });
  const names = new Map<string, number>();
  body.stages.forEach((s, i) => {
    if (names.has(s.name)) details.push({ field: `stages.${i}.name`, code: 'duplicate', message: 'duplicate' });
    names.set(s.name, i);
  });
  if (details.length) throw validationFailed(details);
}

async function makeOnlyDefault(db: DbOrTx, id: string): Promise<void> {
  await db.update(pipelines).set({ isDefault: false }).where(ne(pipelines.id, id));
}

export async function createPipeline(db: DbOrTx, actor: Actor, body: PipelineBody): Promise<Pipeline> {
  checkStages(body);
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(pipelines);
  const [row] = await db
    .insert(pipelines)
    .values({ name: body.name, isDefault: body.isDefault || n === 0, active: body.active, position: n })
    .returning();
  await db.insert(stages).values(
    body.stages.map((s, i) => ({
      pipelineId: row!.id,
      name: s.name,
      probability: s.probability,
      outcome: s.outcome,
      active: s.active,
      position: i,
    })),
  );
  if (row!.isDefault) await makeOnlyDefault(db, row!.id);
  await recordAudit(db, actor, { recordType: 'pipeline', recordId: row!.id, action: 'create' });
  return getPipeline(db, row!.id);
}

/** Saves a pipeline whole: its name, flags and stages in the given order. */
export async function updatePipeline(
  db: DbOrTx,
  actor: Actor,
  id: string,
  expectedVersion: number,
  body: PipelineBody,
): Promise<Pipeline> {
  const [before] = await db.select().from(pipelines).where(eq(pipelines.id, id)).for('update');
  if (!before) throw new AppError('NOT_FOUND', 404);
  if (before.version !== expectedVersion) throw staleVersion(await getPipeline(db, id));
  checkStages(body);
  if (before.isDefault && (!body.isDefault || !body.active))
    throw validationFailed([{ field: 'isDefault', code: 'DEFAULT_PIPELINE_REQUIRED', message: 'DEFAULT_PIPELINE_REQUIRED' }]);
  const existing = await db.select().from(stages).where(eq(stages.pipelineId, id));
  const existingIds = new Set(existing.map((s) => s.id));
  const details: ErrorDetail[] = [];
  body.stages.forEach((s, i) => {
    if (s.id && !existingIds.has(s.id))
      details.push({ field: `stages.${i}.id`, code: 'STAGE_NOT_IN_PIPELINE', message: 'STAGE_NOT_IN_PIPELINE' });
  });
  if (details.length) throw validationFailed(details);
  const kept = body.stages.filter((s) => s.id).map((s) => s.id!);
  const removed = existing.filter((s) => !kept.includes(s.id)).map((s) => s.id);
  if (removed.length) {
    const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(opportunities).where(inArray(opportunities.stageId, removed));
    if (n > 0) throw new AppError('STAGE_IN_USE', 409);
    await db.delete(stages).where(and(eq(stages.pipelineId, id), notInArray(stages.id, kept.length ? kept : [id])));
  }
  // Positions are unique per pipeline only in meaning, so stages can be renumbered in any order.
  for (const [i, s] of body.stages.entries()) {
    const values = { name: s.name, probability: s.probability, outcome: s.outcome, active: s.active, position: i };
    if (s.id) await db.update(stages).set(values).where(eq(stages.id, s.id));
    else await db.insert(stages).values({ ...values, pipelineId: id });
  }
  await db
    .update(pipelines)
    .set({
      name: body.name,
      isDefault: body.isDefault,
      active: body.active,
      version: sql`${pipelines.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(pipelines.id, id));
  if (body.isDefault) await makeOnlyDefault(db, id);
  await recordAudit(db, actor, {
    recordType: 'pipeline',
    recordId: id,
    action: 'update',
    changes: [{ field: 'stages', old: existing.map((s) => s.name).join(' → '), new: body.stages.map((s) => s.name).join(' → ') }],
  });
  return getPipeline(db, id);
}
