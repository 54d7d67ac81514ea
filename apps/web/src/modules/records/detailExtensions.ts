// How a module adds to the generic detail page of its record types without writing its own page: a panel above
// the tabs (a customer's identifiers and quick actions) and extra tabs (a customer's timeline). Modules register
// at import time; the detail page asks for the extensions of the type it shows.
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
  /** Before the details tab (and opened first) instead of after the related lists. */
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
