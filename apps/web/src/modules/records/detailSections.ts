// How the detail page groups a record's fields: the type's own sections in order (fields without one join the
// first), custom fields in their own group, and owner, org unit and timestamps under system information.
import type { EntityMeta, FieldMeta } from '@guanxi/contracts';
import { isCustom } from './fieldValues.ts';

export const SYSTEM_FIELDS = ['ownerId', 'orgUnitId', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'];
const HIDDEN = new Set(['id', 'deletedAt']);

export interface Section {
  key: string;
  /** Label from the metadata; undefined for the built-in groups the page names itself. */
  label?: string;
  fields: FieldMeta[];
}

export function detailSections(entity: EntityMeta): Section[] {
  const own = entity.fields.filter((f) => !HIDDEN.has(f.name) && !SYSTEM_FIELDS.includes(f.name) && !isCustom(f));
  const declared = entity.sections.map((s) => ({ key: s.key, label: s.label as string | undefined, fields: [] as FieldMeta[] }));
  const sections = declared.length ? declared : [{ key: 'main', label: undefined, fields: [] as FieldMeta[] }];
  for (const field of own) (sections.find((s) => s.key === field.section) ?? sections[0]!).fields.push(field);
  const custom = entity.fields.filter(isCustom);
  if (custom.length) sections.push({ key: 'custom', label: undefined, fields: custom });
  sections.push({
    key: 'system',
    label: undefined,
    fields: SYSTEM_FIELDS.map((n) => entity.fields.find((f) => f.name === n)).filter((f) => f !== undefined),
  });
  return sections.filter((s) => s.fields.length > 0);
}
