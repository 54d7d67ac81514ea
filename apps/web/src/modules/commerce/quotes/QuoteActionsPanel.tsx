// Above a quote's tabs: its status and total, and what may be done next — 提交审批 (draft or rejected), 发送 (approved),
// 客户接受 / 客户拒绝 (sent), 新建修订版 (any but superseded and accepted), the order an acceptance made, 下载 PDF.
// Actions need the right to change the quote; the server decides and says why not.
import { useState } from 'react';
import { App, Button, Card, Flex, Space, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/formErrors.ts';
import type { DetailProps } from '../../records/pageExtensions.ts';
import { recordKeys } from '../../records/records.api.ts';
import { quoteKeys, quotePdfUrl, runQuoteAction, type QuoteAction } from './quotes.api.ts';
import { percentText, yuan } from './quoteFormat.ts';
import type { quotesZhCN } from './quotes.messages.zh-CN.ts';

type Status = keyof typeof quotesZhCN.status;

const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  pendingApproval: 'processing',
  approved: 'success',
  rejected: 'error',
  sent: 'blue',
  accepted: 'green',
  declined: 'volcano',
  superseded: 'default',
  expired: 'warning',
};

const ACTIONS_BY_STATUS: Record<string, QuoteAction[]> = {
  draft: ['submit', 'revise'],
  rejected: ['submit', 'revise'],
  pendingApproval: ['revise'],
  approved: ['send', 'decline', 'revise'],
  sent: ['accept', 'decline', 'revise'],
  declined: ['revise'],
  expired: ['revise'],
};

export function QuoteActionsPanel({ record }: DetailProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<QuoteAction | null>(null);
  const status = String(record.status ?? 'draft') as Status;
  const canAct = Boolean(record.access?.update);
  const actions = canAct ? (ACTIONS_BY_STATUS[status] ?? []) : [];

  const run = async (action: QuoteAction) => {
    setBusy(action);
    try {
      const result = await runQuoteAction(record.id, action);
      void queryClient.invalidateQueries({ queryKey: recordKeys.type('quotes') });
      void queryClient.invalidateQueries({ queryKey: quoteKeys.lines(record.id) });
      void queryClient.invalidateQueries({ queryKey: quoteKeys.revisions(record.id) });
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
      void message.success(
        t(`commerce.quotes.actions.done.${action}`, { status: t(`commerce.quotes.status.${String(result.status) as Status}`) }),
      );
      if (action === 'revise') void navigate(`/quotes/${result.id}`);
    } catch (error) {
      void message.error(errorMessage(t, error));
    } finally {
      setBusy(null);
    }
  };
  const confirmThen = (action: QuoteAction) =>
    action === 'accept' || action === 'decline' || action === 'revise'
      ? modal.confirm({
          title: t(`commerce.quotes.actions.confirm.${action}`),
          okText: t(`commerce.quotes.actions.${action}`),
          cancelText: t('commerce.quotes.editor.cancel'),
          onOk: () => run(action),
        })
      : void run(action);

  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap size={[12, 4]}>
          <Tag color={STATUS_COLORS[status]} data-testid="quote-status">
            {t(`commerce.quotes.status.${status}`)}
          </Tag>
          <Typography.Text strong>{yuan(String(record.grossTotal ?? '0'))}</Typography.Text>
          <Typography.Text type="secondary">
            {t('commerce.quotes.panel.largestDiscount', { percent: percentText(String(record.effectiveDiscountPercent ?? '0')) })}
          </Typography.Text>
          {typeof record.validUntil === 'string' && (
            <Typography.Text type="secondary">
              {t('commerce.quotes.panel.validUntil', { date: record.validUntil })}
            </Typography.Text>
          )}
          {typeof record.orderId === 'string' && <Link to={`/orders/${record.orderId}`}>{t('commerce.quotes.panel.order')}</Link>}
        </Space>
        <Space wrap>
          {actions.map((action) => (
            <Button
              key={action}
              type={action === 'submit' || action === 'send' || action === 'accept' ? 'primary' : 'default'}
              danger={action === 'decline'}
              loading={busy === action}
              disabled={busy !== null && busy !== action}
              onClick={() => confirmThen(action)}
            >
              {t(`commerce.quotes.actions.${action}`)}
            </Button>
          ))}
          <Button href={quotePdfUrl(record.id)} download>
            {t('commerce.quotes.actions.pdf')}
          </Button>
        </Space>
      </Flex>
    </Card>
  );
}
