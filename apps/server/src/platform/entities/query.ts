// Parses a list request (filters, sort, cursor, limit, q) against a record type's fields and turns it into
// SQL: WHERE conditions, ORDER BY and the keyset condition that continues after the cursor.
import { sql, type SQL } from 'drizzle-orm';
import { FILTER_OPS, type ErrorDetail, type FilterOp } from '@guanxi/contracts';
import { AppError } from '../http/errors.ts';
import { likeEscape } from '../access/recordAccess.ts';
import { parseFilterValue, TEXT_TYPES, type ResolvedField } from './fields.ts';

export interface Filter {
  field: ResolvedField;
  op: FilterOp;
  value: unknown;
}

export interface SortKey {
  field: ResolvedField;
  desc: boolean;
}

export interface ListQuery {
  filters: Filter[];
  sort: SortKey[];
  cursor: unknown[] | null;
  limit: number;
  q: string | null;
  total: boolean;
  deleted: 'exclude' | 'only';
}

const FILTER_KEY = /^filter\[([^\]]+)\](?:\[([A-Za-z]+)\])?$/;
export const MAX_LIMIT = 200;

const bad = (field: string, code: string) => new AppError('VALIDATION_FAILED', 400, [{ field, code, message: code }]);

/** Reads `filter[field][op]=value`, `sort=-a,b`, `cursor`, `limit`, `q`, `total`, `deleted` from a flat query. */
export function parseListQuery(
  query: Record<string, unknown>,
  fields: Map<string, ResolvedField>,
  defaultSort: string[],
  options: { allowDeleted?: boolean } = {},
): ListQuery {
  const details: ErrorDetail[] = [];
  const filters: Filter[] = [];
  for (const [key, rawValue] of Object.entries(query)) {
    const match = FILTER_KEY.exec(key);
    if (!match) continue;
    const [, name = '', op = 'eq'] = match;
    const field = fields.get(name);
    if (!field || !field.filterable) {
      details.push({ field: key, code: 'UNKNOWN_FIELD', message: 'UNKNOWN_FIELD' });
      continue;
    }
    if (!(FILTER_OPS as readonly string[]).includes(op) || !opAllowed(field, op as FilterOp)) {
      details.push({ field: key, code: 'UNKNOWN_FILTER_OPERATOR', message: 'UNKNOWN_FILTER_OPERATOR' });
      continue;
    }
    const raw = Array.isArray(rawValue) ? rawValue.join(',') : String(rawValue ?? '');
    try {
      filters.push({ field, op: op as FilterOp, value: parseOpValue(field, op as FilterOp, raw) });
    } catch {
      details.push({ field: key, code: 'invalid_value', message: 'invalid_value' });
    }
  }
  for (const key of Object.keys(query)) {
    if (!FILTER_KEY.test(key) && !['sort', 'cursor', 'limit', 'q', 'total', 'deleted', 'format', 'fields'].includes(key)) {
      details.push({ field: key, code: 'unknown_field', message: 'unknown_field' });
    }
  }

  const sortSpec = typeof query.sort === 'string' && query.sort.trim() ? query.sort.split(',') : defaultSort;
  const sort: SortKey[] = [];
  for (const part of sortSpec) {
    const desc = part.startsWith('-');
    const name = part.replace(/^[-+]/, '').trim();
    const field = fields.get(name);
    if (!field || !field.sortable) details.push({ field: 'sort', code: 'UNKNOWN_FIELD', message: 'UNKNOWN_FIELD' });
    // A field with a stored sort key (FieldSpec.sortKey) sorts and pages by that key; filters keep the value.
    else if (!sort.some((s) => s.field.name === name))
      sort.push({ field: field.sortExpr ? { ...field, expr: field.sortExpr } : field, desc });
  }
  if (sort.length > 5) details.push({ field: 'sort', code: 'too_big', message: 'too_big' });

  let limit = 50;
  if (query.limit !== undefined) {
    limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      details.push({ field: 'limit', code: 'invalid_value', message: 'invalid_value' });
  }
  const q = typeof query.q === 'string' && query.q.trim() ? query.q.trim().slice(0, 200) : null;
  const deleted = query.deleted === 'only' ? 'only' : 'exclude';
  if (query.deleted !== undefined && (query.deleted !== 'only' || !options.allowDeleted)) {
    details.push({ field: 'deleted', code: 'invalid_value', message: 'invalid_value' });
  }
  if (details.length) throw new AppError('VALIDATION_FAILED', 400, details);

  const cursor = typeof query.cursor === 'string' && query.cursor ? decodeCursor(query.cursor, sort) : null;
  return { filters, sort, cursor, limit, q, total: query.total === 'true' || query.total === '1', deleted };
}

