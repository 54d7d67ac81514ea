// What the catalogue needs to know about customers — a visible customer's grade, a customer's name — read through
// the customer record type's descriptor and the kit's access rules, not the customers module's tables.
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../platform/db/db.ts';
import type { Actor } from '../../../platform/http/context.ts';
import { accessCondition } from '../../../platform/access/recordAccess.ts';
import { customerEntity } from '../../customers/customers.entities.ts';

const t = customerEntity.table;
const column = (field: string): AnyPgColumn => customerEntity.fields[field]!.column;

/** Customer names by id (administrators' pages; no access filter: a price list names whom it is for). */
export async function customerNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = (await db
    .select({ id: t.id, name: column(customerEntity.titleField) })
    .from(t as PgTable)
    .where(inArray(t.id, ids))) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * SQL giving the customer's grade as JSON (`{"grade": "A"}`), or NULL when the actor may not read the customer:
 * a subquery the price engine sends in its one statement.
 */
export function customerGradeSql(actor: Actor, id: string): SQL {
  const access = accessCondition(actor, 'customer', 'read', t);
  return sql`(SELECT json_build_object('grade', ${column('grade')}) FROM ${t} WHERE ${t.id} = ${id} AND ${t.deletedAt} IS NULL${
    access ? sql` AND ${access}` : sql``
  })`;
}

/** SQL giving the customer's grade (no access check: for conditions inside a statement that checks it elsewhere). */
export const customerGradeValueSql = (id: string): SQL => sql`(SELECT ${column('grade')} FROM ${t} WHERE ${t.id} = ${id})`;
