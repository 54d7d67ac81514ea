// How a module declares a record type to the entity kit: its table, fields and relations. From this one
// descriptor the kit builds list/get/create/update/delete, access checks, audit, custom fields, export and metadata.
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { FieldType, LocalizedText, Subsystem } from '@guanxi/contracts';
import type { DbOrTx } from '../db/db.ts';
import type { Actor } from '../http/context.ts';
import type { recordColumns } from '../db/columns.ts';
import type { EntityRegistry } from './registry.ts';

export interface FieldSpec {
  type: FieldType;
  column: AnyPgColumn;
  label: LocalizedText;
  required?: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** Decimal places a decimal field keeps (default 2, matching numeric(18,2)). */
  scale?: number;
  options?: readonly { value: string; label: LocalizedText }[];
  /** Record type a reference field points at: an entity name, or `user` / `orgUnit`. */
  reference?: string;
  /** For a reference to a lookup (lookups.ts) narrowed by another field of the record: that field's name. */
  referenceParent?: string;
  filterable?: boolean;
  sortable?: boolean;
  searchable?: boolean;
  /**
   * Lists sort this field by a key the kit stores beside it, not by the value: `pinyin` sorts Chinese text by its
   * reading (阿里, 北京, 张三), which neither PGlite's nor PostgreSQL's collations do. The kit fills `column`
   * (text, COLLATE "C") on every create and update; ORDER BY and the keyset cursor use it.
   */
  sortKey?: { by: 'pinyin'; column: AnyPgColumn };
  /** Set by the system or the module's service, never by a caller. */
  readOnly?: boolean;
  section?: string;
  /** Shown only while another field holds one of these values (a call's duration, a visit's check-in). */
  when?: FieldCondition;
}

export interface FieldCondition {
  field: string;
  values: readonly string[];
}

/** Table shape the kit relies on: the standard record columns plus the module's own. */
export type RecordTable = PgTable & { [K in keyof ReturnType<typeof recordColumns>]: AnyPgColumn };

export interface HookContext {
  db: DbOrTx;
  actor: Actor;
  /** Every record type of the app, for hooks that check references to records of any type. */
  registry: EntityRegistry;
  /** In beforeCreate: true when the caller named the owner or org unit (false: the kit chose the caller or a default). */
  ownerNamed?: boolean;
}

export interface EntityHooks {
  /**
   * Owner and org unit a new record takes when the caller names neither, e.g. a contact those of its customer.
   * Used only when the caller's create scope allows them; otherwise the caller owns the record, as without the hook.
   */
  defaultOwner?(ctx: HookContext, values: Record<string, unknown>): Promise<{ ownerId: string; orgUnitId: string } | undefined>;
  /** Domain checks and derived values before an insert; may change `values` or throw an AppError. */
  beforeCreate?(ctx: HookContext, values: Record<string, unknown>): Promise<void>;
  /** Domain checks before an update; `changes` holds only the fields being written. */
  beforeUpdate?(ctx: HookContext, before: Record<string, unknown>, changes: Record<string, unknown>): Promise<void>;
  /**
   * Checks before a record goes to the recycle bin (single or bulk delete); throw an AppError to refuse, e.g. a quote
   * the customer accepted. `record` is the stored row, locked for the write.
   */
  beforeDelete?(ctx: HookContext, record: Record<string, unknown>): Promise<void>;
  /**
   * More text the record is found by in the global search, beyond its searchable fields: values kept in other
   * tables, e.g. a customer's phone numbers. Whoever changes those values calls `indexRecord` again.
   */
  searchTerms?(db: DbOrTx, record: Record<string, unknown>): Promise<string[]>;
  /**
   * `searchTerms` of many records at once (a bulk create indexes thousands): one answer per record, in order.
   * Optional; without it a bulk write calls `searchTerms` per record.
   */
  searchTermsMany?(db: DbOrTx, records: Record<string, unknown>[]): Promise<string[][]>;
  /** After any write, inside the same transaction (search index, timeline). */
  afterWrite?(
    ctx: HookContext,
    record: Record<string, unknown>,
    action: 'create' | 'update' | 'delete' | 'restore' | 'assign',
  ): Promise<void>;
}

export interface RelationSpec {
  entity: string;
  /** Field of the related entity that holds this record's id. */
  field: string;
  label: LocalizedText;
}

export interface EntityDescriptor {
  name: string;
  /** URL segment: /api/v1/<plural>. */
  plural: string;
  label: LocalizedText;
  /** Where the side navigation lists the record type. */
  subsystem: Subsystem;
  table: RecordTable;
  /** Detail and form sections in order; a field's `section` names one of these keys. */
  sections?: Record<string, LocalizedText>;
  fields: Record<string, FieldSpec>;
  titleField: string;
  /** e.g. ['-createdAt']; the id is always appended as the last tie-breaker. */
  defaultSort: string[];
  relations?: Record<string, RelationSpec>;
  customFields?: boolean;
  hooks?: EntityHooks;
  /**
   * What the record's state still allows, beyond the caller's rights: a submitted quote is no longer edited, an
   * approved order no longer deleted. Narrows `access.edit` and `access.delete` in the record's answer, so the web app
   * hides 编辑 / 删除 and inline editing; the
   * hooks (beforeUpdate / beforeDelete) still refuse such a write on every path.
   */
  stateRights?(record: Record<string, unknown>): { update?: boolean; delete?: boolean };
}

export function defineEntity(descriptor: EntityDescriptor): EntityDescriptor {
  if (!descriptor.fields[descriptor.titleField])
    throw new Error(`${descriptor.name}: titleField ${descriptor.titleField} is not a field`);
  for (const [name, field] of Object.entries(descriptor.fields)) {
    if (field.section && !descriptor.sections?.[field.section])
      throw new Error(`${descriptor.name}.${name}: section ${field.section} is not declared`);
    if (field.when && !descriptor.fields[field.when.field])
      throw new Error(`${descriptor.name}.${name}: its condition names no field ${field.when.field}`);
  }
  return descriptor;
}
