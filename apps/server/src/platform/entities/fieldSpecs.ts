// Shorthands for the commonest field declarations of a descriptor: a text field (200 characters unless said) and a
// choice from options, each in a section; `extra` adds or overrides anything (required, searchable, sortKey …).
import type { FieldSpec } from './descriptor.ts';

export const textField = (
  column: FieldSpec['column'],
  label: FieldSpec['label'],
  section: string,
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({ type: 'text', column, label, section, maxLength: 200, ...extra });

export const selectField = (
  column: FieldSpec['column'],
  label: FieldSpec['label'],
  options: FieldSpec['options'],
  section: string,
  extra: Partial<FieldSpec> = {},
): FieldSpec => ({ type: 'select', column, label, options, section, ...extra });
