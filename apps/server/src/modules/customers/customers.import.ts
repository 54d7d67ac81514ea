// How customers are imported beyond their own fields: columns of phone numbers, mobiles, e-mails, plates, policy
// numbers and other identifiers (电话/手机/邮箱/车牌/保单号 or English headers), checked and normalised as the
// identifiers service does and written in bulk after the customers; and duplicates found by those identifiers and
// by the name key, for a whole batch at once.
import { and, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/db.ts';
import type { Actor } from '../../platform/http/context.ts';
import type { FieldChange } from '../../platform/audit/audit.schema.ts';
import type {
  ImportExtraColumn,
  ImportExtraIssue,
  ImportHooks,
  ImportRowInput,
} from '../../platform/imports/imports.registry.ts';
import { BUILT_IN_IDENTIFIER_TYPES, maskValue, type IdentifierType } from './customers.identifiers.ts';
import { listIdentifierTypes } from './customers.identifiers.service.ts';
import { findImportDuplicate, findImportDuplicates, importMatchKeys } from './customers.duplicates.ts';
import { customerIdentifiers } from './customers.schema.ts';
import { anyOf, arrayLiteral, bulkInsert } from '../../platform/entities/entity.bulkInsert.ts';

const PREFIX = 'identifier.';

/** Header names of identifier columns in exports of other CRMs and spreadsheets people keep. */
const SYNONYMS: Record<string, string[]> = {
  phone: [
    '电话',
    '座机',
    '固话',
    '联系电话',
    '办公电话',
    '电话号码',
    '電話',
    'tel',
    'telephone',
    'phone',
    'phone number',
    'office phone',
  ],
  mobile: [
    '手机',
    '手机号',
    '手机号码',
    '移动电话',
    '手機',
    '手機號碼',
    'mobile',
    'mobile phone',
    'cell',
    'cellphone',
    'cell phone',
  ],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', '郵箱', '電子郵件', 'email', 'e-mail', 'mail', 'email address'],
  plate: ['车牌', '车牌号', '车牌号码', '車牌', '車牌號', 'plate', 'licence plate', 'license plate', 'plate number'],
  policy: ['保单号', '保单', '保单号码', '保單號', '保單', 'policy', 'policy number', 'policy no'],
  nationalId: ['身份证', '身份证号', '身份证号码', '證件號碼', 'id number', 'national id', 'id card'],
  taxNumber: ['统一社会信用代码', '信用代码', '税号', '纳税人识别号', '統一編號', 'tax number', 'tax id', 'uscc'],
  externalId: ['外部编号', '外部系统编号', 'erp编号', '客户编号', 'external id', 'erp id', 'customer code'],
};

/** The identifier columns a customer import offers: one per built-in type. */
export const CUSTOMER_IMPORT_COLUMNS: ImportExtraColumn[] = BUILT_IN_IDENTIFIER_TYPES.map((t) => ({
  name: `${PREFIX}${t.key}`,
  label: t.label,
  synonyms: SYNONYMS[t.key] ?? [],
}));

const typesOf = async (db: DbOrTx) => new Map((await listIdentifierTypes(db)).map((t) => [t.key, t]));

interface Parsed {
  type: IdentifierType;
  column: string;
  value: string;
  normalized: string;
}

/** A row's identifier cells, normalised; cells that do not read as their type become issues. */
function parseRow(extras: Record<string, string>, types: Map<string, IdentifierType>) {
  const parsed: Parsed[] = [];
  const issues: ImportExtraIssue[] = [];
  for (const [column, value] of Object.entries(extras)) {
    const type = column.startsWith(PREFIX) ? types.get(column.slice(PREFIX.length)) : undefined;
    if (!type) continue;
    const normalized = type.normalize(value);
    if (!normalized || (type.pattern && !type.pattern.test(normalized))) issues.push({ column, code: 'invalid_format' });
    else parsed.push({ type, column, value: value.trim(), normalized });
  }
  return { parsed, issues };
}

const pairKey = (type: string, normalized: string) => `${type}\u0000${normalized}`;

/**
 * Format of every identifier cell, and values of unique types held by another customer or by an earlier row of the
 * batch. Takes the same advisory locks as adding an identifier, so no one else takes such a value meanwhile.
 */
async function checkIdentifiers(db: DbOrTx, rows: (ImportRowInput & { recordId?: string })[]): Promise<ImportExtraIssue[][]> {
  const types = await typesOf(db);
  const parsedRows = rows.map((row) => parseRow(row.extras, types));
  const unique = parsedRows.flatMap((r) => r.parsed.filter((p) => p.type.unique));
  if (!unique.length) return parsedRows.map((r) => r.issues);
  const lockKeys = [...new Set(unique.map((p) => `identifier:${p.type.key}:${p.normalized}`))].sort();
  await db.execute(sql`SELECT count(pg_advisory_xact_lock(hashtext(k))) FROM unnest(${arrayLiteral(lockKeys)}::text[]) AS k`);
  const i = customerIdentifiers;
  const held = new Map<string, Set<string>>();
  for (const r of await db
    .select({ type: i.type, normalized: i.normalized, customerId: i.customerId })
    .from(i)
    .where(
      and(
        anyOf(i.type, [...new Set(unique.map((p) => p.type.key))]),
        anyOf(i.normalized, [...new Set(unique.map((p) => p.normalized))]),
      ),
    )) {
    const key = pairKey(r.type, r.normalized);
    held.set(key, (held.get(key) ?? new Set()).add(r.customerId));
  }
  const claimed = new Set<string>();
  return parsedRows.map(({ parsed, issues }, n) => {
    const own = rows[n]!.recordId;
    for (const p of parsed) {
      if (!p.type.unique) continue;
      const key = pairKey(p.type.key, p.normalized);
      const holders = held.get(key);
      const takenElsewhere = holders && [...holders].some((id) => id !== own);
      if (takenElsewhere || claimed.has(key)) issues.push({ column: p.column, code: 'duplicate' });
      else claimed.add(key);
    }
    return issues;
  });
}

/**
 * Writes the identifier cells of rows whose customer was created or updated (checked before by checkIdentifiers),
 * leaving out values the customer already holds. Answers the history entry of each customer, as adding one would.
 */
async function writeIdentifiers(
  db: DbOrTx,
  actor: Actor,
  rows: (ImportRowInput & { recordId: string })[],
  options: { created?: boolean } = {},
): Promise<Map<string, FieldChange[]>> {
  const types = await typesOf(db);
  const withCells = rows.filter((r) => Object.keys(r.extras).length);
  const changes = new Map<string, FieldChange[]>();
  if (!withCells.length) return changes;
  const i = customerIdentifiers;
  // Customers created a moment ago hold no identifiers yet.
  const existing = new Set(
    options.created
      ? []
      : (
          await db
            .select({ customerId: i.customerId, type: i.type, normalized: i.normalized })
            .from(i)
            .where(
              anyOf(
                i.customerId,
                withCells.map((r) => r.recordId),
              ),
            )
        ).map((r) => `${r.customerId}\u0000${pairKey(r.type, r.normalized)}`),
  );
  const values: (typeof customerIdentifiers.$inferInsert)[] = [];
  for (const row of withCells) {
    for (const p of parseRow(row.extras, types).parsed) {
      const key = `${row.recordId}\u0000${pairKey(p.type.key, p.normalized)}`;
      if (existing.has(key)) continue;
      existing.add(key);
      values.push({
        customerId: row.recordId,
        type: p.type.key,
        value: p.value,
        normalized: p.normalized,
        createdBy: actor.userId,
      });
      const shown = `${p.type.key}: ${p.type.sensitive ? maskValue(p.value) : p.value}`;
      changes.set(row.recordId, [...(changes.get(row.recordId) ?? []), { field: 'identifiers', old: null, new: shown }]);
    }
  }
  await bulkInsert(db, i, values);
  return changes;
}

/** Type definitions are read once per batch by the hooks that need them; matchKeys is synchronous, so it keeps a copy. */
let knownTypes = new Map(BUILT_IN_IDENTIFIER_TYPES.map((t) => [t.key, t as IdentifierType]));

export const customerImportHooks: ImportHooks = {
  findDuplicate: findImportDuplicate,
  async findDuplicates(db, actor, rows) {
    knownTypes = await typesOf(db);
    return findImportDuplicates(db, actor, rows, knownTypes);
  },
  matchKeys: (row) => importMatchKeys(row, knownTypes),
  extraColumns: CUSTOMER_IMPORT_COLUMNS,
  checkExtras: (db, _actor, rows) => checkIdentifiers(db, rows),
  writeExtras: writeIdentifiers,
};
