// The stages an opportunity went through, with the time it spent in each: entered, left (open while it sits there),
// who moved it and the amount and probability it had on entering. Read with the opportunity's own access: a hidden
// opportunity answers 404 like its record.
import { asc, eq } from 'drizzle-orm';
import type { StageHistoryEntry } from '@guanxi/contracts';
import { users } from '../../platform/access/access.schema.ts';
import { getRecord, type KitContext } from '../../platform/entities/entity.read.ts';
import { opportunityStageHistory as h, stages } from './sales.schema.ts';

export async function stageHistory(ctx: KitContext, opportunityId: string, now = new Date()): Promise<StageHistoryEntry[]> {
  await getRecord(ctx, opportunityId);
  const rows = await ctx.db
    .select({
      stageId: h.stageId,
      stageName: stages.name,
      outcome: stages.outcome,
      enteredAt: h.enteredAt,
      leftAt: h.leftAt,
      userId: h.userId,
      userName: users.displayName,
      amount: h.amount,
      probability: h.probability,
    })
    .from(h)
    .innerJoin(stages, eq(stages.id, h.stageId))
    .leftJoin(users, eq(users.id, h.userId))
    .where(eq(h.opportunityId, opportunityId))
    .orderBy(asc(h.enteredAt), asc(h.id));
  return rows.map((row) => ({
    stageId: row.stageId,
    stageName: row.stageName,
    outcome: row.outcome as StageHistoryEntry['outcome'],
    enteredAt: row.enteredAt.toISOString(),
    leftAt: row.leftAt?.toISOString() ?? null,
    // A closed deal's last stage has no end: its time stops counting when it closed.
    durationMs: (row.leftAt ?? (row.outcome === 'open' ? now : row.enteredAt)).getTime() - row.enteredAt.getTime(),
    movedBy: row.userId ? { id: row.userId, name: row.userName ?? '' } : null,
    amount: row.amount,
    probability: row.probability,
  }));
}
