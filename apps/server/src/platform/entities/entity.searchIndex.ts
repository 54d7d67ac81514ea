// The search index entries of many records written at once (a bulk create): the same documents `indexRecord`
// writes one by one, built in memory and upserted with multi-row statements, and the records' extra search terms
// read with the descriptor's batched hook when it has one.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/db.ts';
import { isSearchable } from '../search/search.service.ts';
import { searchDocuments } from '../search/search.schema.ts';
import { haystackOf, normalizePhone } from '../search/search.text.ts';
import type { EntityDescriptor } from './descriptor.ts';

type Row = Record<string, unknown>;

/** Rows per upsert: 8 bind parameters each, well below PostgreSQL's 65,535. */
const ROWS_PER_UPSERT = 4000;

/** The extra terms of each record: the batched hook, else the per-record one, else none. */
async function extraTerms(db: DbOrTx, descriptor: EntityDescriptor, rows: Row[]): Promise<string[][]> {
  const hooks = descriptor.hooks;
  if (hooks?.searchTermsMany) return hooks.searchTermsMany(db, rows);
  if (!hooks?.searchTerms) return rows.map(() => []);
  const terms: string[][] = [];
  for (const row of rows) terms.push(await hooks.searchTerms(db, row));
  return terms;
}

/** Writes (or refreshes) the index entries of `rows`, as `indexRecord` would for each. */
export async function indexRecords(db: DbOrTx, descriptor: EntityDescriptor, rows: Row[]): Promise<void> {
  if (!rows.length || !isSearchable(descriptor)) return;
  const searchable = Object.entries(descriptor.fields).filter(([, spec]) => spec.searchable);
  const terms = await extraTerms(db, descriptor, rows);
  const now = new Date();
  const documents = rows.map((row, i) => {
    // Phone fields are indexed as digits, like a phone query (search.service.ts does the same).
    const texts = searchable
      .map(([name, spec]) => (spec.type === 'phone' && typeof row[name] === 'string' ? normalizePhone(row[name]) : row[name]))
      .filter((v): v is string => typeof v === 'string' && v.length > 0);
    texts.push(...terms[i]!);
    return {
      recordType: descriptor.name,
      recordId: row.id as string,
      ownerId: row.ownerId as string,
      orgUnitId: row.orgUnitId as string,
      title: String(row[descriptor.titleField] ?? ''),
      haystack: haystackOf(texts),
      deletedAt: (row.deletedAt as Date | null) ?? null,
      updatedAt: now,
    };
  });
  for (let i = 0; i < documents.length; i += ROWS_PER_UPSERT)
    await db
      .insert(searchDocuments)
      .values(documents.slice(i, i + ROWS_PER_UPSERT))
      .onConflictDoUpdate({
        target: [searchDocuments.recordType, searchDocuments.recordId],
        set: {
          ownerId: sql`excluded.owner_id`,
          orgUnitId: sql`excluded.org_unit_id`,
          title: sql`excluded.title`,
          haystack: sql`excluded.haystack`,
          deletedAt: sql`excluded.deleted_at`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
}
