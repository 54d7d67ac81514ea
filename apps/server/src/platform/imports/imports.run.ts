// The import job: reads the stored file row by row and writes records through the entity kit (same validation,
// access checks, audit and search index as the API) in batches, one transaction each. A batch commits its
// records, its row errors, the ids it created and the import's position together, so after a crash the import
// resumes after the last committed batch or is rolled back; it is never silently half-done.
import { createHash } from 'node:crypto';
import { getLookup } from '../entities/lookups.ts';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Locale } from '@guanxi/contracts';
import type { Db, DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';
import { AppError } from '../http/errors.ts';
import { translate } from '../i18n/i18n.ts';
import { loadSystemActor } from '../access/actor.ts';
import { orgUnits, users } from '../access/access.schema.ts';
import type { EventBus } from '../events/bus.ts';
import type { JobContext } from '../jobs/jobs.runner.ts';
import type { EntityRegistry } from '../entities/registry.ts';
import type { EntityDescriptor } from '../entities/descriptor.ts';
import { accessCondition } from '../access/recordAccess.ts';
import type { PgTable } from 'drizzle-orm/pg-core';
import { loadFields, type KitContext } from '../entities/entity.read.ts';
import { deleteRecord, updateRecord } from '../entities/entity.write.ts';
import { createRecords, isRowDataError } from '../entities/entity.createMany.ts';
import { indexRecords } from '../entities/entity.searchIndex.ts';
import { anyOf, bulkInsert } from '../entities/entity.bulkInsert.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ResolvedField } from '../entities/fields.ts';
import { deleteFile } from './imports.files.ts';
import { readRows } from './imports.readers.ts';
import { rowToBody, type ReferenceLookup } from './imports.mapping.ts';
import { importHooks, type ImportHooks, type ImportRowInput } from './imports.registry.ts';
import { importCreatedRecords, importErrors, importRowKeys, imports } from './imports.schema.ts';
import { importProgress, storedFileOf, type ImportRow } from './imports.service.ts';

export interface ImportRunDeps {
  db: Db;
  registry: EntityRegistry;
  events: EventBus;
  timeZone: string;
  batchSize: number;
}

/** Progress as sent on the SSE stream (`import.progress`) after every batch. */
export const IMPORT_PROGRESS_EVENT = 'import.progress';

type RowError = typeof importErrors.$inferInsert;
const MESSAGE_CHARS = 500;

async function setStatus(db: DbOrTx, id: string, changes: Partial<ImportRow>): Promise<ImportRow> {
  const [row] = await db.update(imports).set(changes).where(eq(imports.id, id)).returning();
  return row!;
}

async function publishProgress(deps: ImportRunDeps, row: ImportRow): Promise<void> {
  await deps.events.publish(row.createdBy, {
    type: IMPORT_PROGRESS_EVENT,
    data: {
      id: row.id,
      status: row.status,
      progress: importProgress(row),
    },
  });
}

/** Resolves names in cells to ids — users by username or display name, org units by name or code, records by title. */
function referenceLookup(db: DbOrTx, actor: Actor, registry: EntityRegistry): ReferenceLookup {
  const cache = new Map<string, string | undefined>();
  return async (field, text) => {
    const key = `${field.reference}\u0000${text}`;
    if (cache.has(key)) return cache.get(key);
    let ids: string[] = [];
    if (field.reference === 'user') {
      ids = (
        await db
          .select({ id: users.id })
          .from(users)
          .where(sql`${users.username} = ${text} OR ${users.displayName} = ${text}`)
          .limit(2)
      ).map((r) => r.id);
    } else if (field.reference === 'orgUnit') {
      ids = (
        await db
          .select({ id: orgUnits.id })
          .from(orgUnits)
          .where(sql`${orgUnits.name} = ${text} OR ${orgUnits.code} = ${text}`)
          .limit(2)
      ).map((r) => r.id);
    } else if (field.reference && getLookup(field.reference)) {
      // A lookup entry by its label (a category's path 图书 / 社科类) or, when only one has it, its last part (社科类).
      const options = await getLookup(field.reference)!.options(db, {});
      const exact = options.filter((o) => o.label === text);
      ids = (exact.length ? exact : options.filter((o) => o.label.split(' / ').at(-1) === text)).map((o) => o.value);
    } else if (field.reference) {
      const target = registry.get(field.reference);
      const title = target?.fields[target.titleField];
      if (target && title) {
        const t = target.table;
        ids = (
          (await db
            .select({ id: t.id })
            .from(t as PgTable)
            .where(and(eq(title.column, text), isNull(t.deletedAt), accessCondition(actor, target.name, 'read', t)))
            .limit(2)) as { id: string }[]
        ).map((r) => r.id);
      }
    }
    const id = ids.length === 1 ? ids[0] : undefined;
    if (cache.size > 10_000) cache.clear();
    cache.set(key, id);
    return id;
  };
}

/** Identity of a row inside its file: the mapped cells, trimmed. Two rows with the same key are duplicates. */
const rowKey = (cells: string[], columns: number[]): string | null => {
  const values = columns.map((i) => (cells[i] ?? '').trim());
  if (values.every((v) => v === '')) return null;
  return createHash('sha256').update(JSON.stringify(values)).digest('base64url').slice(0, 24);
};

interface Batch {
  rows: { rowNumber: number; cells: string[] }[];
}

interface RunState {
  row: ImportRow;
  actor: Actor;
  descriptor: EntityDescriptor;
  fields: Map<string, ResolvedField>;
  locale: Locale;
  headerOf: Map<string, string>;
  keyColumns: number[];
  /** Mapping names of the type's extra columns (import hooks), which are no fields of the record. */
  extraNames: Set<string>;
}

function rowErrorsOf(state: RunState, rowNumber: number, err: unknown): RowError[] {
  const base = { importId: state.row.id, rowNumber, kind: 'error' as const };
  if (err instanceof AppError) {
    if (err.code === 'VALIDATION_FAILED' && err.details?.length)
      return err.details.map((d) => ({
        ...base,
        column: d.field ? (state.headerOf.get(d.field) ?? d.field) : null,
        message: (d.message === d.code ? translate(state.locale, d.code) : d.message).slice(0, MESSAGE_CHARS),
      }));
    return [{ ...base, column: null, message: translate(state.locale, err.code, err.params).slice(0, MESSAGE_CHARS) }];
  }
  return [{ ...base, column: null, message: String((err as Error).message).slice(0, MESSAGE_CHARS) }];
}

/** What becomes of a row that passed conversion: skipped, an update, a create, or decided after an earlier row's. */
type Plan = { kind: 'skip' } | { kind: 'update'; id: string } | { kind: 'create' } | { kind: 'after'; earlier: number };

interface Candidate {
  rowNumber: number;
  input: ImportRowInput;
  plan: Plan;
  createdId?: string;
}

async function runBatch(deps: ImportRunDeps, state: RunState, batch: Batch): Promise<ImportRow> {
  const { row } = state;
  const hooks = importHooks(row.recordType);
  return deps.db.transaction(async (tx) => {
    const ctx: KitContext = {
      db: tx,
      actor: state.actor,
      registry: deps.registry,
      descriptor: state.descriptor,
      locale: state.locale,
    };
    const lookup = referenceLookup(tx, state.actor, deps.registry);
    const write = { fields: state.fields, reread: false };
    const errors: RowError[] = [];
    const createdIds: string[] = [];
    let [created, updated, skipped, failed] = [0, 0, 0, 0];
    const failRow = (rowNumber: number, err: unknown) => {
      failed++;
      errors.push(...rowErrorsOf(state, rowNumber, err));
    };
    const skipRow = (rowNumber: number) => {
      skipped++;
      errors.push({
        importId: row.id,
        rowNumber,
        kind: 'skipped',
        column: null,
        message: translate(state.locale, 'IMPORT_SKIPPED_EXISTING'),
      });
    };

    // Duplicates inside the file: the first row with a key claims it (in this batch or an earlier, committed one).
    const keys = batch.rows.map((r) => rowKey(r.cells, state.keyColumns));
    const firstInBatch = new Map<string, number>();
    const claims: { importId: string; key: string; rowNumber: number }[] = [];
    keys.forEach((key, i) => {
      if (key && !firstInBatch.has(key)) {
        firstInBatch.set(key, batch.rows[i]!.rowNumber);
        claims.push({ importId: row.id, key, rowNumber: batch.rows[i]!.rowNumber });
      }
    });
    const claimed = new Set(await bulkInsert(tx, importRowKeys, claims, { ignoreConflicts: true, returning: importRowKeys.key }));
    const earlier = new Map<string, number>();
    const unclaimed = claims.filter((c) => !claimed.has(c.key)).map((c) => c.key);
    if (unclaimed.length)
      for (const r of await tx
        .select({ key: importRowKeys.key, rowNumber: importRowKeys.rowNumber })
        .from(importRowKeys)
        .where(and(eq(importRowKeys.importId, row.id), anyOf(importRowKeys.key, unclaimed))))
        earlier.set(r.key, r.rowNumber);

    // Cells to create bodies; rows that cannot be read fail here.
    const candidates: Candidate[] = [];
    for (const [i, { rowNumber, cells }] of batch.rows.entries()) {
      const key = keys[i];
      const firstRow = key ? (earlier.get(key) ?? firstInBatch.get(key)) : undefined;
      if (key && firstRow !== undefined && firstRow !== rowNumber) {
        failed++;
        errors.push({
          importId: row.id,
          rowNumber,
          kind: 'error',
          column: null,
          message: translate(state.locale, 'IMPORT_DUPLICATE_ROW', { row: firstRow }),
        });
        continue;
      }
      const { body, issues } = await rowToBody(state.fields, row.mapping, cells, {
        locale: state.locale,
        timeZone: deps.timeZone,
        lookup,
      });
      if (issues.length) {
        failed++;
        for (const issue of issues)
          errors.push({
            importId: row.id,
            rowNumber,
            kind: 'error',
            column: state.headerOf.get(issue.field) ?? issue.field,
            message: translate(state.locale, issue.code),
          });
        continue;
      }
      candidates.push({ rowNumber, input: { body, extras: extrasOf(state, cells) }, plan: { kind: 'create' } });
    }

    // Existing records the rows stand for, for the whole batch at once; then rows repeating an earlier row of the
    // batch that will create a record wait for its outcome, as they would row by row.
    if (row.duplicatePolicy !== 'create' && candidates.length) {
      const existing = hooks.findDuplicates
        ? await hooks.findDuplicates(
            tx,
            state.actor,
            candidates.map((c) => c.input),
          )
        : await oneByOne(candidates, (c) => hooks.findDuplicate?.(tx, state.actor, c.input.body));
      const creatorOf = new Map<string, number>();
      candidates.forEach((c, n) => {
        const id = existing[n];
        if (id) {
          c.plan = row.duplicatePolicy === 'skip' ? { kind: 'skip' } : { kind: 'update', id };
          return;
        }
        const matchKeys = hooks.matchKeys?.(c.input) ?? [];
        const first = matchKeys.map((k) => creatorOf.get(k)).find((e) => e !== undefined);
        if (first !== undefined) c.plan = { kind: 'after', earlier: first };
        else for (const k of matchKeys) creatorOf.set(k, n);
      });
    }

    /** Checks extra cells of rows about to be written; answers those that pass. */
    const checkExtras = async (list: Candidate[]): Promise<Candidate[]> => {
      if (!hooks.checkExtras || !list.length) return list;
      const problems = await hooks.checkExtras(
        tx,
        state.actor,
        list.map((c) => ({ ...c.input, recordId: c.plan.kind === 'update' ? c.plan.id : undefined })),
      );
      return list.filter((c, n) => {
        const issues = problems[n] ?? [];
        if (!issues.length) return true;
        failed++;
        for (const issue of issues)
          errors.push({
            importId: row.id,
            rowNumber: c.rowNumber,
            kind: 'error',
            column: state.headerOf.get(issue.column) ?? issue.column,
            message: translate(state.locale, issue.code).slice(0, MESSAGE_CHARS),
          });
        return false;
      });
    };

    const runUpdates = async (list: Candidate[]) => {
      for (const c of list) {
        if (c.plan.kind !== 'update') continue;
        const id = c.plan.id;
        // A savepoint per row: a row refused by the database leaves the rest of the batch intact.
        try {
          await tx.transaction(async (sp) => {
            await updateRecord({ ...ctx, db: sp }, id, null, c.input.body, write);
            await writeExtrasOfUpdate(sp, state, hooks, { ...c.input, recordId: id });
          });
          updated++;
        } catch (err) {
          if (!(err instanceof AppError && err.status < 500) && !isRowDataError(err)) throw err;
          failRow(c.rowNumber, err);
        }
      }
    };

    const runCreates = async (list: Candidate[]) => {
      if (!list.length) return;
      const outcomes = await createRecords(
        ctx,
        list.map((c) => c.input.body),
        {
          fields: state.fields,
          onInserted: hooks.writeExtras
            ? async (inserted) => {
                const byId = await hooks.writeExtras!(
                  tx,
                  state.actor,
                  inserted.map(({ index, row: r }) => ({ ...list[index]!.input, recordId: r.id as string })),
                  { created: true },
                );
                return new Map(inserted.map(({ index, row: r }) => [index, byId.get(r.id as string) ?? []]));
              }
            : undefined,
        },
      );
      outcomes.forEach((outcome, n) => {
        const c = list[n]!;
        if (outcome.ok) {
          c.createdId = outcome.record.id;
          createdIds.push(outcome.record.id);
          created++;
        } else failRow(c.rowNumber, outcome.error);
      });
    };

    const firstRound = candidates.filter((c) => {
      if (c.plan.kind === 'skip') skipRow(c.rowNumber);
      return c.plan.kind === 'update' || c.plan.kind === 'create';
    });
    const ready = await checkExtras(firstRound);
    await runUpdates(ready);
    await runCreates(ready.filter((c) => c.plan.kind === 'create'));

    // Rows that repeat a row of this batch: a duplicate of the record it created, or created themselves if it failed.
    const secondRound: Candidate[] = [];
    for (const c of candidates) {
      if (c.plan.kind !== 'after') continue;
      const createdId = candidates[c.plan.earlier]!.createdId;
      if (createdId && row.duplicatePolicy === 'skip') skipRow(c.rowNumber);
      else {
        c.plan = createdId ? { kind: 'update', id: createdId } : { kind: 'create' };
        secondRound.push(c);
      }
    }
    const readyAfter = await checkExtras(secondRound);
    await runUpdates(readyAfter);
    await runCreates(readyAfter.filter((c) => c.plan.kind === 'create'));

    await bulkInsert(tx, importErrors, errors);
    await bulkInsert(
      tx,
      importCreatedRecords,
      createdIds.map((recordId) => ({ importId: row.id, recordId })),
    );
    return setStatus(tx, row.id, {
      position: sql`${imports.position} + ${batch.rows.length}` as unknown as number,
      created: sql`${imports.created} + ${created}` as unknown as number,
      updated: sql`${imports.updated} + ${updated}` as unknown as number,
      skipped: sql`${imports.skipped} + ${skipped}` as unknown as number,
      failed: sql`${imports.failed} + ${failed}` as unknown as number,
    });
  });
}

/** The trimmed, non-empty cells of the row's extra columns (identifiers), by column name. */
function extrasOf(state: RunState, cells: string[]): Record<string, string> {
  const extras: Record<string, string> = {};
  for (const column of state.row.mapping) {
    if (!column.field || !state.extraNames.has(column.field)) continue;
    const text = (cells[column.index] ?? '').trim();
    if (text) extras[column.field] = text;
  }
  return extras;
}

/** After an update: the row's extra cells written, recorded in the record's history and its search document. */
async function writeExtrasOfUpdate(
  db: DbOrTx,
  state: RunState,
  hooks: ImportHooks,
  input: ImportRowInput & { recordId: string },
): Promise<void> {
  if (!hooks.writeExtras || !Object.keys(input.extras).length) return;
  const changes = (await hooks.writeExtras(db, state.actor, [input], { created: false })).get(input.recordId) ?? [];
  if (!changes.length) return;
  await recordAudit(db, state.actor, { recordType: state.descriptor.name, recordId: input.recordId, action: 'update', changes });
  const t = state.descriptor.table;
  const rows = (await db
    .select()
    .from(t as PgTable)
    .where(eq(t.id, input.recordId))) as Record<string, unknown>[];
  await indexRecords(db, state.descriptor, rows);
}

/** Runs (or resumes) an import; a failure leaves it `interrupted` at its last committed batch, for resume or rollback. */
export async function runImport(deps: ImportRunDeps, importId: string, job: Pick<JobContext, 'signal'>): Promise<void> {
  let [row] = await deps.db.select().from(imports).where(eq(imports.id, importId));
  if (!row || (row.status !== 'queued' && row.status !== 'running')) return;
  try {
    row = await setStatus(deps.db, importId, { status: 'running' });
    const actor = await loadSystemActor(deps.db, row.createdBy, 'import');
    const descriptor = deps.registry.get(row.recordType);
    if (!actor || !descriptor) throw new AppError('IMPORT_OWNER_GONE', 422);
    const file = storedFileOf(row);
    if (row.totalRows === null) {
      let total = -1;
      for await (const _ of readRows(deps.db, file)) total++;
      row = await setStatus(deps.db, importId, { totalRows: Math.max(0, total) });
    }
    const fields = await loadFields(deps.db, descriptor);
    const headerOf = new Map(row.mapping.filter((m) => m.field).map((m) => [m.field!, m.header]));
    const state: RunState = {
      row,
      actor,
      descriptor,
      fields,
      locale: actor.locale,
      headerOf,
      keyColumns: row.mapping.filter((m) => m.field).map((m) => m.index),
      extraNames: new Set((importHooks(row.recordType).extraColumns ?? []).map((c) => c.name)),
    };
    let skip = row.position;
    let dataRow = 0;
    let batch: Batch = { rows: [] };
    const flush = async () => {
      if (job.signal.aborted) throw new Error('the import job was stopped');
      state.row = await runBatch(deps, state, batch);
      batch = { rows: [] };
      await publishProgress(deps, state.row);
    };
    let header = true;
    for await (const cells of readRows(deps.db, file)) {
      if (header) {
        header = false;
        continue;
      }
      dataRow++;
      if (skip > 0) {
        skip--;
        continue;
      }
      // Line in the file as a spreadsheet numbers it: the header is line 1.
      batch.rows.push({ rowNumber: dataRow + 1, cells });
      if (batch.rows.length >= deps.batchSize) await flush();
    }
    if (batch.rows.length) await flush();
    row = await deps.db.transaction(async (tx) => {
      await tx.delete(importRowKeys).where(eq(importRowKeys.importId, importId));
      await deleteFile(tx, importId);
      // The count taken at upload skips blank lines the way the reader does, but the rows read are the truth.
      return setStatus(tx, importId, {
        status: 'done',
        finishedAt: new Date(),
        totalRows: sql`${imports.position}` as unknown as number,
      });
    });
    await publishProgress(deps, row);
  } catch (err) {
    const message = err instanceof AppError ? translate('zh-CN', err.code) : String((err as Error)?.message ?? err);
    row = await setStatus(deps.db, importId, { status: 'interrupted', lastError: message.slice(0, 2000) });
    await publishProgress(deps, row);
  }
}

/** The importer's rights, widened to reading and deleting every record of the type: only what the import created is touched. */
function rollbackActor(actor: Actor, recordType: string): Actor {
  const permissions = { ...actor.permissions, [recordType]: { ...actor.permissions[recordType], read: 'all', delete: 'all' } };
  return { ...actor, permissions } as Actor;
}

/** Moves the records an import created to the recycle bin, batch by batch; resumable like the import itself. */
export async function rollbackImportRecords(deps: ImportRunDeps, importId: string): Promise<void> {
  let [row] = await deps.db.select().from(imports).where(eq(imports.id, importId));
  if (!row || row.status !== 'rolling_back') return;
  try {
    const owner = await loadSystemActor(deps.db, row.createdBy, 'import');
    const descriptor = deps.registry.get(row.recordType);
    if (!owner || !descriptor) throw new AppError('IMPORT_OWNER_GONE', 422);
    const actor = rollbackActor(owner, descriptor.name);
    for (;;) {
      const ids = (
        await deps.db
          .select({ id: importCreatedRecords.recordId })
          .from(importCreatedRecords)
          .where(eq(importCreatedRecords.importId, importId))
          .orderBy(asc(importCreatedRecords.recordId))
          .limit(deps.batchSize)
      ).map((r) => r.id);
      if (ids.length === 0) break;
      row = await deps.db.transaction(async (tx) => {
        const ctx: KitContext = { db: tx, actor, registry: deps.registry, descriptor, locale: actor.locale };
        let removed = 0;
        for (const id of ids) {
          try {
            await tx.transaction((sp) => deleteRecord({ ...ctx, db: sp }, id, null));
            removed++;
          } catch (err) {
            // Already in the recycle bin (or purged): nothing left to undo.
            if (!(err instanceof AppError && err.status === 404)) throw err;
          }
        }
        await tx
          .delete(importCreatedRecords)
          .where(and(eq(importCreatedRecords.importId, importId), inArray(importCreatedRecords.recordId, ids)));
        return setStatus(tx, importId, { rolledBack: sql`${imports.rolledBack} + ${removed}` as unknown as number });
      });
      await publishProgress(deps, row);
    }
    row = await setStatus(deps.db, importId, { status: 'rolled_back', finishedAt: new Date() });
    await deleteFile(deps.db, importId);
    await publishProgress(deps, row);
  } catch (err) {
    const message = err instanceof AppError ? translate('zh-CN', err.code) : String((err as Error)?.message ?? err);
    await setStatus(deps.db, importId, { lastError: message.slice(0, 2000) });
    throw err;
  }
}

/** `work` for each item in turn: a transaction's one connection takes one query at a time. */
async function oneByOne<T, R>(items: T[], work: (item: T) => Promise<R> | R): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await work(item));
  return results;
}
