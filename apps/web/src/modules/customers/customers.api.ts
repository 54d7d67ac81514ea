// Data of the customer card's own panels: identifier types and a customer's identifiers (phones, plates, policy
// numbers …), added and removed through the customer so its access rules decide.
import { useQuery } from '@tanstack/react-query';
import type { Identifier, IdentifierType } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';

export type { Identifier, IdentifierType };

export const customerKeys = {
  identifierTypes: ['identifierTypes'] as const,
  identifiers: (customerId: string) => ['customers', customerId, 'identifiers'] as const,
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
