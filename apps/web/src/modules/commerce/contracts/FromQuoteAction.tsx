// On an approved, sent or accepted quote's page: 生成合同 — a draft contract from the quote (customer, amount, terms), then
// its page. A quote that already has a contract opens that one. Shown to those who may create contracts.
import { useState } from 'react';
import { Alert, App, Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/formErrors.ts';
import { useMeta } from '../../../platform/meta.ts';
import type { DetailProps } from '../../records/pageExtensions.ts';
import { recordKeys } from '../../records/records.api.ts';
import { contractFromQuote, contractOfQuote } from './contracts.api.ts';

const CONTRACTABLE = ['approved', 'sent', 'accepted'] as const;

export function FromQuoteAction({ record }: DetailProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const contract = useMeta().data?.find((e) => e.name === 'contract');
  const [making, setMaking] = useState(false);
  const status = CONTRACTABLE.find((s) => s === record.status);
  if (!status || !contract || (contract.permissions.create ?? 'none') === 'none') return null;

  const make = async () => {
    setMaking(true);
    try {
      const { contract: made, existingId } = await contractFromQuote(record.id, contractOfQuote);
      await queryClient.invalidateQueries({ queryKey: recordKeys.type('contracts') });
      if (made) void message.success(t('commerce.contracts.fromQuote.done', { number: String(made.number) }));
      else void message.info(t('commerce.contracts.fromQuote.exists'));
      void navigate(`/contracts/${made?.id ?? existingId}`);
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setMaking(false);
    }
  };

  return (
    <Alert
      style={{ marginBottom: 16 }}
      type="info"
      message={t('commerce.contracts.fromQuote.hint', { status: t(`commerce.contracts.fromQuote.${status}`) })}
      action={
        <Button type="primary" size="small" loading={making} onClick={() => void make()}>
          {t('commerce.contracts.fromQuote.action')}
        </Button>
      }
    />
  );
}
