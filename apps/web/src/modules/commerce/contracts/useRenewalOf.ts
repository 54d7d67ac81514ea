// The contract that renewed this one (the kit's related list `renewals`), asked only when the contract is 已续签.
import { useQuery } from '@tanstack/react-query';
import type { ListResponse } from '@guanxi/contracts';
import { api } from '../../../platform/api.ts';
import { recordKeys, type ApiRecord } from '../../records/records.api.ts';

export function useRenewalOf(id: string, renewed: boolean): string | undefined {
  const related = useQuery({
    queryKey: recordKeys.related('contracts', id, 'renewals'),
    queryFn: () => api.get<ListResponse<ApiRecord>>(`/contracts/${id}/related/renewals?limit=200&total=true`),
    enabled: renewed,
  });
  return related.data?.items[0]?.id;
}

/** The number of the contract this one renews (its title is a name, often the same as this one's). */
export function useRenewedFromNumber(renewedFromId: unknown): string | undefined {
  const id = typeof renewedFromId === 'string' ? renewedFromId : '';
  const previous = useQuery({
    queryKey: recordKeys.one('contracts', id),
    queryFn: () => api.get<ApiRecord>(`/contracts/${id}`),
    enabled: id !== '',
  });
  return typeof previous.data?.number === 'string' ? previous.data.number : undefined;
}
