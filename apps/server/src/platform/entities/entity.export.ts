// Export of a filtered list as CSV (UTF-8 with BOM so Excel opens Chinese correctly), streamed page by page
// so a large export never sits in memory. Visibility follows the actor's read and export scopes.
import type { Locale } from '@guanxi/contracts';
import { listPage, loadFields, selectFields, type ApiRecord, type KitContext } from './entity.read.ts';
import { MAX_LIMIT, parseListQuery } from './query.ts';
import { localized, type ResolvedField } from './fields.ts';

/** One CSV cell, quoted when needed; a leading =, +, - or @ is escaped so no spreadsheet runs it as a formula. */
export const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join('; ') : String(value);
  // A leading =, +, - or @ would make a spreadsheet treat the cell as a formula.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function formatter(timeZone: string) {
  const dateTime = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' });
  return (field: ResolvedField, value: unknown, locale: Locale): unknown => {
    if (value === null || value === undefined) return null;
    if (field.type === 'datetime') return dateTime.format(new Date(String(value)));
    if (field.type === 'boolean') return value ? (locale === 'en' ? 'Yes' : '是') : locale === 'en' ? 'No' : '否';
    if (field.type === 'select' || field.type === 'multiSelect' || field.type === 'tags') {
      const label = (v: unknown) => {
        const option = field.options?.find((o) => o.value === v);
        return option ? localized(option.label, locale) : v;
      };
      if (field.type === 'tags' && Array.isArray(value)) return value.map(label).join('、');
      return Array.isArray(value) ? value.map(label) : label(value);
    }
    return value;
  };
}

/**
 * The rows of a filtered list as the export shows them: first the column labels, then one page of formatted
 * values at a time.
 */
export async function* exportTable(
  ctx: KitContext,
  rawQuery: Record<string, unknown>,
  timeZone: string,
): AsyncGenerator<unknown[][]> {
  const fields = await loadFields(ctx.db, ctx.descriptor);
  const query = parseListQuery({ ...rawQuery, limit: String(MAX_LIMIT) }, fields, ctx.descriptor.defaultSort);
  const locale = ctx.locale ?? ctx.actor.locale;
  // `fields=` exports the columns a list view shows, in its order; without it every field goes out.
  const chosen = selectFields(rawQuery.fields, fields);
  const columns = chosen
    ? chosen.map((name) => fields.get(name === 'ownerName' ? 'ownerId' : name === 'orgUnitName' ? 'orgUnitId' : name)!)
    : [...fields.values()].filter((f) => f.name !== 'deletedAt');
  const format = formatter(timeZone);
  const valueOf = (record: ApiRecord, field: ResolvedField): unknown => {
    if (field.name === 'ownerId') return record.ownerName;
    if (field.name === 'orgUnitId') return record.orgUnitName;
    if (field.custom) return (record.custom as Record<string, unknown>)[field.key];
    return record[field.name];
  };
  yield [columns.map((f) => localized(f.label, locale))];
  let cursor: unknown[] | null = null;
  for (;;) {
    const page = await listPage(ctx, fields, { ...query, cursor }, { action: 'export' });
    if (page.items.length) yield page.items.map((record) => columns.map((f) => format(f, valueOf(record, f), locale)));
    if (!page.nextPosition) return;
    cursor = page.nextPosition;
  }
}

/** Rows as CSV lines (CRLF), every cell through csvCell. */
export const csvLines = (rows: unknown[][]): string => rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');

export async function* exportCsv(ctx: KitContext, rawQuery: Record<string, unknown>, timeZone: string): AsyncGenerator<string> {
  let first = true;
  for await (const rows of exportTable(ctx, rawQuery, timeZone)) {
    yield first ? '\uFEFF' + csvLines(rows) : csvLines(rows);
    first = false;
  }
}
