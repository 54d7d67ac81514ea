// The search index entries of many records written at once (a bulk create): the same documents `indexRecord`
// writes one by one (search.service.ts searchDocumentOf), upserted with multi-row statements, and the records'
// extra search terms read with the descriptor's batched hook when it has one.
import type { DbOrTx } from '../db/db.ts';
import { isSearchable, searchDocumentOf } from '../search/search.service.ts';
import { searchDocuments } from '../search/search.schema.ts';
import type { EntityDescriptor } from './descriptor.ts';
import { bulkInsert } from './entity.bulkInsert.ts';

type Row = Record<string, unknown>;

/** The extra terms of each record: the batched hook, else the per-record one, else none. */
async function extraTerms(db: DbOrTx, descriptor: EntityDescriptor, rows: Row[]): Promise<string[][]> {
  const hooks = descriptor.hooks;
  if (hooks?.searchTermsMany) return hooks.searchTermsMany(db, rows);
  if (!hooks?.searchTerms) return rows.map(() => []);
  const terms: string[][] = [];
  for (const row of rows) terms.push(await hooks.searchTerms(db, row));
  return terms;
}

/** The documents of `rows` given their extra terms (pure, CPU-bound: pinyin of every text). */
export const searchDocumentsOf = (descriptor: EntityDescriptor, rows: Row[], terms: string[][]) =>
  rows.map((row, i) => searchDocumentOf(descriptor, row, terms[i]));

/** Upserts built documents. */
export async function writeSearchDocuments(db: DbOrTx, documents: ReturnType<typeof searchDocumentsOf>): Promise<void> {
  await bulkInsert(db, searchDocuments, documents, { upsertOn: [searchDocuments.recordType, searchDocuments.recordId] });
}

/** Whether the type has search documents, and the extra terms of `rows` if so (one query with the batched hook). */
export async function searchTermsOf(db: DbOrTx, descriptor: EntityDescriptor, rows: Row[]): Promise<string[][] | null> {
  return rows.length && isSearchable(descriptor) ? extraTerms(db, descriptor, rows) : null;
}

/** Writes (or refreshes) the index entries of `rows`, as `indexRecord` would for each. */
export async function indexRecords(db: DbOrTx, descriptor: EntityDescriptor, rows: Row[]): Promise<void> {
  const terms = await searchTermsOf(db, descriptor, rows);
  if (terms) await writeSearchDocuments(db, searchDocumentsOf(descriptor, rows, terms));
}
