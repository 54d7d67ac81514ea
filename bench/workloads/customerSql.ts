// Raw SQL of the customer workloads: the kit's customer list, the global search's query for the customer type
// (platform/search/search.service.ts) and the identifier lookup (modules/customers/customers.identifiers.lookup.ts),
// written out as the server sends them, with a branch manager's access condition (scope `unit-and-below`).
import { likeEscape } from '../../apps/server/src/platform/access/recordAccess.ts';
import {
  PART_SEPARATOR,
  charLength,
  letterPiecesOf,
  normalize,
  normalizePhone,
  queryForms,
} from '../../apps/server/src/platform/search/search.text.ts';
import type { RawQuery } from './workload.ts';

/** Own records, records of the reader's org unit subtree, or records shared with the reader. */
const unitAndBelow = (owner: string, unit: string, id: string, recordType: string) =>
  `((${owner} = $1 OR ${unit} = ANY(ARRAY(SELECT id FROM org_units WHERE path LIKE $2)))
    OR ${id} = ANY(ARRAY(SELECT s.record_id FROM record_shares s WHERE s.user_id = $1 AND s.record_type = '${recordType}')))`;

/** The kit's list page of customers (limit + 1 rows, the sort key as text). */
export function customerListSql(userId: string, pathPattern: string, grade: string): RawQuery {
  return {
    text: `SELECT c.*, u.display_name AS owner_name, o.name AS org_unit_name, (c.name_sort)::text AS k0
      FROM customers c
      LEFT JOIN users u ON u.id = c.owner_id
      LEFT JOIN org_units o ON o.id = c.org_unit_id
      WHERE c.deleted_at IS NULL AND ${unitAndBelow('c.owner_id', 'c.org_unit_id', 'c.id', 'customer')}
        AND c.grade = $3::text
      ORDER BY c.name_sort ASC NULLS LAST, c.id ASC LIMIT 51`,
    params: [userId, pathPattern, grade],
  };
}

/** searchRecords' query for one type: the forms of `query` by the index that answers them, ranked, first 10. */
export function searchSql(userId: string, pathPattern: string, query: string, recordType = 'customer'): RawQuery {
  const params: unknown[] = [userId, pathPattern];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const forms = queryForms(query);
  const like = (f: string) => `d.haystack LIKE ${p('%' + likeEscape(f) + '%')}`;
  // Two characters: the token, narrowed in the same index scan to the owner and unit tokens the manager's scope covers.
  const covered = `(ARRAY[chr(2) || 'o' || $1::uuid::text] || ARRAY(SELECT chr(2) || 'u' || id::text FROM org_units WHERE path LIKE $2))`;
  const shared = `d.record_id = ANY(ARRAY(SELECT s.record_id FROM record_shares s WHERE s.user_id = $1 AND s.record_type = '${recordType}'))`;
  const contains = forms
    .map((f) => {
      const pieces = letterPiecesOf(f);
      if (pieces.length)
        return `((d.tokens @> ARRAY[${pieces.map(p).join(', ')}]::text[] AND strpos(d.haystack, ${p(f)}) > 0) OR (d.tokens IS NULL AND ${like(f)}))`;
      if (charLength(f) !== 2) return like(f);
      const token = `d.tokens @> ARRAY[${p(f)}]::text[]`;
      return `((${token} AND d.tokens && ${covered}) OR (${token} AND ${shared}) OR (d.tokens IS NULL AND ${like(f)}))`;
    })
    .join(' OR ');
  const sep = PART_SEPARATOR;
  const startsWith = forms
    .map((f) => `(d.haystack LIKE ${p(likeEscape(f) + '%')} OR d.haystack LIKE ${p('%' + sep + likeEscape(f) + '%')})`)
    .join(' OR ');
  const exact = forms
    .map((f) => `(${p(sep)} || d.haystack || ${p(sep)}) LIKE ${p('%' + sep + likeEscape(f) + sep + '%')}`)
    .join(' OR ');
  return {
    text: `SELECT d.record_id, d.title FROM search_documents d
      WHERE d.record_type = ${p(recordType)} AND d.deleted_at IS NULL AND (${contains})
        AND ${unitAndBelow('d.owner_id', 'd.org_unit_id', 'd.record_id', recordType)}
      ORDER BY CASE WHEN lower(d.title) = ${p(normalize(query))} OR ${exact} THEN 0 WHEN ${startsWith} THEN 1 ELSE 2 END,
        d.title, d.record_id
      LIMIT 10`,
    params,
  };
}

/**
 * lookupIdentifier's statement for a phone number given without its type: the customers and the contacts holding its
 * mobile or landline form, each kind ordered and limited, in one UNION ALL (as the server sends it).
 */
export function identifierLookupSql(userId: string, pathPattern: string, value: string): RawQuery {
  const digits = normalizePhone(value);
  const matches = `((i.type = 'phone' AND i.normalized = $3) OR (i.type = 'mobile' AND i.normalized = $3))`;
  return {
    text: `(SELECT DISTINCT 'customer' AS kind, c.id, c.name AS title, c.id AS customer_id, i.type AS identifier_type
        FROM customer_identifiers i JOIN customers c ON c.id = i.customer_id
        WHERE ${matches} AND c.deleted_at IS NULL AND ${unitAndBelow('c.owner_id', 'c.org_unit_id', 'c.id', 'customer')}
        ORDER BY title, id LIMIT 20)
      UNION ALL
      (SELECT DISTINCT 'contact' AS kind, p.id, p.name AS title, p.customer_id, i.type AS identifier_type
        FROM customer_identifiers i JOIN contacts p ON p.id = i.contact_id JOIN customers c ON c.id = i.customer_id
        WHERE ${matches} AND p.deleted_at IS NULL AND ${unitAndBelow('p.owner_id', 'p.org_unit_id', 'p.id', 'contact')}
        ORDER BY title, id LIMIT 20)`,
    params: [userId, pathPattern, digits],
  };
}
