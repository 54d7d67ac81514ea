// 收款记录 on an order's 执行计划 tab: its payments newest first, with the instalments each paid and the part kept as
// credit; those who may update the order reverse one (its allocations are undone, the record stays, struck through).
import { App, Button, Popconfirm, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Payment } from '@guanxi/contracts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { ResponsiveTable } from '../ResponsiveTable.tsx';
import { instalmentTitle } from './InstalmentsSection.tsx';
import { receivablesKeys, reversePayment, useOrderPayments } from './receivables.api.ts';
import { yuan } from './receivables.money.ts';

export function PaymentsSection({ orderId, canEdit }: { orderId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const payments = useOrderPayments(orderId);
  const reverse = async (payment: Payment) => {
    try {
      await reversePayment(payment.id);
      void message.success(t('commerce.receivables.payments.reversed', { number: payment.number }));
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
    void queryClient.invalidateQueries({ queryKey: receivablesKeys.all });
  };
  const struck = (p: Payment, text: string) => (p.reversedAt ? <Typography.Text delete>{text}</Typography.Text> : text);
  return (
    <section aria-labelledby="payments-title">
      <Typography.Title level={5} id="payments-title">
        {t('commerce.receivables.payments.title')}
      </Typography.Title>
      <ResponsiveTable<Payment>
        size="small"
        rowKey="id"
        loading={payments.isPending}
        dataSource={payments.data ?? []}
        pagination={false}
        locale={{ emptyText: t('commerce.receivables.payments.empty') }}
        columns={[
          {
            title: t('commerce.receivables.payments.number'),
            key: 'number',
            render: (_, p) => (
              <>
                {struck(p, p.number)} {p.reversedAt && <Tag>{t('commerce.receivables.payments.reversedTag')}</Tag>}
              </>
            ),
          },
          { title: t('commerce.receivables.payments.receivedOn'), dataIndex: 'receivedOn' },
          {
            title: t('commerce.receivables.payments.amount'),
            key: 'amount',
            align: 'right',
            render: (_, p) => struck(p, yuan(p.amount)),
          },
          {
            title: t('commerce.receivables.payments.method'),
            key: 'method',
            render: (_, p) => t(`commerce.receivables.methods.${p.method}`),
          },
          {
            title: t('commerce.receivables.payments.allocation'),
            key: 'allocations',
            render: (_, p) =>
              [
                ...p.allocations.map((a) => `${instalmentTitle(t, a)} ${yuan(a.amount)}`),
                ...(p.creditAmount !== '0.00'
                  ? [t('commerce.receivables.payments.toCredit', { amount: yuan(p.creditAmount) })]
                  : []),
              ].join('；') || '—',
          },
          { title: t('commerce.receivables.payments.reference'), dataIndex: 'reference', render: (v: string | null) => v ?? '—' },
          { title: t('commerce.receivables.payments.by'), dataIndex: 'userName' },
          {
            title: '',
            key: 'actions',
            render: (_, p) =>
              canEdit && !p.reversedAt ? (
                <Popconfirm
                  title={t('commerce.receivables.payments.reverseConfirm', { number: p.number })}
                  onConfirm={() => reverse(p)}
                >
                  <Button type="link" danger size="small">
                    {t('commerce.receivables.payments.reverse')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </section>
  );
}
