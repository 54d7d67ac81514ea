// An order as the part's own routes see it: read with the caller's rights in one query — hidden (or deleted) → 404,
// visible but not allowed → 403 — the same rules the kit applies to its routes.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { accessCondition } from '../../../platform/access/recordAccess.ts';
import { orders } from './orders.schema.ts';

export type OrderRow = typeof orders.$inferSelect;

/** The right on `orderStageReopen` (a permission subject): moving an order back past a completed stage. */
export const REOPEN_SUBJECT = 'orderStageReopen';

const right = (condition: ReturnType<typeof accessCondition>) => sql<boolean>`coalesce(${condition ?? sql`true`}, false)`;

export interface OrderWithRights {
  order: OrderRow;
  canUpdate: boolean;
  canReopen: boolean;
}

/** The order if the actor may read it (404 otherwise); with `need`, 403 unless the actor also has that right. */
export async function readOrder(
  db: DbOrTx,
  actor: Actor,
  id: string,
  need?: 'update' | 'reopen',
  options: { lock?: boolean } = {},
): Promise<OrderWithRights> {
  const query = db
    .select({
      order: orders,
      canUpdate: right(accessCondition(actor, 'order', 'update', orders)),
      canReopen: right(accessCondition(actor, REOPEN_SUBJECT, 'update', orders)),
    })
    .from(orders)
    .where(and(eq(orders.id, id), isNull(orders.deletedAt), accessCondition(actor, 'order', 'read', orders)));
  const [row] = options.lock ? await query.for('update', { of: orders }) : await query;
  if (!row) throw new AppError('NOT_FOUND', 404);
  if (need === 'update' && !row.canUpdate) throw new AppError('FORBIDDEN', 403);
  if (need === 'reopen' && !row.canReopen) throw new AppError('STAGE_REOPEN_FORBIDDEN', 403);
  return { order: row.order, canUpdate: Boolean(row.canUpdate), canReopen: Boolean(row.canReopen) };
}
