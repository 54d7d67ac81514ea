// Lookups: configuration tables a reference field may point at without being record types of their own — a
// pipeline's stages, price lists, product categories. A module registers one by name; the kit then validates
// references to it on every write, shows its titles on records, and the web app offers its entries in pickers
// (GET /api/v1/lookups/<name>), narrowed by a parent field when the field says so (a stage by its pipeline).
import type { DbOrTx } from '../db/db.ts';

export interface LookupOption {
  value: string;
  label: string;
  /** The entry's parent (a stage's pipeline), for pickers narrowed by another field. */
  parent?: string;
  /** Entries kept for old records but not offered for new ones. */
  inactive?: boolean;
}

export interface Lookup {
  /** True when `id` names an entry (active or not: the module's rules decide what an inactive one allows). */
  exists(db: DbOrTx, id: string): Promise<boolean>;
  /** Entries by id, for titles and pickers; with `parent`, only that parent's. */
  options(db: DbOrTx, filter: { ids?: string[]; parent?: string }): Promise<LookupOption[]>;
}

const lookups = new Map<string, Lookup>();

export function registerLookup(name: string, lookup: Lookup): void {
  if (lookups.has(name) && lookups.get(name) !== lookup) throw new Error(`Lookup ${name} is registered twice`);
  lookups.set(name, lookup);
}

export const getLookup = (name: string): Lookup | undefined => lookups.get(name);
