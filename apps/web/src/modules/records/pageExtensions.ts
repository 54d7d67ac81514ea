// How a module adds to the generic pages of its record types without writing its own: on the detail page a panel
// above the tabs (a customer's identifiers and quick actions) and extra tabs (a customer's timeline); on the form a
// notice above the fields that follows what is typed (likely duplicates); one input for a group of fields on the
// form and the card (a region cascader for province / city / district); a list filter's choices for a text field
// (the provinces). Modules register at import time.
import type { ComponentType } from 'react';
import type { TFunction } from 'i18next';
import type { EntityMeta, FieldMeta } from '@guanxi/contracts';
import type { ApiRecord } from './records.api.ts';

export interface DetailProps {
  entity: EntityMeta;
  record: ApiRecord;
}

export interface DetailTab {
  key: string;
  label: (t: TFunction) => string;
  /** Before the details tab instead of after the related lists (the details tab still opens first). */
  first?: boolean;
  Component: ComponentType<DetailProps>;
}

export interface DetailExtension {
  /** Shown between the record's title and its tabs. */
  Panel?: ComponentType<DetailProps>;
  tabs?: DetailTab[];
}

const byType = new Map<string, DetailExtension[]>();

export function registerDetailExtension(recordType: string, extension: DetailExtension): void {
  byType.set(recordType, [...(byType.get(recordType) ?? []), extension]);
}

export const detailExtensions = (recordType: string): DetailExtension[] => byType.get(recordType) ?? [];

export interface FormNoticeProps {
  entity: EntityMeta;
  /** The form's current values (API field names; custom fields under `custom`). */
  values: Record<string, unknown>;
  /** The record being edited; undefined while creating. */
  record?: ApiRecord;
}

const formNotices = new Map<string, ComponentType<FormNoticeProps>[]>();

export function registerFormNotice(recordType: string, notice: ComponentType<FormNoticeProps>): void {
  formNotices.set(recordType, [...(formNotices.get(recordType) ?? []), notice]);
}

export const formNoticesOf = (recordType: string): ComponentType<FormNoticeProps>[] => formNotices.get(recordType) ?? [];

export interface FieldGroupInputProps {
  entity: EntityMeta;
  /** The group's fields present on this form, in the group's order. */
  fields: FieldMeta[];
  /** Current values of the group's fields, by field name. */
  value: Record<string, unknown>;
  /** New values of the group's fields (null clears one). */
  onChange: (value: Record<string, unknown>) => void;
  id?: string;
  autoFocus?: boolean;
  'aria-label'?: string;
}

export interface FieldGroupInput {
  /** Built-in fields the one input fills, in order; the group takes the place of the first one present. */
  fields: string[];
  label: (t: TFunction) => string;
  Input: ComponentType<FieldGroupInputProps>;
  /** How the group reads on the card; without it the values joined by " / ". */
  Value?: ComponentType<DetailProps>;
}

const groupInputs = new Map<string, FieldGroupInput[]>();

/** Replaces the inputs of `group.fields` on the type's form and inline on its card by one input. */
export function registerFieldGroupInput(recordType: string, group: FieldGroupInput): void {
  groupInputs.set(recordType, [...(groupInputs.get(recordType) ?? []), group]);
}

export const fieldGroupInputsOf = (recordType: string): FieldGroupInput[] => groupInputs.get(recordType) ?? [];

export interface FilterChoicesProps {
  'aria-label': string;
  /** The chosen values (the filter's `in` list). */
  value: string[];
  onChange: (value: string[]) => void;
}

const filterChoices = new Map<string, ComponentType<FilterChoicesProps>>();

/** The list filter of a text field offers choices instead of "contains" (a customer's province from the list). */
export function registerFilterChoices(recordType: string, field: string, Choices: ComponentType<FilterChoicesProps>): void {
  filterChoices.set(`${recordType}.${field}`, Choices);
}

export const filterChoicesOf = (recordType: string, field: string): ComponentType<FilterChoicesProps> | undefined =>
  filterChoices.get(`${recordType}.${field}`);
