// Field values between the API and the screen: reading a field of a record (custom ones live in `custom`),
// form values (dates as dayjs) to API values and back, and text for dates and amounts in the user's language.
import dayjs, { type Dayjs } from 'dayjs';
import type { EntityMeta, FieldMeta } from '@guanxi/contracts';
import type { ApiRecord } from './records.api.ts';

const CUSTOM_PREFIX = 'custom.';

export const isCustom = (field: FieldMeta): boolean => field.name.startsWith(CUSTOM_PREFIX);

/** The form path of a field: `['custom', 'region']` for custom fields, so server details like `custom.region` land there. */
export const formPath = (field: FieldMeta): string[] =>
  isCustom(field) ? ['custom', field.name.slice(CUSTOM_PREFIX.length)] : [field.name];

export function readValue(record: ApiRecord, field: FieldMeta): unknown {
  if (isCustom(field)) return record.custom?.[field.name.slice(CUSTOM_PREFIX.length)] ?? null;
  return record[field.name] ?? null;
}

/** Whether a field applies, given how to read the field its condition names (a call's duration only for calls). */
export function applies(field: FieldMeta, valueOf: (name: string) => unknown): boolean {
  if (!field.when) return true;
  const value = valueOf(field.when.field);
  return value !== null && value !== undefined && field.when.values.includes(String(value));
}

/** Fields a person edits: not system-maintained, not read-only. */
export const editableFields = (entity: EntityMeta): FieldMeta[] => entity.fields.filter((f) => !f.readOnly);

/** API value → form control value. */
export function toFormValue(field: FieldMeta, value: unknown): unknown {
  if (value === null || value === undefined) return field.type === 'boolean' ? false : undefined;
  if (field.type === 'date' || field.type === 'datetime') return dayjs(value as string);
  return value;
}

/** Form control value → API value; empty inputs become null so a cleared field is really cleared. */
export function toApiValue(field: FieldMeta, value: unknown): unknown {
  if (value === undefined || value === '' || value === null) return field.type === 'boolean' ? false : null;
  if (field.type === 'date') return (value as Dayjs).format('YYYY-MM-DD');
  if (field.type === 'datetime') return (value as Dayjs).toISOString();
  if ((field.type === 'multiSelect' || field.type === 'tags') && Array.isArray(value) && value.length === 0) return null;
  if (field.type === 'decimal') return String(value);
  return value;
}

/** The request body of a create or update: top-level fields plus `custom`, only for the given fields. */
export function toApiBody(fields: FieldMeta[], values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  const customValues = (values.custom ?? {}) as Record<string, unknown>;
  for (const field of fields) {
    if (isCustom(field)) {
      const key = field.name.slice(CUSTOM_PREFIX.length);
      if (key in customValues) custom[key] = toApiValue(field, customValues[key]);
    } else if (field.name in values) body[field.name] = toApiValue(field, values[field.name]);
  }
  if (Object.keys(custom).length) body.custom = custom;
  return body;
}

/** The form's initial values for a record (or empty for a new one). */
export function toFormValues(fields: FieldMeta[], record: ApiRecord | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = { custom: {} };
  for (const field of fields) {
    const value = toFormValue(field, record ? readValue(record, field) : null);
    if (isCustom(field)) (values.custom as Record<string, unknown>)[field.name.slice(CUSTOM_PREFIX.length)] = value;
    else values[field.name] = value;
  }
  return values;
}

/** "1234567.5" → "1,234,567.50" without going through a float, so every fen survives. */
export function formatDecimal(value: string | number, scale = 2): string {
  const [whole = '0', fraction = ''] = String(value).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '');
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${scale > 0 ? '.' + fraction.padEnd(scale, '0').slice(0, Math.max(scale, fraction.length)) : ''}`;
}

export const formatDate = (value: string): string => dayjs(value).format('YYYY-MM-DD');
export const formatDateTime = (value: string): string => dayjs(value).format('YYYY-MM-DD HH:mm');

/** Text of a value for the card view, history and conflict dialogs (no links). */
export function valueText(field: FieldMeta, value: unknown, yesNo: [string, string]): string {
  if (value === null || value === undefined || value === '') return '—';
  const option = (v: unknown) => field.options?.find((o) => o.value === v)?.label ?? String(v);
  switch (field.type) {
    case 'select':
      return option(value);
    case 'multiSelect':
    case 'tags':
      return Array.isArray(value) ? value.map(option).join('、') : String(value);
    case 'boolean':
      return value ? yesNo[0] : yesNo[1];
    case 'decimal':
      return formatDecimal(value as string);
    case 'date':
      return formatDate(value as string);
    case 'datetime':
      return formatDateTime(value as string);
    default:
      return String(value);
  }
}
