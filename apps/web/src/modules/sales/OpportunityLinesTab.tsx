// 产品明细 on an opportunity's page: its free product lines (product, category, quantity, unit price, discount) with
// each line's amount and the total, which is the opportunity's amount while it has lines. Those who may edit the
// opportunity change the lines in place (amounts previewed to the fen as typed); saved whole with the opportunity's
// version (412: reloaded), the server's refusals beside the line field they name.
import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Table, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { OpportunityLine, OpportunityLines } from '@guanxi/contracts';
import { api, request } from '../../platform/api.ts';
import { errorMessage, isStale } from '../../platform/formErrors.ts';
import type { DetailProps } from '../records/pageExtensions.ts';
import { recordKeys } from '../records/records.api.ts';
import { placeFormError } from './admin/adminForms.ts';
import { money } from './planning/figures.tsx';
import { previewLineAmount, sumAmounts } from './lineAmounts.ts';

type LineValues = Pick<OpportunityLine, 'productName' | 'quantity' | 'unitPrice'> & {
  category?: string;
  discountPercent?: string;
};

const linesKey = (id: string) => ['opportunities', id, 'lines'] as const;

export function OpportunityLinesTab({ entity, record }: DetailProps) {
  const { t } = useTranslation();
  const lines = useQuery({
    queryKey: linesKey(record.id),
    queryFn: () => api.get<OpportunityLines>(`/opportunities/${record.id}/lines`),
  });
  const [editing, setEditing] = useState(false);
  if (lines.isError) return <Alert type="error" showIcon message={errorMessage(t, lines.error)} />;
  if (editing && lines.data) return <LinesForm plural={entity.plural} lines={lines.data} onDone={() => setEditing(false)} />;
  const rows = lines.data?.lines ?? [];
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('sales.lines.amountNote')}</Typography.Text>
        {record.access?.update && (
          <Button onClick={() => setEditing(true)} disabled={!lines.data}>
            {t('sales.lines.edit')}
          </Button>
        )}
      </Flex>
      <Table<OpportunityLine>
        size="small"
        rowKey="id"
        loading={lines.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('sales.lines.empty') }}
        columns={[
          { title: t('sales.lines.product'), dataIndex: 'productName', width: 180 },
          { title: t('sales.lines.category'), dataIndex: 'category', width: 110, render: (c: string | null) => c ?? '—' },
          { title: t('sales.lines.quantity'), dataIndex: 'quantity', width: 90, align: 'right' },
          {
            title: t('sales.lines.unitPrice'),
            dataIndex: 'unitPrice',
            width: 120,
            align: 'right',
            render: (v: string) => money(v),
          },
          {
            title: t('sales.lines.discount'),
            dataIndex: 'discountPercent',
            width: 90,
            align: 'right',
            render: (v: string) => `${v}%`,
          },
          { title: t('sales.lines.amount'), dataIndex: 'amount', width: 130, align: 'right', render: (v: string) => money(v) },
        ]}
        summary={() =>
          rows.length ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5}>
                <Typography.Text strong>{t('sales.lines.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>{money(sumAmounts(rows.map((l) => l.amount)))}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}

function LinesForm({ plural, lines, onDone }: { plural: string; lines: OpportunityLines; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ lines: LineValues[] }>();
  const values = (Form.useWatch('lines', form) ?? []) as (LineValues | undefined)[];
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const amounts = values.map((l) => previewLineAmount(l?.quantity, l?.unitPrice, l?.discountPercent));
  const id = lines.opportunityId;

  const save = async ({ lines: rows = [] }: { lines?: LineValues[] }) => {
    setSaving(true);
    setErrors([]);
    try {
      const saved = await request<OpportunityLines>(
        'PUT',
        `/opportunities/${id}/lines`,
        {
          lines: rows.map((l) => ({
            productName: l.productName.trim(),
            category: l.category?.trim() || null,
            quantity: l.quantity.trim(),
            unitPrice: l.unitPrice.trim(),
            ...(l.discountPercent?.trim() ? { discountPercent: l.discountPercent.trim() } : {}),
          })),
        },
        { ifMatch: lines.version },
      );
      queryClient.setQueryData(linesKey(id), saved);
      // The opportunity's amount and version follow its lines.
      void queryClient.invalidateQueries({ queryKey: recordKeys.type(plural) });
      void message.success(t('sales.admin.common.saved'));
      onDone();
    } catch (err) {
      if (isStale(err)) {
        void message.warning(t('sales.admin.common.stale'));
        void queryClient.invalidateQueries({ queryKey: linesKey(id) });
        void queryClient.invalidateQueries({ queryKey: recordKeys.type(plural) });
        onDone();
      } else setErrors(placeFormError(form, message, t, err));
    } finally {
      setSaving(false);
    }
  };

  const decimal = (places: number) => ({
    pattern: new RegExp(`^\\s*\\d{1,16}(\\.\\d{1,${places}})?\\s*$`),
    message: t('sales.lines.numberInvalid', { places }),
  });

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        lines: lines.lines.map((l) => ({ ...l, category: l.category ?? undefined, discountPercent: l.discountPercent })),
      }}
      onFinish={(v) => void save(v)}
    >
      {errors.map((text) => (
        <Alert key={text} type="error" showIcon message={text} style={{ marginBottom: 12 }} />
      ))}
      <Form.List name="lines">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, index) => {
              const name = values[index]?.productName || t('sales.lines.lineN', { n: index + 1 });
              return (
                <div
                  key={row.key}
                  role="group"
                  aria-label={name}
                  style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '8px 12px 0', marginBottom: 8 }}
                >
                  <Flex wrap gap="0 8px" align="start">
                    <Form.Item
                      name={[row.name, 'productName']}
                      label={t('sales.lines.product')}
                      rules={[{ required: true, whitespace: true, message: t('sales.lines.productRequired') }]}
                      style={{ flex: '2 1 180px', minWidth: 0 }}
                    >
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'category']}
                      label={t('sales.lines.category')}
                      style={{ flex: '1 1 110px', minWidth: 0 }}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'quantity']}
                      label={t('sales.lines.quantity')}
                      rules={[{ required: true, message: t('sales.lines.numberInvalid', { places: 4 }) }, decimal(4)]}
                      style={{ flex: '1 1 80px', minWidth: 0 }}
                    >
                      <Input inputMode="decimal" maxLength={21} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'unitPrice']}
                      label={t('sales.lines.unitPrice')}
                      rules={[{ required: true, message: t('sales.lines.numberInvalid', { places: 2 }) }, decimal(2)]}
                      style={{ flex: '1 1 100px', minWidth: 0 }}
                    >
                      <Input inputMode="decimal" maxLength={19} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'discountPercent']}
                      label={t('sales.lines.discount')}
                      rules={[decimal(2)]}
                      style={{ flex: '1 1 80px', minWidth: 0 }}
                    >
                      <Input inputMode="decimal" maxLength={6} />
                    </Form.Item>
                    <Form.Item label={t('sales.lines.amount')} style={{ flex: '1 1 110px', minWidth: 0 }}>
                      <Typography.Text strong aria-live="polite">
                        {amounts[index] ? money(amounts[index]) : '—'}
                      </Typography.Text>
                    </Form.Item>
                    <Form.Item label=" " colon={false}>
                      <Button
                        danger
                        size="small"
                        autoInsertSpace={false}
                        aria-label={t('sales.admin.common.removeLabel', { name })}
                        onClick={() => remove(index)}
                      >
                        {t('sales.admin.common.remove')}
                      </Button>
                    </Form.Item>
                  </Flex>
                </div>
              );
            })}
            <Button type="dashed" block onClick={() => add({ productName: '', quantity: '1', unitPrice: '' })}>
              {t('sales.lines.add')}
            </Button>
          </>
        )}
      </Form.List>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 16 }}>
        <Typography.Text strong role="status">
          {t('sales.planning.labelled', { name: t('sales.lines.total'), value: money(sumAmounts(amounts)) })}
        </Typography.Text>
        <Flex gap={8}>
          <Button onClick={onDone}>{t('sales.admin.common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('sales.admin.common.save')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
