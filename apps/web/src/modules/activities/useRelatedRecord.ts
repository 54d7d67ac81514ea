// The record an activity names as related (type + id): its type's metadata and its title, read through the kit so
// access applies — a record the user may not see comes back hidden rather than as an error.
import { useQuery } from '@tanstack/react-query';
import type { EntityMeta } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { useMeta } from '../../platform/meta.ts';
import { recordKeys, type ApiRecord } from '../records/records.api.ts';

export function useRelatedRecord(
  type: string | undefined,
  id: string | null,
): { target?: EntityMeta; title?: string; hidden: boolean; loading: boolean } {
  const target = useMeta().data?.find((e) => e.name === type);
  const query = useQuery({
    queryKey: recordKeys.one(target?.plural ?? '', id ?? ''),
    enabled: !!target && !!id,
    queryFn: () => api.get<ApiRecord>(`/${target!.plural}/${id}`),
    retry: false,
  });
  const title = query.data && target ? String(query.data[target.titleField] ?? '') : undefined;
  return { target, title, hidden: !!id && (!target || query.isError), loading: query.isLoading };
}
