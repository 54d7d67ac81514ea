// Writes of a quote that its own rules make (totals from the lines, status from the actions, a new revision), not a
// caller's field edits: each locks the row, bumps the version and leaves an audit entry with every field it changed
// and refreshes the search entry, as the kit's updateRecord does, so the quote's history shows them.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { FieldChange } from '../../../platform/audit/audit.schema.ts';
import { loadFields, recordPermissions, type KitContext } from '../../../platform/entities/entity.read.ts';
import { changesBetween } from '../../../platform/entities/entity.write.ts';
import { indexRecord } from '../../../platform/search/search.service.ts';
import type { Action } from '@guanxi/contracts';
import { quoteEntity } from './quotes.entities.ts';
import { quotes as q } from './quotes.schema.ts';

export type QuoteRow = typeof q.$inferSelect;

/** The quote locked for this transaction: 404 when missing, deleted or hidden; 403 when visible but `action` is not allowed. */
export async function lockQuote(ctx: KitContext, id: string, action: Action = 'update'): Promise<QuoteRow> {
  const [row] = await ctx.db.select().from(q).where(eq(q.id, id)).for('update');
  if (!row || row.deletedAt) throw new AppError('NOT_FOUND', 404);
  const allowed = await recordPermissions({ ...ctx, descriptor: quoteEntity }, id, ['read', action]);
  if (!allowed.read) throw new AppError('NOT_FOUND', 404);
  if (!allowed[action]) throw new AppError('FORBIDDEN', 403);
  return row;
}

/** Writes `changes` to the quote `before` (locked by the caller): version + 1, one audit entry, the search entry. */
export async function writeQuote(
  db: DbOrTx,
  actor: Actor | null,
  before: QuoteRow,
  changes: Partial<QuoteRow>,
  extra: FieldChange[] = [],
): Promise<QuoteRow> {
  const fields = await loadFields(db, quoteEntity);
  const [after] = await db
    .update(q)
    .set({
      ...changes,
      version: sql`${q.version} + 1`,
      updatedAt: new Date(),
      ...(actor ? { updatedBy: actor.userId } : {}),
    })
    .where(eq(q.id, before.id))
    .returning();
  const diff = [...changesBetween(fields, before, after!), ...extra];
  if (diff.length) await recordAudit(db, actor, { recordType: 'quote', recordId: before.id, action: 'update', changes: diff });
  await indexRecord(db, quoteEntity, after!);
  return after!;
}

/** Inserts a quote row written by the module (a revision): audited as a create with every field, and indexed. */
export async function insertQuote(db: DbOrTx, actor: Actor, row: typeof q.$inferInsert): Promise<QuoteRow> {
  const fields = await loadFields(db, quoteEntity);
  const [inserted] = await db.insert(q).values(row).returning();
  await recordAudit(db, actor, {
    recordType: 'quote',
    recordId: inserted!.id,
    action: 'create',
    changes: changesBetween(fields, {}, inserted!),
  });
  await indexRecord(db, quoteEntity, inserted!);
  return inserted!;
}