function opAllowed(field: ResolvedField, op: FilterOp): boolean {
  if (op === 'contains' || op === 'startsWith') return TEXT_TYPES.has(field.type);
  if (field.type === 'multiSelect' || field.type === 'tags') return op === 'eq' || op === 'in' || op === 'isNull';
  if (field.type === 'boolean') return op === 'eq' || op === 'ne' || op === 'isNull';
  return true;
}

function parseOpValue(field: ResolvedField, op: FilterOp, raw: string): unknown {
  switch (op) {
    case 'isNull':
      if (raw !== 'true' && raw !== 'false') throw new Error('isNull takes true or false');
      return raw === 'true';
    case 'in': {
      const parts = raw.split(',').filter((p) => p !== '');
      if (parts.length === 0 || parts.length > 100) throw new Error('in takes 1..100 values');
      return parts.map((p) => parseFilterValue(field, p));
    }
    case 'between': {
      const parts = raw.split(',');
      if (parts.length !== 2) throw new Error('between takes two values');
      return parts.map((p) => parseFilterValue(field, p));
    }
    case 'contains':
    case 'startsWith':
      if (!raw) throw new Error('empty');
      return raw.slice(0, 200);
    default:
      return parseFilterValue(field, raw);
  }
}

const typed = (value: unknown, field: ResolvedField): SQL => sql`${value}::${sql.raw(field.cast)}`;

export function filterCondition({ field, op, value }: Filter): SQL {
  const e = field.expr;
  // A list of values matches when it holds any of the wanted ones (a tag filter is "has any of").
  if (field.type === 'multiSelect' || field.type === 'tags') {
    if (op === 'isNull')
      return value ? sql`(${e} IS NULL OR ${e} = '[]'::jsonb)` : sql`(${e} IS NOT NULL AND ${e} <> '[]'::jsonb)`;
    const values = op === 'in' ? (value as string[]) : [value as string];
    return sql`(${e} ?| ${sql`ARRAY[${sql.join(
      values.map((v) => sql`${v}`),
      sql`, `,
    )}]::text[]`})`;
  }
  switch (op) {
    case 'eq':
      return sql`${e} = ${typed(value, field)}`;
    case 'ne':
      return sql`${e} IS DISTINCT FROM ${typed(value, field)}`;
    case 'lt':
      return sql`${e} < ${typed(value, field)}`;
    case 'lte':
      return sql`${e} <= ${typed(value, field)}`;
    case 'gt':
      return sql`${e} > ${typed(value, field)}`;
    case 'gte':
      return sql`${e} >= ${typed(value, field)}`;
    case 'in':
      return sql`${e} IN (${sql.join(
        (value as unknown[]).map((v) => typed(v, field)),
        sql`, `,
      )})`;
    case 'between': {
      const [from, to] = value as [unknown, unknown];
      return sql`${e} BETWEEN ${typed(from, field)} AND ${typed(to, field)}`;
    }
    case 'contains':
      return sql`${e} ILIKE ${'%' + likeEscape(String(value)) + '%'}`;
    case 'startsWith':
      return sql`${e} ILIKE ${likeEscape(String(value)) + '%'}`;
    case 'isNull':
      return value ? sql`${e} IS NULL` : sql`${e} IS NOT NULL`;
  }
}

