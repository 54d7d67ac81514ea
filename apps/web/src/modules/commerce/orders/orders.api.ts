// Data of the order pages: progress through the stages, lines, expenses and profit of one order, purchase batches and
// order types — and the writes on them. After a write the order's own record (status, totals, version) is stale too.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type {
  CompleteStageInput,
  DirectOrderInput,
  OrderExpense,
  OrderExpenseInput,
  OrderLines,
  OrderLinesInput,
  OrderProfit,
  OrderProgress,
  OrderType,
  OrderTypeInput,
  PurchaseBatch,
} from '@guanxi/contracts';
import { api, request } from '../../../platform/api.ts';
import { recordKeys, type ApiRecord } from '../../records/records.api.ts';

export const orderKeys = {
  order: (id: string) => ['orders', id] as const,
  progress: (id: string) => ['orders', id, 'progress'] as const,
  lines: (id: string) => ['orders', id, 'lines'] as const,
  expenses: (id: string) => ['orders', id, 'expenses'] as const,
  profit: (id: string) => ['orders', id, 'profit'] as const,
  batches: (status: 'open' | 'closed') => ['purchaseBatches', status] as const,
  types: ['orderTypes'] as const,
};

export const useOrderProgress = (id: string) =>
  useQuery({ queryKey: orderKeys.progress(id), queryFn: () => api.get<OrderProgress>(`/orders/${id}/progress`) });
export const useOrderLines = (id: string) =>
  useQuery({ queryKey: orderKeys.lines(id), queryFn: () => api.get<OrderLines>(`/orders/${id}/lines`) });
export const useOrderExpenses = (id: string) =>
  useQuery({
    queryKey: orderKeys.expenses(id),
    queryFn: () => api.get<{ items: OrderExpense[] }>(`/orders/${id}/expenses`).then((r) => r.items),
  });
export const useOrderProfit = (id: string) =>
  useQuery({ queryKey: orderKeys.profit(id), queryFn: () => api.get<OrderProfit>(`/orders/${id}/profit`) });
export const usePurchaseBatches = (status: 'open' | 'closed') =>
  useQuery({
    queryKey: orderKeys.batches(status),
    queryFn: () => api.get<{ items: PurchaseBatch[] }>(`/purchase-batches?status=${status}`).then((r) => r.items),
  });
export const useOrderTypes = () =>
  useQuery({ queryKey: orderKeys.types, queryFn: () => api.get<{ items: OrderType[] }>('/order-types').then((r) => r.items) });

/** Everything shown of an order: its parts, its record, the batches its lines may have joined. */
export async function refreshOrder(queryClient: QueryClient, id: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: orderKeys.order(id) }),
    queryClient.invalidateQueries({ queryKey: recordKeys.type('orders') }),
    queryClient.invalidateQueries({ queryKey: ['purchaseBatches'] }),
  ]);
}

export const submitOrder = (id: string) => api.post<OrderProgress>(`/orders/${id}/submit`);
export const cancelOrder = (id: string, reason: string) => api.post<OrderProgress>(`/orders/${id}/cancel`, { reason });
export const completeStage = (id: string, stageId: string, body: CompleteStageInput) =>
  api.post<OrderProgress>(`/orders/${id}/stages/${stageId}/complete`, body);
export const reopenStage = (id: string, stageId: string, note: string | null) =>
  api.post<OrderProgress>(`/orders/${id}/stages/${stageId}/reopen`, { note });
export const setRush = (id: string, version: number, rush: boolean) =>
  request<ApiRecord>('PATCH', `/orders/${id}`, { rush }, { ifMatch: version });
export const saveOrderLines = (id: string, version: number, body: OrderLinesInput) =>
  request<OrderLines & { version: number }>('PUT', `/orders/${id}/lines`, body, { ifMatch: version });
export const createDirectOrder = (body: DirectOrderInput) => api.post<ApiRecord>('/orders/direct', body);
export const addExpense = (id: string, body: OrderExpenseInput) => api.post<OrderExpense>(`/orders/${id}/expenses`, body);
export const deleteExpense = (id: string, expenseId: string) => api.delete<void>(`/orders/${id}/expenses/${expenseId}`);
export const closeBatch = (id: string) => api.post<PurchaseBatch>(`/purchase-batches/${id}/close`, {});
export const saveOrderType = (body: OrderTypeInput, existing?: OrderType) =>
  existing
    ? request<OrderType>('PUT', `/order-types/${existing.id}`, body, { ifMatch: existing.version })
    : api.post<OrderType>('/order-types', body);
