// 执行计划 on an order's page: the instalment plan (分期收款) with 登记收款, the payments received, and the delivery
// schedule (交付计划). Data and rules are the server's; each section reloads after a write.
import { useState } from 'react';
import { Alert, Divider, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/formErrors.ts';
import type { DetailProps } from '../../records/pageExtensions.ts';
import { DeliveriesSection } from './DeliveriesSection.tsx';
import { InstalmentsSection } from './InstalmentsSection.tsx';
import { PaymentDialog } from './PaymentDialog.tsx';
import { PaymentsSection } from './PaymentsSection.tsx';
import { useInstalmentPlan } from './receivables.api.ts';

export function ExecutionPlanTab({ record }: DetailProps) {
  const { t } = useTranslation();
  const plan = useInstalmentPlan(record.id);
  const [paying, setPaying] = useState(false);
  if (plan.isError) return <Alert type="error" showIcon message={errorMessage(t, plan.error)} />;
  if (!plan.data) return <Skeleton active />;
  return (
    <>
      <InstalmentsSection plan={plan.data} onPay={() => setPaying(true)} />
      <Divider />
      <PaymentsSection orderId={record.id} canEdit={plan.data.canEdit} />
      <Divider />
      <DeliveriesSection orderId={record.id} />
      {paying && <PaymentDialog orderId={record.id} customerId={String(record.customerId)} onClose={() => setPaying(false)} />}
    </>
  );
}
