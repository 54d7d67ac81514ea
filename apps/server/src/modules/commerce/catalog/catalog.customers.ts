// What the catalogue needs to know about customers — a visible customer's grade, a customer's name — read through
// the customer record type's descriptor and the kit's access rules, not the customers module's tables.
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { accessCondition } from '../../../platform/access/recordAccess.ts';
import { customerEntity } from '../../customers/customers.entities.ts';

const t = customerEntity.table;
const column = (field: string): AnyPgColumn => customerEntity.fields[field]!.column;

/** The customer's grade, or 404 when it does not exist, is in the bin or the actor may not read it. */
export async function customerGradeFor(db: DbOrTx, actor: Actor, id: string): Promise<{ grade: string | null }> {
  const [row] = (await db
    .select({ grade: column('grade') })
    .from(t as PgTable)
    .where(and(eq(t.id, id), isNull(t.deletedAt), accessCondition(actor, 'customer', 'read', t) as SQL | undefined))) as {
    grade: string | null;
  }[];
  if (!row) throw new AppError('NOT_FOUND', 404);
  return row;
}

/** Customer names by id (administrators' pages; no access filter: a price list names whom it is for). */
export async function customerNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = (await db
    .select({ id: t.id, name: column(customerEntity.titleField) })
    .from(t as PgTable)
    .where(inArray(t.id, ids))) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
