// Raw SQL of the entity kit's reads of test widgets (platform/entities/entity.read.ts), shared by the
// workloads that compare an HTTP read with the query behind it.
import { likeEscape } from '../../apps/server/src/platform/access/recordAccess.ts';

/** The kit's SELECT: the record plus its owner's and org unit's names (and, for lists, the sort keys as text). */
export const widgetSelect = (
  extraColumns = '',
): string => `SELECT w.*, u.display_name AS owner_name, o.name AS org_unit_name${extraColumns}
  FROM test_widgets w
  LEFT JOIN users u ON u.id = w.owner_id
  LEFT JOIN org_units o ON o.id = w.org_unit_id`;

/**
 * The access condition of a reader with scope `unit-and-below` (platform/access/recordAccess.ts): own records,
 * records of the reader's org unit subtree, or records shared with the reader. `$n` numbers the parameters.
 */
export function unitAndBelowRead(userParam: number, pathPatternParam: number): string {
  return `((w.owner_id = $${userParam} OR w.org_unit_id = ANY(ARRAY(SELECT id FROM org_units WHERE path LIKE $${pathPatternParam})))
    OR w.id = ANY(ARRAY(SELECT s.record_id FROM record_shares s WHERE s.user_id = $${userParam} AND s.record_type = 'testWidget')))`;
}

/** LIKE pattern of an org unit's subtree, escaped as recordAccess.ts escapes it. */
export const subtreePattern = (orgUnitPath: string): string => likeEscape(orgUnitPath) + '%';
