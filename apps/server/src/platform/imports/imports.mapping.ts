// From a file's columns to a record type's fields: the automatic mapping of Chinese or English headers, and the
// conversion of one row's cell texts into a create body (dates, numbers, yes/no, option labels, owner names).
import type { Locale } from '@guanxi/contracts';
import type { ResolvedField } from '../entities/fields.ts';
import type { ImportColumnMapping } from './imports.schema.ts';

/** Header names people commonly use for fields that many record types have; a type adds its own through hooks. */
const COMMON_SYNONYMS: Record<string, string[]> = {
  name: [
    '名称',
    '公司名称',
    '公司',
    '企业名称',
    '企业',
    '单位名称',
    '单位',
    '客户',
    '客户名称',
    '机构名称',
    '姓名',
    'company',
    'company name',
    'account',
    'account name',
    'full name',
  ],
  shortName: ['简称', '公司简称', '客户简称', 'short name', 'abbreviation'],
  mobile: ['手机', '手机号', '手机号码', '移动电话', '手机号碼', 'mobile', 'mobile phone', 'cell', 'cellphone', 'cell phone'],
  phone: ['电话', '座机', '固话', '联系电话', '办公电话', '電話', 'tel', 'telephone', 'phone', 'phone number', 'office phone'],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', 'email', 'e-mail', 'mail', '郵箱'],
  address: ['地址', '详细地址', '联系地址', '通讯地址', 'address', 'street'],
  website: ['网站', '网址', '官网', '主页', 'website', 'web', 'url', 'homepage'],
  notes: ['备注', '说明', '描述', '備註', 'remark', 'remarks', 'note', 'notes', 'comment', 'comments', 'description'],
  province: ['省', '省份', '所在省', 'province', 'state'],
  city: ['市', '城市', '所在城市', 'city'],
  district: ['区', '区县', '县区', 'district', 'county'],
  industry: ['行业', '所属行业', 'industry'],
  grade: ['等级', '级别', '客户等级', '客户级别', 'grade', 'level', 'rating'],
  source: ['来源', '客户来源', 'source', 'lead source'],
  tags: ['标签', 'tag', 'tags'],
  status: ['状态', 'status'],
  title: ['职位', '职务', '头衔', 'job title', 'position', 'title'],
  department: ['部门', 'department', 'dept'],
  birthday: ['生日', '出生日期', 'birthday', 'date of birth', 'dob'],
  customerId: ['所属客户', '客户', '公司', '客户名称', 'customer', 'account', 'company'],
  ownerId: ['负责人', '所有者', '跟进人', '销售', '业务员', '客户经理', 'owner', 'sales rep', 'account owner'],
  orgUnitId: ['所属组织', '部门组织', '组织', '分公司', 'org unit', 'branch'],
};

/** Compares header names loosely: case, width, spaces, punctuation and bracketed notes like （必填） do not count. */
export function normalizeHeader(header: string): string {
  const text = header.normalize('NFKC').toLowerCase();
  const withoutNotes = text.replace(/[(（[【].*?[)）\]】]/g, '');
  return (withoutNotes.trim() ? withoutNotes : text).replace(/[\s*:：_\-–—.·/\\'"`’‘“”]/g, '');
}

/** Fields a column may fill: writable built-in and custom fields, plus owner and org unit. */
export function importableFields(fields: Map<string, ResolvedField>): ResolvedField[] {
  return [...fields.values()].filter((f) => (!f.readOnly && !f.system) || f.name === 'ownerId' || f.name === 'orgUnitId');
}

/** Maps each header to the field it names, by field name, label in any language, or synonym; each field once. */
export function autoMapping(
  headers: string[],
  fields: ResolvedField[],
  typeSynonyms: Record<string, string[]> = {},
): ImportColumnMapping[] {
  // Exact names and labels beat synonyms, so 「客户」 goes to a field labelled so before the common synonym of name.
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  for (const field of fields) {
    for (const name of [field.name, field.key, ...Object.values(field.label)])
      if (name && !exact.has(normalizeHeader(name))) exact.set(normalizeHeader(name), field.name);
  }
  for (const field of fields) {
    for (const name of [...(typeSynonyms[field.name] ?? []), ...(COMMON_SYNONYMS[field.name] ?? [])])
      if (!loose.has(normalizeHeader(name))) loose.set(normalizeHeader(name), field.name);
  }
  const used = new Set<string>();
  const pick = (header: string, table: Map<string, string>) => {
    const field = table.get(normalizeHeader(header));
    return field && !used.has(field) ? field : undefined;
  };
  const mapping: ImportColumnMapping[] = headers.map((header, index) => ({ index, header, field: null }));
  for (const table of [exact, loose]) {
    for (const column of mapping) {
      if (column.field) continue;
      const field = pick(column.header, table);
      if (field) {
        column.field = field;
        used.add(field);
      }
    }
  }
  return mapping;
}

/** Looks up the ids of users, org units and records that cells name; answers undefined when none or several match. */
export interface ReferenceLookup {
  (field: ResolvedField, text: string): Promise<string | undefined>;
}

export interface CellIssue {
  field: string;
  code: string;
}

export interface ConvertOptions {
  locale: Locale;
  timeZone: string;
  lookup: ReferenceLookup;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '对', '√', '✓', 'on', '有']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '不', '×', '✗', 'off', '无']);
