// A field's metadata for unit tests: a plain optional text field unless told otherwise.
import type { FieldMeta } from '@guanxi/contracts';

export const fieldMeta = (name: string, type: FieldMeta['type'] = 'text', extra: Partial<FieldMeta> = {}): FieldMeta => ({
  name,
  type,
  label: name,
  required: false,
  readOnly: false,
  custom: name.startsWith('custom.'),
  filterable: true,
  sortable: true,
  searchable: false,
  ...extra,
});
