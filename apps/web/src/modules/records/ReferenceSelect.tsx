// Picks the record a reference field points at by typing part of its name: users, org units, or records of any
// type (searched on the server, so pinyin and access rules apply). Shows the current value's title when known.
import { useState } from 'react';
import { useDebounced } from '../../platform/useDebounced.ts';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ListResponse, OrgUnit, UserSummary } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { useMeta } from '../../platform/meta.ts';
import type { ApiRecord } from './records.api.ts';

interface Option {
  value: string;
  label: string;
}

interface LookupOption extends Option {
  inactive?: boolean;
}

function useOptions(reference: string, search: string, parent: string | undefined): { options: Option[]; loading: boolean } {
  const meta = useMeta();
  const target = meta.data?.find((e) => e.name === reference);
  const q = encodeURIComponent(search.trim());
  // Neither a person, a unit nor a record type: a lookup (a pipeline's stages, …), listed whole and filtered here.
  const isLookup = !!meta.data && !target && reference !== 'user' && reference !== 'orgUnit';
  const query = useQuery({
    queryKey: ['referenceOptions', reference, isLookup ? (parent ?? '') : search.trim()],
    enabled: reference === 'user' || reference === 'orgUnit' || !!target || isLookup,
    queryFn: async (): Promise<Option[]> => {
      if (isLookup) {
        const found = await api.get<{ items: LookupOption[] }>(`/lookups/${reference}${parent ? `?parent=${parent}` : ''}`);
        return found.items.filter((o) => !o.inactive).map((o) => ({ value: o.value, label: o.label }));
      }
      if (reference === 'user') {
        const users = await api.get<ListResponse<UserSummary>>(`/users?active=true&limit=20${q ? `&q=${q}` : ''}`);
        return users.items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
      }
      if (reference === 'orgUnit') {
        const units = await api.get<{ items: OrgUnit[] }>('/org-units');
        const wanted = search.trim();
        return units.items.filter((u) => !wanted || u.name.includes(wanted)).map((u) => ({ value: u.id, label: u.name }));
      }
      const records = await api.get<ListResponse<ApiRecord>>(`/${target!.plural}?limit=20${q ? `&q=${q}` : ''}`);
      return records.items.map((r) => ({ value: r.id, label: String(r[target!.titleField] ?? r.id) }));
    },
  });
  const wanted = search.trim();
  const options = isLookup && wanted ? (query.data ?? []).filter((o) => o.label.includes(wanted)) : (query.data ?? []);
  return { options, loading: query.isFetching };
}

interface Props {
  reference: string;
  value?: string | null;
  /** Title of the current value, so it shows as a name before any search. */
  title?: string;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
  allowClear?: boolean;
  /** For a lookup narrowed by another field (a stage by its pipeline): that field's current value. */
  parent?: string;
}

export function ReferenceSelect({ reference, value, title, onChange, allowClear = true, parent, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { options, loading } = useOptions(reference, useDebounced(search), parent);
  const withCurrent =
    value && !options.some((o) => o.value === value)
      ? [{ value, label: title ?? t('records.selectedRecord') }, ...options]
      : options;
  return (
    <Select
      {...rest}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      options={withCurrent}
      loading={loading}
      allowClear={allowClear}
      notFoundContent={loading ? t('common.loading') : t('records.noMatches')}
      style={{ width: '100%' }}
    />
  );
}
