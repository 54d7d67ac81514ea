// The quotes API as the web app uses it: a quote's lines (read; saved whole with the quote's version), the actions of
// its flow, its revisions, and the address of its PDF.
import { useQuery } from '@tanstack/react-query';
import type { ListResponse, QuoteLines, QuoteLinesInput } from '@guanxi/contracts';
import { api, request } from '../../../platform/api.ts';
import type { ApiRecord } from '../../records/records.api.ts';

export const quoteKeys = {
  lines: (id: string) => ['quotes', id, 'lines'] as const,
  revisions: (id: string) => ['quotes', id, 'revisions'] as const,
};

export const useQuoteLines = (id: string) =>
  useQuery({ queryKey: quoteKeys.lines(id), queryFn: () => api.get<QuoteLines>(`/quotes/${id}/lines`) });

export const saveQuoteLines = (id: string, version: number, body: QuoteLinesInput) =>
  request<QuoteLines>('PUT', `/quotes/${id}/lines`, body, { ifMatch: version });

export type QuoteAction = 'submit' | 'send' | 'accept' | 'decline' | 'revise';
export const runQuoteAction = (id: string, action: QuoteAction) => api.post<ApiRecord>(`/quotes/${id}/${action}`);

export const useQuoteRevisions = (id: string) =>
  useQuery({ queryKey: quoteKeys.revisions(id), queryFn: () => api.get<ListResponse<ApiRecord>>(`/quotes/${id}/revisions`) });

export const quotePdfUrl = (id: string) => `/api/v1/quotes/${id}/pdf`;