/** Simple search until the search index lands: any searchable field contains the text. */
export function searchCondition(q: string, fields: Map<string, ResolvedField>): SQL | undefined {
  const searchable = [...fields.values()].filter((f) => f.searchable);
  if (!searchable.length) return undefined;
  const pattern = '%' + likeEscape(q) + '%';
  return sql`(${sql.join(
    searchable.map((f) => sql`${f.expr} ILIKE ${pattern}`),
    sql` OR `,
  )})`;
}

/** ORDER BY with NULLs last in both directions, then the id as the unique tie-breaker. */
export function orderBy(sort: SortKey[], idExpr: SQL | import('drizzle-orm/pg-core').AnyPgColumn): SQL {
  const parts = sort.map((s) => sql`${s.field.expr} ${sql.raw(s.desc ? 'DESC' : 'ASC')} NULLS LAST`);
  parts.push(sql`${idExpr} ASC`);
  return sql.join(parts, sql`, `);
}

/**
 * Rows after the cursor position: for keys k1..kn and id, the row comes later when for some i the keys
 * before i are equal and ki is "after". With NULLs last, nothing but NULL follows a NULL.
 */
export function afterCursor(sort: SortKey[], cursor: unknown[], idExpr: SQL | import('drizzle-orm/pg-core').AnyPgColumn): SQL {
  const branches: SQL[] = [];
  const equalSoFar: SQL[] = [];
  sort.forEach((key, i) => {
    const v = cursor[i];
    const e = key.field.expr;
    if (v === null) {
      equalSoFar.push(sql`${e} IS NULL`);
      return;
    }
    const after = sql`(${e} ${sql.raw(key.desc ? '<' : '>')} ${typed(v, key.field)} OR ${e} IS NULL)`;
    branches.push(equalSoFar.length ? sql`(${sql.join(equalSoFar, sql` AND `)} AND ${after})` : after);
    equalSoFar.push(sql`${e} = ${typed(v, key.field)}`);
  });
  const idAfter = sql`${idExpr} > ${cursor[sort.length]}::uuid`;
  branches.push(equalSoFar.length ? sql`(${sql.join(equalSoFar, sql` AND `)} AND ${idAfter})` : idAfter);
  return sql`(${sql.join(branches, sql` OR `)})`;
}

/** A cursor is the sort values and id of the last row, tagged with the sort it belongs to. */
export function encodeCursor(sort: SortKey[], values: unknown[]): string {
  const tag = sort.map((s) => (s.desc ? '-' : '') + s.field.name).join(',');
  return Buffer.from(JSON.stringify({ s: tag, v: values })).toString('base64url');
}

export function decodeCursor(cursor: string, sort: SortKey[]): unknown[] {
  const invalid = () =>
    new AppError('INVALID_CURSOR', 400, [{ field: 'cursor', code: 'INVALID_CURSOR', message: 'INVALID_CURSOR' }]);
  let parsed: { s?: unknown; v?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; v?: unknown };
  } catch {
    throw invalid();
  }
  const tag = sort.map((s) => (s.desc ? '-' : '') + s.field.name).join(',');
  if (!parsed || parsed.s !== tag || !Array.isArray(parsed.v) || parsed.v.length !== sort.length + 1) throw invalid();
  const values = parsed.v as unknown[];
  // Values are the database's own text of each sort key (exact to the microsecond); a tampered value
  // fails its cast in SQL and answers 400 like any other bad input.
  const ok = values.every((v) => v === null || typeof v === 'string') && /^[0-9a-f-]{36}$/i.test(String(values[sort.length]));
  if (!ok || values[sort.length] === null) throw invalid();
  return values;
}

export { bad as badQuery };
