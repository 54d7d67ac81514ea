// Data of the receivables pages: an order's instalment plan and delivery schedule (saved whole with their version),
// payments (preview, record, reverse), aging with its drill, and a customer's 应收款 figures. Types come from the
// contracts (packages/contracts/src/commerceReceivables.ts).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  AgingReport,
  CustomerReceivables,
  DeliveryPlan,
  DeliveryPlanInput,
  InstalmentPlan,
  InstalmentPlanInput,
  Payment,
  PaymentInput,
  PaymentPreview,
  ReceivableInstalmentsPage,
} from '@guanxi/contracts';
import { api, request } from '../../../platform/api.ts';

export const receivablesKeys = {
  all: ['receivables'] as const,
  instalments: (orderId: string) => ['receivables', 'instalments', orderId] as const,
  deliveries: (orderId: string) => ['receivables', 'deliveries', orderId] as const,
  payments: (orderId: string) => ['receivables', 'payments', orderId] as const,
  customer: (customerId: string) => ['receivables', 'customer', customerId] as const,
  aging: (query: string) => ['receivables', 'aging', query] as const,
  drill: (query: string) => ['receivables', 'drill', query] as const,
  dunningLetter: (orderId: string, instalmentId: string) => ['receivables', 'dunningLetter', orderId, instalmentId] as const,
};

export const useInstalmentPlan = (orderId: string) =>
  useQuery({
    queryKey: receivablesKeys.instalments(orderId),
    queryFn: () => api.get<InstalmentPlan>(`/orders/${orderId}/instalments`),
  });

export const saveInstalmentPlan = (orderId: string, version: number, body: InstalmentPlanInput) =>
  request<InstalmentPlan>('PUT', `/orders/${orderId}/instalments`, body, { ifMatch: version });

export const useDeliveryPlan = (orderId: string) =>
  useQuery({
    queryKey: receivablesKeys.deliveries(orderId),
    queryFn: () => api.get<DeliveryPlan>(`/orders/${orderId}/deliveries`),
  });

export const saveDeliveryPlan = (orderId: string, version: number, body: DeliveryPlanInput) =>
  request<DeliveryPlan>('PUT', `/orders/${orderId}/deliveries`, body, { ifMatch: version });

export const useOrderPayments = (orderId: string) =>
  useQuery({
    queryKey: receivablesKeys.payments(orderId),
    queryFn: () => api.get<{ items: Payment[] }>(`/payments?orderId=${orderId}`).then((r) => r.items),
  });

export const previewPayment = (body: PaymentInput) => api.post<PaymentPreview>('/payments/preview', body);
export const recordPayment = (body: PaymentInput) => api.post<Payment>('/payments', body);
export const reversePayment = (id: string) => api.post<Payment>(`/payments/${id}/reverse`, {});

export const useCustomerReceivables = (customerId: string) =>
  useQuery({
    queryKey: receivablesKeys.customer(customerId),
    queryFn: () => api.get<CustomerReceivables>(`/customers/${customerId}/receivables`),
  });

/** Query parameters without the empty ones. */
export const queryOf = (params: Record<string, string | undefined>): string =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();

export const useAging = (query: string) =>
  useQuery({
    queryKey: receivablesKeys.aging(query),
    placeholderData: keepPreviousData,
    queryFn: () => api.get<AgingReport>(`/receivables/aging?${query}`),
  });

export const useDrill = (query: string | null) =>
  useQuery({
    queryKey: receivablesKeys.drill(query ?? ''),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    queryFn: () => api.get<ReceivableInstalmentsPage>(`/receivables/instalments?${query}`),
  });

/** The customer's dunning letter of an overdue instalment (GET /orders/:id/instalments/:instalmentId/dunning-letter). */
export interface DunningLetter {
  subject: string;
  text: string;
  /** The customer's e-mail addresses, best first (empty when it has none). */
  to: string[];
  /** 1 for the first reminder. */
  level: number;
  daysOverdue: number;
}

export const useDunningLetter = (orderId: string, instalmentId: string) =>
  useQuery({
    queryKey: receivablesKeys.dunningLetter(orderId, instalmentId),
    queryFn: () => api.get<DunningLetter>(`/orders/${orderId}/instalments/${instalmentId}/dunning-letter`),
    retry: false,
  });
