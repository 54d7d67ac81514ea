// Data of the sales pages: pipelines, the board of one pipeline, moving an opportunity to another stage, and lead
// conversion (its candidates and the conversion itself).
import { useQuery } from '@tanstack/react-query';
import type { Board, CustomerDuplicate, LeadConvert, LeadConvertResult, Pipeline } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';

export const salesKeys = {
  pipelines: ['pipelines'] as const,
  board: (pipelineId: string, filters: string) => ['board', pipelineId, filters] as const,
  candidates: (leadId: string) => ['leads', leadId, 'candidates'] as const,
};

export const usePipelines = () =>
  useQuery({
    queryKey: salesKeys.pipelines,
    queryFn: () => api.get<{ items: Pipeline[] }>('/pipelines').then((r) => r.items),
    staleTime: 60_000,
  });

/** `filters` is a list query string (`filter[orgUnitId][eq]=…`), the board's own filters. */
export const useBoard = (pipelineId: string | undefined, filters: string) =>
  useQuery({
    queryKey: salesKeys.board(pipelineId ?? '', filters),
    enabled: !!pipelineId,
    queryFn: () => api.get<Board>(`/opportunities/board/${pipelineId}${filters ? `?${filters}` : ''}`),
  });

export const boardColumnPage = (pipelineId: string, stageId: string, filters: string, cursor: string) =>
  api.get<Board>(
    `/opportunities/board/${pipelineId}?${filters ? `${filters}&` : ''}stageId=${stageId}&cursor=${encodeURIComponent(cursor)}`,
  );

export const moveOpportunity = (id: string, version: number, stageId: string, lossReason?: string) =>
  api.patch<Record<string, unknown>>(
    `/opportunities/${id}`,
    { stageId, ...(lossReason ? { lossReason } : {}) },
    { ifMatch: version },
  );

export const useConvertCandidates = (leadId: string, enabled: boolean) =>
  useQuery({
    queryKey: salesKeys.candidates(leadId),
    enabled,
    queryFn: () => api.get<{ candidates: CustomerDuplicate[] }>(`/leads/${leadId}/convert`).then((r) => r.candidates),
  });

export const convertLead = (leadId: string, body: LeadConvert) => api.post<LeadConvertResult>(`/leads/${leadId}/convert`, body);
