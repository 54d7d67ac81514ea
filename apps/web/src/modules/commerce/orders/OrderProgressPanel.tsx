// 订单进度 on an order's page: the status, 预计到货 (against the promised date), the rush switch, 提交审批 for a draft,
// the type's stages as steps with each one's expected or completion date, 完成此阶段 for the stage that may move next
// (quantities per line where the stage tracks them), 退回阶段 for those allowed, the approvals and the progress log.
import { useState } from 'react';
import { Alert, App, Button, Card, Collapse, Flex, Grid, Space, Steps, Switch, Tag, Timeline, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OrderStageProgress } from '@guanxi/contracts';
import { errorMessage, isStale } from '../../../platform/formErrors.ts';
import type { DetailProps } from '../../records/pageExtensions.ts';
import { ApprovalHistory } from '../approvals/ApprovalHistory.tsx';
import { refreshOrder, setRush, submitOrder, useOrderLines, useOrderProgress } from './orders.api.ts';
import { CompleteStageDialog } from './CompleteStageDialog.tsx';
import { ReopenStageDialog } from './ReopenStageDialog.tsx';
import { CancelOrderDialog } from './CancelOrderDialog.tsx';

const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  pendingApproval: 'gold',
  approved: 'blue',
  inProgress: 'processing',
  completed: 'success',
  cancelled: 'default',
};

function stepStatus(stage: OrderStageProgress, current: string | null): 'finish' | 'process' | 'wait' {
  if (stage.status === 'done') return 'finish';
  if (stage.status === 'partial' || stage.id === current) return 'process';
  return 'wait';
}

/** The earliest day `stage` may be dated: the order date, or the latest day an earlier stage was completed. */
function notBefore(stages: OrderStageProgress[], stage: OrderStageProgress, orderDate: string): string | null {
  const earlier = stages.slice(0, stages.indexOf(stage)).map((s) => (s.status === 'done' ? s.completedOn : null));
  return [orderDate, ...earlier].reduce<string | null>((a, b) => (b && (!a || b > a) ? b : a), null);
}

/** Statuses an order may be cancelled in (the server also refuses one delivered or paid in part). */
const CANCELLABLE = ['draft', 'pendingApproval', 'approved', 'inProgress'];

