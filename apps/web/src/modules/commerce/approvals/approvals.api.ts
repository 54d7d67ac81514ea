// Data of the approval pages: the caller's inbox (pending or decided), how many steps wait for them, a record's
// rounds, and a decision.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ApprovalDecisionInput, ApprovalInbox, ApprovalRecordTypeName, RecordApprovals } from '@guanxi/contracts';
import { api } from '../../../platform/api.ts';

export const approvalKeys = {
  all: ['approvals'] as const,
  inbox: (status: 'pending' | 'decided') => ['approvals', 'inbox', status] as const,
  count: ['approvals', 'count'] as const,
  record: (recordType: string, recordId: string) => ['approvals', 'record', recordType, recordId] as const,
};

export const useApprovalInbox = (status: 'pending' | 'decided') =>
  useQuery({
    queryKey: approvalKeys.inbox(status),
    queryFn: () => api.get<ApprovalInbox>(`/approvals?status=${status}`),
  });

export const useApprovalCount = () =>
  useQuery({
    queryKey: approvalKeys.count,
    queryFn: () => api.get<{ pending: number }>('/approvals/count').then((r) => r.pending),
    staleTime: 30_000,
  });

export const useRecordApprovals = (recordType: ApprovalRecordTypeName, recordId: string) =>
  useQuery({
    queryKey: approvalKeys.record(recordType, recordId),
    queryFn: () => api.get<RecordApprovals>(`/approvals/${recordType}/${recordId}`),
  });

export const decideApproval = (recordType: ApprovalRecordTypeName, recordId: string, body: ApprovalDecisionInput) =>
  api.post<{ outcome: 'pending' | 'approved' | 'rejected' }>(`/approvals/${recordType}/${recordId}/decision`, body);

/** After a decision every approval view is stale: the inbox, the badge, the record's rounds. */
export const refreshApprovals = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: approvalKeys.all });
