// What a module may add to the import of its record type: how existing records are found for rows (duplicate
// policy "skip" / "update"), extra header names for its fields, and extra columns that are not fields of the
// record (a customer's phone numbers and plates, kept in another table). Without hooks a type imports with none.
import type { LocalizedText } from '@guanxi/contracts';
import type { DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';
import type { FieldChange } from '../audit/audit.schema.ts';

/** A column an import can fill that is no field of the record, e.g. `identifier.plate`. */
export interface ImportExtraColumn {
  /** Its name in the mapping; never the name of a field. */
  name: string;
  label: LocalizedText;
  /** Header names that map to it automatically, beside its label. */
  synonyms?: string[];
}

/** A row on its way in: the create body converted from the cells, and the trimmed texts of its extra columns. */
export interface ImportRowInput {
  body: Record<string, unknown>;
  extras: Record<string, string>;
}

/** A problem with one extra cell: the column's name and a message code. */
export interface ImportExtraIssue {
  column: string;
  code: string;
}

export interface ImportHooks {
  /**
   * The id of an existing record the row stands for, e.g. the customer with the same normalised phone or name;
   * undefined when there is none. `values` is the row as a create body (`{ name, mobile, custom: {…} }`),
   * converted from the cells but not yet validated. Called inside the batch's transaction.
   */
  findDuplicate?(db: DbOrTx, actor: Actor, values: Record<string, unknown>): Promise<string | undefined>;
  /** `findDuplicate` for a whole batch in a few queries: one answer per row, in order. Preferred when present. */
  findDuplicates?(db: DbOrTx, actor: Actor, rows: ImportRowInput[]): Promise<(string | undefined)[]>;
  /**
   * Keys two rows of the same batch are duplicates by (normalised identifiers, a name key), so that a row repeating
   * a record an earlier row of the batch creates is treated as a duplicate of it, as it would be row by row.
   */
  matchKeys?(row: ImportRowInput): string[];
  /** More header names per field, e.g. `{ name: ['公司名称', '单位'] }`, beyond the labels and the common synonyms. */
  synonyms?: Record<string, string[]>;
  extraColumns?: ImportExtraColumn[];
  /**
   * Checks the extra cells of a batch before anything is written (format, values that must be unique); `recordId`
   * is the record a row will update, if any. Answers the problems of each row, in order.
   */
  checkExtras?(db: DbOrTx, actor: Actor, rows: (ImportRowInput & { recordId?: string })[]): Promise<ImportExtraIssue[][]>;
  /**
   * Writes the extra cells of rows whose record was just created (`created`, so it holds nothing yet) or updated,
   * in the batch's transaction. Answers the changes to show in each record's history, by record id.
   */
  writeExtras?(
    db: DbOrTx,
    actor: Actor,
    rows: (ImportRowInput & { recordId: string })[],
    options?: { created?: boolean },
  ): Promise<Map<string, FieldChange[]>>;
}

const hooksByType = new Map<string, ImportHooks>();

/** Called by a module when it registers its routes; a second call for the same type replaces the hooks. */
export function registerImportHooks(recordType: string, hooks: ImportHooks): void {
  hooksByType.set(recordType, hooks);
}

export const importHooks = (recordType: string): ImportHooks => hooksByType.get(recordType) ?? {};
