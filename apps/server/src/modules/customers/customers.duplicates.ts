// Likely duplicates of a customer being created or imported: customers holding the same normalised identifier
// (exactly — a phone's tail is a search, not a duplicate), then customers whose name has the same comparison key
// (customers.nameKey.ts). Only customers the caller may read are named.
import { and, asc, eq, isNull, ne, or, type SQL } from 'drizzle-orm';
import { anyOf } from '../../platform/entities/entity.bulkInsert.ts';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/http/context.ts';
import { accessCondition, allOf } from '../../platform/access/recordAccess.ts';
import { users } from '../../platform/access/access.schema.ts';
import { listIdentifierTypes } from './customers.identifiers.service.ts';
import { customerNameKey } from './customers.nameKey.ts';
import type { IdentifierType } from './customers.identifiers.ts';
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

/** Identifier types a row's cells are matched by, strongest first: a plate or policy number names one customer. */
const MATCH_ORDER = ['plate', 'policy', 'nationalId', 'taxNumber', 'externalId', 'mobile', 'phone', 'email'];

export interface ImportMatchInput {
  body: Record<string, unknown>;
  /** Texts of the import's identifier columns, by `identifier.<type>`. */
  extras: Record<string, string>;
}

/** The identifiers of an import row to match by, normalised, in MATCH_ORDER (then administrators' own types). */
function rowIdentifiers(row: ImportMatchInput, types: Map<string, IdentifierType>): { type: string; normalized: string }[] {
  const wanted: { type: string; normalized: string }[] = [];
  const add = (type: string, value: unknown) => {
    const t = types.get(type);
    const normalized = typeof value === 'string' && t ? t.normalize(value) : '';
    if (normalized) wanted.push({ type, normalized });
  };
  const keys = Object.keys(row.extras).map((k) => k.slice('identifier.'.length));
  const ordered = [...MATCH_ORDER.filter((k) => keys.includes(k)), ...keys.filter((k) => !MATCH_ORDER.includes(k))];
  for (const type of ordered) add(type, row.extras[`identifier.${type}`]);
  // A body with phone, mobile or e-mail fields (a custom descriptor) is matched by them too, as findImportDuplicate does.
  for (const type of ['phone', 'mobile', 'email']) if (!row.extras[`identifier.${type}`]) add(type, row.body[type]);
  return wanted;
}

/** Keys two rows of one import batch are duplicates by: each normalised identifier, and the name key. */
export function importMatchKeys(row: ImportMatchInput, types: Map<string, IdentifierType>): string[] {
  const keys = rowIdentifiers(row, types).map((w) => `i\u0000${w.type}\u0000${w.normalized}`);
  const name = typeof row.body.name === 'string' ? customerNameKey(row.body.name) : '';
  if (name) keys.push(`n\u0000${name}`);
  return keys;
}

/**
 * The import's batched `findDuplicates`: for each row the customer `findImportDuplicate` would name — an identifier
 * match (strongest type first, then by name), else the oldest customer with the same name key — in two queries.
 */
export async function findImportDuplicates(
  db: DbOrTx,
  actor: Actor,
  rows: ImportMatchInput[],
  types: Map<string, IdentifierType>,
): Promise<(string | undefined)[]> {
  const c = customers;
  const i = customerIdentifiers;
  const visible = and(isNull(c.deletedAt), accessCondition(actor, 'customer', 'read', c));
  const wanted = rows.map((row) => rowIdentifiers(row, types));
  const nameKeys = rows.map((row) => (typeof row.body.name === 'string' ? customerNameKey(row.body.name) : ''));

  const holders = new Map<string, { id: string; name: string }[]>();
  const values = [...new Set(wanted.flat().map((w) => w.normalized))];
  const typeKeys = [...new Set(wanted.flat().map((w) => w.type))];
  if (values.length) {
    const found = await db
      .selectDistinct({ id: c.id, name: c.name, type: i.type, normalized: i.normalized })
      .from(i)
      .innerJoin(c, eq(c.id, i.customerId))
      .where(and(anyOf(i.normalized, values), anyOf(i.type, typeKeys), visible));
    for (const r of found) {
      const key = `${r.type}\u0000${r.normalized}`;
      holders.set(key, [...(holders.get(key) ?? []), { id: r.id, name: r.name }]);
    }
  }
  const byName = new Map<string, string>();
  const keys = [...new Set(nameKeys.filter(Boolean))];
  if (keys.length) {
    const found = await db
      .select({ id: c.id, nameKey: c.nameKey })
      .from(c)
      .where(and(anyOf(c.nameKey, keys), visible))
      .orderBy(asc(c.createdAt), asc(c.id));
    for (const r of found) if (r.nameKey && !byName.has(r.nameKey)) byName.set(r.nameKey, r.id);
  }
  return rows.map((_, n) => {
    for (const w of wanted[n]!) {
      const all = holders.get(`${w.type}\u0000${w.normalized}`);
      if (all?.length) {
        // findCustomerDuplicates orders the holders of one identifier by name, then id.
        const first = [...all].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1))[0]!;
        return first.id;
      }
    }
    return nameKeys[n] ? byName.get(nameKeys[n]) : undefined;
  });
}
