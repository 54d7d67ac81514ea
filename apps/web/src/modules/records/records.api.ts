// Data of the generic record pages through TanStack Query: lists with filters and keyset paging, one record,
// its history and related lists, the recycle bin, bulk actions and saved views — for any record type.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AuditEntry, BulkResult, ListResponse, SavedView, SavedViewDefinition } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';

/** A record as the kit returns it: the type's fields, `custom` values, owner and org unit with their names. */
export type ApiRecord = Record<string, unknown> & {
  id: string;
  version: number;
  ownerId?: string;
  ownerName?: string | null;
  orgUnitName?: string | null;
  custom?: Record<string, unknown>;
  /** `edit`: the fields may change in the record's state (a submitted quote's may not); `update`: the caller's right. */
  access?: { update: boolean; edit?: boolean; delete: boolean; assign: boolean };
};

/** What a list shows: filters as the API's query parameters (`filter[name][contains]`), sort and columns. */
export type ListState = Required<SavedViewDefinition> & { q?: string };

export const recordKeys = {
  all: ['records'] as const,
  type: (plural: string) => ['records', plural] as const,
  list: (plural: string, query: string) => ['records', plural, 'list', query] as const,
  one: (plural: string, id: string) => ['records', plural, 'one', id] as const,
  history: (plural: string, id: string) => ['records', plural, 'history', id] as const,
  related: (plural: string, id: string, relation: string) => ['records', plural, 'related', id, relation] as const,
  views: (recordType: string) => ['savedViews', recordType] as const,
  team: (plural: string, id: string) => ['records', plural, 'team', id] as const,
};

/** The list's query string (without cursor and limit); the same string exports the view. */
export function listQuery(state: Pick<ListState, 'filters' | 'sort' | 'q'>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filters)) if (value !== '') params.set(key, value);
  if (state.sort) params.set('sort', state.sort);
  if (state.q?.trim()) params.set('q', state.q.trim());
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

export const PAGE_SIZE = 50;

/** Pages of a list, fetched one after another by the keyset cursor; the first page also counts the total. */
export function useRecordPages(plural: string, query: string, options: { deleted?: boolean } = {}) {
  const full = options.deleted ? `${query}${query ? '&' : ''}deleted=only` : query;
  return useInfiniteQuery({
    queryKey: recordKeys.list(plural, full),
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const paging = pageParam ? `cursor=${encodeURIComponent(pageParam)}` : 'total=true';
      return api.get<ListResponse<ApiRecord>>(`/${plural}?${full}${full ? '&' : ''}limit=${PAGE_SIZE}&${paging}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const useRecord = (plural: string, id: string) =>
  useQuery({ queryKey: recordKeys.one(plural, id), queryFn: () => api.get<ApiRecord>(`/${plural}/${id}`) });

export const useHistory = (plural: string, id: string) =>
  useQuery({
    queryKey: recordKeys.history(plural, id),
    queryFn: () => api.get<{ items: AuditEntry[] }>(`/${plural}/${id}/history?limit=200`).then((r) => r.items),
  });

export const useRelated = (plural: string, id: string, relation: string) =>
  useQuery({
    queryKey: recordKeys.related(plural, id, relation),
    queryFn: () => api.get<ListResponse<ApiRecord>>(`/${plural}/${id}/related/${relation}?limit=200&total=true`),
  });

export const useSavedViews = (recordType: string) =>
  useQuery({
    queryKey: recordKeys.views(recordType),
    queryFn: () =>
      api.get<{ items: SavedView[] }>(`/saved-views?recordType=${encodeURIComponent(recordType)}`).then((r) => r.items),
  });

export type BulkKind = 'bulk-update' | 'bulk-assign' | 'bulk-delete';

/** Sends a bulk action in chunks so the page can show progress; results keep the order of `ids`. */
export async function runBulk(
  plural: string,
  kind: BulkKind,
  ids: string[],
  body: Record<string, unknown>,
  onProgress: (done: number, results: BulkResult['results']) => void,
  chunkSize = 25,
): Promise<BulkResult['results']> {
  const results: BulkResult['results'] = [];
  for (let start = 0; start < ids.length; start += chunkSize) {
    const chunk = ids.slice(start, start + chunkSize);
    const answer = await api.post<BulkResult>(`/${plural}/${kind}`, { ...body, ids: chunk });
    results.push(...answer.results);
    onProgress(Math.min(start + chunk.length, ids.length), [...results]);
  }
  return results;
}

/** The CSV export of what the list shows; the browser downloads it with the session cookie. */
export const exportUrl = (plural: string, query: string): string => `/api/v1/${plural}/export${query ? `?${query}` : ''}`;

/** A member of a record's team: a user the record is shared with (the kit's record shares), read-only or to edit. */
export interface TeamMember {
  userId: string;
  userName: string;
  access: 'read' | 'edit';
  reason: 'share' | 'team';
  teamRole: string | null;
  createdAt: string;
}

export const useTeam = (plural: string, id: string) =>
  useQuery({
    queryKey: recordKeys.team(plural, id),
    queryFn: () => api.get<{ items: TeamMember[] }>(`/${plural}/${id}/shares`).then((r) => r.items),
  });
