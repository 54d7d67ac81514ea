// On a contract's page: where it stands towards its end date (到期天数 tag, the reminder already sent, the contract it
// renews and the renewal that took over) and the 续签 action for those who may edit an active or expired contract.
import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorMessage } from '../../../platform/formErrors.ts';
import type { DetailProps } from '../../records/pageExtensions.ts';
import { formatDate } from '../../records/fieldValues.ts';
import { recordKeys } from '../../records/records.api.ts';
import { localToday, nextDay, renewalState, type RenewalState } from './contracts.logic.ts';
import { renewContract } from './contracts.api.ts';
import { useRenewalOf, useRenewedFromNumber } from './useRenewalOf.ts';

const RENEWABLE = ['active', 'expired'];

export function renewalTag(t: TFunction, state: RenewalState | undefined) {
  if (!state) return null;
  switch (state.kind) {
    case 'running':
      return <Tag color="blue">{t('commerce.contracts.renewal.daysLeft', { count: state.days })}</Tag>;
    case 'due':
      return (
        <Tag color="orange">
          {state.days === 0
            ? t('commerce.contracts.renewal.dueToday')
            : t('commerce.contracts.renewal.daysLeft', { count: state.days })}
        </Tag>
      );
    case 'overdue':
      return <Tag color="red">{t('commerce.contracts.renewal.overdue', { count: state.days })}</Tag>;
    case 'expired':
      return <Tag color="red">{t('commerce.contracts.renewal.expired')}</Tag>;
    case 'renewed':
      return <Tag color="green">{t('commerce.contracts.renewal.renewed')}</Tag>;
    case 'terminated':
      return <Tag>{t('commerce.contracts.renewal.terminated')}</Tag>;
  }
}

export function ContractRenewalPanel({ record }: DetailProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [renewing, setRenewing] = useState(false);
  const renewal = useRenewalOf(record.id, record.status === 'renewed');
  const titles = (record.titles ?? {}) as Record<string, string>;
  const previousNumber = useRenewedFromNumber(record.renewedFromId);
  const endDate = typeof record.endDate === 'string' ? record.endDate : null;
  const state = renewalState(record, localToday());
  const canRenew = Boolean(record.access?.update) && RENEWABLE.includes(String(record.status)) && endDate !== null;
  const name = String(record.name ?? record.number ?? '');

  const hasRenewalLinks = typeof record.renewedFromId === 'string' || renewal !== undefined;
  if (!state && !endDate && !hasRenewalLinks && !canRenew) return null;

  const renew = async () => {
    setRenewing(true);
    try {
      const created = await renewContract(record.id);
      await queryClient.invalidateQueries({ queryKey: recordKeys.type('contracts') });
      void message.success(t('commerce.contracts.renewal.done', { number: String(created.number) }));
      void navigate(`/contracts/${created.id}`);
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setRenewing(false);
    }
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }} role="region" aria-label={t('commerce.contracts.renewal.label')}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" wrap gap={8} style={{ minWidth: 0 }}>
          <span data-testid="contract-renewal-state">{renewalTag(t, state)}</span>
          {endDate && <Typography.Text>{t('commerce.contracts.renewal.endsOn', { date: endDate })}</Typography.Text>}
          {typeof record.renewalRemindedAt === 'string' && (
            <Typography.Text type="secondary">
              {t('commerce.contracts.renewal.reminded', { date: formatDate(record.renewalRemindedAt) })}
            </Typography.Text>
          )}
          {typeof record.renewedFromId === 'string' && (
            <Link to={`/contracts/${record.renewedFromId}`}>
              {t('commerce.contracts.renewal.renewedFrom', { number: previousNumber ?? titles.renewedFromId ?? '' })}
            </Link>
          )}
          {renewal && <Link to={`/contracts/${renewal}`}>{t('commerce.contracts.renewal.openRenewal')}</Link>}
        </Flex>
        {canRenew && (
          <Popconfirm
            title={t('commerce.contracts.renewal.renewTitle', { name })}
            description={
              <div style={{ maxWidth: 300 }}>{t('commerce.contracts.renewal.renewHint', { start: nextDay(endDate) })}</div>
            }
            okText={t('commerce.contracts.renewal.renew')}
            cancelText={t('records.cancel')}
            onConfirm={renew}
          >
            <Button type="primary" loading={renewing}>
              {t('commerce.contracts.renewal.renew')}
            </Button>
          </Popconfirm>
        )}
      </Flex>
    </Card>
  );
}
