// Start-up backfill of what migration 0008 could not compute in SQL: the search tokens (and the polyphonic
// readings) of index entries written before it, and the pinyin sort keys of existing rows. Runs in the background
// in batches after the server is ready; until an entry has tokens, searches find it by LIKE (search.service.ts),
// and a row without its sort key sorts last.
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import type { DbOrTx } from '../db/db.ts';
import type { EntityRegistry } from '../entities/registry.ts';
import { searchDocuments } from './search.schema.ts';
import { indexRecord, isSearchable } from './search.service.ts';
import { sortKeyFields, sortKeyValues } from './search.sortKey.ts';
import { PART_SEPARATOR, tokensOf } from './search.text.ts';

const BATCH = 500;

interface BackfillOptions {
  batch?: number;
  /** Checked between batches: a closing server stops early and resumes at its next start. */
  stopped?: () => boolean;
}

/** Gives every index entry without tokens its tokens, re-indexing its record through the registry. */
export async function backfillSearchTokens(db: DbOrTx, registry: EntityRegistry, options: BackfillOptions = {}): Promise<number> {
  const batch = options.batch ?? BATCH;
  let done = 0;
  for (const descriptor of registry.all().filter(isSearchable)) {
    while (!options.stopped?.()) {
      const d = searchDocuments;
      const pending = await db
        .select({ id: d.recordId, haystack: d.haystack })
        .from(d)
        .where(and(eq(d.recordType, descriptor.name), isNull(d.tokens)))
        .limit(batch);
      if (!pending.length) break;
      await db.transaction(async (tx) => {
        const t = descriptor.table;
        const rows = (await tx
          .select()
          .from(t as PgTable)
          .where(
            inArray(
              t.id,
              pending.map((p) => p.id),
            ),
          )) as Record<string, unknown>[];
        for (const row of rows) await indexRecord(tx, descriptor, row);
        // An entry whose record is gone gets the tokens of the text it has, so it is not picked up again.
        const found = new Set(rows.map((r) => r.id));
        for (const orphan of pending.filter((p) => !found.has(p.id)))
          await tx
            .update(d)
            .set({ tokens: tokensOf(orphan.haystack.split(PART_SEPARATOR)) })
            .where(and(eq(d.recordType, descriptor.name), eq(d.recordId, orphan.id)));
      });
      done += pending.length;
    }
  }
  return done;
}

/** Fills the pinyin sort key (FieldSpec.sortKey) of every row that has a value but no key yet. */
export async function backfillSortKeys(db: DbOrTx, registry: EntityRegistry, options: BackfillOptions = {}): Promise<number> {
  const batch = options.batch ?? BATCH;
  let done = 0;
  for (const descriptor of registry.all()) {
    const t = descriptor.table;
    for (const { field, property, column } of sortKeyFields(descriptor)) {
      const value = descriptor.fields[field]!.column;
      while (!options.stopped?.()) {
        const rows = await db
          .select({ id: t.id, value })
          .from(t as PgTable)
          .where(and(isNull(column), isNotNull(value)))
          .limit(batch);
        if (!rows.length) break;
        const keys = rows.map((r) => ({ id: r.id, key: sortKeyValues(descriptor, { [field]: r.value })[property] }));
        await db.execute(sql`UPDATE ${t} SET ${sql.identifier(column.name)} = v.key
          FROM jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) AS v(id uuid, key text)
          WHERE ${t.id} = v.id`);
        done += rows.length;
      }
    }
  }
  return done;
}

/** Starts both backfills once the server is ready; closing the server waits for the batch in progress. */
export function registerSearchBackfill(app: FastifyInstance, registry: EntityRegistry): void {
  let closing = false;
  let running: Promise<void> | undefined;
  app.addHook('onReady', async () => {
    const options = { stopped: () => closing };
    running = (async () => {
      const keys = await backfillSortKeys(app.db, registry, options);
      const entries = await backfillSearchTokens(app.db, registry, options);
      if (keys || entries) app.log.info({ sortKeys: keys, searchEntries: entries }, 'search backfill done');
    })().catch((err: unknown) => app.log.error({ err }, 'search backfill failed; it resumes at the next start'));
  });
  app.addHook('onClose', async () => {
    closing = true;
    await running;
  });
}