export function OrderProgressPanel({ record }: DetailProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const wide = Grid.useBreakpoint().lg === true;
  const progress = useOrderProgress(record.id);
  const lines = useOrderLines(record.id);
  const [completing, setCompleting] = useState<OrderStageProgress | null>(null);
  const [reopening, setReopening] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);
  const p = progress.data;
  if (progress.isError) return <Alert type="error" showIcon message={errorMessage(t, progress.error)} />;
  if (!p) return <Card loading size="small" />;

  const refresh = () => refreshOrder(queryClient, record.id);
  const act = async (work: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    try {
      await work();
      if (done) void message.success(done);
    } catch (err) {
      void message.error(isStale(err) ? t('commerce.orders.lines.stale') : errorMessage(t, err));
    } finally {
      setBusy(false);
      await refresh();
    }
  };
  const canEdit = Boolean(record.access?.update);
  const late = p.promisedDate && p.expectedArrivalDate && p.expectedArrivalDate > p.promisedDate;
  const nextStages = p.stages.filter((s) => s.completable);
  const lineNames = new Map((lines.data?.lines ?? []).map((l) => [l.id, l.name]));

  return (
    <Card size="small" title={t('commerce.orders.progress.title')} style={{ marginBottom: 16 }}>
      <Flex wrap gap={12} align="center" justify="space-between" style={{ marginBottom: 12 }}>
        <Space wrap size={[12, 8]}>
          <Tag color={STATUS_COLORS[p.status] ?? 'default'}>{t(`commerce.orders.status.${p.status}`, p.status)}</Tag>
          <span>
            <Typography.Text type="secondary">{t('commerce.orders.progress.expectedArrival')}：</Typography.Text>
            <Typography.Text strong data-testid="expected-arrival">
              {p.expectedArrivalDate ?? t('commerce.orders.progress.noDate')}
            </Typography.Text>
          </span>
          {p.promisedDate && (
            <Typography.Text type="secondary">{t('commerce.orders.progress.promised', { date: p.promisedDate })}</Typography.Text>
          )}
          {late && <Tag color="red">{t('commerce.orders.progress.late')}</Tag>}
        </Space>
        <Space wrap>
          <Space size={4}>
            <Switch
              size="small"
              checked={p.rush}
              disabled={!canEdit || busy || p.status === 'completed'}
              aria-label={t('commerce.orders.progress.rush')}
              onChange={(rush) =>
                void act(() => setRush(record.id, record.version, rush), t('commerce.orders.progress.rushSaved'))
              }
            />
            <Typography.Text>{t('commerce.orders.progress.rush')}</Typography.Text>
          </Space>
          {p.status === 'draft' && canEdit && (
            <Button
              type="primary"
              loading={busy}
              onClick={() =>
                void act(async () => {
                  const after = await submitOrder(record.id);
                  void message.success(
                    after.status === 'pendingApproval'
                      ? t('commerce.orders.progress.sentForApproval')
                      : t('commerce.orders.progress.approvedNow'),
                  );
                })
              }
            >
              {t('commerce.orders.progress.submit')}
            </Button>
          )}
          {nextStages.map((stage) => (
            <Button key={stage.id} type={p.status === 'draft' ? 'default' : 'primary'} onClick={() => setCompleting(stage)}>
              {t('commerce.orders.progress.complete', { stage: stage.name })}
            </Button>
          ))}
          {p.canReopen && p.stages.some((s) => s.status !== 'pending') && (
            <Button onClick={() => setReopening(true)}>{t('commerce.orders.progress.reopen')}</Button>
          )}
          {canEdit && CANCELLABLE.includes(p.status) && (
            <Button danger onClick={() => setCancelling(true)}>
              {t('commerce.orders.cancel.action')}
            </Button>
          )}
        </Space>
      </Flex>
      {p.rush && <Alert type="warning" showIcon message={t('commerce.orders.progress.rushOn')} style={{ marginBottom: 12 }} />}
      {p.status === 'draft' && (
        <Typography.Paragraph type="secondary">{t('commerce.orders.progress.draftHint')}</Typography.Paragraph>
      )}
      <Steps
        size="small"
        direction={wide ? 'horizontal' : 'vertical'}
        labelPlacement={wide ? 'vertical' : 'horizontal'}
        current={Math.max(
          0,
          p.stages.findIndex((s) => s.id === p.currentStageId),
        )}
        items={p.stages.map((stage) => ({
          title: stage.name,
          status: stepStatus(stage, p.currentStageId),
          subTitle: stage.status === 'partial' ? t('commerce.orders.progress.partial') : undefined,
          description: (
            <span data-testid={`stage-${stage.name}`}>
              {stage.status === 'done' && stage.completedOn
                ? t('commerce.orders.progress.completedOn', { date: stage.completedOn })
                : stage.expectedDate
                  ? t('commerce.orders.progress.expected', { date: stage.expectedDate })
                  : ''}
              {stage.completedByName ? ` · ${stage.completedByName}` : ''}
              {stage.milestone ? ` · ${t(`commerce.orders.progress.milestone.${stage.milestone}`)}` : ''}
            </span>
          ),
        }))}
      />
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'events',
            label: t('commerce.orders.progress.events'),
            children: p.events.length ? (
              <Timeline
                items={p.events
                  .filter((e) => e.orderLineId === null)
                  .map((e) => {
                    const stage = p.stages.find((s) => s.id === e.stageId)?.name ?? '';
                    const parts = p.events
                      .filter((x) => x.orderLineId && x.stageId === e.stageId && x.at === e.at && x.userId === e.userId)
                      .map((x) =>
                        t('commerce.orders.progress.quantityOf', {
                          name: lineNames.get(x.orderLineId!) ?? '',
                          quantity: x.quantity,
                        }),
                      );
                    return {
                      color: e.kind === 'reopen' ? 'red' : e.kind === 'partial' ? 'blue' : 'green',
                      children: (
                        <>
                          <Typography.Text strong>
                            {stage} {t(`commerce.orders.progress.eventKinds.${e.kind}`, e.kind)}
                          </Typography.Text>{' '}
                          <Typography.Text type="secondary" data-testid="event-day">
                            {e.on} · {e.userName}
                          </Typography.Text>
                          {parts.length > 0 && <div>{parts.join('，')}</div>}
                          {e.amount && <div>¥{e.amount}</div>}
                          {e.note && <div>{e.note}</div>}
                        </>
                      ),
                    };
                  })}
              />
            ) : (
              <Typography.Text type="secondary">{t('commerce.orders.progress.noEvents')}</Typography.Text>
            ),
          },
          ...(p.status !== 'draft'
            ? [
                {
                  key: 'approvals',
                  label: t('commerce.orders.progress.approvals'),
                  children: (
                    <ApprovalHistory
                      recordType="order"
                      recordId={record.id}
                      recordName={String(record.number ?? '')}
                      bare
                      onDecided={() => void refresh()}
                    />
                  ),
                },
              ]
            : []),
        ]}
        defaultActiveKey={p.status === 'pendingApproval' ? ['approvals'] : []}
      />
      {completing && (
        <CompleteStageDialog
          orderId={record.id}
          stage={completing}
          lines={lines.data?.lines ?? []}
          notBefore={notBefore(p.stages, completing, String(record.orderDate ?? ''))}
          onClose={(done) => {
            setCompleting(null);
            if (done) void refresh();
          }}
        />
      )}
      {cancelling && (
        <CancelOrderDialog
          orderId={record.id}
          onClose={(done) => {
            setCancelling(false);
            if (done) void refresh();
          }}
        />
      )}
      {reopening && (
        <ReopenStageDialog
          orderId={record.id}
          stages={p.stages.filter((s) => s.status !== 'pending')}
          onClose={(done) => {
            setReopening(false);
            if (done) void refresh();
          }}
        />
      )}
    </Card>
  );
}
