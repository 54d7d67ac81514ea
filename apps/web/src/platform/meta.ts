// Metadata of the record types the signed-in user may use, in the interface language: the web app draws
// navigation, lists, detail pages and forms from it. Custom-field edits invalidate `metaKey`.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EntityMeta } from '@guanxi/contracts';
import { api } from './api.ts';

export const metaKey = ['meta'] as const;

export function useMeta() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...metaKey, i18n.language],
    queryFn: () => api.get<{ entities: EntityMeta[] }>('/meta').then((r) => r.entities),
    staleTime: 5 * 60_000,
  });
}

/** The record type whose URL segment is `plural` (e.g. `customers`), or undefined while loading or when unknown. */
export function useEntityMeta(plural: string | undefined) {
  const meta = useMeta();
  return { ...meta, entity: meta.data?.find((e) => e.plural === plural) };
}
