// Split a unit's target to its child units and its people: one amount per part (empty: none), the sum against the
// parent shown as it is typed (to the fen), parts over the parent refused before sending; existing parts come
// prefilled and are replaced. The server's refusal of a part sits beside that part.
import { useState } from 'react';
import { Alert, App, Flex, Form, Input, Spin, Typography, type FormInstance } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PlanRow, SalesTarget } from '@guanxi/contracts';
import { api, ApiError } from '../../../platform/api.ts';
import { errorMessage } from '../../../platform/formErrors.ts';
import { FormDialog } from '../../admin/FormDialog.tsx';
import { metricValue } from './figures.tsx';
import { planningKeys, splitTarget } from './planning.api.ts';
import { splitSummary } from './planning.logic.ts';

interface Part {
  kind: 'unit' | 'person';
  id: string;
  name: string;
}

interface Props {
  target: SalesTarget;
  units: PlanRow[];
  people: PlanRow[];
  onClose: () => void;
}

type SplitValues = { values: (string | undefined)[] };

export function SplitDialog({ target, units, people, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SplitValues>();
  const [saving, setSaving] = useState(false);
  const existing = useQuery({
    queryKey: [...planningKeys.all, 'parts', target.id],
    queryFn: () => api.get<{ items: SalesTarget[] }>(`/sales-targets?parentId=${target.id}`).then((r) => r.items),
  });
  const parts: Part[] = [
    ...units.map((row) => ({ kind: 'unit' as const, id: row.orgUnitId, name: row.name })),
    ...people.map((row) => ({ kind: 'person' as const, id: row.userId!, name: row.name })),
  ];
  return (
    <FormDialog
      title={t('sales.planning.split.title', { name: target.orgUnitName, metric: t(`sales.planning.metrics.${target.metric}`) })}
      saving={saving}
      onSave={() => form.submit()}
      onClose={onClose}
      width={560}
    >
      {existing.isPending ? (
        <Spin />
      ) : (
        <SplitForm
          form={form}
          onSaving={setSaving}
          target={target}
          parts={parts}
          existing={existing.data ?? []}
          onClose={onClose}
        />
      )}
    </FormDialog>
  );
}

interface SplitFormProps {
  form: FormInstance<SplitValues>;
  onSaving: (saving: boolean) => void;
  target: SalesTarget;
  parts: Part[];
  existing: SalesTarget[];
  onClose: () => void;
}

function SplitForm({ form, onSaving, target, parts, existing, onClose }: SplitFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const values = Form.useWatch('values', form) ?? [];
  const [error, setError] = useState<string>();
  const whole = target.metric !== 'revenue';
  const summary = splitSummary(target.value, values, whole);
  const initial = parts.map(
    (part) => existing.find((e) => (part.kind === 'person' ? e.userId === part.id : !e.userId && e.orgUnitId === part.id))?.value,
  );

  const send = async () => {
    setError(undefined);
    const sent = parts.map((part, i) => ({ part, i, value: values[i]?.trim() ?? '' })).filter((row) => row.value !== '');
    if (!sent.length || summary.exceeds || summary.invalid.length) return;
    onSaving(true);
    try {
      await splitTarget(target, {
        children: sent.map(({ part, value }) =>
          part.kind === 'person' ? { userId: part.id, value } : { orgUnitId: part.id, value },
        ),
      });
      await queryClient.invalidateQueries({ queryKey: planningKeys.all });
      void message.success(t('sales.planning.split.done'));
      onClose();
    } catch (err) {
      // `children.<k>.value` names the k-th part sent: put it beside that row.
      const details = err instanceof ApiError ? err.details : [];
      const placed = details.flatMap((d) => {
        const match = /^children\.(\d+)\./.exec(d.field ?? '');
        const row = match ? sent[Number(match[1])] : undefined;
        return row ? [{ name: ['values', row.i] as ['values', number], errors: [d.message] }] : [];
      });
      form.setFields(placed);
      if (placed.length < details.length || !details.length) setError(errorMessage(t, err));
    } finally {
      onSaving(false);
    }
  };

  return (
    <Form form={form} layout="horizontal" initialValues={{ values: initial }} onFinish={() => void send()}>
      <Typography.Paragraph>
        {t('sales.planning.split.parent', { value: metricValue(target.metric, target.value), period: target.period })}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {parts.length === 0 && <Typography.Paragraph type="secondary">{t('sales.planning.split.nobody')}</Typography.Paragraph>}
      {parts.map((part, i) => (
        <Flex key={`${part.kind}:${part.id}`} gap={8} align="baseline" wrap>
          <Typography.Text style={{ flex: '1 1 140px', minWidth: 0 }}>
            {part.name}
            <Typography.Text type="secondary">
              {' '}
              · {part.kind === 'unit' ? t('sales.planning.split.unit') : t('sales.planning.person')}
            </Typography.Text>
          </Typography.Text>
          <Form.Item
            name={['values', i]}
            style={{ flex: '1 1 160px', minWidth: 0, marginBottom: 12 }}
            rules={[
              {
                validator: (_, value?: string) =>
                  splitSummary('0', [value], whole).invalid.length
                    ? Promise.reject(new Error(t(whole ? 'sales.planning.split.wholeNumber' : 'sales.planning.split.amount')))
                    : Promise.resolve(),
              },
            ]}
          >
            <Input inputMode="decimal" aria-label={t('sales.planning.split.partLabel', { name: part.name })} maxLength={20} />
          </Form.Item>
        </Flex>
      ))}
      <Alert
        type={summary.exceeds ? 'error' : 'info'}
        showIcon
        role="status"
        message={
          summary.exceeds
            ? t('sales.planning.split.exceeds', {
                total: metricValue(target.metric, summary.total),
                over: metricValue(target.metric, summary.remaining.replace('-', '')),
              })
            : t('sales.planning.split.summary', {
                total: metricValue(target.metric, summary.total),
                remaining: metricValue(target.metric, summary.remaining),
              })
        }
      />
    </Form>
  );
}
