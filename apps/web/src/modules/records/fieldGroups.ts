// Where a module's group input (pageExtensions.registerFieldGroupInput) sits among a section's fields: in place of
// the first of its fields present, the others left out. Pure, so forms and the card lay out alike.
import type { FieldMeta } from '@guanxi/contracts';
import type { FieldGroupInput } from './pageExtensions.ts';

export type LayoutItem = { kind: 'field'; field: FieldMeta } | { kind: 'group'; group: FieldGroupInput; fields: FieldMeta[] };

export function withFieldGroups(fields: FieldMeta[], groups: FieldGroupInput[]): LayoutItem[] {
  const items: LayoutItem[] = [];
  const placed = new Set<FieldGroupInput>();
  for (const field of fields) {
    const group = groups.find((g) => g.fields.includes(field.name));
    if (!group) {
      items.push({ kind: 'field', field });
      continue;
    }
    if (placed.has(group)) continue;
    placed.add(group);
    const members = group.fields
      .map((name) => fields.find((f) => f.name === name))
      .filter((f): f is FieldMeta => f !== undefined);
    items.push({ kind: 'group', group, fields: members });
  }
  return items;
}

/** The text of a group's values on the card: the filled ones joined by " / ". */
export const groupText = (fields: FieldMeta[], valueOf: (field: FieldMeta) => unknown): string =>
  fields
    .map(valueOf)
    .filter((v) => v !== null && v !== undefined && v !== '')
    .map(String)
    .join(' / ');
