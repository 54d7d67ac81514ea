// The contracts part's calls beyond the generic record pages: renew, a contract from a quote, a customer's contracts.
import { useQuery } from '@tanstack/react-query';
import type { ListResponse } from '@guanxi/contracts';
import { api, ApiError } from '../../../platform/api.ts';
import type { ApiRecord } from '../../records/records.api.ts';

export const renewContract = (id: string): Promise<ApiRecord> => api.post<ApiRecord>(`/contracts/${id}/renew`);

/** A contract from the quote; when one was made already, the existing one's id (409 CONTRACT_EXISTS). */
export async function contractFromQuote(
  quoteId: string,
  findExisting: (quoteId: string) => Promise<string | undefined>,
): Promise<{ contract?: ApiRecord; existingId?: string }> {
  try {
    return { contract: await api.post<ApiRecord>(`/contracts/from-quote/${quoteId}`) };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'CONTRACT_EXISTS') {
      const existingId = await findExisting(quoteId);
      if (existingId) return { existingId };
    }
    throw err;
  }
}

/** The live contract made from this quote revision, if the caller may see it. */
export const contractOfQuote = async (quoteId: string): Promise<string | undefined> =>
  (await api.get<ListResponse<ApiRecord>>(`/contracts?filter[quoteId][eq]=${quoteId}&limit=1&fields=number`)).items[0]?.id;

export const customerContractsKey = (customerId: string) => ['records', 'contracts', 'customer', customerId] as const;

export const useCustomerContracts = (customerId: string) =>
  useQuery({
    queryKey: customerContractsKey(customerId),
    queryFn: () =>
      api.get<ListResponse<ApiRecord>>(`/contracts?filter[customerId][eq]=${customerId}&sort=-startDate&limit=100&total=true`),
  });
