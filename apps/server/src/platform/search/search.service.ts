// Keeps the search index in step with records (called by the entity kit inside each write's transaction) and
// answers global searches across every record type the caller may read, with the same access conditions as lists.
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Locale } from '@guanxi/contracts';
import type { DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';
import { accessConditionForTypes, likeEscape } from '../access/recordAccess.ts';
import { orgUnits, recordShares } from '../access/access.schema.ts';
import { scopeFor } from '../access/scopes.ts';
import type { Scope } from '@guanxi/contracts';
import type { EntityDescriptor } from '../entities/descriptor.ts';
import type { EntityRegistry } from '../entities/registry.ts';
import { localized } from '../entities/fields.ts';
import { searchDocuments } from './search.schema.ts';
import {
  charLength,
  letterPiecesOf,
  normalize,
  normalizePhone,
  PART_SEPARATOR,
  queryForms,
  searchPartsOf,
  tokensOf,
} from './search.text.ts';

type Row = Record<string, unknown>;

const searchableFields = (descriptor: EntityDescriptor) =>
  Object.entries(descriptor.fields)
    .filter(([, spec]) => spec.searchable)
    .map(([name]) => name);

export const isSearchable = (descriptor: EntityDescriptor): boolean =>
  searchableFields(descriptor).length > 0 || descriptor.hooks?.searchTerms !== undefined;

export type SearchDocument = typeof searchDocuments.$inferInsert;

/**
 * Entries of `tokens` that name the record's owner and org unit (U+0002 + o/u + id; no query token is that long), so
 * the token index can narrow a common two-character query (「东区」 in 4 % of a million customers) to the caller's
 * records before any row is read (scopeHint).
 */
const ownerToken = (id: string) => `\u0002o${id}`;
const unitToken = (id: string) => `\u0002u${id}`;

/**
 * The index entry of one record, from its stored row and the extra terms its `searchTerms` hook gives (the
 * identifiers of a customer). Pure, so a writer of many rows can build entries and insert them in batches.
 */
export function searchDocumentOf(descriptor: EntityDescriptor, row: Row, extraTerms: string[] = []): SearchDocument {
  // Phone fields are stored as typed (+86 138-0013-8000) but searched as digits, like a phone query (queryForms).
  const texts = searchableFields(descriptor)
    .map((name) =>
      descriptor.fields[name]!.type === 'phone' && typeof row[name] === 'string' ? normalizePhone(row[name]) : row[name],
    )
    .filter((v): v is string => typeof v === 'string' && v.length > 0);
  const parts = searchPartsOf([...texts, ...extraTerms]);
  return {
    recordType: descriptor.name,
    recordId: row.id as string,
    ownerId: row.ownerId as string,
    orgUnitId: row.orgUnitId as string,
    title: String(row[descriptor.titleField] ?? ''),
    haystack: parts.join(PART_SEPARATOR),
    tokens: [...tokensOf(parts), ownerToken(row.ownerId as string), unitToken(row.orgUnitId as string)],
    deletedAt: (row.deletedAt as Date | null) ?? null,
    updatedAt: new Date(),
  };
}

/** Writes (or refreshes) the index entry of one record from its stored row. */
export async function indexRecord(db: DbOrTx, descriptor: EntityDescriptor, row: Row): Promise<void> {
  if (!isSearchable(descriptor)) return;
  const extra = descriptor.hooks?.searchTerms ? await descriptor.hooks.searchTerms(db, row) : [];
  const { recordType: _type, recordId: _id, ...entry } = searchDocumentOf(descriptor, row, extra);
  await db
    .insert(searchDocuments)
    .values({ recordType: descriptor.name, recordId: row.id as string, ...entry })
    .onConflictDoUpdate({ target: [searchDocuments.recordType, searchDocuments.recordId], set: entry });
}

/**
 * The owner and org unit tokens the caller's read scope covers (undefined for the scope `all`), and the condition
 * "shared with the caller". Both are implied by the access condition, which still applies; written this way the token
 * index can answer `tokens @> ARRAY['东区'] AND tokens && covered` in one scan instead of reading every entry.
 */
function scopeTokens(actor: Actor, scope: Scope): { covered: SQL | undefined; shared: SQL } {
  const d = searchDocuments;
  const own = sql`ARRAY[${ownerToken(actor.userId)}]::text[]`;
  // Shares of any type: the access condition, which still applies, keeps each type to its own.
  const shared = sql`${d.recordId} = ANY(ARRAY(SELECT ${recordShares.recordId} FROM ${recordShares} WHERE ${recordShares.userId} = ${actor.userId}))`;
  switch (scope) {
    case 'all':
      return { covered: undefined, shared };
    case 'unit-and-below':
      return {
        covered: sql`(${own} || ARRAY(SELECT ${unitToken('')} || ${orgUnits.id}::text FROM ${orgUnits} WHERE ${orgUnits.path} LIKE ${likeEscape(actor.orgUnitPath) + '%'}))`,
        shared,
      };
    case 'unit':
      return { covered: sql`ARRAY[${ownerToken(actor.userId)}, ${unitToken(actor.orgUnitId)}]::text[]`, shared };
    case 'own':
      return { covered: own, shared };
    case 'none':
      return { covered: sql`ARRAY[]::text[]`, shared };
  }
}

export interface SearchGroup {
  type: string;
  plural: string;
  label: string;
  items: { id: string; title: string }[];
}

/**
 * Records matching `query` in every readable type (or the `types` asked for), best first: the title or a whole
 * value (an identifier) equal to the query, then a value starting with it, then containing it.
 */
export async function searchRecords(
  db: DbOrTx,
  actor: Actor,
  registry: EntityRegistry,
  query: string,
  options: { types?: string[]; limit: number; locale: Locale },
): Promise<SearchGroup[]> {
  const forms = queryForms(query);
  if (!forms.length) return [];
  const d = searchDocuments;
  const cols = { id: d.recordId, ownerId: d.ownerId, orgUnitId: d.orgUnitId };
  // Which entries to look at, by the index that can answer each form: the token index for a run of six letters and
  // for two characters (a trigram index cannot), the trigram index for other forms of three, LIKE for one character. Entries written before tokens
  // existed are matched by LIKE until the start-up backfill gives them tokens (a partial index finds them).
  const twoCharacters = forms.some((f) => charLength(f) === 2);
  const contains = (scope: Scope | undefined) => {
    const { covered, shared } = scope ? scopeTokens(actor, scope) : { covered: undefined, shared: undefined };
    return sql.join(
      forms.map((f) => {
        const like = sql`${d.haystack} LIKE ${'%' + likeEscape(f) + '%'}`;
        const pending = sql`(${d.tokens} IS NULL AND ${like})`;
        // A run of six or more letters: the entries holding its letter pieces, then the whole form checked by strpos,
        // which the trigram index cannot serve, so the planner does not add the trigram scan this path avoids.
        const pieces = letterPiecesOf(f);
        if (pieces.length)
          return sql`((${d.tokens} @> ARRAY[${sql.join(
            pieces.map((piece) => sql`${piece}`),
            sql`, `,
          )}]::text[] AND strpos(${d.haystack}, ${f}) > 0) OR ${pending})`;
        if (charLength(f) !== 2) return like;
        const token = sql`${d.tokens} @> ARRAY[${f}]::text[]`;
        if (!covered) return sql`(${token} OR ${pending})`;
        // Spelled out per branch: the planner does not distribute an AND over an OR to find the one-scan plan.
        return sql`((${token} AND ${d.tokens} && ${covered}) OR (${token} AND ${shared}) OR ${pending})`;
      }),
      sql` OR `,
    );
  };
  const startsWith = sql.join(
    forms.map(
      (f) => sql`(${d.haystack} LIKE ${likeEscape(f) + '%'} OR ${d.haystack} LIKE ${'%' + PART_SEPARATOR + likeEscape(f) + '%'})`,
    ),
    sql` OR `,
  );
  // A whole part equal to the query is an exact hit too: a full phone number, plate or e-mail.
  const exactPart = sql.join(
    forms.map(
      (f) =>
        sql`(${PART_SEPARATOR} || ${d.haystack} || ${PART_SEPARATOR}) LIKE ${'%' + PART_SEPARATOR + likeEscape(f) + PART_SEPARATOR + '%'}`,
    ),
    sql` OR `,
  );
  const rank: SQL = sql`CASE WHEN lower(${d.title}) = ${normalize(query)} OR ${exactPart} THEN 0 WHEN ${startsWith} THEN 1 ELSE 2 END`;
  // Every searchable type, even without a role scope on it: records shared with the caller must be found too.
  const types = registry.all().filter((t) => isSearchable(t) && (!options.types || options.types.includes(t.name)));
  if (!types.length) return [];
  // One statement for every type, so the index is read once, not once per type: types whose entries match alike
  // share one condition (all of them, unless a two-character form narrows the token scan to the caller's scope,
  // which differs by type), led by their record types so the planner can narrow a group to its types by the primary
  // key (a catalogue every role reads must not make a scoped search read every entry holding 「东区」). The matches
  // are then ranked per type, each keeping its best `limit`.
  const groups = new Map<string, { scope: Scope | undefined; types: EntityDescriptor[] }>();
  for (const type of types) {
    const scope = twoCharacters ? scopeFor(actor.permissions, type.name, 'read') : undefined;
    const group = groups.get(scope ?? '') ?? { scope, types: [] };
    group.types.push(type);
    groups.set(scope ?? '', group);
  }
  const matched = sql.join(
    [...groups.values()].map(
      (group) =>
        sql`(${inArray(
          d.recordType,
          group.types.map((type) => type.name),
        )} AND (${contains(group.scope)}) AND ${accessConditionForTypes(
          actor,
          group.types.map((type) => type.name),
          'read',
          { ...cols, recordType: d.recordType },
        )})`,
    ),
    sql` OR `,
  );
  const perType = sql.join(
    types.map(
      (type, i) =>
        sql`(SELECT ${sql.raw(String(i))} AS type_index, id, title, rank FROM matched WHERE record_type = ${type.name} ORDER BY rank, title, id LIMIT ${options.limit})`,
    ),
    sql` UNION ALL `,
  );
  const { rows } = await db.execute<{ type_index: number; id: string; title: string }>(sql`
    WITH matched AS MATERIALIZED (
      SELECT ${d.recordType} AS record_type, ${d.recordId} AS id, ${d.title} AS title, ${rank} AS rank
      FROM ${d} WHERE ${d.deletedAt} IS NULL AND (${matched})
    )
    SELECT type_index, id, title FROM (${perType}) best ORDER BY type_index, rank, title, id`);
  const found = types.map(() => [] as { id: string; title: string }[]);
  for (const row of rows) found[Number(row.type_index)]!.push({ id: row.id, title: row.title });
  return types.flatMap((type, i) =>
    found[i]!.length
      ? [{ type: type.name, plural: type.plural, label: localized(type.label, options.locale), items: found[i]! }]
      : [],
  );
}
