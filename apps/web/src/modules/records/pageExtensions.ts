// How a module adds to the generic pages of its record types without writing its own: on the detail page a panel
// above the tabs (a customer's identifiers and quick actions) and extra tabs (a customer's timeline); on the form a
// notice above the fields that follows what is typed (likely duplicates). Modules register at import time.
import type { ComponentType } from 'react';
import type { TFunction } from 'i18next';
import type { EntityMeta } from '@guanxi/contracts';
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
