// 审批记录 on a quote's page: the approval rounds (the approvals part's ApprovalHistory); a decision taken here reloads
// the quote, whose status follows it.
import { useQueryClient } from '@tanstack/react-query';
import type { DetailProps } from '../../records/pageExtensions.ts';
import { recordKeys } from '../../records/records.api.ts';
import { ApprovalHistory } from '../approvals/ApprovalHistory.tsx';

export function QuoteApprovalsTab({ record }: DetailProps) {
  const queryClient = useQueryClient();
  return (
    <ApprovalHistory
      recordType="quote"
      recordId={record.id}
      recordName={String(record.title ?? '')}
      bare
      onDecided={() => void queryClient.invalidateQueries({ queryKey: recordKeys.type('quotes') })}
    />
  );
}
