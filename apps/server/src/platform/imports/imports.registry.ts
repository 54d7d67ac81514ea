// What a module may add to the import of its record type: how an existing record is found for a row (duplicate
// policy "skip" / "update") and extra header names for its fields. Without hooks a type imports with neither.
import type { DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';

export interface ImportHooks {
  /**
   * The id of an existing record the row stands for, e.g. the customer with the same normalised phone or name;
   * undefined when there is none. `values` is the row as a create body (`{ name, mobile, custom: {…} }`),
   * converted from the cells but not yet validated. Called inside the batch's transaction.
   */
  findDuplicate?(db: DbOrTx, actor: Actor, values: Record<string, unknown>): Promise<string | undefined>;
  /** More header names per field, e.g. `{ name: ['公司名称', '单位'] }`, beyond the labels and the common synonyms. */
  synonyms?: Record<string, string[]>;
}

const hooksByType = new Map<string, ImportHooks>();

/** Called by a module when it registers its routes; a second call for the same type replaces the hooks. */
export function registerImportHooks(recordType: string, hooks: ImportHooks): void {
  hooksByType.set(recordType, hooks);
}

export const importHooks = (recordType: string): ImportHooks => hooksByType.get(recordType) ?? {};
