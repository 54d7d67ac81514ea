// A record's approval rounds, newest first: who asked for which discount and amount when, each step with its
// approving unit and role, status, who decided when and with what comment. When the pending step is the viewer's,
// 批准 / 驳回 buttons open the decision dialog. For the quote and order pages to embed.
import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalRecordTypeName, ApprovalRound, ApprovalStep } from '@guanxi/contracts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { formatDateTime } from '../../records/fieldValues.ts';
import { useRecordApprovals } from './approvals.api.ts';
import { DecisionDialog } from './DecisionDialog.tsx';
import { formatAmount, formatPercent } from './approvals.format.ts';

const STEP_COLORS: Record<ApprovalStep['status'], string> = {
  waiting: 'default',
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  cancelled: 'default',
};
const ROUND_COLORS: Record<ApprovalRound['status'], string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  cancelled: 'default',
};
const DOT_COLORS: Record<ApprovalStep['status'], string> = {
  waiting: 'gray',
  pending: 'blue',
  approved: 'green',
  rejected: 'red',
  cancelled: 'gray',
};

export interface ApprovalHistoryProps {
  recordType: ApprovalRecordTypeName;
  recordId: string;
  /** How the decision dialog names the record (its number and title). */
  recordName?: string;
  /** After the viewer decided: the record's status may have changed, the page reloads it. */
  onDecided?: (outcome: 'pending' | 'approved' | 'rejected') => void;
  /** Without the card frame, e.g. inside a tab. */
  bare?: boolean;
}

export function ApprovalHistory({ recordType, recordId, recordName, onDecided, bare }: ApprovalHistoryProps) {
  const { t } = useTranslation();
  const approvals = useRecordApprovals(recordType, recordId);
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const rounds = approvals.data?.rounds ?? [];
  const body = approvals.isError ? (
    <Alert type="error" showIcon message={errorMessage(t, approvals.error)} />
  ) : rounds.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('commerce.approvals.history.empty')} />
  ) : (
    <Flex vertical gap={16}>
      {approvals.data?.canDecide && (
        <Alert
          type="warning"
          showIcon
          message={t('commerce.approvals.history.yourTurn')}
          action={
            <Space wrap>
              <Button type="primary" onClick={() => setDeciding('approve')}>
                {t('commerce.approvals.approve')}
              </Button>
              <Button danger onClick={() => setDeciding('reject')}>
                {t('commerce.approvals.reject')}
              </Button>
            </Space>
          }
        />
      )}
      {rounds.map((round) => (
        <RoundView key={round.round} round={round} />
      ))}
    </Flex>
  );
  const name = recordName ?? t(`commerce.approvals.recordTypes.${recordType}`);
  return (
    <>
      {bare ? (
        body
      ) : (
        <Card size="small" title={t('commerce.approvals.history.title')} loading={approvals.isPending}>
          {body}
        </Card>
      )}
      {deciding && (
        <DecisionDialog
          recordType={recordType}
          recordId={recordId}
          decision={deciding}
          name={name}
          onClose={() => setDeciding(null)}
          onDone={onDecided}
        />
      )}
    </>
  );
}

function RoundView({ round }: { round: ApprovalRound }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('commerce.approvals.history.round', { n: round.round })}>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('commerce.approvals.history.round', { n: round.round })}</Typography.Text>
        <Tag color={ROUND_COLORS[round.status]}>{t(`commerce.approvals.roundStatus.${round.status}`)}</Tag>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('commerce.approvals.history.requested', {
          who: round.requestedByName ?? '—',
          when: formatDateTime(round.requestedAt),
          percent: formatPercent(round.discountPercent),
          amount: formatAmount(round.amount),
        })}
      </Typography.Paragraph>
      <Timeline
        items={round.steps.map((step) => ({
          key: step.id,
          color: DOT_COLORS[step.status],
          children: (
            <>
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{step.stepName}</Typography.Text>
                <Tag color={STEP_COLORS[step.status]}>{t(`commerce.approvals.status.${step.status}`)}</Tag>
              </Flex>
              <Typography.Text type="secondary">
                {t('commerce.approvals.history.approver', { unit: step.orgUnitName ?? '—', role: step.roleName ?? '—' })}
              </Typography.Text>
              {step.decidedAt && (
                <div>
                  <Typography.Text>
                    {t('commerce.approvals.history.decided', {
                      who: step.decidedByName ?? '—',
                      when: formatDateTime(step.decidedAt),
                    })}
                  </Typography.Text>
                </div>
              )}
              {step.comment && (
                <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                  「{step.comment}」
                </Typography.Paragraph>
              )}
            </>
          ),
        }))}
      />
    </section>
  );
}
