// The kit's view of a record type's fields: built-in, system and custom fields resolved into one list, with
// the zod schema that validates a value and the SQL expression used to filter and sort by it.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import Decimal from 'decimal.js';
import { z } from 'zod';
import type { FieldType, LocalizedText, Locale } from '@guanxi/contracts';
import type { EntityDescriptor, FieldSpec } from './descriptor.ts';
import type { CustomFieldDefinitionRow } from '../customFields/customFields.service.ts';

export type PgCast = 'text' | 'numeric' | 'date' | 'timestamptz' | 'boolean' | 'uuid' | 'jsonb';

/** A field as the kit uses it: the descriptor's spec with every flag decided, plus how to reach its value. */
export interface ResolvedField extends Pick<
  FieldSpec,
  'type' | 'label' | 'maxLength' | 'min' | 'max' | 'scale' | 'options' | 'reference' | 'referenceParent' | 'section' | 'when'
> {
  /** Name in the API: `amount`, or `custom.region` for a custom field. */
  name: string;
  required: boolean;
  readOnly: boolean;
  custom: boolean;
  system: boolean;
  filterable: boolean;
  sortable: boolean;
  searchable: boolean;
  /** Expression to filter and sort by. */
  expr: SQL | AnyPgColumn;
  /** The stored key lists sort by instead of `expr` (FieldSpec.sortKey). */
  sortExpr?: AnyPgColumn;
  cast: PgCast;
  /** Property of the Drizzle row (built-in and system fields) or key in `custom` (custom fields). */
  key: string;
}

const CAST_OF: Record<FieldType, PgCast> = {
  text: 'text',
  longText: 'text',
  email: 'text',
  phone: 'text',
  select: 'text',
  multiSelect: 'jsonb',
  tags: 'jsonb',
  integer: 'numeric',
  decimal: 'numeric',
  date: 'date',
  datetime: 'timestamptz',
  boolean: 'boolean',
  reference: 'uuid',
};

export const TEXT_TYPES: ReadonlySet<FieldType> = new Set(['text', 'longText', 'email', 'phone']);

/** A label in the three languages: `L('客户', '客戶', 'Customer')`. */
export const L = (zhCN: string, zhTW: string, en: string): LocalizedText => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });

/** A choice of a select field: its stored value and its label in the three languages. */
export const option = (value: string, zhCN: string, zhTW: string, en: string) => ({ value, label: L(zhCN, zhTW, en) });

export const localized = (text: LocalizedText, locale: Locale): string => text[locale] ?? text['zh-CN'];

/** Resolves every field of a record type, given the active custom field definitions for it. */
export function resolveFields(descriptor: EntityDescriptor, customDefs: CustomFieldDefinitionRow[]): Map<string, ResolvedField> {
  const t = descriptor.table;
  const fields = new Map<string, ResolvedField>();
  const system = (name: string, type: FieldType, label: LocalizedText, column: AnyPgColumn, extra: Partial<ResolvedField> = {}) =>
    fields.set(name, {
      name,
      type,
      label,
      required: false,
      readOnly: true,
      custom: false,
      system: true,
      filterable: true,
      sortable: true,
      searchable: false,
      expr: column,
      cast: CAST_OF[type],
      key: name,
      ...extra,
    });
  system('id', 'reference', L('编号', '編號', 'ID'), t.id, { sortable: false, reference: descriptor.name });
  for (const [name, spec] of Object.entries(descriptor.fields)) {
    fields.set(name, {
      name,
      type: spec.type,
      label: spec.label,
      required: spec.required ?? false,
      readOnly: spec.readOnly ?? false,
      custom: false,
      system: false,
      maxLength: spec.maxLength,
      min: spec.min,
      max: spec.max,
      scale: spec.scale,
      options: spec.options,
      reference: spec.reference,
      referenceParent: spec.referenceParent,
      filterable: spec.filterable ?? true,
      sortable: spec.sortable ?? (spec.type !== 'longText' && spec.type !== 'tags'),
      searchable: spec.searchable ?? false,
      section: spec.section,
      when: spec.when,
      expr: spec.column,
      sortExpr: spec.sortKey?.column,
      cast: CAST_OF[spec.type],
      key: name,
    });
  }
  system('ownerId', 'reference', L('负责人', '負責人', 'Owner'), t.ownerId, { reference: 'user', readOnly: false });
  system('orgUnitId', 'reference', L('所属组织', '所屬組織', 'Org unit'), t.orgUnitId, { reference: 'orgUnit', readOnly: false });
  system('createdAt', 'datetime', L('创建时间', '建立時間', 'Created'), t.createdAt);
  system('createdBy', 'reference', L('创建人', '建立人', 'Created by'), t.createdBy, { reference: 'user', sortable: false });
  system('updatedAt', 'datetime', L('修改时间', '修改時間', 'Updated'), t.updatedAt);
  system('updatedBy', 'reference', L('修改人', '修改人', 'Updated by'), t.updatedBy, { reference: 'user', sortable: false });
  system('deletedAt', 'datetime', L('删除时间', '刪除時間', 'Deleted'), t.deletedAt);

  if (descriptor.customFields !== false) {
    for (const def of customDefs) {
      if (!def.active) continue;
      const cast = CAST_OF[def.type];
      const raw = sql`(${t.custom} ->> ${def.key})`;
      fields.set(`custom.${def.key}`, {
        name: `custom.${def.key}`,
        type: def.type,
        label: def.label,
        required: def.required,
        readOnly: false,
        custom: true,
        system: false,
        options: def.options,
        reference: def.reference ?? undefined,
        filterable: true,
        sortable: def.type !== 'multiSelect' && def.type !== 'tags' && def.type !== 'longText',
        searchable: false,
        expr: cast === 'jsonb' ? sql`(${t.custom} -> ${def.key})` : cast === 'text' ? raw : sql`${raw}::${sql.raw(cast)}`,
        cast,
        key: def.key,
      });
    }
  }
  return fields;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (value: string) => {
  if (!DATE_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
};

/** numeric(18,2): at most 16 digits before the point. */
const MAX_DECIMAL = new Decimal('1e16');

function decimalSchema(field: ResolvedField) {
  const scale = field.scale ?? 2;
  return z.union([z.string(), z.number()]).transform((input, ctx) => {
    let value: Decimal;
    try {
      value = new Decimal(typeof input === 'string' ? input.trim() : input);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'invalid_value', params: { code: 'invalid_value' } });
      return z.NEVER;
    }
    if (!value.isFinite() || value.abs().gte(MAX_DECIMAL) || value.decimalPlaces() > scale) {
      ctx.addIssue({ code: 'custom', message: 'invalid_value', params: { code: 'invalid_value' } });
      return z.NEVER;
    }
    if (field.min !== undefined && value.lt(field.min)) {
      ctx.addIssue({ code: 'too_small', minimum: field.min, origin: 'number', inclusive: true, input });
      return z.NEVER;
    }
    if (field.max !== undefined && value.gt(field.max)) {
      ctx.addIssue({ code: 'too_big', maximum: field.max, origin: 'number', inclusive: true, input });
      return z.NEVER;
    }
    return value.toFixed(scale);
  });
}

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 30;
const NO_COMMA = /^[^,]*$/;

