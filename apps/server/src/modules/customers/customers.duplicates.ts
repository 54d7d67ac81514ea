// Likely duplicates of a customer being created or imported: customers holding the same normalised identifier
// (exactly — a phone's tail is a search, not a duplicate), then customers whose name has the same comparison key
// (customers.nameKey.ts). Only customers the caller may read are named.
import { and, asc, eq, isNull, ne, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/http/context.ts';
import { accessCondition, allOf } from '../../platform/access/recordAccess.ts';
import { users } from '../../platform/access/access.schema.ts';
import { listIdentifierTypes } from './customers.identifiers.service.ts';
import { customerNameKey } from './customers.nameKey.ts';
import { customerIdentifiers, customers } from './customers.schema.ts';

export interface DuplicateQuery {
  name?: string;
  identifiers?: { type: string; value: string }[];
  /** The customer being edited, which is no duplicate of itself. */
  excludeId?: string;
}

export interface CustomerDuplicate {
  id: string;
  name: string;
  kind: string;
  ownerId: string;
  ownerName: string | null;
  reason: 'identifier' | 'name';
  /** With reason `identifier`: the type of the identifier both hold. */
  identifierType?: string;
}

const LIMIT = 10;

/** Identifier matches first (in the order asked), then name matches; each customer once, with its strongest reason. */
export async function findCustomerDuplicates(
  ctx: { db: DbOrTx; actor: Actor },
  query: DuplicateQuery,
): Promise<CustomerDuplicate[]> {
  const c = customers;
  const visible = (extra: SQL | undefined) =>
    allOf(
      isNull(c.deletedAt),
      accessCondition(ctx.actor, 'customer', 'read', c),
      query.excludeId ? ne(c.id, query.excludeId) : undefined,
      extra,
    );
  const columns = { id: c.id, name: c.name, kind: c.kind, ownerId: c.ownerId, ownerName: users.displayName };
  const found = new Map<string, CustomerDuplicate>();

  const types = new Map((await listIdentifierTypes(ctx.db)).map((t) => [t.key, t]));
  const wanted = (query.identifiers ?? [])
    .map(({ type, value }) => ({ type, normalized: types.get(type)?.normalize(value) ?? '' }))
    .filter((w) => w.normalized.length > 0);
  if (wanted.length) {
    const i = customerIdentifiers;
    const rows = await ctx.db
      .selectDistinct({ ...columns, type: i.type })
      .from(i)
      .innerJoin(c, eq(c.id, i.customerId))
      .leftJoin(users, eq(users.id, c.ownerId))
      .where(visible(or(...wanted.map((w) => and(eq(i.type, w.type), eq(i.normalized, w.normalized))))))
      .orderBy(asc(c.name), asc(c.id))
      .limit(LIMIT * wanted.length);
    const rank = (type: string) => wanted.findIndex((w) => w.type === type);
    rows.sort((a, b) => rank(a.type) - rank(b.type));
    for (const { type, ...row } of rows)
      if (!found.has(row.id)) found.set(row.id, { ...row, reason: 'identifier', identifierType: type });
  }

  const key = query.name ? customerNameKey(query.name) : '';
  if (key) {
    const rows = await ctx.db
      .select(columns)
      .from(c)
      .leftJoin(users, eq(users.id, c.ownerId))
      .where(visible(eq(c.nameKey, key)))
      .orderBy(asc(c.createdAt), asc(c.id))
      .limit(LIMIT + found.size);
    for (const row of rows) if (!found.has(row.id)) found.set(row.id, { ...row, reason: 'name' });
  }
  return [...found.values()].slice(0, LIMIT * 2);
}

/** The import's `findDuplicate` hook: the strongest likely duplicate of a row, if any. */
export async function findImportDuplicate(db: DbOrTx, actor: Actor, values: Record<string, unknown>) {
  const identifiers = ['phone', 'mobile', 'email']
    .filter((type) => typeof values[type] === 'string')
    .map((type) => ({ type, value: values[type] as string }));
  const name = typeof values.name === 'string' ? values.name : undefined;
  if (!name && !identifiers.length) return undefined;
  const [first] = await findCustomerDuplicates({ db, actor }, { name, identifiers });
  return first?.id;
}
