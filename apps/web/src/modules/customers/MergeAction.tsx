// The 合并重复客户 button on the customer card, for those who may edit the customer.
import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DetailProps } from '../records/pageExtensions.ts';
import { MergeDialog } from './MergeDialog.tsx';

export function MergeAction({ entity, record }: DetailProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!record.access?.update) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('customers.merge.button')}</Button>
      {open && <MergeDialog entity={entity} record={record} onClose={() => setOpen(false)} />}
    </>
  );
}
