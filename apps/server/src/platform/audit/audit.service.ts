// Writes and reads the audit log. Writers call `recordAudit` inside the transaction of the change itself,
// so a change and its audit entry commit or roll back together.
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { AuditEntry } from '@guanxi/contracts';
import type { DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';
import { users } from '../access/access.schema.ts';
import { bulkInsert } from '../entities/entity.bulkInsert.ts';
import { auditLog, type FieldChange } from './audit.schema.ts';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore' | 'assign' | 'merge' | 'share' | 'unshare' | (string & {});

export interface AuditInput {
  recordType: string;
  recordId: string;
  action: AuditAction;
  changes?: FieldChange[];
}

/** The row of one entry, as the actor (or a job, without one) wrote it. */
const auditRow = (actor: Actor | null, entry: AuditInput) => ({
  recordType: entry.recordType,
  recordId: entry.recordId,
  action: entry.action,
  changes: entry.changes ?? [],
  userId: actor?.userId ?? null,
  source: actor?.source ?? 'job',
  requestId: actor?.requestId ?? null,
});

export async function recordAudit(db: DbOrTx, actor: Actor | null, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values(auditRow(actor, entry));
}

/** Many entries in multi-row inserts (a bulk create): the same rows `recordAudit` writes one by one. */
export async function recordAudits(db: DbOrTx, actor: Actor | null, entries: AuditInput[]): Promise<void> {
  await bulkInsert(
    db,
    auditLog,
    entries.map((entry) => auditRow(actor, entry)),
  );
}

const comparable = (value: unknown): string => JSON.stringify(value instanceof Date ? value.toISOString() : (value ?? null));

/** The fields whose values differ between `before` and `after`, limited to `fields`. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>, fields: string[]): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (comparable(before[field]) !== comparable(after[field])) {
      changes.push({ field, old: before[field] ?? null, new: after[field] ?? null });
    }
  }
  return changes;
}

/** A record's history, newest first; `before` is an audit id for paging. */
export async function listHistory(
  db: DbOrTx,
  recordType: string,
  recordId: string,
  options: { limit?: number; before?: string } = {},
): Promise<AuditEntry[]> {
  const limit = Math.min(options.limit ?? 100, 500);
  const rows = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      changes: auditLog.changes,
      userId: auditLog.userId,
      userName: users.displayName,
      source: auditLog.source,
      requestId: auditLog.requestId,
      at: auditLog.at,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(
      and(
        eq(auditLog.recordType, recordType),
        eq(auditLog.recordId, recordId),
        options.before
          ? or(
              lt(auditLog.at, sql`(SELECT at FROM audit_log WHERE id = ${options.before})`),
              and(eq(auditLog.at, sql`(SELECT at FROM audit_log WHERE id = ${options.before})`), lt(auditLog.id, options.before)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
