// Record shares and account-team membership: explicit access to one record for named users. Managing them
// needs the assign right on the record; every change is audited on the record.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { shareSchema } from '@guanxi/contracts';
import { AppError } from '../http/errors.ts';
import { recordShares, users } from '../access/access.schema.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { getRecord, recordPermissions, type KitContext } from './entity.read.ts';

async function requireAssign(ctx: KitContext, id: string): Promise<void> {
  await getRecord(ctx, id);
  if (!(await recordPermissions(ctx, id, ['assign'])).assign) throw new AppError('FORBIDDEN', 403);
}

export async function listShares(ctx: KitContext, id: string) {
  await getRecord(ctx, id);
  return ctx.db
    .select({
      userId: recordShares.userId,
      userName: users.displayName,
      access: recordShares.access,
      reason: recordShares.reason,
      teamRole: recordShares.teamRole,
      createdAt: recordShares.createdAt,
    })
    .from(recordShares)
    .innerJoin(users, eq(users.id, recordShares.userId))
    .where(and(eq(recordShares.recordType, ctx.descriptor.name), eq(recordShares.recordId, id)))
    .orderBy(asc(recordShares.createdAt));
}

export async function shareRecord(ctx: KitContext, id: string, input: z.infer<typeof shareSchema>): Promise<void> {
  await requireAssign(ctx, id);
  const [user] = await ctx.db.select({ active: users.active }).from(users).where(eq(users.id, input.userId));
  if (!user)
    throw new AppError('VALIDATION_FAILED', 400, [
      { field: 'userId', code: 'not_found_reference', message: 'not_found_reference' },
    ]);
  if (!user.active)
    throw new AppError('VALIDATION_FAILED', 400, [{ field: 'userId', code: 'USER_INACTIVE', message: 'USER_INACTIVE' }]);
  await ctx.db
    .insert(recordShares)
    .values({
      recordType: ctx.descriptor.name,
      recordId: id,
      ...input,
      teamRole: input.teamRole ?? null,
      grantedBy: ctx.actor.userId,
    })
    .onConflictDoUpdate({
      target: [recordShares.recordType, recordShares.recordId, recordShares.userId],
      set: { access: input.access, reason: input.reason, teamRole: input.teamRole ?? null },
    });
  await recordAudit(ctx.db, ctx.actor, {
    recordType: ctx.descriptor.name,
    recordId: id,
    action: 'share',
    changes: [{ field: 'share', old: null, new: { userId: input.userId, access: input.access, reason: input.reason } }],
  });
}

export async function unshareRecord(ctx: KitContext, id: string, userId: string): Promise<void> {
  await requireAssign(ctx, id);
  const removed = await ctx.db
    .delete(recordShares)
    .where(and(eq(recordShares.recordType, ctx.descriptor.name), eq(recordShares.recordId, id), eq(recordShares.userId, userId)))
    .returning({ userId: recordShares.userId });
  if (!removed.length) throw new AppError('NOT_FOUND', 404);
  await recordAudit(ctx.db, ctx.actor, {
    recordType: ctx.descriptor.name,
    recordId: id,
    action: 'unshare',
    changes: [{ field: 'share', old: { userId }, new: null }],
  });
}
