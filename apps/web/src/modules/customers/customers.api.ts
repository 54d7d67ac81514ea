// Data of the customer card's own panels and inputs: identifier types and a customer's identifiers (phones, plates,
// policy numbers …), added and removed through the customer so its access rules decide; the bundled list of China's
// regions. (A customer's account team is the records module's generic team panel.)
import { useQuery } from '@tanstack/react-query';
import type { Identifier, IdentifierType } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';

export type { Identifier, IdentifierType };

export const customerKeys = {
  identifierTypes: ['identifierTypes'] as const,
  identifiers: (customerId: string) => ['customers', customerId, 'identifiers'] as const,
  regions: ['regions'] as const,
};

export const useIdentifierTypes = () =>
  useQuery({
    queryKey: customerKeys.identifierTypes,
    queryFn: () => api.get<{ items: IdentifierType[] }>('/identifier-types').then((r) => r.items),
    staleTime: 5 * 60_000,
  });

export const useIdentifiers = (customerId: string) =>
  useQuery({
    queryKey: customerKeys.identifiers(customerId),
    queryFn: () => api.get<{ items: Identifier[] }>(`/customers/${customerId}/identifiers`).then((r) => r.items),
  });

/** A province, city or district of GET /api/v1/regions (districts only where the list bundles them). */
export interface Region {
  name: string;
  children?: Region[];
}

export const useRegions = () =>
  useQuery({
    queryKey: customerKeys.regions,
    queryFn: () => api.get<{ items: Region[] }>('/regions').then((r) => r.items),
    // The list changes only with a release.
    staleTime: Infinity,
  });
