// Records for the command palette from GET /search, asked for only after typing pauses.
import { useQuery } from '@tanstack/react-query';
import type { SearchResponse } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { useDebounced } from '../../platform/useDebounced.ts';

const PER_TYPE = 5;

export function useRecordSearch(query: string) {
  const q = useDebounced(query.trim());
  return useQuery({
    queryKey: ['search', q],
    queryFn: () => api.get<SearchResponse>(`/search?q=${encodeURIComponent(q)}&limit=${PER_TYPE}`),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
}