const pad = (n: number) => String(n).padStart(2, '0');

/** `2024-01-05`, `2024/1/5`, `2024.1.5`, `2024年1月5日`, `20240105` or an Excel serial day number → `2024-01-05`. */
export function parseDateCell(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T].*)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
      ? `${y}-${pad(mo)}-${pad(d)}`
      : undefined;
  }
  m = /^(\d{1,5})(?:\.\d+)?$/.exec(t);
  if (m && Number(m[1]) > 0 && Number(m[1]) < 2958466) {
    // Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
    return new Date(Date.UTC(1899, 11, 30) + Number(m[1]) * 86_400_000).toISOString().slice(0, 10);
  }
  return undefined;
}

/** Offset of `timeZone` from UTC at `utcMs`, in ms. */
function zoneOffset(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(utcMs));
  const v = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(v('year'), v('month') - 1, v('day'), v('hour'), v('minute'), v('second')) - utcMs;
}

/** A date and time with an offset, or one without read in the organisation's time zone. */
export function parseDateTimeCell(text: string, timeZone: string): string | undefined {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/.test(t)) {
    const d = new Date(t);
    return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2}))?秒?)?$/.exec(t);
  if (!m) return undefined;
  const date = parseDateCell(`${m[1]}-${m[2]}-${m[3]}`);
  if (!date) return undefined;
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const naive = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h, mi, s);
  return new Date(naive - zoneOffset(naive, timeZone)).toISOString();
}

function optionValue(field: ResolvedField, text: string): string {
  const wanted = text.trim().toLowerCase();
  const option = field.options?.find(
    (o) => o.value.toLowerCase() === wanted || Object.values(o.label).some((l) => l?.toLowerCase() === wanted),
  );
  // An unknown option goes on as written, for the validator to report as not one of the choices.
  return option ? option.value : text.trim();
}

/** One cell's text as the field's API value; `issue` when it cannot be read as that type. */
async function cellValue(
  field: ResolvedField,
  text: string,
  options: ConvertOptions,
): Promise<{ value: unknown } | { issue: string }> {
  const t = text.trim();
  switch (field.type) {
    case 'longText':
      return { value: text };
    case 'integer': {
      const n = Number(t.replace(/[,，\s]/g, ''));
      return Number.isSafeInteger(n) ? { value: n } : { issue: 'invalid_value' };
    }
    case 'decimal': {
      const s = t.replace(/[,，\s¥￥]/g, '').replace(/^RMB/i, '');
      return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? { value: s } : { issue: 'invalid_value' };
    }
    case 'boolean': {
      const w = t.toLowerCase();
      if (TRUE_WORDS.has(w)) return { value: true };
      if (FALSE_WORDS.has(w)) return { value: false };
      return { issue: 'invalid_value' };
    }
    case 'date': {
      const d = parseDateCell(t);
      return d ? { value: d } : { issue: 'invalid_format' };
    }
    case 'datetime': {
      const d = parseDateTimeCell(t, options.timeZone);
      return d ? { value: d } : { issue: 'invalid_format' };
    }
    case 'select':
      return { value: optionValue(field, t) };
    case 'multiSelect':
      return {
        value: t
          .split(/[,;，；、|]/)
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => optionValue(field, part)),
      };
    case 'tags':
      return {
        value: [
          ...new Set(
            t
              .split(/[,，、;；]/)
              .map((part) => part.trim())
              .filter(Boolean),
          ),
        ],
      };
    case 'reference': {
      if (UUID.test(t)) return { value: t.toLowerCase() };
      const id = await options.lookup(field, t);
      return id ? { value: id } : { issue: 'not_found_reference' };
    }
    default:
      return { value: t };
  }
}

/** The create body of one row and the cells that could not be read; empty cells are left out. */
export async function rowToBody(
  fieldsByName: Map<string, ResolvedField>,
  mapping: ImportColumnMapping[],
  cells: string[],
  options: ConvertOptions,
): Promise<{ body: Record<string, unknown>; issues: CellIssue[] }> {
  const body: Record<string, unknown> = {};
  const custom: Record<string, unknown> = {};
  const issues: CellIssue[] = [];
  for (const column of mapping) {
    const field = column.field ? fieldsByName.get(column.field) : undefined;
    const text = cells[column.index] ?? '';
    if (!field || text.trim() === '') continue;
    const result = await cellValue(field, text, options);
    if ('issue' in result) {
      issues.push({ field: field.name, code: result.issue });
      continue;
    }
    if (field.custom) custom[field.key] = result.value;
    else body[field.name] = result.value;
  }
  if (Object.keys(custom).length) body.custom = custom;
  return { body, issues };
}