/**
 * Free tags: trimmed, non-empty, at most 30 characters, at most 20 per record, each once. A tag typed as the label
 * of one of the field's suggested options (「贵宾」) is stored as that option's value, so both spellings filter alike.
 */
function tagsSchema(field: ResolvedField) {
  const byLabel = new Map<string, string>();
  for (const o of field.options ?? []) for (const label of Object.values(o.label)) if (label) byLabel.set(label, o.value);
  // No ASCII comma: list filters and imports separate tags by it.
  const tag = z.string().trim().min(1).max(MAX_TAG_LENGTH).regex(NO_COMMA);
  return z
    .array(tag)
    .transform((values) => [...new Set(values.map((v) => byLabel.get(v) ?? v))])
    .pipe(z.array(z.string()).max(MAX_TAGS));
}

/** The zod schema of one field's value in a request body (without optional/nullable, added by the caller). */
export function valueSchema(field: ResolvedField): z.ZodType {
  const options = (field.options ?? []).map((o) => o.value);
  switch (field.type) {
    case 'text':
    case 'phone': {
      let s = z
        .string()
        .trim()
        .max(field.maxLength ?? 500);
      if (field.required) s = s.min(1);
      if (field.type === 'phone') return s.regex(/^\+?[0-9][0-9 ()-]{2,29}$/);
      return s;
    }
    case 'longText':
      return z.string().max(field.maxLength ?? 20_000);
    case 'email':
      return z.string().trim().toLowerCase().max(200).pipe(z.email());
    case 'integer':
      return z
        .number()
        .int()
        .min(field.min ?? -2_147_483_648)
        .max(field.max ?? 2_147_483_647);
    case 'decimal':
      return decimalSchema(field);
    case 'date':
      return z.string().refine(isRealDate, { message: 'invalid_format' });
    case 'datetime':
      return z.iso.datetime({ offset: true }).transform((v) => new Date(v));
    case 'boolean':
      return z.boolean();
    case 'select':
      return z.enum(options as [string, ...string[]]);
    case 'multiSelect':
      return z
        .array(z.enum(options as [string, ...string[]]))
        .max(100)
        .transform((values) => [...new Set(values)]);
    case 'tags':
      return tagsSchema(field);
    case 'reference':
      return z.uuid();
  }
}

/** Parses a filter value given as a query-string text into the field's type; throws on a bad value. */
export function parseFilterValue(field: ResolvedField, raw: string): unknown {
  switch (field.type) {
    case 'integer':
    case 'decimal': {
      const value = new Decimal(raw.trim() === '' ? 'x' : raw.trim());
      return value.toString();
    }
    case 'boolean':
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw new Error('not a boolean');
    case 'date':
      if (!isRealDate(raw)) throw new Error('not a date');
      return raw;
    case 'datetime': {
      const d = new Date(raw);
      if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(raw)) throw new Error('not a datetime');
      return d.toISOString();
    }
    case 'reference':
      if (!z.uuid().safeParse(raw).success) throw new Error('not a uuid');
      return raw;
    default:
      return raw;
  }
}
