// Bulk edit, assign and delete: each record in its own transaction, so one refusal does not undo the rest,
// and a per-row result tells the caller what happened to every id.
import type { BulkResult } from '@guanxi/contracts';
import type { Db } from '../db/db.ts';
import { AppError } from '../http/errors.ts';
import { translate } from '../i18n/i18n.ts';
import { assignRecord, deleteRecord, updateRecord } from './entity.write.ts';
import type { KitContext } from './entity.read.ts';

type RowOutcome = BulkResult['results'][number];

async function eachInOwnTransaction(
  ctx: KitContext & { db: Db },
  ids: string[],
  apply: (tx: KitContext, id: string) => Promise<number | undefined>,
): Promise<BulkResult> {
  const results: RowOutcome[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      const version = await ctx.db.transaction((tx) => apply({ ...ctx, db: tx }, id));
      results.push({ id, ok: true, status: 200, ...(version !== undefined ? { version } : {}) });
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      const message = err.details?.[0]
        ? `${err.details[0].field ?? ''} ${translate(ctx.locale ?? ctx.actor.locale, err.details[0].code)}`.trim()
        : translate(ctx.locale ?? ctx.actor.locale, err.code);
      results.push({ id, ok: false, status: err.status, error: { code: err.code, message } });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}

export function bulkUpdate(ctx: KitContext & { db: Db }, ids: string[], changes: Record<string, unknown>): Promise<BulkResult> {
  return eachInOwnTransaction(ctx, ids, async (tx, id) => (await updateRecord(tx, id, null, changes)).version);
}

export function bulkAssign(
  ctx: KitContext & { db: Db },
  ids: string[],
  target: { ownerId: string; orgUnitId?: string },
): Promise<BulkResult> {
  return eachInOwnTransaction(ctx, ids, async (tx, id) => (await assignRecord(tx, id, target)).version);
}

export function bulkDelete(ctx: KitContext & { db: Db }, ids: string[]): Promise<BulkResult> {
  return eachInOwnTransaction(ctx, ids, async (tx, id) => {
    await deleteRecord(tx, id, null);
    return undefined;
  });
}
