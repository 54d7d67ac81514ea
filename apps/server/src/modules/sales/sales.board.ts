// The opportunity board of one pipeline: a column per stage with the count, the sum and the weighted sum of the
// opportunities the caller may read (with the list's own filters: a branch, an owner, a close-date range, …) and the
// first page of cards, each column paged on its own. The counts and sums come from one grouped query.
import { and, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Board } from '@guanxi/contracts';
import { AppError } from '../../platform/http/errors.ts';
import { attachTitles } from '../../platform/entities/entity.titles.ts';
import { listPage, listWhere, loadFields, type KitContext } from '../../platform/entities/entity.read.ts';
import { parseListQuery } from '../../platform/entities/query.ts';
import { getPipeline } from './sales.pipelines.service.ts';
import { opportunities as o } from './sales.schema.ts';

const CARD_FIELDS = [
  'id',
  'version',
  'name',
  'customerId',
  'amount',
  'currency',
  'expectedCloseDate',
  'probability',
  'stageId',
  'ownerId',
  'ownerName',
  'orgUnitId',
  'nextStep',
  'titles',
  'stageEnteredAt',
];

/**
 * `query` is a list query (`filter[orgUnitId][eq]=…`, `q`, `sort`, `limit` per column); `stageId` + `cursor` asks
 * for the next page of one column only.
 */
export async function opportunityBoard(
  ctx: KitContext,
  pipelineId: string,
  rawQuery: Record<string, unknown>,
  only?: { stageId: string },
): Promise<Board> {
  const pipeline = await getPipeline(ctx.db, pipelineId);
  const fields = await loadFields(ctx.db, ctx.descriptor);
  const query = parseListQuery({ limit: 20, ...rawQuery }, fields, ['-amount'], { allowDeleted: false });
  const where = and(listWhere(ctx, fields, { ...query, cursor: null }, {}), eq(o.pipelineId, pipelineId));
  const totals = await ctx.db
    .select({
      stageId: o.stageId,
      count: sql<number>`count(*)::int`,
      amount: sql<string>`coalesce(sum(${o.amount}), 0)::numeric(18,2)::text`,
      weighted: sql<string>`coalesce(sum(${o.amount} * coalesce(${o.probability}, 0) / 100), 0)::numeric(18,2)::text`,
    })
    .from(o as PgTable)
    .where(where)
    .groupBy(o.stageId);
  const byStage = new Map(totals.map((t) => [t.stageId, t]));
  const stages = pipeline.stages.filter((s) => (only ? s.id === only.stageId : s.active || byStage.has(s.id)));
  if (only && !stages.length)
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'stageId', code: 'STAGE_NOT_IN_PIPELINE', message: 'STAGE_NOT_IN_PIPELINE' },
    ]);
  const columns = [];
  for (const stage of stages) {
    const total = byStage.get(stage.id);
    const page = total
      ? await listPage(ctx, fields, only ? query : { ...query, cursor: null }, {
          where: and(eq(o.pipelineId, pipelineId), eq(o.stageId, stage.id)),
        })
      : { items: [], nextCursor: null };
    await attachTitles(ctx, fields, page.items);
    columns.push({
      stage,
      count: total?.count ?? 0,
      amount: total?.amount ?? '0.00',
      weighted: total?.weighted ?? '0.00',
      items: page.items.map((item) => Object.fromEntries(CARD_FIELDS.filter((f) => f in item).map((f) => [f, item[f]]))),
      nextCursor: page.nextCursor,
    });
  }
  return { pipeline, columns };
}
